// Crossing rules in the real editor: diagnostics with their Quick Fixes (applied, then the diagnostic goes away),
// the aws-sdk <-> cross-region invoker refactorings, completion of service/action/member names, and the hover on
// a crossing state. Fixtures are the examples/ files (copied into the test workspace).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  diagnosticsFor,
  executeCodeActions,
  executeCompletion,
  executeHover,
  openFixture,
  positionOf,
  revert,
  waitFor,
  waitForDiagnostics,
} from './util';

const SEED = 'examples/seed-broken-api-call.asl.json';
const VALID = 'examples/crossing-valid.asl.json';
const INVOKER = 'examples/crossing-invoker.asl.json';
const MIXED = 'examples/crossing-mixed.asl.yaml';

async function quickFixes(document: vscode.TextDocument, diagnostic: vscode.Diagnostic) {
  return executeCodeActions(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix);
}

/** Applies a code action's edit and waits until no diagnostic of `code` is left near `needle`. */
async function applyAndWait(document: vscode.TextDocument, action: vscode.CodeAction, code: string, before: number) {
  assert.ok(action.edit, `"${action.title}" has no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" was not applied`);
  await waitFor(() => diagnosticsFor(document.uri, { code }).length < before, {
    message: `${code} to go away after "${action.title}"`,
  });
}

suite('crossings: Quick Fixes', () => {
  teardown(async () => {
    for (const name of [SEED, INVOKER, MIXED]) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith(name));
      if (open?.isDirty) await revert(open);
    }
  });

  test("the seeds' broken example shows both errors, each with a preferred Quick Fix", async () => {
    const document = await openFixture(SEED);
    const [host] = await waitForDiagnostics(document.uri, 'XC203');
    const [header] = await waitForDiagnostics(document.uri, 'XC206');
    assert.equal(host!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(host!.range), '"https://api.example.com/data"');
    assert.equal(document.getText(header!.range), '"Authorization"');

    const hostFixes = await quickFixes(document, host!);
    const convert = hostFixes.find((a) => /http:invoke/.test(a.title));
    assert.ok(convert, `no conversion among ${hostFixes.map((a) => a.title).join(', ')}`);
    assert.equal(convert.isPreferred, true);
    // (vscode.executeCodeActionProvider does not return CodeAction.diagnostics, so they cannot be asserted here.)
    const headerFixes = await quickFixes(document, header!);
    const remove = headerFixes.find((a) => /Remove the "Authorization" header/.test(a.title));
    assert.ok(remove, `no removal among ${headerFixes.map((a) => a.title).join(', ')}`);
    await applyAndWait(document, remove, 'XC206', 1);
    assert.doesNotMatch(document.getText(), /Bearer abc123/);
    assert.equal(diagnosticsFor(document.uri, { code: 'XC203' }).length, 1, 'the other error stays until fixed');
  });

  test('converting apigateway:invoke to an HTTP Task removes the host error', async () => {
    const document = await openFixture(SEED);
    const [host] = await waitForDiagnostics(document.uri, 'XC203');
    const convert = (await quickFixes(document, host!)).find((a) => /http:invoke/.test(a.title))!;
    await applyAndWait(document, convert, 'XC203', 1);
    assert.match(document.getText(), /"arn:aws:states:::http:invoke"/);
    assert.match(document.getText(), /"ConnectionArn"/);
    await waitForDiagnostics(document.uri, 'XC311');
  });

  test('YAML: moving a bearer token out of Headers adds the connection placeholder', async () => {
    const document = await openFixture(MIXED);
    assert.equal(document.languageId, 'asl-yaml');
    const [secret] = await waitForDiagnostics(document.uri, 'XC305');
    const move = (await quickFixes(document, secret!)).find((a) => /EventBridge connection/.test(a.title));
    assert.ok(move);
    await applyAndWait(document, move, 'XC305', 1);
    assert.doesNotMatch(document.getText(), /Bearer abc123/);
    assert.match(document.getText(), /Authentication:\n\s+ConnectionArn: /);
    // XC303 (no connection) is gone too: the placeholder supplies it.
    await waitFor(() => diagnosticsFor(document.uri, { code: 'XC303' }).length === 0, { message: 'XC303 to go away' });
  });

  test('adding the recommended Lambda Retry to an invoker task', async () => {
    const document = await openFixture(INVOKER);
    const [noRetry] = await waitForDiagnostics(document.uri, 'XC410');
    assert.equal(noRetry!.severity, vscode.DiagnosticSeverity.Information);
    const add = (await quickFixes(document, noRetry!)).find((a) => /Retry/.test(a.title));
    assert.ok(add);
    await applyAndWait(document, add, 'XC410', 1);
  });

  test('did-you-mean on an invoker service name (states -> sfn)', async () => {
    const document = await openFixture(INVOKER);
    const [service] = await waitForDiagnostics(document.uri, 'XC402');
    const change = (await quickFixes(document, service!)).find((a) => a.title === 'Change to "sfn"');
    assert.ok(change);
    assert.equal(change.isPreferred, true);
    await applyAndWait(document, change, 'XC402', 1);
  });

  test('the .sync-with-Credentials info links to the IAM kit', async () => {
    const document = await openFixture('examples/crossing-credentials.asl.json');
    const [info] = await waitForDiagnostics(document.uri, 'XC109');
    assert.equal(info!.severity, vscode.DiagnosticSeverity.Information);
    const link = (await quickFixes(document, info!)).find((a) => /IAM kit/.test(a.title));
    assert.ok(link?.command, 'no IAM kit action');
    const registered = await vscode.commands.getCommands(true);
    assert.ok(registered.includes(link.command.command), `${link.command.command} is not a registered command`);
  });
});

