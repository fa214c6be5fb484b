// Commands of the validation core: validate every definition in the workspace.
import * as vscode from 'vscode';
import type { ExtensionContextLike } from './context';
import type { DiagnosticsPublisher } from './diagnostics';

export const DEFINITION_GLOB = '**/*.{asl.json,asl.yaml,asl.yml}';

export function registerCoreCommands(ctx: ExtensionContextLike, diagnostics: DiagnosticsPublisher): void {
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand('sfnCrossings.validateWorkspace', async () => {
      const files = await vscode.workspace.findFiles(DEFINITION_GLOB, '**/node_modules/**', 2000);
      let errors = 0;
      for (const uri of files) {
        const document = await vscode.workspace.openTextDocument(uri);
        diagnostics.publish(document);
        errors += ctx.analyze(document).findings.filter((f) => f.severity === 'error').length;
      }
      const summary = `Validated ${files.length} definition(s): ${errors} error(s).`;
      ctx.log.info(summary);
      void vscode.window.showInformationMessage(summary);
      return { files: files.length, errors };
    }),
  );
}
