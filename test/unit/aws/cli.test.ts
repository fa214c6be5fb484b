// `sfn-crossings deploy-invoker` end to end: the real CLI in a child process, the real SDK, the fake AWS server.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { FakeAws } from '../../support/fake-aws';

let fake: FakeAws;
let home: string;

before(async () => {
  fake = await FakeAws.start({ pendingReads: 0, roleUnassumableForCreateCalls: 1 });
  home = mkdtempSync(join(tmpdir(), 'sfn-crossings-cli-'));
  mkdirSync(join(home, '.aws', 'sso', 'cache'), { recursive: true });
  writeFileSync(
    join(home, '.aws', 'config'),
    [
      '[profile dev]',
      'region = ap-northeast-1',
      '',
      '[profile sso-dev]',
      'sso_start_url = https://example.awsapps.com/start',
      'sso_region = us-east-1',
      'sso_account_id = 123456789012',
      'sso_role_name = Deployer',
      'region = eu-west-1',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(home, '.aws', 'credentials'),
    `[dev]\naws_access_key_id = ${fake.credentials.accessKeyId}\naws_secret_access_key = ${fake.credentials.secretAccessKey}\n`,
  );
  const cacheName = createHash('sha1').update('https://example.awsapps.com/start').digest('hex');
  writeFileSync(
    join(home, '.aws', 'sso', 'cache', `${cacheName}.json`),
    JSON.stringify({
      startUrl: 'https://example.awsapps.com/start',
      region: 'us-east-1',
      accessToken: 'expired-token',
      expiresAt: '2020-01-01T00:00:00Z',
    }),
  );
});
after(() => fake.close());
beforeEach(() => fake.clearRequests());

/** An environment with no real AWS configuration: a temporary HOME, keys for the fake only when asked. */
function cliEnv(extra: Record<string, string> = {}, withKeys = true): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  if (withKeys)
    Object.assign(env, {
      AWS_ACCESS_KEY_ID: fake.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: fake.credentials.secretAccessKey,
    });
  return { ...env, ...extra };
}

function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(process.cwd(), 'src/cli/main.ts'), 'deploy-invoker', ...args],
      { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const noStack = (s: string) => assert.doesNotMatch(s, /^\s+at /m, 'no stack trace');

void test('--dry-run prints the plan and writes nothing', async () => {
  const r = await cli(
    ['--region', 'eu-west-1', '--calls', 's3:getObject,dynamodb:getItem', '--endpoint-url', fake.url, '--dry-run'],
    cliEnv(),
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\+ create role sfn-crossings-invoker-role/);
  assert.match(r.stdout, /\+ create function sfn-crossings-invoker/);
  assert.match(r.stdout, /ALLOWED_CALLS\): dynamodb:getItem,s3:getObject/);
  assert.match(r.stdout, /Role policy sfn-crossings-invoker-role\/sfn-crossings-invoker \(new\):\n\+ \{/);
  assert.match(r.stdout, /\+\s+"dynamodb:GetItem",\n\+\s+"s3:GetObject"/);
  assert.deepEqual(fake.writes(), []);
  assert.ok(fake.requests.length > 0);
});

void test('without a terminal it never prompts: no --yes, exit 2 and no AWS call', async () => {
  const r = await cli(['--region', 'eu-west-1', '--calls', 's3:getObject'], cliEnv({ AWS_ENDPOINT_URL: fake.url }));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /pass --yes to deploy, or --dry-run/);
  assert.deepEqual(fake.requests, []);
});

void test('--yes deploys and prints the ARN; the second run writes nothing', async () => {
  const args = [
    '--region',
    'eu-west-1',
    '--calls',
    's3:getObject',
    '--function-name',
    'cli-invoker',
    '--role-name',
    'cli-invoker-role',
    '--yes',
  ];
  const first = await cli(args, cliEnv({ AWS_ENDPOINT_URL: fake.url }));
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout, 'arn:aws:lambda:eu-west-1:123456789012:function:cli-invoker\n');
  assert.match(first.stderr, /waiting .* for the new role to propagate/);
  assert.ok(fake.writes().includes('lambda:CreateFunction'));
  fake.clearRequests();
  const second = await cli(args, cliEnv({ AWS_ENDPOINT_URL: fake.url }));
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stderr, /nothing written/);
  assert.deepEqual(fake.writes(), []);
});

void test('--from takes the calls from the definition and the region from the profile', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfn-crossings-def-'));
  writeFileSync(
    join(dir, 'flow.asl.yaml'),
    [
      'StartAt: Read',
      'States:',
      '  Read:',
      '    Type: Task',
      '    Resource: arn:aws:states:::lambda:invoke',
      '    Parameters:',
      '      FunctionName: from-invoker',
      '      Payload:',
      '        service: sqs',
      '        action: sendMessage',
      '        region: us-west-2',
      '        parameters: { QueueUrl: q, MessageBody: hi }',
      '    End: true',
      '',
    ].join('\n'),
  );
  const r = await cli(
    [
      '--from',
      join(dir, 'flow.asl.yaml'),
      '--profile',
      'dev',
      '--function-name',
      'from-invoker',
      '--endpoint-url',
      fake.url,
      '--yes',
    ],
    cliEnv({}, false),
  );
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'arn:aws:lambda:ap-northeast-1:123456789012:function:from-invoker\n');
  assert.deepEqual(fake.world.functions.get('ap-northeast-1|from-invoker')!.environment, {
    ALLOWED_CALLS: 'sqs:sendMessage',
  });
  assert.deepEqual(
    [...new Set(fake.requests.filter((q) => q.service === 'lambda').map((q) => q.region))],
    ['ap-northeast-1'],
  );
});

