// The deployed package, invoked the way Step Functions invokes it: deploy the real zip to the fake Lambda, then
// Invoke it; the handler runs from the unzipped bundle in a child process with the function's environment and the
// role's credentials, and its own AWS call reaches the fake in the requested region.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { deployInvoker } from '../../../src/aws/deployInvoker';
import { createSdkPorts } from '../../../src/aws/invokerClients';
import { createAwsSession } from '../../../src/aws/session';
import { FakeAws } from '../../support/fake-aws';
import { buildInvokerZip } from '../invoker/buildInvoker';

let fake: FakeAws;
let lambda: LambdaClient;
let functionArn: string;

before(async () => {
  fake = await FakeAws.start({ pendingReads: 0, roleUnassumableForCreateCalls: 0 });
  fake.world.objects.set('eu-reports/today.json', {
    body: Buffer.from('{"total":42}'),
    contentType: 'application/json',
  });
  const session = await createAwsSession({
    region: 'eu-west-1',
    endpointUrl: fake.url,
    credentials: fake.credentials,
    env: {},
  });
  const result = await deployInvoker(createSdkPorts(session), {
    region: 'eu-west-1',
    calls: [{ service: 's3', action: 'getObject' }],
    zip: await buildInvokerZip(),
  });
  functionArn = result.functionArn;
  lambda = new LambdaClient({ region: 'eu-west-1', endpoint: fake.url, credentials: fake.credentials });
});
after(() => fake.close());

async function invoke(event: unknown) {
  const out = await lambda.send(
    new InvokeCommand({ FunctionName: functionArn, Payload: Buffer.from(JSON.stringify(event)) }),
  );
  return {
    functionError: out.FunctionError,
    payload: JSON.parse(Buffer.from(out.Payload ?? []).toString('utf8')) as Record<string, unknown>,
  };
}

void test('the deployed invoker makes the call in the requested region with its role credentials', async () => {
  fake.clearRequests();
  const r = await invoke({
    service: 's3',
    action: 'getObject',
    region: 'us-west-2',
    parameters: { Bucket: 'eu-reports', Key: 'today.json' },
  });
  assert.equal(r.functionError, undefined, JSON.stringify(r.payload));
  assert.deepEqual(r.payload.Body, { total: 42 });
  const call = fake.requests.find((q) => q.service === 's3')!;
  assert.equal(call.region, 'us-west-2');
  assert.match(call.accessKeyId, /^ASIA/, 'signed with the function role session, not the developer key');
});

void test('errors reach Step Functions with the invoker names', async () => {
  const missing = await invoke({
    service: 's3',
    action: 'getObject',
    region: 'us-west-2',
    parameters: { Bucket: 'eu-reports', Key: 'nope' },
  });
  assert.equal(missing.functionError, 'Unhandled');
  assert.equal(missing.payload.errorType, 'S3.NoSuchKeyException');
  fake.clearRequests();
  const refused = await invoke({
    service: 'dynamodb',
    action: 'deleteTable',
    region: 'us-west-2',
    parameters: { TableName: 'x' },
  });
  assert.equal(refused.payload.errorType, 'Invoker.CallNotAllowed');
  assert.deepEqual(fake.operations(), ['lambda:Invoke'], 'the refused call made no AWS request');
});
