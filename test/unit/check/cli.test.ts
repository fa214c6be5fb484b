// `sfn-crossings check` as users run it: a child process of src/cli/main.ts with an AWS config/credentials pair in a
// temporary folder (one profile per account) and --endpoint-url pointing at the fake. Exit codes 0/1/2, text and
// JSON output, --account-profile mapping, a missing profile for account B.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { findRole } from '../../support/fake-aws/iam';
import { B, DEFINITION, EXEC_ROLE, repairedScenario, SM_ARN, type Scenario } from './scenario';

const REPO = resolve(__dirname, '../../..');
const TSX = pathToFileURL(join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;

function awsFiles(sc: Scenario): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'sfn-check-cli-'));
  writeFileSync(
    join(dir, 'config'),
    '[profile orders-a]\nregion = eu-west-1\n\n[profile orders-b]\nregion = eu-west-1\n',
  );
  writeFileSync(
    join(dir, 'credentials'),
    `[orders-a]\naws_access_key_id = ${sc.keysA.accessKeyId}\naws_secret_access_key = ${sc.keysA.secretAccessKey}\n\n` +
      `[orders-b]\naws_access_key_id = ${sc.keysB.accessKeyId}\naws_secret_access_key = ${sc.keysB.secretAccessKey}\n`,
  );
  writeFileSync(join(dir, 'orders.asl.json'), DEFINITION);
  return {
    PATH: process.env.PATH,
    HOME: dir,
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', TSX, join(REPO, 'src/cli/main.ts'), 'check', ...args], {
      cwd: env.HOME!,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const common = (sc: Scenario) => ['orders.asl.json', '--state-machine-arn', SM_ARN, '--endpoint-url', sc.fake.url];

void test('check: exit 0 when every check passes, with profiles mapped to both accounts', async () => {
  const sc = await repairedScenario();
  const env = awsFiles(sc);
  const r = await run([...common(sc), '--profile', 'orders-a', '--account-profile', `${B}=orders-b`], env);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(
    r.stdout,
    /^orders\.asl\.json: checked against AWS \(state machine arn:aws:states:eu-west-1:111111111111:stateMachine:Orders, execution role arn:aws:iam::111111111111:role\/OrdersRole\)$/m,
  );
  assert.match(r.stdout, /^orders\.asl\.json: \d+ passed, 0 failed, 0 not checked$/m);
  assert.match(r.stdout, /^PASS credentials\.trust Fulfil: /m);
  assert.equal(r.stderr, '');
});

void test('check: exit 1 on a failure, printed first with its copyable fix; JSON carries the same', async () => {
  const sc = await repairedScenario();
  findRole(sc.fake.world, B, 'OrdersTarget')!.assumeRolePolicyDocument = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: EXEC_ROLE }, Action: 'sts:AssumeRole' }],
  });
  const env = awsFiles(sc);
  const args = [...common(sc), '--profile', 'orders-a', `--account-profile=${B}=orders-b`];
  const r = await run(args, env);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.split('\n');
  assert.match(
    lines[1]!,
    /^FAIL \(warning\) credentials\.trust Fulfil: the trust policy of .*OrdersTarget lets .* assume it without an sts:ExternalId condition.*\[account 222222222222\]$/,
  );
  assert.match(lines[2]!, /^ {2}fix: Trust policy of arn:aws:iam::222222222222:role\/OrdersTarget/);
  assert.match(r.stdout, /"sts:ExternalId": "arn:aws:states:eu-west-1:111111111111:stateMachine:Orders"/);
  assert.match(r.stdout, /1 failed, 0 not checked/);

  const j = await run([...args, '--format', 'json'], env);
  assert.equal(j.code, 1);
  const doc = JSON.parse(j.stdout) as {
    summary: { fail: number };
    results: { id: string; status: string; fix?: { text: string } }[];
  };
  assert.equal(doc.summary.fail, 1);
  const trust = doc.results.find((x) => x.id === 'credentials.trust')!;
  assert.equal(trust.status, 'fail');
  assert.ok(JSON.parse(trust.fix!.text).Statement[0].Condition);
});

void test("check: no profile for account B: B's checks are NOT CHECKED and the exit code is 0", async () => {
  const sc = await repairedScenario();
  const r = await run([...common(sc), '--profile', 'orders-a'], awsFiles(sc));
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(
    r.stdout,
    /^NOT CHECKED credentials\.role Fulfil: target role .*: not checked: no profile for account 222222222222/m,
  );
  assert.match(r.stdout, /0 failed, [1-9]\d* not checked/);
  assert.ok(!sc.fake.requests.some((q) => q.accessKeyId === sc.keysB.accessKeyId));
});

void test('check: exit 2 with one line for usage and credential errors', async () => {
  const sc = await repairedScenario();
  const env = awsFiles(sc);
  for (const [args, pattern] of [
    [['orders.asl.json'], /give --state-machine-arn/],
    [[...common(sc), '--account-profile', 'B=orders-b'], /--account-profile takes ACCOUNT=PROFILE/],
    [[...common(sc), '--format', 'xml'], /--format must be text or json/],
    [[...common(sc), '--profile', 'orders-b'], /account 111111111111: no profile for account 111111111111/],
    [[...common(sc), '--profile', 'nobody'], /account 111111111111: .*nobody/],
    [
      [...common(sc), '--profile', 'orders-a', '--account-profile', `111111111111=orders-b`],
      /profile orders-b belongs to account 222222222222, not 111111111111/,
    ],
  ] as [string[], RegExp][]) {
    const r = await run(args, env);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, pattern);
  }
});
