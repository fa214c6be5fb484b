// The invoker deployment through the real AWS SDK v3 against the fake AWS server: request sequence, idempotency,
// IAM propagation retries, throttling, AccessDenied, cancellation, dry run and the messages users see.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  DeployError,
  codeSha256,
  deployInvoker,
  invokerEnvironment,
  type DeployOptions,
  type InvokerDeploySpec,
} from '../../../src/aws/deployInvoker';
import { createSdkPorts, type SdkPortsOptions } from '../../../src/aws/invokerClients';
import { createAwsSession } from '../../../src/aws/session';
import { FakeAws, type FakeAwsOptions } from '../../support/fake-aws';
import { buildInvokerZip } from '../invoker/buildInvoker';

let zip: Uint8Array;
const fakes: FakeAws[] = [];

before(async () => {
  zip = await buildInvokerZip();
});
after(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

async function setup(options: FakeAwsOptions = {}, portsOptions: SdkPortsOptions = {}) {
  const fake = await FakeAws.start({ pendingReads: 0, ...options });
  fakes.push(fake);
  const session = await createAwsSession({
    region: 'eu-west-1',
    endpointUrl: fake.url,
    credentials: fake.credentials,
    env: {},
  });
  const ports = createSdkPorts(session, portsOptions);
  const spec: InvokerDeploySpec = { region: 'eu-west-1', calls: [{ service: 's3', action: 'getObject' }], zip };
  const deploy = (s: Partial<InvokerDeploySpec> = {}, o: DeployOptions = {}) =>
    deployInvoker(ports, { ...spec, ...s }, { roleRetry: { baseDelayMs: 5 }, endpoint: fake.url, ...o });
  return { fake, deploy };
}

async function failure(p: Promise<unknown>): Promise<DeployError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof DeployError, String(e));
    return e;
  }
  assert.fail('expected the deployment to fail');
}

void test('first deploy: identity, role, policy, function (with IAM propagation retries), then waits until active', async () => {
  const { fake, deploy } = await setup({ pendingReads: 1, roleUnassumableForCreateCalls: 2 });
  const steps: string[] = [];
  const result = await deploy({}, { onProgress: (p) => steps.push(p.step) });
  assert.deepEqual(fake.operations(), [
    'sts:GetCallerIdentity',
    'iam:GetRole',
    'iam:CreateRole',
    'iam:PutRolePolicy',
    'lambda:GetFunction',
    'lambda:CreateFunction',
    'lambda:CreateFunction',
    'lambda:CreateFunction',
    'lambda:GetFunction',
    'lambda:GetFunction',
  ]);
  assert.deepEqual(
    fake.requests.filter((r) => r.operation === 'CreateFunction').map((r) => r.error ?? r.status),
    ['InvalidParameterValueException', 'InvalidParameterValueException', 201],
  );
  // IAM is global (signed for us-east-1); STS and Lambda go to the chosen region.
  assert.deepEqual([...new Set(fake.requests.filter((r) => r.service === 'iam').map((r) => r.region))], ['us-east-1']);
  assert.deepEqual([...new Set(fake.requests.filter((r) => r.service !== 'iam').map((r) => r.region))], ['eu-west-1']);
  assert.equal(result.functionArn, 'arn:aws:lambda:eu-west-1:123456789012:function:sfn-crossings-invoker');
  assert.equal(result.roleArn, 'arn:aws:iam::123456789012:role/sfn-crossings-invoker-role');
  assert.deepEqual(
    steps.filter((s, i) => s !== steps[i - 1]),
    ['identity', 'role', 'policy', 'function', 'done'],
  );
  const role = fake.world.roles.get('sfn-crossings-invoker-role')!;
  const trust = JSON.parse(role.assumeRolePolicyDocument);
  assert.deepEqual(trust.Statement[0].Principal, { Service: 'lambda.amazonaws.com' });
  assert.deepEqual(trust.Statement[0].Condition, { StringEquals: { 'aws:SourceAccount': '123456789012' } });
  const policy = JSON.parse(role.inlinePolicies.get('sfn-crossings-invoker')!);
  assert.deepEqual(policy.Statement[0].Action, ['s3:GetObject']);
  const fn = fake.world.functions.get('eu-west-1|sfn-crossings-invoker')!;
  assert.equal(fn.codeSha256, codeSha256(zip));
  assert.deepEqual(fn.environment, { ALLOWED_CALLS: 's3:getObject' });
  assert.equal(fn.runtime, 'nodejs22.x');
  assert.equal(fn.tags['sfn-crossings:managed'], 'true');
  assert.equal(fn.state, 'Active');
});

void test('a redeploy with nothing changed makes zero write calls', async () => {
  const { fake, deploy } = await setup();
  await deploy();
  fake.clearRequests();
  const again = await deploy();
  assert.deepEqual(again.changes, []);
  assert.deepEqual(fake.writes(), []);
  assert.deepEqual(fake.operations(), [
    'sts:GetCallerIdentity',
    'iam:GetRole',
    'iam:GetRolePolicy',
    'lambda:GetFunction',
  ]);
});