void test('AccessDenied: exit 1 with one line naming the missing action', async () => {
  fake.inject('iam:CreateRole', { kind: 'accessDenied' });
  const r = await cli(
    [
      '--region',
      'eu-west-1',
      '--calls',
      's3:getObject',
      '--role-name',
      'denied-role',
      '--function-name',
      'denied',
      '--yes',
    ],
    cliEnv({ AWS_ENDPOINT_URL: fake.url }),
  );
  assert.equal(r.code, 1);
  const errors = r.stderr.split('\n').filter((l) => l.startsWith('sfn-crossings'));
  assert.deepEqual(errors, [
    'sfn-crossings deploy-invoker: access denied: arn:aws:iam::123456789012:user/developer is not allowed to call iam:CreateRole on arn:aws:iam::123456789012:role/denied-role; grant iam:CreateRole to it (or use a profile that has it) and run again',
  ]);
  noStack(r.stderr);
});

void test('an expired SSO session says which aws sso login to run', async () => {
  const r = await cli(
    ['--calls', 's3:getObject', '--profile', 'sso-dev', '--endpoint-url', fake.url, '--dry-run'],
    cliEnv({}, false),
  );
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /run `aws sso login --profile sso-dev`/);
  noStack(r.stderr);
  assert.deepEqual(fake.requests, []);
});

void test('usage errors: exit 2, one line, no stack', async () => {
  for (const args of [
    ['--calls', 's3'],
    ['--calls', 's3:getObject', '--region', 'moon-1'],
    ['--calls', 's3:getObject', '--bogus'],
    ['--region', 'eu-west-1'],
    ['--from', 'nope.json', '--region', 'eu-west-1'],
  ]) {
    const r = await cli(args, cliEnv());
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    noStack(r.stderr);
  }
});

/** Writes a JSON definition whose states are Tasks run in order. */
function definitionFile(states: Record<string, Record<string, unknown>>): string {
  const names = Object.keys(states);
  const all = Object.fromEntries(
    names.map((n, i) => [
      n,
      { Type: 'Task', ...states[n], ...(i + 1 < names.length ? { Next: names[i + 1] } : { End: true }) },
    ]),
  );
  const dir = mkdtempSync(join(tmpdir(), 'sfn-crossings-def-'));
  const file = join(dir, 'flow.asl.json');
  writeFileSync(file, JSON.stringify({ StartAt: names[0], States: all }, null, 2));
  return file;
}
const invokerTask = (payload: Record<string, unknown>, functionName = 'sfn-crossings-invoker') => ({
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: functionName, Payload: { region: 'us-west-2', ...payload } },
  Retry: [{ ErrorEquals: ['Lambda.ServiceException'] }],
});

void test('a definition whose invoker payload has errors ("assumeRoleArn": "*") is refused: exit 1, the finding, no AWS call', async () => {
  const file = definitionFile({
    Read: invokerTask({
      service: 's3',
      action: 'getObject',
      parameters: { Bucket: 'reports', Key: 'a' },
      assumeRoleArn: '*',
    }),
  });
  for (const extra of [['--yes'], ['--dry-run']]) {
    fake.clearRequests();
    const r = await cli(['--from', file, '--region', 'eu-west-1', ...extra], cliEnv({ AWS_ENDPOINT_URL: fake.url }));
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /flow\.asl\.json:\d+:\d+: error XC411 "assumeRoleArn" must be an IAM role ARN/);
    assert.match(r.stderr, /1 invoker payload error\(s\).*nothing was deployed/);
    assert.equal(r.stdout, '');
    assert.deepEqual(fake.requests, []);
    noStack(r.stderr);
  }
});

