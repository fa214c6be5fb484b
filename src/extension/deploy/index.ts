// Registers the invoker deployment command (sfnCrossings.deployInvoker). Nothing heavy loads here.
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import type { DeployInvokerArgs } from './deployCommand';

export const DEPLOY_INVOKER_COMMAND = 'sfnCrossings.deployInvoker';

export function registerDeployInvoker(ctx: ExtensionContextLike): void {
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(DEPLOY_INVOKER_COMMAND, async (args?: DeployInvokerArgs) => {
      const { deployInvokerCommand } = await import('./deployCommand');
      return deployInvokerCommand(ctx, args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : {});
    }),
  );
}
