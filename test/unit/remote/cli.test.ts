// `sfn-crossings validate --remote` as users run it (a child process of src/cli/main.ts) against the fake service:
// diagnostics at file positions, OK/FAIL and exit codes, JSON output, and each failure as exactly one stderr
// line with exit 2 (AccessDenied, no credentials, an expired SSO session, an unreachable endpoint, usage).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { startFake } from './setup';

const REPO = resolve(__dirname, '../../..');
/** tsx by path: the CLI runs in a temporary folder, where `--import tsx` would not resolve. */
const TSX = pathToFileURL(join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;
const work = mkdtempSync(join(tmpdir(), 'sfn-remote-cli-'));
const home = join(work, 'home');
mkdirSync(join(home, '.aws'), { recursive: true });

writeFileSync(
  join(work, 'broken.asl.json'),
  `{
  "StartAt": "Call",
  "States": {
    "Call": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      "Next": "Missing"
    }
  }
}
`,
);
writeFileSync(join(work, 'good.asl.yaml'), 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n');

/** An environment with nothing of the developer's machine: no credentials, no profiles, no instance metadata. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CONFIG_FILE: join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', TSX, join(REPO, 'src/cli/main.ts'), ...args], {
      cwd: work,
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

async function fakeEnv() {
  const fake = await startFake();
  const env = cleanEnv({
    AWS_ACCESS_KEY_ID: fake.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: fake.credentials.secretAccessKey,
  });
  return { fake, env };
}

function assertOneLineFailure(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line, got:\n${r.stderr}`);
  assert.match(lines[0]!, pattern);
  assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
}

void test('FAIL: diagnostics at file positions, exit 1; OK (YAML): exit 0', async () => {
  const { fake, env } = await fakeEnv();
  const fail = await run(
    [
      'validate',
      '--remote',
      '--region',
      'eu-west-1',
      '--endpoint-url',
      fake.url,
      '--type',
      'EXPRESS',
      'broken.asl.json',
    ],
    env,
  );
  assert.equal(fail.code, 1, fail.stderr);
  assert.equal(fail.stderr, '');
  assert.equal(
    fail.stdout,
    [
      'broken.asl.json:2:3: error MISSING_END_STATE Workflow has no terminal state (at /)',
      "broken.asl.json:6:19: error SCHEMA_VALIDATION_FAILED Express state machine does not support '.waitForTaskToken' service integration (at /States/Call/Resource)",
      "broken.asl.json:7:15: error MISSING_TRANSITION_TARGET Missing 'Next' target: Missing (at /States/Call/Next)",
      'broken.asl.json: FAIL: the service rejects this definition (EXPRESS, eu-west-1); 3 errors',
      '',
    ].join('\n'),
  );
  const ok = await run(
    ['validate', '--remote', '--region', 'eu-west-1', '--endpoint-url', fake.url, 'good.asl.yaml'],
    env,
  );
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout, 'good.asl.yaml: OK: the service accepts this definition (STANDARD, eu-west-1)\n');
  assert.deepEqual(
    fake.requests.map((r) => `${r.operation} ${r.region} ${r.status}`),
    ['ValidateStateMachineDefinition eu-west-1 200', 'ValidateStateMachineDefinition eu-west-1 200'],
  );
});

void test('--format json, and AWS_ENDPOINT_URL / AWS_REGION from the environment', async () => {
  const { fake, env } = await fakeEnv();
  const r = await run(['validate', '--remote', '--format', 'json', 'broken.asl.json', 'good.asl.yaml'], {
    ...env,
    AWS_ENDPOINT_URL: fake.url,
    AWS_REGION: 'ap-south-1',
  });
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.region, 'ap-south-1');
  assert.deepEqual(
    out.files.map((f: { file: string; result: string }) => `${f.file} ${f.result}`),
    ['broken.asl.json FAIL', 'good.asl.yaml OK'],
  );
  assert.deepEqual(out.files[0].diagnostics[1], {
    line: 7,
    column: 15,
    severity: 'ERROR',
    code: 'MISSING_TRANSITION_TARGET',
    message: "Missing 'Next' target: Missing",
    location: '/States/Call/Next',
  });
});

void test('AccessDenied: exit 2 and one line naming the missing action', async () => {
  const { fake, env } = await fakeEnv();
  fake.inject('states:ValidateStateMachineDefinition', { kind: 'accessDenied' });
  const r = await run(
    ['validate', '--remote', '--region', 'eu-west-1', '--endpoint-url', fake.url, 'good.asl.yaml'],
    env,
  );
  assertOneLineFailure(
    r,
    /^sfn-crossings validate: access denied: .* is not allowed to call states:ValidateStateMachineDefinition on \*; grant /,
  );
});

void test('no credentials anywhere: exit 2 and one line saying how to get some', async () => {
  const fake = await startFake();
  const r = await run(
    ['validate', '--remote', '--region', 'eu-west-1', '--endpoint-url', fake.url, 'good.asl.yaml'],
    cleanEnv(),
  );
  assertOneLineFailure(r, /^sfn-crossings validate: no AWS credentials found: pass --profile NAME .*aws sso login`$/);
  assert.equal(fake.requests.length, 0, 'nothing was sent');
});

void test('an expired SSO session: exit 2 and one line with the login command for the profile', async () => {
  const fake = await startFake();
  const ssoHome = join(work, 'sso-home');
  mkdirSync(join(ssoHome, '.aws', 'sso', 'cache'), { recursive: true });
  writeFileSync(
    join(ssoHome, '.aws', 'config'),
    `[profile dev-sso]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Developer
region = eu-west-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access
`,
  );
  const cacheFile = createHash('sha1').update('corp').digest('hex') + '.json';
  writeFileSync(
    join(ssoHome, '.aws', 'sso', 'cache', cacheFile),
    JSON.stringify({
      startUrl: 'https://corp.awsapps.com/start',
      region: 'eu-west-1',
      accessToken: 'expired-token',
      expiresAt: '2020-01-01T00:00:00Z',
    }),
  );
  const env = {
    ...cleanEnv(),
    HOME: ssoHome,
    AWS_CONFIG_FILE: join(ssoHome, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(ssoHome, '.aws', 'credentials'),
  };
  const r = await run(
    ['validate', '--remote', '--profile', 'dev-sso', '--endpoint-url', fake.url, 'good.asl.yaml'],
    env,
  );
  assertOneLineFailure(
    r,
    /^sfn-crossings validate: the SSO session of profile dev-sso has expired or is invalid: run `aws sso login --profile dev-sso` and try again$/,
  );
  assert.equal(fake.requests.length, 0, 'nothing was sent');
});

void test('an unreachable endpoint: exit 2 and one line naming it', async () => {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  await new Promise<void>((r) => server.close(() => r()));
  const r = await run(
    ['validate', '--remote', '--region', 'eu-west-1', '--endpoint-url', url, 'good.asl.yaml'],
    cleanEnv({ AWS_ACCESS_KEY_ID: 'AKIAX', AWS_SECRET_ACCESS_KEY: 'y' }),
  );
  assertOneLineFailure(
    r,
    new RegExp(
      `^sfn-crossings validate: cannot reach ${url} \\(ECONNREFUSED\\): check the network and the endpoint URL$`,
    ),
  );
});

void test('usage problems: exit 2 with one line (no --remote, bad --type, missing file)', async () => {
  const env = cleanEnv();
  assertOneLineFailure(
    await run(['validate', 'good.asl.yaml'], env),
    /pass --remote \(local checks: sfn-crossings lint FILE\)/,
  );
  assertOneLineFailure(
    await run(['validate', '--remote', '--type', 'FAST', 'good.asl.yaml'], env),
    /--type must be STANDARD or EXPRESS \(got FAST\)/,
  );
  assertOneLineFailure(
    await run(['validate', '--remote', '--region', 'eu-west-1', 'nope.asl.json'], env),
    /cannot read nope\.asl\.json: ENOENT/,
  );
});
