// The IAM context of a definition, without the editor: command arguments first, then settings, then what the
// definition itself says (the invoker ARN it calls), then the answers the user gave before for this file (a
// Memento: workspaceState), and only then questions, each validated, with a placeholder showing the expected
// form, whose answers are remembered so each is asked once. A question is prefilled only from this file's own
// answers, never from another file's (Enter must not aim a policy at another state machine). The vscode adapter (iamContext.ts) supplies the settings reader
// and the input boxes; tests supply fakes.
import { checkFunctionArn, checkRoleArn, checkStateMachineArn, type IamContext } from '../../core/iam';

export const STATE_KEY = 'sfnCrossings.iam.contexts';

/** The part of vscode.Memento this store uses. */
export interface MementoLike {
  get<T>(key: string, defaultValue: T): T;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface Question {
  title: string;
  prompt: string;
  /** Prefilled answer (one this document's context already holds). */
  value?: string;
  /** Example text shown in the empty box: the expected form. */
  placeholder: string;
  /** undefined when the text is acceptable, else the message shown under the box. */
  validate: (text: string) => string | undefined;
}

/** Asks one question; undefined when the user cancels. */
export type Ask = (question: Question) => PromiseLike<string | undefined>;

export interface ResolveOptions {
  /** Values given by the caller (command arguments). */
  given?: Partial<IamContext>;
  /** Fail instead of asking when something is missing. */
  noPrompt?: boolean;
  /** Also ask for the invoker's ARN (optional: an empty answer means the default invoker). */
  wantInvoker?: boolean;
  /** What the definition itself says (e.g. the invoker ARN its tasks call): above remembered answers. */
  fromDefinition?: Partial<IamContext>;
}

type Remembered = Record<string, Partial<IamContext>>;

export class ContextStore {
  constructor(
    private readonly memento: MementoLike,
    /** The sfnCrossings.iam.* settings for a document key. */
    private readonly settings: (key: string) => Partial<IamContext>,
    private readonly ask: Ask,
  ) {}

  private all(): Remembered {
    return this.memento.get<Remembered>(STATE_KEY, {});
  }

  remembered(key: string): Partial<IamContext> {
    return this.all()[key] ?? {};
  }

  async remember(key: string, context: Partial<IamContext>): Promise<void> {
    await this.memento.update(STATE_KEY, { ...this.all(), [key]: context });
  }

  async forget(key: string): Promise<void> {
    const all = this.all();
    delete all[key];
    await this.memento.update(STATE_KEY, all);
  }

  /**
   * What is known for a document without asking: remembered answers, overridden by what the definition says,
   * then by settings, then by `given`.
   */
  peek(key: string, given: Partial<IamContext> = {}, fromDefinition: Partial<IamContext> = {}): Partial<IamContext> {
    return { ...this.remembered(key), ...fromDefinition, ...this.settings(key), ...given };
  }

  /** The full context, asking once for what is missing; undefined when cancelled or (noPrompt) incomplete. */
  async resolve(key: string, options: ResolveOptions = {}): Promise<IamContext | undefined> {
    const known = this.peek(key, options.given, options.fromDefinition);
    // Only this document's own answers prefill a box (a partial earlier answer, e.g. after a cancel).
    const prefill = this.remembered(key);
    const answers: Partial<IamContext> = {};
    const question = async (q: Question, optional = false): Promise<string | undefined> => {
      if (options.noPrompt) return undefined;
      const validate = (text: string) => (optional && text.trim() === '' ? undefined : q.validate(text.trim()));
      const answer = await this.ask({ ...q, validate });
      // The box validates as the user types; check again so a scripted answer cannot slip through.
      if (answer === undefined || validate(answer) !== undefined) return undefined;
      return answer.trim();
    };
    if (!known.stateMachineArn && !(known.stateMachineName && known.region && known.account)) {
      const v = await question({
        title: 'state machine ARN',
        prompt: 'The ARN of the state machine this definition is deployed as',
        value: prefill.stateMachineArn,
        placeholder: 'arn:aws:states:us-east-1:111122223333:stateMachine:MyStateMachine',
        validate: checkStateMachineArn,
      });
      if (!v) return undefined;
      answers.stateMachineArn = v;
    }
    if (!known.executionRoleArn) {
      const v = await question({
        title: 'execution role ARN',
        prompt: "The ARN of the state machine's execution role",
        value: prefill.executionRoleArn,
        placeholder: 'arn:aws:iam::111122223333:role/MyStateMachineRole',
        validate: checkRoleArn,
      });
      if (!v) {
        if (answers.stateMachineArn) await this.remember(key, { ...this.remembered(key), ...answers });
        return undefined;
      }
      answers.executionRoleArn = v;
    }
    // An empty answer means "the default invoker" and is remembered too, so the question is asked once.
    if (options.wantInvoker && known.invokerArn === undefined && !options.noPrompt) {
      const v = await question(
        {
          title: 'invoker function ARN',
          prompt:
            "The ARN of the cross-region invoker Lambda (leave empty for the default name in the state machine's account and region)",
          value: prefill.invokerArn,
          placeholder: 'arn:aws:lambda:us-east-1:111122223333:function:sfn-crossings-invoker (empty: the default)',
          validate: checkFunctionArn,
        },
        true,
      );
      if (v === undefined) return undefined;
      answers.invokerArn = v;
    }
    if (Object.keys(answers).length > 0) await this.remember(key, { ...this.remembered(key), ...answers });
    const context = { ...known, ...answers };
    if (!context.invokerArn) delete context.invokerArn;
    return context.executionRoleArn && (context.stateMachineArn || context.stateMachineName)
      ? (context as IamContext)
      : undefined;
  }
}
