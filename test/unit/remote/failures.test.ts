// Each way a call to Step Functions fails, through the real SDK against the fake service, and the one line users
// read: AccessDenied (naming the action), throttling (after the SDK's own retries), an expired session token,
// rejected keys, an unreachable endpoint, a missing state machine.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { createSfnPorts, SfnCallError } from '../../../src/aws/sfnClient';
import { createAwsSession } from '../../../src/aws/session';
import { REGION, sfnSetup } from './setup';

const DEFINITION = '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}';

async function failure(p: Promise<unknown>): Promise<SfnCallError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof SfnCallError, String(e));
    assert.ok(!e.message.includes('\n'), 'one line');
    return e;
  }
  assert.fail('expected the call to fail');
}

void test('AccessDenied names the identity and the missing action', async () => {
  const { fake, ports } = await sfnSetup();
  fake.inject('states:ValidateStateMachineDefinition', { kind: 'accessDenied' });
  const e = await failure(ports.validate({ definition: DEFINITION, type: 'STANDARD' }));
  assert.equal(e.code, 'AccessDeniedException');
  assert.equal(
    e.message,
    'access denied: arn:aws:iam::123456789012:user/developer is not allowed to call states:ValidateStateMachineDefinition on *; grant states:ValidateStateMachineDefinition to it (or use a profile that has it) and run again',
  );
});

void test('throttling: the SDK retries, then one clear message; a short burst is absorbed by the retries', async () => {
  const { fake, ports } = await sfnSetup({ maxAttempts: 3 });
  fake.inject('states:TestState', { kind: 'throttle', times: 10 });
  const e = await failure(
    ports.testState({ definition: '{"Type":"Pass","End":true}', input: '{}', inspectionLevel: 'INFO' }),
  );
  assert.equal(fake.operations().length, 3, 'three attempts reached the service');
  assert.equal(
    e.message,
    "Step Functions is throttling states:TestState (ThrottlingException), even after the SDK's retries: wait a little and run it again",
  );

  const again = await sfnSetup({ maxAttempts: 3 });
  again.fake.inject('states:ValidateStateMachineDefinition', { kind: 'throttle', times: 2 });
  const ok = await again.ports.validate({ definition: DEFINITION, type: 'STANDARD' });
  assert.equal(ok.result, 'OK');
  assert.deepEqual(
    again.fake.requests.map((r) => r.error ?? r.status),
    ['ThrottlingException', 'ThrottlingException', 200],
  );
});

void test('an expired session token asks to refresh the credentials', async () => {
  const { fake, ports } = await sfnSetup();
  fake.inject('states:*', {
    kind: 'error',
    code: 'ExpiredTokenException',
    message: 'The security token included in the request is expired',
    status: 400,
  });
  const e = await failure(ports.listStateMachines());
  assert.equal(e.message, 'the AWS session token has expired: refresh your credentials and try again');
});

void test('keys the service does not know, or a wrong secret, are named as rejected credentials', async () => {
  const { fake } = await sfnSetup();
  for (const credentials of [
    { accessKeyId: 'AKIAUNKNOWNKEY000001', secretAccessKey: 'x' },
    { accessKeyId: fake.credentials.accessKeyId, secretAccessKey: 'not-the-secret' },
  ]) {
    const session = await createAwsSession({ region: REGION, endpointUrl: fake.url, credentials, env: {} });
    const e = await failure(createSfnPorts(session).validate({ definition: DEFINITION, type: 'STANDARD' }));
    assert.match(
      e.message,
      /^AWS rejected the credentials \((InvalidClientTokenId|SignatureDoesNotMatch)\): check the access key and secret of the credentials in use$/,
    );
  }
});

void test('an unreachable endpoint (a closed port) fails with the endpoint named, after the SDK retries', async () => {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  const endpoint = `http://127.0.0.1:${port}`;
  const session = await createAwsSession({
    region: REGION,
    endpointUrl: endpoint,
    credentials: { accessKeyId: 'AKIAX', secretAccessKey: 'y' },
    env: {},
  });
  const e = await failure(
    createSfnPorts(session, { maxAttempts: 2 }).validate({ definition: DEFINITION, type: 'STANDARD' }),
  );
  assert.equal(e.message, `cannot reach ${endpoint} (ECONNREFUSED): check the network and the endpoint URL`);
});

void test('a state machine that is not there: the service message, with the action', async () => {
  const { ports } = await sfnSetup();
  const e = await failure(ports.describeStateMachine('arn:aws:states:eu-west-1:123456789012:stateMachine:gone'));
  assert.equal(
    e.message,
    "states:DescribeStateMachine failed: StateMachineDoesNotExist: State Machine Does Not Exist: 'arn:aws:states:eu-west-1:123456789012:stateMachine:gone'",
  );
});

void test('list (every page) and describe deployed state machines of the region', async () => {
  const { ports, sfn, fake } = await sfnSetup();
  for (let i = 0; i < 130; i++) sfn.addStateMachine({ name: `machine-${String(i).padStart(3, '0')}`, region: REGION });
  sfn.addStateMachine({ name: 'elsewhere', region: 'us-east-1' });
  const orders = sfn.addStateMachine({
    name: 'orders',
    region: REGION,
    type: 'EXPRESS',
    roleArn: 'arn:aws:iam::123456789012:role/orders-exec',
  });
  const all = await ports.listStateMachines();
  assert.equal(all.length, 131);
  assert.ok(!all.some((m) => m.name === 'elsewhere'));
  assert.deepEqual(fake.operations(), ['states:ListStateMachines', 'states:ListStateMachines']);
  const details = await ports.describeStateMachine(orders.arn);
  assert.equal(details.roleArn, 'arn:aws:iam::123456789012:role/orders-exec');
  assert.equal(details.type, 'EXPRESS');
  assert.equal(JSON.parse(details.definition).StartAt, 'Done');
});
