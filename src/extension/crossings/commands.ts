// The crossing commands the code actions call: convert an aws-sdk task into a cross-region invoker call for a
// region the user picks (or one given as argument, as tests and keybindings may do).
import * as vscode from 'vscode';
import { taskOfState, toInvokerEdits } from '../../core/crossings/convert';
import { KNOWN_REGIONS } from '../../core/crossings/regions';
import { isRegionCode } from '../../core/crossings/values';
import type { ExtensionContextLike } from '../context';
import { readValidationSettings } from '../settings';

export const CONVERT_TO_INVOKER_COMMAND = 'sfnCrossings.convertToCrossRegionCall';

async function pickRegion(): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    KNOWN_REGIONS.map((r) => ({ label: r })),
    { title: 'Call this API in which region?', placeHolder: 'Region code, e.g. us-west-2', matchOnDescription: true },
  );
  return picked?.label;
}

export function registerCrossingCommands(ctx: ExtensionContextLike): void {
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(
      CONVERT_TO_INVOKER_COMMAND,
      async (uri: string, pointer: string, region?: string): Promise<boolean> => {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
        if (!document) return false;
        const chosen = region ?? (await pickRegion());
        if (!chosen) return false;
        if (!isRegionCode(chosen)) {
          void vscode.window.showErrorMessage(`"${chosen}" is not a region code (e.g. us-west-2).`);
          return false;
        }
        const analysis = ctx.analyze(document);
        const state = analysis.model?.states.find((s) => s.pointer === pointer);
        const names = readValidationSettings(document).invokerNames;
        const task = state && taskOfState(state, names);
        const result =
          task && analysis.model && toInvokerEdits(analysis.model, task, chosen, { invokerName: names[0] });
        if (!result) {
          void vscode.window.showWarningMessage('This state is no longer an aws-sdk task: nothing was converted.');
          return false;
        }
        const edit = new vscode.WorkspaceEdit();
        for (const e of result.edits)
          edit.replace(
            document.uri,
            new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)),
            e.newText,
          );
        return vscode.workspace.applyEdit(edit);
      },
    ),
  );
}