void test('new allowed calls update the policy and the configuration only; new code updates the code only', async () => {
  const { fake, deploy } = await setup();
  await deploy();
  fake.clearRequests();
  const calls = [
    { service: 's3', action: 'getObject' },
    { service: 'dynamodb', action: 'getItem' },
  ];
  const r = await deploy({ calls });
  assert.deepEqual(fake.writes(), ['iam:PutRolePolicy', 'lambda:UpdateFunctionConfiguration']);
  assert.match(r.changes.join('\n'), /update the configuration of sfn-crossings-invoker \(environment\)/);
  assert.equal(
    fake.world.functions.get('eu-west-1|sfn-crossings-invoker')!.environment.ALLOWED_CALLS,
    'dynamodb:getItem,s3:getObject',
  );
  fake.clearRequests();
  const newZip = Buffer.concat([Buffer.from(zip)]);
  newZip[newZip.length - 1] = 1; // a different comment length byte: different package, different CodeSha256
  await deploy({ calls, zip: newZip });
  assert.deepEqual(fake.writes(), ['lambda:UpdateFunctionCode']);
});

void test('an update waits for the previous update to finish (no 409 conflicts)', async () => {
  const { fake, deploy } = await setup({ pendingReads: 1 });
  await deploy();
  fake.clearRequests();
  const newZip = Buffer.from(zip);
  newZip[newZip.length - 1] = 2;
  await deploy({ zip: newZip, calls: [{ service: 'sqs', action: 'sendMessage' }] });
  assert.deepEqual(fake.writes(), [
    'iam:PutRolePolicy',
    'lambda:UpdateFunctionCode',
    'lambda:UpdateFunctionConfiguration',
  ]);
  assert.equal(fake.requests.filter((r) => r.status === 409).length, 0);
});

void test('IAM propagation that never ends gives up with a message and reports the role that exists', async () => {
  const { fake, deploy } = await setup({ roleUnassumableForCreateCalls: 100 });
  const e = await failure(deploy({}, { roleRetry: { attempts: 3, baseDelayMs: 5 } }));
  assert.match(
    e.message,
    /Lambda still cannot assume role sfn-crossings-invoker-role after 3 attempts.*run the command again/,
  );
  assert.equal(e.existing.roleArn, 'arn:aws:iam::123456789012:role/sfn-crossings-invoker-role');
  assert.equal(e.existing.functionArn, undefined);
  assert.equal(fake.operations().filter((o) => o === 'lambda:CreateFunction').length, 3);
});

void test('throttling (429) is retried; persistent throttling becomes a message', async () => {
  const { fake, deploy } = await setup({ roleUnassumableForCreateCalls: 0 });
  fake.inject('lambda:CreateFunction', { kind: 'throttle', times: 2 });
  await deploy();
  assert.deepEqual(
    fake.requests.filter((r) => r.operation === 'CreateFunction').map((r) => r.status),
    [429, 429, 201],
  );
  const second = await setup({}, { maxAttempts: 2 });
  second.fake.inject('iam:GetRole', { kind: 'throttle', times: 50 });
  const e = await failure(second.deploy());
  assert.match(e.message, /AWS is throttling iam:GetRole \(Throttling\) even after retries: wait a minute/);
});

void test('AccessDenied names the missing action', async () => {
  const { fake, deploy } = await setup();
  fake.inject('iam:CreateRole', { kind: 'accessDenied' });
  const e = await failure(deploy());
  assert.equal(
    e.message,
    'access denied: arn:aws:iam::123456789012:user/developer is not allowed to call iam:CreateRole on arn:aws:iam::123456789012:role/sfn-crossings-invoker-role; grant iam:CreateRole to it (or use a profile that has it) and run again',
  );
  assert.equal(e.step, 'role');
  fake.inject('lambda:CreateFunction', { kind: 'accessDenied' });
  const e2 = await failure(deploy());
  assert.match(
    e2.message,
    /not allowed to call lambda:CreateFunction on arn:aws:lambda:eu-west-1:123456789012:function:sfn-crossings-invoker/,
  );
  assert.ok(e2.existing.roleArn);
});

void test('cancellation stops between steps and reports what exists; the next run completes', async () => {
  const { fake, deploy } = await setup();
  const controller = new AbortController();
  const e = await failure(
    // Cancelling while the role step runs lets that step finish and stops before the next one.
    deploy({}, { signal: controller.signal, onProgress: (p) => p.step === 'role' && controller.abort() }),
  );
  assert.equal(e.cancelled, true);
  assert.match(
    e.message,
    /cancelled before step "policy"; already in AWS: role arn:aws:iam::123456789012:role\/sfn-crossings-invoker-role/,
  );
  assert.deepEqual(fake.writes(), ['iam:CreateRole']);
  const done = await deploy();
  assert.ok(done.functionArn);
  const pre = new AbortController();
  pre.abort();
  const e2 = await failure(deploy({}, { signal: pre.signal }));
  assert.match(e2.message, /nothing was created/);
});

