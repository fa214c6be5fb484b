// Where a check cannot be made, the report says "not checked" with the reason, never a failure or a guess: no
// profile for account B, AccessDenied on a read, throttling that outlasts the SDK's retries, an endpoint without
// the API. Throttling the SDK retries through is invisible.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runChecks } from '../../../src/core/check/run';
import { createCheckAccounts } from '../../../src/aws/check/accounts';
import { A, B, check, DEFINITION, EXEC_ROLE, model, only, REGION, repairedScenario, show } from './scenario';

void test("no profile for account B: B's checks are not checked (with the way to map one), A's still run", async () => {
  const sc = await repairedScenario();
  const results = await check(sc, { accounts: [A] });
  const ofB = results.filter((r) => r.account === B);
  assert.ok(ofB.length >= 3, show(results));
  for (const r of ofB) {
    assert.equal(r.status, 'not-checked', show([r]));
    assert.match(
      r.message,
      /no profile for account 222222222222 \(map one with --account-profile 222222222222=PROFILE/,
    );
  }
  assert.deepEqual(
    results.filter((r) => r.status === 'fail'),
    [],
    'a missing profile is not a failure',
  );
  assert.equal(only(results, 'execution-role.permissions').filter((r) => r.status === 'pass').length, 4);
  assert.ok(!sc.fake.requests.some((r) => r.accessKeyId === sc.keysB.accessKeyId), 'B was never called');
});

void test('AccessDenied on a read: that check is not checked, with the missing permission named', async () => {
  const sc = await repairedScenario();
  sc.fake.inject('iam:GetRole', { kind: 'accessDenied' });
  const [role] = only(await check(sc), 'credentials.role');
  assert.equal(role?.status, 'not-checked');
  assert.match(
    role.message,
    /target role .*OrdersTarget: not checked: access denied: .* is not allowed to call iam:GetRole/,
  );
});

void test('throttling: retried by the SDK when brief; "not checked" when it outlasts the retries', async () => {
  const sc = await repairedScenario();
  sc.fake.inject('events:DescribeConnection', { kind: 'throttle', times: 1 });
  assert.equal(only(await check(sc), 'http.connection')[0]?.status, 'pass');
  sc.fake.inject('events:DescribeConnection', { kind: 'throttle', times: 3 });
  const [c] = only(await check(sc), 'http.connection');
  assert.equal(c?.status, 'not-checked');
  assert.match(c.message, /throttling/i);
});

void test('an endpoint that lacks the API: not checked, saying so', async () => {
  const sc = await repairedScenario();
  sc.fake.inject('apigateway:*', {
    kind: 'error',
    code: 'UnknownOperationException',
    message: 'not implemented',
    status: 501,
    times: 10,
  });
  const [a] = only(await check(sc), 'apigateway.api');
  assert.equal(a?.status, 'not-checked');
  assert.match(a.message, /the endpoint does not support apigateway:GET/);
});

void test('with only the execution role (no state machine ARN): the ExternalId and drift are not checked, the rest runs', async () => {
  const sc = await repairedScenario();
  const accounts = await createCheckAccounts({
    region: REGION,
    endpointUrl: sc.fake.url,
    accountProfiles: {},
    credentials: { [A]: sc.keysA, [B]: sc.keysB },
    env: {},
  });
  const report = await runChecks(model(DEFINITION), { executionRoleArn: EXEC_ROLE, region: REGION }, accounts);
  assert.deepEqual(only(report.results, 'drift'), []);
  const [trust] = only(report.results, 'credentials.trust');
  assert.equal(trust?.status, 'not-checked');
  assert.match(trust.message, /sts:ExternalId is not checked: the state machine ARN is unknown/);
  assert.equal(only(report.results, 'credentials.permissions')[0]?.status, 'pass');
  await assert.rejects(
    runChecks(model(DEFINITION), {}, accounts),
    /give the state machine ARN or the execution role ARN/,
  );
});

void test('a Credentials role chosen at run time is not checked, never guessed', async () => {
  const sc = await repairedScenario();
  const text = DEFINITION.replace(
    '"RoleArn": "arn:aws:iam::222222222222:role/OrdersTarget"',
    '"RoleArn.$": "$.roleArn"',
  );
  const results = await check(sc, { text });
  const [role] = only(results, 'credentials.role');
  assert.equal(role?.status, 'not-checked');
  assert.match(role.message, /chosen at run time \(\$\.roleArn\)/);
  assert.deepEqual(only(results, 'credentials.trust'), []);
});