suite('crossings: refactorings', () => {
  teardown(async () => {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith(MIXED));
    if (open?.isDirty) await revert(open);
  });

  test('aws-sdk task -> cross-region invoker call for a chosen region, and back', async () => {
    const document = await openFixture(MIXED);
    await waitForDiagnostics(document.uri, 'XC305'); // analysed
    const at = positionOf(document, 'aws-sdk:sqs:listQueues');
    const actions = await executeCodeActions(
      document.uri,
      new vscode.Range(at, at),
      vscode.CodeActionKind.RefactorRewrite,
    );
    const toInvoker = actions.find((a) => /another region/.test(a.title));
    assert.ok(toInvoker?.command, `no conversion among ${actions.map((a) => a.title).join(', ')}`);
    // The editor asks for the region with a quick pick; the command also takes it as an argument.
    const args = [...(toInvoker.command.arguments ?? [])];
    args[2] = 'us-west-2';
    assert.equal(await vscode.commands.executeCommand(toInvoker.command.command, ...args), true);
    await waitFor(() => /region: us-west-2/.test(document.getText()), { message: 'the invoker payload' });
    assert.match(document.getText(), /service: sqs\n\s+action: listQueues/);
    assert.doesNotMatch(document.getText(), /aws-sdk:sqs:listQueues/);

    const again = positionOf(document, 'action: listQueues');
    const back = (
      await executeCodeActions(document.uri, new vscode.Range(again, again), vscode.CodeActionKind.RefactorRewrite)
    ).find((a) => /native aws-sdk/.test(a.title));
    assert.ok(back?.edit);
    assert.ok(await vscode.workspace.applyEdit(back.edit));
    assert.match(document.getText(), /Resource: arn:aws:states:::aws-sdk:sqs:listQueues/);
  });
  test('without a region argument the conversion asks with a quick pick', async () => {
    const document = await openFixture(MIXED);
    await waitForDiagnostics(document.uri, 'XC305');
    const at = positionOf(document, 'aws-sdk:sqs:listQueues');
    const actions = await executeCodeActions(
      document.uri,
      new vscode.Range(at, at),
      vscode.CodeActionKind.RefactorRewrite,
    );
    const toInvoker = actions.find((a) => /another region/.test(a.title));
    assert.ok(toInvoker?.command);
    const done = vscode.commands.executeCommand<boolean>(
      toInvoker.command.command,
      ...(toInvoker.command.arguments ?? []),
    );
    // Accept the first region offered (us-east-1) once the quick pick is up.
    await waitFor(
      async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return /region: us-east-1/.test(document.getText());
      },
      { interval: 200, message: 'the quick pick to be accepted' },
    );
    assert.equal(await done, true);
  });
});

suite('crossings: completion and hover', () => {
  test('completes invoker service, action and parameter names from the API catalog', async () => {
    const document = await openFixture(VALID);
    const inService = positionOf(document, '"s3"').translate(0, 1);
    const services = await executeCompletion(document.uri, inService);
    assert.ok(
      services.some((i) => i.label === 'cloudwatch-logs'),
      'SDK v3 service names',
    );
    const inAction = positionOf(document, '"getObject"').translate(0, 4);
    const actions = await executeCompletion(document.uri, inAction);
    assert.ok(
      actions.some((i) => i.label === 'putObject'),
      's3 operations',
    );
    const onMember = positionOf(document, '"Bucket"').translate(0, 2);
    const members = await executeCompletion(document.uri, onMember);
    assert.ok(
      members.some((i) => i.label === 'VersionId'),
      'getObject input members',
    );
  });

  test('completes Step Functions service names and actions in aws-sdk resources', async () => {
    const document = await openFixture(VALID);
    const afterPrefix = positionOf(document, 'aws-sdk:dynamodb').translate(0, 'aws-sdk:'.length + 2);
    const services = await executeCompletion(document.uri, afterPrefix);
    assert.ok(services.some((i) => i.label === 'cloudwatchlogs'));
    const inAction = positionOf(document, ':getItem').translate(0, 3);
    const actions = await executeCompletion(document.uri, inAction);
    assert.ok(actions.some((i) => i.label === 'putItem'));
  });

  test('hover on a crossing state shows its target and the IAM actions it needs', async () => {
    const document = await openFixture(VALID);
    const onName = positionOf(document, '"Read table in account B": {').translate(0, 3);
    const text = (await executeHover(document.uri, onName)).join('\n');
    assert.match(text, /Cross-account/);
    assert.match(text, /222222222222/);
    assert.match(text, /sts:AssumeRole/);
    assert.match(text, /dynamodb:GetItem/);
    const remote = positionOf(document, '"Read config in another region": {').translate(0, 3);
    const remoteText = (await executeHover(document.uri, remote)).join('\n');
    assert.match(remoteText, /us-west-2/);
    assert.match(remoteText, /lambda:InvokeFunction/);
    assert.match(remoteText, /s3:GetObject/);
  });
});
