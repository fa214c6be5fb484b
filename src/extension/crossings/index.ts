// The crossings editor feature: Quick Fixes and refactorings, completion and hover for crossing tasks.
// Registration is cheap; the API catalog loads on the first completion or validation that needs it.
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import { CrossingCodeActions } from './codeActions';
import { registerCrossingCommands } from './commands';
import { CrossingCompletions } from './completion';
import { CrossingHover } from './hover';

export const CROSSING_SELECTOR: vscode.DocumentSelector = ['asl', 'asl-yaml', 'json', 'jsonc', 'yaml'].map(
  (language) => ({ language }),
);

export function registerCrossings(ctx: ExtensionContextLike): void {
  registerCrossingCommands(ctx);
  ctx.extension.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(CROSSING_SELECTOR, new CrossingCodeActions(ctx), {
      providedCodeActionKinds: CrossingCodeActions.kinds,
    }),
    vscode.languages.registerCompletionItemProvider(CROSSING_SELECTOR, new CrossingCompletions(ctx), '"', ':'),
    vscode.languages.registerHoverProvider(CROSSING_SELECTOR, new CrossingHover(ctx)),
  );
}
