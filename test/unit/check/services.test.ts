// apigateway:invoke, http:invoke, invoker and drift checks: each broken setup gives the exact failure (and its fix
// where one is generated); the repaired setup passes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findRole } from '../../support/fake-aws/iam';
import { apiGatewayOf } from '../../support/fake-aws/apigateway';
import { eventsOf } from '../../support/fake-aws/events';
import { stepFunctionsOf } from '../../support/fake-aws/sfn';
import { A, API_ID, B, check, DEFINITION, FULFIL, only, REGION, repairedScenario, SM_ARN } from './scenario';

const api = (sc: Awaited<ReturnType<typeof repairedScenario>>) =>
  apiGatewayOf(sc.fake.world).apis.get(`${B}|${REGION}|${API_ID}`)!;

void test('apigateway: a resource policy naming another state machine fails with the generated policy; the fix passes', async () => {
  const sc = await repairedScenario();
  const a = api(sc);
  a.policy = a.policy!.replace(SM_ARN, `arn:aws:states:${REGION}:${A}:stateMachine:Other`);
  const [rp] = only(await check(sc), 'apigateway.resource-policy');
  assert.equal(rp?.status, 'fail');
  assert.equal(rp.severity, 'error');
  assert.match(
    rp.message,
    /does not allow execute-api:Invoke on arn:aws:execute-api:eu-west-1:222222222222:b2api00001\/prod\/POST\/execution for aws:SourceArn arn:aws:states:eu-west-1:111111111111:stateMachine:Orders/,
  );
  assert.deepEqual(JSON.parse(rp.fix!.text), sc.kit.apiGateway.resourcePolicies[0]!.policy);
  a.policy = rp.fix!.text;
  assert.equal(only(await check(sc), 'apigateway.resource-policy')[0]?.status, 'pass');
});

void test('apigateway: no resource policy, a method without AWS_IAM, a missing route, a missing API', async () => {
  const sc = await repairedScenario();
  const a = api(sc);
  delete a.policy;
  a.resources.get('/execution')!.methods.get('POST')!.authorizationType = 'NONE';
  let results = await check(sc);
  assert.match(only(results, 'apigateway.resource-policy')[0]!.message, /API b2api00001 has no resource policy/);
  const [method] = only(results, 'apigateway.method');
  assert.equal(method?.status, 'fail');
  assert.equal(method.severity, 'warning');
  assert.match(method.message, /uses NONE authorization, not AWS_IAM.*resource policy is not enforced/);

  a.resources.delete('/execution');
  results = await check(sc);
  assert.match(
    only(results, 'apigateway.method')[0]!.message,
    /POST \/execution on stage prod of API b2api00001: .*the task fails/,
  );

  apiGatewayOf(sc.fake.world).apis.clear();
  results = await check(sc);
  const [missing] = only(results, 'apigateway.api');
  assert.equal(missing?.status, 'fail');
  assert.match(missing.message, /REST API b2api00001 \(eu-west-1\) does not exist in account 222222222222/);
});

void test('apigateway: the StartExecution integration role must allow states:StartExecution on an existing target', async () => {
  const sc = await repairedScenario();
  const role = findRole(sc.fake.world, B, `sfn-crossings-apigw-start-execution-${API_ID}`)!;
  role.inlinePolicies.clear();
  let [integration] = only(await check(sc), 'apigateway.integration');
  assert.equal(integration?.status, 'fail');
  assert.match(integration.message, new RegExp(`does not allow states:StartExecution on ${FULFIL}`));
  stepFunctionsOf(sc.fake.world).stateMachines.delete(FULFIL);
  [integration] = only(await check(sc), 'apigateway.integration');
  assert.match(integration!.message, /the target state machine .*Fulfil does not exist/);
});

void test('http:invoke: a DEAUTHORIZED connection is an error; a missing one too; the secret must be readable', async () => {
  const sc = await repairedScenario();
  const conn = eventsOf(sc.fake.world).connections.get(`${A}|${REGION}|partner`)!;
  conn.state = 'DEAUTHORIZED';
  conn.stateReason = 'Authorization failed: 401 from the token endpoint';
  let [c] = only(await check(sc), 'http.connection');
  assert.equal(c?.status, 'fail');
  assert.equal(c.severity, 'error');
  assert.match(
    c.message,
    /partner is DEAUTHORIZED \(Authorization failed: 401 from the token endpoint\), not AUTHORIZED/,
  );

  conn.state = 'AUTHORIZED';
  const exec = findRole(sc.fake.world, A, 'OrdersRole')!;
  const doc = JSON.parse(exec.inlinePolicies.get('crossings')!) as { Statement: { Action: string | string[] }[] };
  doc.Statement = doc.Statement.filter((s) => ![s.Action].flat().some((x) => x.startsWith('secretsmanager:')));
  exec.inlinePolicies.set('crossings', JSON.stringify(doc));
  const [secret] = only(await check(sc), 'http.secret');
  assert.equal(secret?.status, 'fail');
  assert.match(
    secret.message,
    /does not allow secretsmanager:GetSecretValue on arn:aws:secretsmanager:eu-west-1:111111111111:secret:events!connection\/partner\//,
  );

  eventsOf(sc.fake.world).connections.clear();
  [c] = only(await check(sc), 'http.connection');
  assert.match(c!.message, /EventBridge connection partner does not exist in eu-west-1/);
});

void test('invoker: a call missing from ALLOWED_CALLS or ALLOWED_REGIONS fails with the setting to use', async () => {
  const sc = await repairedScenario();
  const fn = sc.fake.world.functions.get(sc.fake.world.functionKey(REGION, 'sfn-crossings-invoker'))!;
  fn.environment = { ALLOWED_CALLS: 'dynamodb:getItem', ALLOWED_REGIONS: 'eu-central-1' };
  const [allow] = only(await check(sc), 'invoker.allowlist');
  assert.equal(allow?.status, 'fail');
  assert.match(allow.message, /s3:getObject is not in ALLOWED_CALLS .*region us-west-2 is not in ALLOWED_REGIONS/);
  assert.equal(allow.fix!.text, 'ALLOWED_CALLS=dynamodb:getItem,s3:getObject\nALLOWED_REGIONS=eu-central-1,us-west-2');

  sc.fake.world.functions.clear();
  const [missing] = only(await check(sc), 'invoker.function');
  assert.match(missing!.message, /invoker function .*sfn-crossings-invoker does not exist/);
});

void test('drift: the deployed definition differs from the file (a short summary), or is not deployed', async () => {
  const sc = await repairedScenario();
  const deployed = JSON.parse(DEFINITION) as { States: Record<string, Record<string, unknown>> };
  deployed.States.Notify!.TimeoutSeconds = 30;
  delete deployed.States.Archive;
  deployed.States.Notify!.End = true;
  delete deployed.States.Notify!.Next;
  stepFunctionsOf(sc.fake.world).stateMachines.get(SM_ARN)!.definition = JSON.stringify(deployed);
  const [drift] = only(await check(sc), 'drift');
  assert.equal(drift?.status, 'fail');
  assert.equal(drift.severity, 'warning');
  assert.equal(
    drift.message,
    'the deployed definition of Orders differs from the file: 1 state(s) changed (Notify); 1 only in the file (Archive)',
  );
  stepFunctionsOf(sc.fake.world).stateMachines.delete(SM_ARN);
  const results = await check(sc, { options: { executionRoleArn: `arn:aws:iam::${A}:role/OrdersRole` } });
  assert.match(only(results, 'drift')[0]!.message, /is not deployed/);
  assert.equal(only(results, 'credentials.trust')[0]?.status, 'pass', 'the other checks still run');
});
