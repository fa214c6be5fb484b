// After a deployment (command or panel): offers to point the definition's invoker tasks at the deployed function,
// as one undoable edit of the open document (never saved behind the user's back), or to copy the ARN. Refuses to
// write when the definition changed while the deployment ran.
import * as vscode from 'vscode';
import type { InvokerExtraction } from '../../core/invoker/extract';
import { functionArnEdits } from '../../core/invoker/extract';
import { toWorkspaceEdit } from '../crossings/codeActions';

export type ArnAction = 'write' | 'copy' | 'none';

export interface ArnTarget {
  document: vscode.TextDocument;
  found: InvokerExtraction;
  /** The document version the extraction was made from. */
  version: number;
}

export interface ArnWriteLog {
  info(message: string): void;
}

/** Asks (unless `action` is given) and applies the choice; true when the ARN was written into the definition. */
export async function offerArnWrite(
  target: ArnTarget | undefined,
  functionArn: string,
  summary: string,
  log: ArnWriteLog,
  action?: ArnAction,
): Promise<boolean> {
  const edits = target ? functionArnEdits(target.document.getText(), target.found, functionArn) : [];
  let chosen = action;
  if (!chosen) {
    const choices = edits.length ? ['Write ARN into definition', 'Copy ARN'] : ['Copy ARN'];
    const choice = await vscode.window.showInformationMessage(summary, ...choices);
    chosen = choice === 'Write ARN into definition' ? 'write' : choice === 'Copy ARN' ? 'copy' : 'none';
  }
  if (chosen === 'copy') {
    await vscode.env.clipboard.writeText(functionArn);
    return false;
  }
  if (chosen !== 'write' || !target || !edits.length) return false;
  if (target.document.version !== target.version) {
    void vscode.window.showWarningMessage(
      'The definition changed during the deployment: the ARN was not written. Deploy again or copy the ARN.',
    );
    return false;
  }
  const wrote = await vscode.workspace.applyEdit(toWorkspaceEdit(target.document, edits));
  if (wrote)
    log.info(
      `Wrote the ARN into ${edits.length} invoker task(s) of ${vscode.workspace.asRelativePath(target.document.uri)}`,
    );
  return wrote;
}
