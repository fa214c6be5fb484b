// Where a definition runs, for IAM generation: command arguments first, then the sfnCrossings.iam.* settings,
// then what the user answered before for this file (workspaceState), and only then validated input boxes,
// whose answers are remembered per workspace so each question is asked once.
import * as vscode from 'vscode';
import { checkFunctionArn, checkRoleArn, checkStateMachineArn, type IamContext } from '../../core/iam';

const STATE_KEY = 'sfnCrossings.iam.contexts';

/** What a command may be given (tests and other features pass it; users get the input boxes). */
export interface IamCommandArgs {
  /** The definition (default: the active editor's document). */
  uri?: vscode.Uri | string;
  context?: Partial<IamContext>;
  /** Skip the input boxes: fail when something is missing (tests, scripted use). */
  noPrompt?: boolean;
}

type Remembered = Record<string, Partial<IamContext>>;

function fromSettings(scope: vscode.ConfigurationScope): Partial<IamContext> {
  const c = vscode.workspace.getConfiguration('sfnCrossings.iam', scope);
  const out: Partial<IamContext> = {};
  const stateMachineArn = c.get<string>('stateMachineArn', '').trim();
  const executionRoleArn = c.get<string>('executionRoleArn', '').trim();
  const invokerArn = c.get<string>('invokerArn', '').trim();
  if (stateMachineArn) out.stateMachineArn = stateMachineArn;
  if (executionRoleArn) out.executionRoleArn = executionRoleArn;
  if (invokerArn) out.invokerArn = invokerArn;
  return out;
}

export class IamContextStore {
  constructor(private readonly memento: vscode.Memento) {}

  private all(): Remembered {
    return this.memento.get<Remembered>(STATE_KEY, {});
  }

  remembered(uri: vscode.Uri): Partial<IamContext> {
    return this.all()[uri.toString()] ?? {};
  }

  async remember(uri: vscode.Uri, context: Partial<IamContext>): Promise<void> {
    await this.memento.update(STATE_KEY, { ...this.all(), [uri.toString()]: context });
  }

  async forget(uri: vscode.Uri): Promise<void> {
    const all = this.all();
    delete all[uri.toString()];
    await this.memento.update(STATE_KEY, all);
  }

  /** Any context given before in this workspace, to prefill the input boxes for a new file. */
  private lastAnswers(): Partial<IamContext> {
    const values = Object.values(this.all());
    return values[values.length - 1] ?? {};
  }

  /** The context for a document without asking anything (CodeLens, panel). */
  peek(document: vscode.TextDocument, given: Partial<IamContext> = {}): Partial<IamContext> {
    return { ...this.remembered(document.uri), ...fromSettings(document.uri), ...given };
  }

  /**
   * The full context, asking for what is missing. undefined when the user cancels (or, with noPrompt, when
   * something is missing).
   */
  async resolve(
    document: vscode.TextDocument,
    args: IamCommandArgs,
    wantInvoker: boolean,
  ): Promise<IamContext | undefined> {
    const known = this.peek(document, args.context);
    const prefill = this.lastAnswers();
    const answers: Partial<IamContext> = {};
    const ask = async (
      title: string,
      prompt: string,
      value: string | undefined,
      check: (s: string) => string | undefined,
      optional = false,
    ) => {
      if (args.noPrompt) return undefined;
      const answer = await vscode.window.showInputBox({
        title: `Step Functions Crossings: ${title}`,
        prompt,
        value,
        ignoreFocusOut: true,
        validateInput: (s) => (optional && s.trim() === '' ? undefined : check(s.trim())),
      });
      return answer === undefined ? undefined : answer.trim();
    };
    if (!known.stateMachineArn && !(known.stateMachineName && known.region && known.account)) {
      const v = await ask(
        'state machine ARN',
        'The ARN of the state machine this definition is deployed as',
        prefill.stateMachineArn,
        checkStateMachineArn,
      );
      if (!v) return undefined;
      answers.stateMachineArn = v;
    }
    if (!known.executionRoleArn) {
      const v = await ask(
        'execution role ARN',
        "The ARN of the state machine's execution role",
        prefill.executionRoleArn,
        checkRoleArn,
      );
      if (!v) return undefined;
      answers.executionRoleArn = v;
    }
    // An empty answer means "the default invoker" and is remembered too, so the question is asked once.
    if (wantInvoker && known.invokerArn === undefined && !args.noPrompt) {
      const v = await ask(
        'invoker function ARN',
        "The ARN of the cross-region invoker Lambda (leave empty for the default name in the state machine's account and region)",
        prefill.invokerArn,
        checkFunctionArn,
        true,
      );
      if (v === undefined) return undefined;
      answers.invokerArn = v;
    }
    if (Object.keys(answers).length > 0)
      await this.remember(document.uri, { ...this.remembered(document.uri), ...answers });
    const context = { ...known, ...answers };
    if (!context.invokerArn) delete context.invokerArn;
    return context.executionRoleArn ? (context as IamContext) : undefined;
  }
}
