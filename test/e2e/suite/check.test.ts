// "Check crossings against AWS" in the real editor against the fake AWS server (two accounts, run as a child process
// by test/unit/check/fakeProcess.ts since this bundle cannot include the core's parser): on examples/live-check-orders.asl.json whose target role trusts the execution role WITHOUT the
// sts:ExternalId condition, the command publishes an "AWS check" warning on Credentials.RoleArn whose Quick Fix
// copies the generated trust policy; without a profile for account B its checks are "not checked" (no diagnostic);
// the CodeLens offers the command; an edit clears the results of the old text.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import * as vscode from 'vscode';
import type { CheckReport } from '../../../src/core/check/types';
import { codeOf, executeCodeActions, extension, openFixture, revert, setText, waitFor } from './util';

const B = '222222222222';
const REGION = 'eu-west-1';
const SM_ARN = 'arn:aws:states:eu-west-1:111111111111:stateMachine:Orders';

interface FakeInfo {
  url: string;
  keysA: { accessKeyId: string; secretAccessKey: string };
  configFile: string;
  credentialsFile: string;
}

/** Starts the fake world in a child process (tsx from the checkout the extension runs from). */
function startFake(
  breakage: string,
): Promise<{ child: ChildProcessWithoutNullStreams; lines: Interface; info: FakeInfo }> {
  const repo = extension().extensionPath;
  const dir = mkdtempSync(join(tmpdir(), 'sfn-e2e-check-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      pathToFileURL(join(repo, 'node_modules/tsx/dist/loader.mjs')).href,
      join(repo, 'test/unit/check/fakeProcess.ts'),
      breakage,
      dir,
    ],
    { env: { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
  );
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the fake exited (${code}): ${stderr}`)));
    lines.once('line', (line) => resolve({ child, lines, info: JSON.parse(line) as FakeInfo }));
  });
}

const SOURCE = 'AWS check';
const FILE = 'examples/live-check-orders.asl.json';
const ENV_KEYS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_CONFIG_FILE',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_PROFILE',
];

suite('check: live crossings check against AWS', () => {
  let fake: Awaited<ReturnType<typeof startFake>>;
  let url = '';
  const saved: Record<string, string | undefined> = {};
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    document = await openFixture(FILE);
    // The broken setup: the target role trusts the execution role without the ExternalId condition.
    fake = await startFake('no-external-id');
    url = fake.info.url;
    for (const k of ENV_KEYS) saved[k] = process.env[k];
    // The extension host is this process: the default chain (account A) and the profile files read these.
    process.env.AWS_ACCESS_KEY_ID = fake.info.keysA.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = fake.info.keysA.secretAccessKey;
    process.env.AWS_CONFIG_FILE = fake.info.configFile;
    process.env.AWS_SHARED_CREDENTIALS_FILE = fake.info.credentialsFile;
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    delete process.env.AWS_PROFILE;
  });
  suiteTeardown(async () => {
    fake?.child.stdin.end();
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const run = (accounts: Record<string, string>) =>
    vscode.commands.executeCommand<CheckReport | undefined>('sfnCrossings.checkCrossings', {
      uri: document.uri.toString(),
      stateMachineArn: SM_ARN,
      region: REGION,
      endpointUrl: url,
      accounts,
      noPrompt: true,
    });
  const ours = () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === SOURCE);

  test('the CodeLens on StartAt offers the command', async () => {
    const lenses = await waitFor(
      async () => {
        const l = await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          document.uri,
        );
        return (l ?? []).filter((x) => x.command?.command === 'sfnCrossings.checkCrossings').length > 0 && l;
      },
      { message: 'the Check crossings CodeLens' },
    );
    const lens = lenses.find((x) => x.command?.command === 'sfnCrossings.checkCrossings')!;
    assert.equal(lens.command!.title, '$(cloud) Check crossings against AWS');
    assert.equal(document.lineAt(lens.range.start.line).text.trim().startsWith('"StartAt"'), true);
  });

  test('a target role without the ExternalId condition: an "AWS check" warning on Credentials.RoleArn, its fix copyable', async () => {
    const report = await run({ [B]: 'orders-b' });
    assert.ok(report, 'the command returned its report');
    assert.equal(
      report.summary.fail,
      1,
      JSON.stringify(
        report.results.filter((r) => r.status !== 'pass'),
        null,
        1,
      ),
    );
    assert.equal(report.summary.notChecked, 0);
    const diagnostics = await waitFor(() => ours().length > 0 && ours(), { message: 'AWS check diagnostics' });
    assert.equal(diagnostics.length, 1);
    const d = diagnostics[0]!;
    assert.equal(codeOf(d), 'credentials.trust');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(d.range), '"arn:aws:iam::222222222222:role/OrdersTarget"');
    assert.match(
      d.message,
      /lets arn:aws:iam::111111111111:role\/OrdersRole assume it without an sts:ExternalId condition/,
    );

    const actions = await executeCodeActions(document.uri, d.range, vscode.CodeActionKind.QuickFix);
    const copy = actions.find((a) =>
      a.title.startsWith('Copy the fix: Trust policy of arn:aws:iam::222222222222:role/OrdersTarget'),
    );
    assert.ok(copy?.command, actions.map((a) => a.title).join(' | '));
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand(copy.command.command, ...(copy.command.arguments ?? []));
    const copied = JSON.parse(await vscode.env.clipboard.readText()) as {
      Statement: { Condition: { StringEquals: Record<string, string> } }[];
    };
    assert.equal(copied.Statement[0]!.Condition.StringEquals['sts:ExternalId'], SM_ARN);
    const ops = await new Promise<string[]>((resolve) => {
      fake.lines.once('line', (line) => resolve(JSON.parse(line) as string[]));
      fake.child.stdin.write('ops\n');
    });
    assert.ok(ops.length > 10);
    assert.deepEqual(
      ops.filter((o) => !/:(Get|List|Describe|Simulate)/.test(o)),
      [],
      'only read calls',
    );
  });

  test("without a profile for account B, B's checks are not checked and nothing is flagged", async () => {
    const report = await run({});
    assert.ok(report);
    assert.equal(report.summary.fail, 0);
    const ofB = report.results.filter((r) => r.account === B);
    assert.ok(ofB.length > 0 && ofB.every((r) => r.status === 'not-checked'));
    assert.match(ofB[0]!.message, /no profile for account 222222222222/);
    await waitFor(() => ours().length === 0, { message: 'no AWS check diagnostics' });
  });

  test('editing the definition clears the results of the checked text', async () => {
    await run({ [B]: 'orders-b' });
    await waitFor(() => ours().length === 1, { message: 'the warning again' });
    await setText(document, document.getText().replace('"Fulfil",', '"Fulfil" ,'));
    await waitFor(() => ours().length === 0, { message: 'cleared diagnostics' });
    await revert(document);
  });
});