void test('dry run reads and plans but writes nothing', async () => {
  const { fake, deploy } = await setup();
  const plan = await deploy({}, { dryRun: true });
  assert.deepEqual(fake.writes(), []);
  assert.equal(plan.dryRun, true);
  assert.deepEqual(
    plan.changes.map((c) => c.split(' ').slice(0, 2).join(' ')),
    ['create role', 'put inline', 'create function'],
  );
  assert.equal(plan.functionArn, 'arn:aws:lambda:eu-west-1:123456789012:function:sfn-crossings-invoker');
});

void test('existing resources not managed by sfn-crossings are never taken over', async () => {
  const { fake, deploy } = await setup();
  await deploy({ functionName: 'theirs' });
  delete fake.world.functions.get('eu-west-1|theirs')!.tags['sfn-crossings:managed'];
  fake.clearRequests();
  const e = await failure(deploy({ functionName: 'theirs' }));
  assert.match(e.message, /function theirs exists in eu-west-1 but was not deployed by sfn-crossings.*--function-name/);
  assert.deepEqual(fake.writes(), []);
});

void test('a function created meanwhile by someone else gives a message, not a stack', async () => {
  const { fake, deploy } = await setup();
  fake.inject('lambda:CreateFunction', {
    kind: 'error',
    code: 'ResourceConflictException',
    message: 'Function already exist: sfn-crossings-invoker',
    status: 409,
  });
  const e = await failure(deploy());
  assert.match(e.message, /lambda:CreateFunction found the resource already there.*run the command again/);
});

void test('the function environment carries the allowlist and the safety switches only when asked', () => {
  const base = {
    region: 'eu-west-1',
    zip: new Uint8Array(),
    calls: [
      { service: 's3', action: 'getObject' },
      { service: 'sfn', action: '*' },
    ],
  };
  assert.deepEqual(invokerEnvironment(base), { ALLOWED_CALLS: 's3:getObject,sfn:*' });
  assert.deepEqual(
    invokerEnvironment({
      ...base,
      allowedRegions: ['us-west-2', 'eu-central-1'],
      allowEndpointOverride: true,
      errorNames: 'plain',
    }),
    {
      ALLOWED_CALLS: 's3:getObject,sfn:*',
      ALLOWED_REGIONS: 'eu-central-1,us-west-2',
      ALLOW_ENDPOINT_OVERRIDE: 'true',
      ERROR_NAMES: 'plain',
    },
  );
});

void test("roles the tasks assume: sts:AssumeRole on them, ALLOWED_ROLES with the deployer's external id (default: the function ARN)", async () => {
  const { fake, deploy } = await setup();
  const result = await deploy({
    assumeRoles: [
      { roleArn: 'arn:aws:iam::222222222222:role/Target' },
      { roleArn: 'arn:aws:iam::333333333333:role/Reports', externalId: 'reports-2026' },
    ],
  });
  const policy = JSON.parse(
    fake.world.roles.get('sfn-crossings-invoker-role')!.inlinePolicies.get('sfn-crossings-invoker')!,
  );
  assert.deepEqual(policy.Statement[1], {
    Sid: 'AssumeTargetRoles',
    Effect: 'Allow',
    Action: 'sts:AssumeRole',
    Resource: ['arn:aws:iam::222222222222:role/Target', 'arn:aws:iam::333333333333:role/Reports'],
  });
  assert.deepEqual(
    JSON.parse(fake.world.functions.get('eu-west-1|sfn-crossings-invoker')!.environment.ALLOWED_ROLES!),
    {
      'arn:aws:iam::222222222222:role/Target': result.functionArn,
      'arn:aws:iam::333333333333:role/Reports': 'reports-2026',
    },
  );
  // A second run reports the deployed policy next to the desired one (the confirmations diff them).
  const again = await deploy({ assumeRoles: [{ roleArn: 'arn:aws:iam::222222222222:role/Target' }] }, { dryRun: true });
  assert.deepEqual(again.deployedPolicy, policy);
  assert.notDeepEqual(again.policy, policy);
  assert.ok(again.changes.some((c) => /update inline policy/.test(c)));
});

void test('a wildcard or placeholder role ARN is refused before any AWS call', async () => {
  const { fake, deploy } = await setup();
  for (const roleArn of ['*', 'arn:aws:iam::222222222222:role/*', 'arn:aws:iam::${Account}:role/Target']) {
    fake.clearRequests();
    const e = await failure(deploy({ assumeRoles: [{ roleArn }] }));
    assert.match(e.message, /is not a literal IAM role ARN/);
    assert.deepEqual(fake.requests, []);
  }
  assert.equal(invokerEnvironment({ region: 'eu-west-1', zip: new Uint8Array(), calls: [] }).ALLOWED_ROLES, undefined);
});
