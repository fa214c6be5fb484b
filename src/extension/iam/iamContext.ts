// The editor side of the IAM context: the sfnCrossings.iam.* settings and validated input boxes around the
// ContextStore (contextStore.ts), whose answers live in workspaceState. Other features (panel, remote) use
// IamContextStore to read or record a document's context.
import * as vscode from 'vscode';
import type { IamContext } from '../../core/iam';
import { ContextStore, type Ask } from './contextStore';

/** What a command may be given (tests and other features pass it; users get the input boxes). */
export interface IamCommandArgs {
  /** The definition (default: the active editor's document). */
  uri?: vscode.Uri | string;
  context?: Partial<IamContext>;
  /** Skip the input boxes: fail when something is missing (tests, scripted use). */
  noPrompt?: boolean;
}

function settingsFor(key: string): Partial<IamContext> {
  const c = vscode.workspace.getConfiguration('sfnCrossings.iam', vscode.Uri.parse(key));
  const out: Partial<IamContext> = {};
  for (const name of ['stateMachineArn', 'executionRoleArn', 'invokerArn'] as const) {
    const v = c.get<string>(name, '').trim();
    if (v) out[name] = v;
  }
  return out;
}

const inputBox: Ask = (q) =>
  vscode.window.showInputBox({
    title: `Step Functions Crossings: ${q.title}`,
    prompt: q.prompt,
    value: q.value,
    placeHolder: q.placeholder,
    ignoreFocusOut: true,
    validateInput: q.validate,
  });

/** A document's IAM context, remembered per workspace; keys are document URIs. */
export class IamContextStore {
  private readonly store: ContextStore;

  constructor(memento: vscode.Memento) {
    this.store = new ContextStore(memento, settingsFor, inputBox);
  }

  remembered(uri: vscode.Uri): Partial<IamContext> {
    return this.store.remembered(uri.toString());
  }

  remember(uri: vscode.Uri, context: Partial<IamContext>): Promise<void> {
    return this.store.remember(uri.toString(), context);
  }

  forget(uri: vscode.Uri): Promise<void> {
    return this.store.forget(uri.toString());
  }

  /** The context known without asking (remembered answers, then settings, then `given`). */
  peek(document: vscode.TextDocument, given: Partial<IamContext> = {}): Partial<IamContext> {
    return this.store.peek(document.uri.toString(), given);
  }

  /** The full context, asking once for what is missing (input boxes); undefined when cancelled. */
  resolve(
    document: vscode.TextDocument,
    args: IamCommandArgs,
    wantInvoker: boolean,
    fromDefinition: Partial<IamContext> = {},
  ): Promise<IamContext | undefined> {
    return this.store.resolve(document.uri.toString(), {
      given: args.context,
      noPrompt: args.noPrompt,
      wantInvoker,
      fromDefinition,
    });
  }
}
