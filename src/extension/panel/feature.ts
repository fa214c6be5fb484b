// The Crossings panel feature: the "Show Crossings" command (palette, editor title, a CodeLens at the top of
// ASL files), the WebviewPanelSerializer that restores the panel after a window reload, and the wiring of
// the IAM generator and the deploy engine. The command resolves to the panel's view model (a test hook).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import type { ViewModel } from '../../../webview/protocol';
import { CrossingsPanel, PANEL_VIEW_TYPE, type PanelEnv } from './crossingsPanel';
import { createDeployBridge } from './deployBridge';
import { makeIamProvider } from './iamDocuments';
import { IamContextStore } from '../iam/iamContext';

export const SHOW_CROSSINGS_COMMAND = 'sfnCrossings.showCrossings';

export function registerCrossingsPanel(ctx: ExtensionContextLike): void {
  const extensionPath = ctx.extension.extensionUri.fsPath;
  const iamContexts = new IamContextStore(ctx.extension.workspaceState);
  const env: PanelEnv = {
    ctx,
    iamFor: (document) =>
      makeIamProvider(() => {
        // The context the IAM commands use (settings, remembered answers), never asking from the panel.
        const known = iamContexts.peek(document);
        return known.executionRoleArn &&
          (known.stateMachineArn || (known.stateMachineName && known.region && known.account))
          ? { ...known, executionRoleArn: known.executionRoleArn }
          : undefined;
      }),
    deploy: createDeployBridge({
      zipPath: path.join(extensionPath, 'dist', 'invoker', 'invoker.zip'),
      isTrusted: () => vscode.workspace.isTrusted,
      endpointUrl: () =>
        vscode.workspace.getConfiguration('sfnCrossings').get<string>('aws.endpointUrl')?.trim() || undefined,
      // The plan with the role policy diffed against the deployed one; sensitive calls named on the button.
      confirm: async (plan) => {
        const go = plan.sensitive.length ? `Allow ${plan.sensitive.join(', ')} and deploy` : 'Deploy';
        return (
          (await vscode.window.showWarningMessage(
            `Deploy ${plan.functionName} to account ${plan.account}, ${plan.region}?`,
            { modal: true, detail: plan.detail },
            go,
          )) === go
        );
      },
    }),
  };

  // `stateMachine`: for a template, the logical ID of the state machine to show (its CodeLens passes it).
  const show = async (uri?: vscode.Uri, stateMachine?: string): Promise<ViewModel | undefined> => {
    let document: vscode.TextDocument | undefined;
    if (uri instanceof vscode.Uri) document = await vscode.workspace.openTextDocument(uri);
    else {
      const active = vscode.window.activeTextEditor?.document;
      if (active && (ctx.isAsl(active) || ctx.isTemplate(active))) document = active;
    }
    if (!document && !CrossingsPanel.current) {
      void vscode.window.showInformationMessage(
        'Open an Amazon States Language definition (.asl.json, .asl.yaml), then run "Show Crossings".',
      );
    }
    const panel = CrossingsPanel.createOrShow(
      env,
      document,
      typeof stateMachine === 'string' ? stateMachine : undefined,
    );
    return panel.whenShown();
  };

  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(SHOW_CROSSINGS_COMMAND, show),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => {
        CrossingsPanel.revive(env, panel, state);
      },
    }),
    vscode.languages.registerCodeLensProvider(
      [{ language: 'asl' }, { language: 'asl-yaml' }, { language: 'json' }, { language: 'yaml' }],
      {
        provideCodeLenses(document) {
          // A template: one "Show Crossings" above each state machine's definition, named by logical ID.
          if (!ctx.isAsl(document) && ctx.isTemplate(document))
            return ctx.stateMachines(document).map((m) => {
              const at = document.positionAt(m.range.offset);
              return new vscode.CodeLens(new vscode.Range(at, at), {
                title: `$(type-hierarchy) Show Crossings: ${m.name}`,
                command: SHOW_CROSSINGS_COMMAND,
                arguments: [document.uri, m.name],
                tooltip: `Open the Crossings panel for the state machine ${m.name}`,
              });
            });
          if (!ctx.isAsl(document)) return [];
          const top = new vscode.Range(0, 0, 0, 0);
          return [
            new vscode.CodeLens(top, {
              title: '$(type-hierarchy) Show Crossings',
              command: SHOW_CROSSINGS_COMMAND,
              arguments: [document.uri],
              tooltip: 'Open the Crossings panel: map, crossings, IAM documents, invoker deploy',
            }),
          ];
        },
      },
    ),
    { dispose: () => CrossingsPanel.current?.dispose() },
  );
}
