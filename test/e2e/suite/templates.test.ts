// State machines inside SAM templates, in the real editor: an inline definition's problems on the
// template's lines, and a DefinitionUri file checked with its template's DefinitionSubstitutions (literal
// values substituted, !GetAtt values understood), each Problems row asserted with its position.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ViewModel } from '../../../webview/protocol';
import {
  codeOf,
  diagnosticsFor,
  executeCodeActions,
  executeHover,
  openFixture,
  positionOf,
  revert,
  setText,
  waitFor,
  waitForDiagnostics,
} from './util';

const INLINE = 'examples/templates/sam-inline/template.yaml';
const URI_TEMPLATE = 'examples/templates/sam-definition-uri/template.yaml';
const URI_FILE = 'examples/templates/sam-definition-uri/statemachine/orders.asl.json';
const QUICK_FIX = 'examples/templates/sam-quick-fix/template.yaml';

/** The Problems rows of a document as `code line:column text` (1-based, as the Problems view shows them). */
function rows(document: vscode.TextDocument): string[] {
  return diagnosticsFor(document.uri)
    .map((d) => `${codeOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${document.getText(d.range)}`)
    .sort();
}

function at(document: vscode.TextDocument, needle: string, after?: string): string {
  const p = positionOf(document, needle, after);
  return `${p.line + 1}:${p.character + 1}`;
}

