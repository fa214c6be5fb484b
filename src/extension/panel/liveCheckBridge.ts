// The panel's side of the live check (issue 17): turns the shown definition's last check (src/extension/check/
// results) into the page's LiveCheckView, runs the command when the page asks, and copies a row's fix.
import * as vscode from 'vscode';
import type { AslModel } from '../../core/model/model';
import { summaryLine } from '../../core/check/report';
import { CHECK_COMMAND, liveCheckResults, type LiveCheckState } from '../check/results';
import type { ExtensionContextLike } from '../context';
import type { HostMessage, LiveCheckView } from '../../../webview/protocol';

/** The state that contains a result's field pointer (the page reveals states). */
function statePointer(model: AslModel | undefined, pointer: string): string {
  if (!model || !pointer) return '';
  let best = '';
  for (const s of model.states)
    if ((pointer === s.pointer || pointer.startsWith(`${s.pointer}/`)) && s.pointer.length > best.length)
      best = s.pointer;
  return best;
}

export function liveCheckView(state: LiveCheckState | undefined, model: AslModel | undefined): LiveCheckView {
  if (!state) return { status: 'idle', message: '', rows: [] };
  if (state.status === 'running') return { status: 'running', message: '', rows: [] };
  if (state.status === 'failed') return { status: 'failed', message: state.message, rows: [] };
  return {
    status: 'done',
    message: `${summaryLine(state.report)} (${state.at.slice(0, 19).replace('T', ' ')} UTC)`,
    rows: state.report.results.map((r) => ({
      status: r.status,
      severity: r.severity ?? '',
      check: r.id,
      state: r.state,
      pointer: statePointer(model, r.pointer),
      account: r.account ?? '',
      message: r.message,
      fix: r.fix?.label ?? '',
    })),
  };
}

export function runLiveCheck(uri: vscode.Uri | undefined): Thenable<unknown> {
  return vscode.commands.executeCommand(CHECK_COMMAND, uri ? { uri: uri.toString() } : {});
}

/** Copies the fix of row `index` (the rows are the report's results, in order). */
export async function copyLiveCheckFix(uri: vscode.Uri | undefined, index: number): Promise<boolean> {
  const state = uri ? liveCheckResults.get(uri.toString()) : undefined;
  const fix = state?.status === 'done' ? state.report.results[index]?.fix : undefined;
  if (!fix) return false;
  await vscode.env.clipboard.writeText(fix.text);
  void vscode.window.showInformationMessage(`Copied: ${fix.label}.`);
  return true;
}

/** The `liveCheck` message for the definition at `uri` (idle when it was never checked). */
export function liveCheckMessage(uri: vscode.Uri | undefined, ctx: ExtensionContextLike): HostMessage {
  const key = uri?.toString() ?? '';
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  const model = document ? ctx.analyze(document).model : undefined;
  return { type: 'liveCheck', check: liveCheckView(key ? liveCheckResults.get(key) : undefined, model) };
}

/** Calls `post` whenever the live check of the document at `uri()` changes. */
export function onLiveCheckChange(uri: () => vscode.Uri | undefined, post: () => void): vscode.Disposable {
  return liveCheckResults.onDidChange((s) => {
    if (s.uri === uri()?.toString()) post();
  });
}
