// The fake AWS server itself: it accepts only correctly SigV4-signed requests, takes the region from the
// credential scope, and answers in each service's wire format (checked through the real SDK clients).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { FakeAws } from '../../support/fake-aws';

let fake: FakeAws;
before(async () => {
  fake = await FakeAws.start();
});
after(() => fake.close());

void test('unsigned requests are refused and recorded as such', async () => {
  fake.clearRequests();
  const res = await fetch(`${fake.url}/`, {
    method: 'POST',
    body: 'Action=GetCallerIdentity&Version=2011-06-15',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(res.status, 403);
  assert.match(await res.text(), /MissingAuthenticationToken/);
  assert.deepEqual(
    fake.requests.map((r) => [r.service, r.error]),
    [['unsigned', 'MissingAuthenticationToken']],
  );
});

void test('a wrong secret fails the signature check; an unknown key is rejected', async () => {
  const wrongSecret = new STSClient({
    region: 'eu-west-1',
    endpoint: fake.url,
    credentials: { accessKeyId: fake.credentials.accessKeyId, secretAccessKey: 'wrong' },
    maxAttempts: 1,
  });
  await assert.rejects(wrongSecret.send(new GetCallerIdentityCommand({})), { name: 'SignatureDoesNotMatch' });
  const unknownKey = new LambdaClient({
    region: 'eu-west-1',
    endpoint: fake.url,
    credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' },
    maxAttempts: 1,
  });
  await assert.rejects(unknownKey.send(new GetFunctionCommand({ FunctionName: 'f' })), {
    name: 'InvalidClientTokenId',
  });
});

void test('signed requests reach the service of the scope, in the region of the scope, with protocol-shaped errors', async () => {
  fake.clearRequests();
  const sts = new STSClient({ region: 'ap-south-1', endpoint: fake.url, credentials: fake.credentials });
  assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, '123456789012');
  const iam = new IAMClient({ region: 'us-east-1', endpoint: fake.url, credentials: fake.credentials });
  await assert.rejects(
    iam.send(new GetRoleCommand({ RoleName: 'missing' })),
    (e: Error & { $metadata?: { httpStatusCode?: number } }) =>
      e.name === 'NoSuchEntityException' || e.name === 'NoSuchEntity',
  );
  const lambda = new LambdaClient({ region: 'ca-central-1', endpoint: fake.url, credentials: fake.credentials });
  await assert.rejects(lambda.send(new GetFunctionCommand({ FunctionName: 'missing' })), {
    name: 'ResourceNotFoundException',
    message: /Function not found: arn:aws:lambda:ca-central-1:123456789012:function:missing/,
  });
  assert.deepEqual(
    fake.requests.map((r) => [r.service, r.operation, r.region]),
    [
      ['sts', 'GetCallerIdentity', 'ap-south-1'],
      ['iam', 'GetRole', 'us-east-1'],
      ['lambda', 'GetFunction', 'ca-central-1'],
    ],
  );
});