suite('templates: state machines in SAM templates', () => {
  teardown(async () => {
    for (const name of [INLINE, URI_TEMPLATE, URI_FILE, QUICK_FIX]) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith(name));
      if (open?.isDirty) await revert(open);
    }
  });

  test('an inline Definition: its problems on the template lines, no false finding on !GetAtt / !Sub', async () => {
    const document = await openFixture(INLINE);
    await waitForDiagnostics(document.uri, 'ASL102');
    await waitFor(() => rows(document).length >= 3, { message: 'the three problems of the inline definition' });
    assert.deepEqual(rows(document), [
      `ASL102 ${at(document, 'Shipp')} Shipp`,
      `ASL103 ${at(document, 'Ship:', 'Shipp')} Ship`,
      `XC201 ${at(document, 'Parameters:', 'NotifyApi:')} Parameters`,
    ]);
    // The definition is found in its template: every diagnostic lies inside OrdersStateMachine's Definition.
    const start = positionOf(document, 'Definition:').line;
    const end = positionOf(document, 'Policies:').line;
    for (const d of diagnosticsFor(document.uri)) assert.ok(d.range.start.line > start && d.range.start.line < end);
  });

  test('an edit of the template updates its problems (fixing the Next clears ASL102 and ASL103)', async () => {
    const document = await openFixture(INLINE);
    await waitForDiagnostics(document.uri, 'ASL102');
    await setText(document, document.getText().replace('Next: Shipp', 'Next: Ship'));
    await waitFor(() => !diagnosticsFor(document.uri).some((d) => codeOf(d) === 'ASL102' || codeOf(d) === 'ASL103'), {
      message: 'ASL102/ASL103 to go away after the edit',
    });
    assert.deepEqual(
      diagnosticsFor(document.uri).map((d) => codeOf(d)),
      ['XC201'],
    );
  });

  test("a DefinitionUri file is checked with its template's DefinitionSubstitutions", async () => {
    const template = await openFixture(URI_TEMPLATE);
    const document = await openFixture(URI_FILE);
    await waitForDiagnostics(document.uri, 'ASL102');
    await waitFor(() => rows(document).length >= 2, { message: 'the problems of the referenced file' });
    // "${FirstState}" is "Reserve" and "${WaitSeconds}" is 30 through the template: no StartAt or Seconds
    // finding; "${PartnerRoleArn}" is the template's own IAM role. Only the planted mistake is left.
    assert.deepEqual(rows(document), [
      `ASL102 ${at(document, '"Confirm"')} "Confirm"`,
      `ASL103 ${at(document, '"Confirmed"')} "Confirmed"`,
    ]);
    assert.deepEqual(diagnosticsFor(template.uri), []);
  });

  test('changing a substitution in the template re-checks the open definition file', async () => {
    const template = await openFixture(URI_TEMPLATE);
    const document = await openFixture(URI_FILE);
    await waitForDiagnostics(document.uri, 'ASL102');
    await setText(template, template.getText().replace('FirstState: Reserve', 'FirstState: Nowhere'));
    const [startAt] = await waitForDiagnostics(document.uri, 'ASL101', { message: 'ASL101 for StartAt "Nowhere"' });
    // The finding lands on the placeholder the substituted value replaced.
    assert.equal(document.getText(startAt!.range), '"${FirstState}"');
  });

  test('Validate all definitions in the workspace reads the templates too (their problems without opening them first)', async () => {
    const result = await vscode.commands.executeCommand<{ templates: number; definitions: number; errors: number }>(
      'sfnCrossings.validateWorkspace',
    );
    assert.ok(result.templates >= 3, `templates validated: ${JSON.stringify(result)}`);
    const inline = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, INLINE);
    assert.deepEqual(
      diagnosticsFor(inline)
        .map((d) => codeOf(d))
        .sort(),
      ['ASL102', 'ASL103', 'XC201'],
    );
  });

  test('a crossing state inside a template: its hover, and a Quick Fix that edits the template in place', async () => {
    const document = await openFixture(QUICK_FIX);
    const [header] = await waitForDiagnostics(document.uri, 'XC206');
    const [host] = await waitForDiagnostics(document.uri, 'XC203');
    assert.equal(document.getText(host!.range), 'https://api.example.com/data');
    assert.equal(document.getText(header!.range), 'Authorization');
    const hover = await executeHover(document.uri, positionOf(document, 'Call external API:'));
    assert.ok(
      hover.some((h) => h.includes('API Gateway call') && h.includes('https://api.example.com/data')),
      `hover on the state: ${hover.join(' | ')}`,
    );
    const actions = await executeCodeActions(document.uri, header!.range, vscode.CodeActionKind.QuickFix);
    const remove = actions.find((a) => a.title.includes('Authorization'));
    assert.ok(remove?.edit, `no Quick Fix for XC206: ${actions.map((a) => a.title).join(', ')}`);
    const housekeeping = document.getText().slice(document.getText().indexOf('Housekeeping:'));
    assert.ok(await vscode.workspace.applyEdit(remove.edit));
    await waitFor(() => diagnosticsFor(document.uri, { code: 'XC206' }).length === 0, {
      message: 'XC206 to go away after the Quick Fix',
    });
    const text = document.getText();
    assert.ok(!text.includes('Authorization') && !text.includes('Bearer abc123'), text);
    assert.ok(text.includes('              Method: GET\n'), 'the YAML around the edit is intact');
    assert.ok(text.endsWith(housekeeping), 'the other state machine of the template is untouched');
    assert.deepEqual(
      diagnosticsFor(document.uri).map((d) => codeOf(d)),
      ['XC203'],
    );
  });

  test('IAM on a template: a CodeLens on the crossing state naming its state machine, the policy generated for it', async () => {
    const document = await openFixture(INLINE);
    await waitForDiagnostics(document.uri, 'ASL102');
    const lenses = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          document.uri,
          10,
        );
        const ours = (found ?? []).filter((l) => l.command?.title.startsWith('IAM:'));
        return ours.length >= 1 && ours;
      },
      { message: 'IAM CodeLenses in the template' },
    );
    // On the template's own line of the crossing state (NotifyApi calls API Gateway), naming its state machine.
    assert.deepEqual(
      lenses.map((l) => l.range.start.line),
      [positionOf(document, 'NotifyApi:').line],
    );
    for (const l of lenses)
      assert.equal((l.command!.arguments![0] as { stateMachine?: string }).stateMachine, 'OrdersStateMachine');
    const policy = await vscode.commands.executeCommand<vscode.TextDocument | undefined>(
      'sfnCrossings.generateExecutionRolePolicy',
      {
        uri: document.uri,
        stateMachine: 'OrdersStateMachine',
        context: {
          stateMachineArn: 'arn:aws:states:us-east-1:111122223333:stateMachine:Orders',
          executionRoleArn: 'arn:aws:iam::111122223333:role/OrdersRole',
        },
        noPrompt: true,
      },
    );
    assert.ok(policy, 'no policy document opened');
    const text = policy.getText();
    assert.match(text, /lambda:InvokeFunction/);
    assert.match(text, /execute-api:Invoke/);
    await vscode.window.showTextDocument(policy);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the Crossings panel on a template: one state machine at a time, named by its logical ID', async () => {
    const document = await openFixture(QUICK_FIX);
    await waitForDiagnostics(document.uri, 'XC203');
    const lenses = await waitFor(
      async () => {
        const all = await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          document.uri,
          10,
        );
        const ours = (all ?? []).filter((l) => l.command?.command === 'sfnCrossings.showCrossings');
        return ours.length >= 2 && ours;
      },
      { message: 'a Show Crossings CodeLens per state machine' },
    );
    assert.deepEqual(
      lenses.map((l) => [l.command!.title.replace(/^\$\([^)]*\) /, ''), l.range.start.line]),
      [
        ['Show Crossings: PartnerCall', positionOf(document, 'StartAt: Call').line],
        ['Show Crossings: Housekeeping', positionOf(document, 'StartAt: Wait').line],
      ],
    );
    try {
      const partner = await vscode.commands.executeCommand<ViewModel | undefined>(
        'sfnCrossings.showCrossings',
        document.uri,
        'PartnerCall',
      );
      assert.ok(partner, 'no view model: the panel never said ready');
      assert.equal(partner.title, 'template.yaml › PartnerCall');
      assert.equal(partner.valid, true, partner.message);
      assert.deepEqual(
        partner.crossings.map((c) => [c.state, c.kind]),
        [['Call external API', 'api-gateway']],
      );
      const housekeeping = await vscode.commands.executeCommand<ViewModel | undefined>(
        'sfnCrossings.showCrossings',
        document.uri,
        'Housekeeping',
      );
      assert.equal(housekeeping?.title, 'template.yaml › Housekeeping');
      assert.equal(housekeeping?.nodes.length, 1);
      assert.deepEqual(housekeeping?.crossings, []);
    } finally {
      const tab = vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('sfnCrossings.crossings'));
      if (tab) await vscode.window.tabGroups.close(tab);
    }
  });
});
