// Which state machine of a template a command acts on: the one named (a CodeLens passes its logical ID),
// the only one, the one under the cursor, or the one the user picks by logical ID.
import * as vscode from 'vscode';
import type { ExtensionContextLike, StateMachineAnalysis } from './context';

export async function pickStateMachine(
  ctx: ExtensionContextLike,
  document: vscode.TextDocument,
  name?: string,
): Promise<StateMachineAnalysis | undefined> {
  const machines = ctx.stateMachines(document);
  if (name) return machines.find((m) => m.name === name);
  if (machines.length <= 1) return machines[0];
  const editor = vscode.window.activeTextEditor;
  if (editor?.document === document) {
    const offset = document.offsetAt(editor.selection.active);
    const here = machines.find((m) => offset >= m.range.offset && offset <= m.range.offset + m.range.length);
    if (here) return here;
  }
  const picked = await vscode.window.showQuickPick(
    machines.map((m) => ({ label: m.name, machine: m })),
    { title: 'Step Functions Crossings: which state machine of this template?' },
  );
  return picked?.machine;
}
