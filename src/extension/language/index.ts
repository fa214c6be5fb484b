// The ASL language feature: formatter, state-name completion/definition/references/rename and the
// outline for `asl` and `asl-yaml`. The grammar and language configuration are declared in package.json.
// When the AWS Toolkit is installed it formats, completes and outlines these files itself, so those three
// providers stand down (nothing shown twice, no "multiple formatters" prompt); definition, references and
// rename, which the Toolkit lacks, stay. Re-evaluated when extensions are installed or removed.
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import { AWS_TOOLKIT_ID } from '../settings';
import { AslFormatter } from './formatter';
import { StateNameFeatures } from './stateSymbols';

export const ASL_SELECTOR: vscode.DocumentSelector = [{ language: 'asl' }, { language: 'asl-yaml' }];

/** True while the AWS Toolkit is installed and enabled (it serves asl/asl-yaml once it activates). */
export function toolkitPresent(): boolean {
  return vscode.extensions.getExtension(AWS_TOOLKIT_ID) !== undefined;
}

export function registerLanguage(ctx: ExtensionContextLike): void {
  const names = new StateNameFeatures(ctx);
  const formatter = new AslFormatter();
  ctx.extension.subscriptions.push(
    vscode.languages.registerDefinitionProvider(ASL_SELECTOR, names),
    vscode.languages.registerReferenceProvider(ASL_SELECTOR, names),
    vscode.languages.registerRenameProvider(ASL_SELECTOR, names),
  );
  let overlapping: vscode.Disposable | undefined;
  const update = () => {
    if (toolkitPresent()) {
      overlapping?.dispose();
      overlapping = undefined;
    } else {
      overlapping ??= vscode.Disposable.from(
        vscode.languages.registerDocumentFormattingEditProvider(ASL_SELECTOR, formatter),
        vscode.languages.registerDocumentRangeFormattingEditProvider(ASL_SELECTOR, formatter),
        vscode.languages.registerCompletionItemProvider(ASL_SELECTOR, names, '"', ' '),
        vscode.languages.registerDocumentSymbolProvider(ASL_SELECTOR, names, { label: 'States' }),
      );
    }
  };
  update();
  ctx.extension.subscriptions.push(vscode.extensions.onDidChange(update), { dispose: () => overlapping?.dispose() });
}
