// The last live-check outcome per document (running, done with its report, or failed with one line), shared by the
// diagnostics, the copy-fix Code Action and the panel's Live check section, with an event when one changes.
import * as vscode from 'vscode';
import type { CheckReport } from '../../core/check/types';

export type LiveCheckState =
  | { status: 'running'; uri: string }
  | { status: 'done'; uri: string; report: CheckReport; at: string }
  | { status: 'failed'; uri: string; message: string };

class LiveCheckResults implements vscode.Disposable {
  private readonly byUri = new Map<string, LiveCheckState>();
  private readonly emitter = new vscode.EventEmitter<LiveCheckState>();
  readonly onDidChange = this.emitter.event;

  get(uri: string): LiveCheckState | undefined {
    return this.byUri.get(uri);
  }

  set(state: LiveCheckState): void {
    this.byUri.set(state.uri, state);
    this.emitter.fire(state);
  }

  dispose(): void {
    this.byUri.clear();
  }
}

export const liveCheckResults = new LiveCheckResults();

export const CHECK_COMMAND = 'sfnCrossings.checkCrossings';
export const COPY_FIX_COMMAND = 'sfnCrossings.copyCheckFix';
