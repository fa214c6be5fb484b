// The "Test this state" CodeLens above each Task, Pass and Choice state (setting sfnCrossings.remote.testStateCodeLens),
// from the cached analysis. Built for large definitions: the lenses carry only their position, and the command
// (with the state's pointer) is filled in by resolveCodeLens, which VS Code calls only for the lenses on screen.
// VS Code asks again after every edit by itself, so an analysis does not trigger another round.
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import type { StateInfo } from '../../core/model/model';
import { CODE_LENS_TYPES } from '../../aws/sfnTestState';

export const TEST_STATE_COMMAND = 'sfnCrossings.testState';

/** A lens that knows its state; its command is made when it is shown. */
class TestStateLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly uri: vscode.Uri,
    readonly state: StateInfo,
  ) {
    super(range);
  }
}

export class TestStateCodeLens implements vscode.CodeLensProvider<TestStateLens>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly ctx: ExtensionContextLike) {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sfnCrossings.remote.testStateCodeLens')) this.emitter.fire();
      }),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): TestStateLens[] {
    if (!vscode.workspace.getConfiguration('sfnCrossings', document.uri).get<boolean>('remote.testStateCodeLens', true))
      return [];
    if (!this.ctx.isAsl(document)) return [];
    const model = this.ctx.analyze(document).model;
    if (!model) return [];
    const lenses: TestStateLens[] = [];
    for (const s of model.states) {
      if (s.type === undefined || !CODE_LENS_TYPES.has(s.type)) continue;
      const at = document.positionAt(s.entry.keyOffset);
      lenses.push(new TestStateLens(new vscode.Range(at, at), document.uri, s));
    }
    return lenses;
  }

  resolveCodeLens(lens: TestStateLens): TestStateLens {
    lens.command = {
      title: '$(play) Test this state',
      tooltip: `Run ${lens.state.name} with Step Functions TestState`,
      command: TEST_STATE_COMMAND,
      arguments: [{ uri: lens.uri.toString(), state: lens.state.pointer }],
    };
    return lens;
  }

  dispose(): void {
    this.emitter.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
