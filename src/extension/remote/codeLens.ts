// The "Test this state" CodeLens above each Task, Pass and Choice state (setting sfnCrossings.remote.testStateCodeLens),
// from the cached analysis; refreshed when a document is re-analysed.
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import { CODE_LENS_TYPES } from '../../aws/sfnTestState';

export const TEST_STATE_COMMAND = 'sfnCrossings.testState';

export class TestStateCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly ctx: ExtensionContextLike) {
    this.subscriptions = [
      ctx.onDidAnalyze(() => this.emitter.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sfnCrossings.remote.testStateCodeLens')) this.emitter.fire();
      }),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('sfnCrossings', document.uri).get<boolean>('remote.testStateCodeLens', true))
      return [];
    if (!this.ctx.isAsl(document)) return [];
    const model = this.ctx.analyze(document).model;
    if (!model) return [];
    return model.states
      .filter((s) => s.type !== undefined && CODE_LENS_TYPES.has(s.type))
      .map((s) => {
        const at = document.positionAt(s.entry.keyOffset);
        return new vscode.CodeLens(new vscode.Range(at, at), {
          title: '$(play) Test this state',
          tooltip: `Run ${s.name} with Step Functions TestState`,
          command: TEST_STATE_COMMAND,
          arguments: [{ uri: document.uri.toString(), state: s.pointer }],
        });
      });
  }

  dispose(): void {
    this.emitter.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
