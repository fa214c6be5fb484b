// Commands of the validation core: validate every definition in the workspace, and every
// CloudFormation/SAM/CDK template that holds state machines.
import * as vscode from 'vscode';
import { TEMPLATE_HINT } from '../core/sources';
import type { ExtensionContextLike } from './context';
import type { DiagnosticsPublisher } from './diagnostics';

export const DEFINITION_GLOB = '**/*.{asl.json,asl.yaml,asl.yml}';
/** Files that may be templates; only those whose text names a state machine resource are opened. */
const TEMPLATE_GLOB = '**/*.{json,yaml,yml,template}';
const SKIPPED = '{**/node_modules/**,**/.git/**,**/cdk.out/asset.*/**,**/.aws-sam/**,**/.terraform/**}';
const MAX_FILES = 2000;

export function registerCoreCommands(ctx: ExtensionContextLike, diagnostics: DiagnosticsPublisher): void {
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand('sfnCrossings.validateWorkspace', async () => {
      const definitions = await vscode.workspace.findFiles(DEFINITION_GLOB, SKIPPED, MAX_FILES);
      const templates = await templateFiles(new Set(definitions.map((u) => u.toString())));
      let errors = 0;
      for (const uri of [...definitions, ...templates]) {
        const document = await vscode.workspace.openTextDocument(uri);
        diagnostics.publish(document);
        errors += vscode.languages
          .getDiagnostics(uri)
          .filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
      }
      const summary =
        `Validated ${definitions.length} definition(s)` +
        (templates.length ? ` and ${templates.length} template(s)` : '') +
        `: ${errors} error(s).`;
      ctx.log.info(summary);
      void vscode.window.showInformationMessage(summary);
      return {
        files: definitions.length + templates.length,
        definitions: definitions.length,
        templates: templates.length,
        errors,
      };
    }),
  );
}

/** Template files of the workspace: a cheap text test before any document is opened. */
async function templateFiles(definitions: Set<string>): Promise<vscode.Uri[]> {
  const candidates = await vscode.workspace.findFiles(TEMPLATE_GLOB, SKIPPED, MAX_FILES);
  const found: vscode.Uri[] = [];
  for (const uri of candidates) {
    if (definitions.has(uri.toString())) continue;
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      if (TEMPLATE_HINT.test(text)) found.push(uri);
    } catch {
      // unreadable: skipped here, as the folder walk of the CLI reports it
    }
  }
  return found;
}
