// The Crossings panel in the real extension host: "Show Crossings" opens the webview panel for an example,
// the page announces ready and the host posts the view model (the command resolves to it: the test hook),
// the crossings listed are the definition's, and an edit to the definition reaches the panel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ViewModel } from '../../../webview/protocol';
import { openFixture, revert, setText, waitFor } from './util';

const SHOW = 'sfnCrossings.showCrossings';
const EXAMPLE = 'examples/panel-tour.asl.json';

function panelTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('sfnCrossings.crossings'));
}

suite('panel: the Crossings webview', () => {
  suiteTeardown(async () => {
    const tab = panelTab();
    if (tab) await vscode.window.tabGroups.close(tab);
  });

  test('"Show Crossings" is contributed with its category, editor-title button and activation event', () => {
    const manifest = vscode.extensions.getExtension('sfn-crossings.sfn-crossings')!.packageJSON as {
      activationEvents: string[];
      contributes: {
        commands: Array<{ command: string; category?: string }>;
        menus: Record<string, Array<{ command: string; when?: string }>>;
      };
    };
    const command = manifest.contributes.commands.find((c) => c.command === SHOW);
    assert.equal(command?.category, 'Step Functions Crossings');
    assert.ok(manifest.contributes.menus['editor/title']?.some((m) => m.command === SHOW && /asl/.test(m.when ?? '')));
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:sfnCrossings.crossings'));
  });

  test('opens for an example and the host reports its crossings', async () => {
    const document = await openFixture(EXAMPLE);
    const lenses = await waitFor(
      async () => {
        const all = await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          document.uri,
        );
        return all?.filter((l) => l.command?.command === SHOW).length ? all : undefined;
      },
      { message: 'the Show Crossings CodeLens' },
    );
    assert.equal(
      lenses.find((l) => l.command?.command === SHOW)!.range.start.line,
      0,
      'the CodeLens sits at the top of the file',
    );

    const model = await vscode.commands.executeCommand<ViewModel | undefined>(SHOW);
    assert.ok(model, 'the command resolved without a view model: the page never said ready');
    assert.equal(model.title, 'panel-tour.asl.json');
    assert.equal(model.valid, true, model.message);
    assert.ok(panelTab(), 'no Crossings panel tab is open');
    console.log(
      `    panel: ${model.nodes.length} states, ${model.crossings.length} crossings: ${model.crossings.map((c) => `${c.state} (${c.kind} -> ${c.target})`).join('; ')}`,
    );
    const byState = Object.fromEntries(model.crossings.map((c) => [c.state, c.kind]));
    assert.deepEqual(byState, {
      ReadConfigInOregon: 'cross-region',
      StartBillingInAccountB: 'cross-account',
      CallOrdersApi: 'api-gateway',
      CopyToDrBucket: 'cross-region',
      NotifyPartner: 'http',
    });
    assert.equal(model.nodes.length, 10);
    assert.equal(model.iam.status, 'ready', model.iam.message);
    assert.ok(model.iam.documents.some((d) => d.id === 'cross-account-0-trust'));
    assert.deepEqual(model.deploy.allowedCalls, ['s3:getObject', 's3:putObject']);
  });

  test('follows edits to the definition (debounced)', async () => {
    const document = await openFixture(EXAMPLE);
    try {
      const text = document.getText().replace('"region": "us-west-2"', '"region": "ap-northeast-1"');
      await setText(document, text);
      const model = await waitFor(
        async () => {
          const m = await vscode.commands.executeCommand<ViewModel | undefined>(SHOW);
          return m && m.version === document.version && m;
        },
        { message: 'a view model of the edited text' },
      );
      assert.ok(
        model.groups.some((g) => g.kind === 'region' && g.target === 'ap-northeast-1'),
        JSON.stringify(model.groups),
      );
      assert.ok(!model.groups.some((g) => g.target === 'us-west-2'));
    } finally {
      await revert(document);
    }
  });
});