void test('--yes prints the plan with the role policy diffed against the deployed one; the policy is scoped from the literal parameters', async () => {
  const file = definitionFile({
    Get: invokerTask({ service: 'dynamodb', action: 'getItem', parameters: { TableName: 'Orders', Key: {} } }),
    Put: invokerTask({
      service: 's3',
      action: 'putObject',
      parameters: { Bucket: 'reports', Key: 'daily/today.json', Body: 'x' },
      assumeRoleArn: 'arn:aws:iam::222222222222:role/ReportsWriter',
    }),
  });
  const args = [
    '--from',
    file,
    '--region',
    'eu-west-1',
    '--function-name',
    'scoped',
    '--role-name',
    'scoped-role',
    '--yes',
  ];
  const first = await cli(args, cliEnv({ AWS_ENDPOINT_URL: fake.url }));
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout, 'arn:aws:lambda:eu-west-1:123456789012:function:scoped\n');
  assert.match(first.stderr, /invoker tasks read \(2\): "Get" dynamodb:getItem, "Put" s3:putObject/);
  assert.match(first.stderr, /Role policy scoped-role\/sfn-crossings-invoker \(new\):\n\+ \{/);
  assert.match(
    first.stderr,
    /Allowed roles \(ALLOWED_ROLES\): arn:aws:iam::222222222222:role\/ReportsWriter \(external id arn:aws:lambda:eu-west-1:123456789012:function:scoped\)/,
  );
  const policy = JSON.parse(fake.world.roles.get('scoped-role')!.inlinePolicies.get('sfn-crossings-invoker')!) as {
    Statement: { Action: string | string[]; Resource: string | string[] }[];
  };
  const resourcesOf = (action: string) =>
    policy.Statement.filter((s) => [s.Action].flat().includes(action)).flatMap((s) => [s.Resource].flat());
  assert.deepEqual(resourcesOf('dynamodb:GetItem'), ['arn:aws:dynamodb:us-west-2:123456789012:table/Orders']);
  assert.deepEqual(resourcesOf('sts:AssumeRole'), ['arn:aws:iam::222222222222:role/ReportsWriter']);
  assert.ok(!policy.Statement.some((s) => [s.Resource].flat().includes('*')), JSON.stringify(policy));
  assert.deepEqual(JSON.parse(fake.world.functions.get('eu-west-1|scoped')!.environment.ALLOWED_ROLES!), {
    'arn:aws:iam::222222222222:role/ReportsWriter': 'arn:aws:lambda:eu-west-1:123456789012:function:scoped',
  });
  // One more call widens the policy: the diff shows exactly what changes.
  const second = await cli([...args, '--calls', 'sqs:sendMessage'], cliEnv({ AWS_ENDPOINT_URL: fake.url }));
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stderr, /Role policy scoped-role\/sfn-crossings-invoker \(changed: \+\d+ -\d+ lines\)/);
  assert.match(second.stderr, /^\+ +"Action": "sqs:SendMessage",\n\+ +"Resource": "\*"/m);
  assert.match(second.stderr, /^  +"Action": "dynamodb:GetItem",$/m);
});

void test('a task of another function adds nothing, and the output says which tasks were read', async () => {
  const file = definitionFile({
    Read: invokerTask({ service: 's3', action: 'getObject', parameters: { Bucket: 'reports', Key: 'a' } }),
    Other: invokerTask({ service: 'iam', action: 'createAccessKey', parameters: {} }, 'some-other-function'),
  });
  const r = await cli(['--from', file, '--region', 'eu-west-1', '--dry-run'], cliEnv({ AWS_ENDPOINT_URL: fake.url }));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /invoker tasks read \(1\): "Read" s3:getObject/);
  assert.match(r.stderr, /not counted: "Other" calls function some-other-function, not the invoker/);
  assert.match(r.stdout, /Allowed calls \(ALLOWED_CALLS\): s3:getObject\n/);
  assert.doesNotMatch(r.stdout, /iam:CreateAccessKey|Sensitive/);
});

void test('sensitive calls need an explicit yes: named in the plan, refused with --yes alone, deployed with --allow-sensitive', async () => {
  const args = [
    '--region',
    'eu-west-1',
    '--calls',
    's3:getObject,secrets-manager:getSecretValue',
    '--function-name',
    'secrets',
  ];
  const plan = await cli([...args, '--dry-run'], cliEnv({ AWS_ENDPOINT_URL: fake.url }));
  assert.equal(plan.code, 0, plan.stderr);
  assert.match(
    plan.stdout,
    /Sensitive calls: secrets-manager:getSecretValue \(returns credentials, secrets or key material\)\. .*execution history in clear text/,
  );
  fake.clearRequests();
  const refused = await cli([...args, '--yes'], cliEnv({ AWS_ENDPOINT_URL: fake.url }));
  assert.equal(refused.code, 2);
  assert.match(
    refused.stderr,
    /sensitive calls need an explicit yes: secrets-manager:getSecretValue .*--allow-sensitive/,
  );
  assert.deepEqual(fake.requests, []);
  const allowed = await cli([...args, '--yes', '--allow-sensitive'], cliEnv({ AWS_ENDPOINT_URL: fake.url }));
  assert.equal(allowed.code, 0, allowed.stderr);
  assert.equal(allowed.stdout, 'arn:aws:lambda:eu-west-1:123456789012:function:secrets\n');
});

void test('--for-state-machine deploys a dedicated invoker for one state machine', async () => {
  const r = await cli(
    ['--region', 'eu-west-1', '--calls', 's3:getObject', '--for-state-machine', 'Reports', '--dry-run'],
    cliEnv({ AWS_ENDPOINT_URL: fake.url }),
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Plan for arn:aws:lambda:eu-west-1:123456789012:function:sfn-crossings-invoker-Reports /);
  assert.match(r.stdout, /\+ create role sfn-crossings-invoker-Reports-role/);
});
