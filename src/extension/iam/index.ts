// The IAM editor feature: the four "Generate ..." commands, "Add the required IAM to this template" (command +
// Quick Fix on a template's state machine), the per-state CodeLens, and the context key
// `sfnCrossings.isAslEditor` their menus use. Context answers live in workspaceState (IamContextStore).
import * as vscode from 'vscode';
import type { IamContext } from '../../core/iam';
import type { ExtensionContextLike } from '../context';
import { IamCodeLenses } from './codeLens';
import { registerIamCommands } from './commands';
import { IamContextStore } from './iamContext';
import { registerTemplateIam } from './templateCommand';

export { IAM_COMMANDS } from './commands';

let activeStore: IamContextStore | undefined;

/**
 * The IAM context known for a document without asking (settings, then the user's remembered answers), for other
 * features (the panel). Empty before the feature is registered.
 */
export function knownIamContext(document: vscode.TextDocument): Partial<IamContext> {
  return activeStore?.peek(document) ?? {};
}

const SELECTOR: vscode.DocumentSelector = ['asl', 'asl-yaml', 'json', 'jsonc', 'yaml'].map((language) => ({
  language,
}));

export function registerIam(ctx: ExtensionContextLike): void {
  const store = new IamContextStore(ctx.extension.workspaceState);
  activeStore = store;
  registerIamCommands(ctx, store);
  registerTemplateIam(ctx);
  ctx.extension.subscriptions.push(vscode.languages.registerCodeLensProvider(SELECTOR, new IamCodeLenses(ctx, store)));
  const updateContextKey = (editor: vscode.TextEditor | undefined) =>
    void vscode.commands.executeCommand(
      'setContext',
      'sfnCrossings.isAslEditor',
      editor !== undefined && ctx.isAsl(editor.document),
    );
  updateContextKey(vscode.window.activeTextEditor);
  ctx.extension.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(updateContextKey),
    ctx.onDidAnalyze(({ document }) => {
      if (vscode.window.activeTextEditor?.document === document) updateContextKey(vscode.window.activeTextEditor);
    }),
  );
}
