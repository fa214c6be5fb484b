// "IAM: 3 actions" above each crossing state; clicking opens the documents of the role that needs them.
// Counts come from the same generator as the commands (placeholders when the context is not known yet).
import * as vscode from 'vscode';
import { listCrossings } from '../../core/crossings/inventory';
import { permissionsForState, type IamSectionKind } from '../../core/iam';
import type { ExtensionContextLike } from '../context';
import type { AslModel } from '../../core/model/model';
import { readValidationSettings } from '../settings';
import { IAM_COMMANDS } from './commands';
import type { IamContextStore } from './iamContext';

export class IamCodeLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly ctx: ExtensionContextLike,
    private readonly store: IamContextStore,
  ) {
    ctx.extension.subscriptions.push(
      this.changed,
      ctx.onDidAnalyze(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sfnCrossings.iam')) this.changed.fire();
      }),
    );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('sfnCrossings.iam', document.uri).get<boolean>('codeLens', true)) return [];
    // One state machine for a definition file; each of a template's, named by logical ID in the command.
    const lenses: vscode.CodeLens[] = [];
    const isTemplate = !this.ctx.isAsl(document) && this.ctx.isTemplate(document);
    if (!isTemplate && !this.ctx.isAsl(document)) return [];
    for (const machine of this.ctx.stateMachines(document))
      if (machine.analysis.model)
        lenses.push(...this.lensesOf(document, machine.analysis.model, isTemplate ? machine.name : undefined));
    return lenses;
  }

  private lensesOf(
    document: vscode.TextDocument,
    model: AslModel,
    stateMachine: string | undefined,
  ): vscode.CodeLens[] {
    const invokerNames = readValidationSettings(document).invokerNames;
    const given = this.store.peek(document);
    const context =
      given.executionRoleArn && (given.stateMachineArn || given.stateMachineName)
        ? { ...given, executionRoleArn: given.executionRoleArn }
        : undefined;
    const lenses: vscode.CodeLens[] = [];
    const seen = new Set<string>();
    for (const crossing of listCrossings(model, { invokerNames })) {
      if (seen.has(crossing.pointer)) continue;
      seen.add(crossing.pointer);
      const state = model.states.find((s) => s.pointer === crossing.pointer);
      if (!state) continue;
      const perms = permissionsForState(model, state, context, { invokerNames });
      const invokerActions =
        perms?.permissions.flatMap((p) => p.invokerCalls.flatMap((c) => c.grants.flatMap((g) => g.actions))) ?? [];
      const count = perms?.actions.length ?? 0;
      const kind: IamSectionKind =
        crossing.kind === 'cross-account'
          ? 'crossAccount'
          : crossing.kind === 'api-gateway'
            ? 'apiGateway'
            : invokerActions.length
              ? 'invokerRole'
              : 'executionRole';
      const range = new vscode.Range(
        document.positionAt(state.entry.keyOffset),
        document.positionAt(state.entry.keyOffset + state.entry.keyLength),
      );
      lenses.push(
        new vscode.CodeLens(range, {
          title: `IAM: ${count} action${count === 1 ? '' : 's'}`,
          tooltip: perms ? `Runs as ${perms.runsAs}: ${perms.actions.join(', ')}` : 'No IAM permission needed',
          command: IAM_COMMANDS[kind],
          arguments: [stateMachine ? { uri: document.uri, stateMachine } : { uri: document.uri }],
        }),
      );
    }
    return lenses;
  }
}
