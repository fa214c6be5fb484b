// The invoker handler against the fake AWS server with real SDK v3 clients: signed requests per region, the
// default-deny allowlist, endpoint and region guards, output conversion, error names, assume-role, timeouts.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { callBudgetMs, createHandler, type HandlerOptions } from '../../../src/invoker/index';
import { FakeAws } from '../../support/fake-aws';

const requireFromProject = createRequire(join(process.cwd(), 'package.json'));
let fake: FakeAws;

before(async () => {
  fake = await FakeAws.start();
  fake.world.objects.set('reports/data.json', {
    body: Buffer.from('{"rows":[1,2,3],"ok":true}'),
    contentType: 'application/json',
  });
  fake.world.objects.set('reports/note.txt', {
    body: Buffer.from('hello from ap-southeast-2, a text long enough to span chunks'),
    contentType: 'text/plain',
  });
  fake.world.objects.set('reports/blob.bin', {
    body: Buffer.from([0xff, 0xfe, 0x00, 0x81]),
    contentType: 'application/octet-stream',
  });
  fake.world.tables.set('Orders', { keys: ['pk'], items: new Map() });
});
after(() => fake.close());
beforeEach(() => fake.clearRequests());

function handlerWith(env: Record<string, string>, extra: Partial<HandlerOptions> = {}) {
  return createHandler({
    env,
    loadModule: (name) => requireFromProject(name) as Record<string, unknown>,
    clientConfig: { endpoint: fake.url, credentials: fake.credentials, forcePathStyle: true },
    ...extra,
  });
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  assert.fail('expected the handler to fail');
}

void test('a signed request reaches the server for the requested region; JSON bodies come back parsed, $metadata removed', async () => {
  const handler = handlerWith({ ALLOWED_CALLS: 's3:getObject' });
  const out = (await handler({
    service: 's3',
    action: 'getObject',
    region: 'ap-southeast-2',
    parameters: { Bucket: 'reports', Key: 'data.json' },
  })) as Record<string, unknown>;
  assert.deepEqual(out.Body, { rows: [1, 2, 3], ok: true });
  assert.equal(out.ContentType, 'application/json');
  assert.equal('$metadata' in out, false);
  assert.deepEqual(
    fake.requests.map((r) => [r.service, r.operation, r.region, r.accessKeyId, r.status]),
    [['s3', 'GetObject', 'ap-southeast-2', fake.credentials.accessKeyId, 200]],
  );
  assert.doesNotThrow(() => JSON.stringify(out));
});

void test('stream bodies come back as text, non-UTF-8 bytes as base64', async () => {
  const handler = handlerWith({ ALLOWED_CALLS: 's3:getObject' });
  const text = (await handler({
    service: 's3',
    action: 'getObject',
    region: 'us-west-2',
    parameters: { Bucket: 'reports', Key: 'note.txt' },
  })) as { Body: unknown };
  assert.equal(text.Body, 'hello from ap-southeast-2, a text long enough to span chunks');
  const bin = (await handler({
    service: 's3',
    action: 'getObject',
    region: 'us-west-2',
    parameters: { Bucket: 'reports', Key: 'blob.bin' },
  })) as { Body: unknown };
  assert.equal(bin.Body, Buffer.from([0xff, 0xfe, 0x00, 0x81]).toString('base64'));
});

void test('the allowlist refuses before any request is made (default deny)', async () => {
  const envs: Record<string, string>[] = [
    {},
    { ALLOWED_CALLS: 's3:getObject' },
    { ALLOWED_CALLS: 'dynamodb:* , s3:putObject' },
  ];
  for (const env of envs) {
    const handler = handlerWith(env);
    const e = await rejection(
      handler({
        service: 's3',
        action: 'deleteObject',
        region: 'eu-west-1',
        parameters: { Bucket: 'reports', Key: 'data.json' },
      }),
    );
    assert.equal(e.name, 'Invoker.CallNotAllowed');
    assert.match(e.message, /s3:deleteObject is not in this function's ALLOWED_CALLS/);
  }
  assert.deepEqual(fake.requests, []);
});

void test('service:* allows every action of that service, matching ignores the case of the action', async () => {
  const handler = handlerWith({ ALLOWED_CALLS: 'dynamodb:*,s3:GetObject' });
  await handler({
    service: 'dynamodb',
    action: 'putItem',
    region: 'eu-west-1',
    parameters: { TableName: 'Orders', Item: { pk: { S: 'a' } } },
  });
  await handler({
    service: 's3',
    action: 'getObject',
    region: 'eu-west-1',
    parameters: { Bucket: 'reports', Key: 'note.txt' },
  });
  assert.deepEqual(fake.operations(), ['dynamodb:PutItem', 's3:GetObject']);
});

void test('ALLOWED_REGIONS and the endpoint override are enforced before any request', async () => {
  const handler = handlerWith({ ALLOWED_CALLS: 's3:getObject', ALLOWED_REGIONS: 'eu-west-1,eu-central-1' });
  const e1 = await rejection(
    handler({ service: 's3', action: 'getObject', region: 'us-east-1', parameters: { Bucket: 'reports', Key: 'x' } }),
  );
  assert.equal(e1.name, 'Invoker.RegionNotAllowed');
  const e2 = await rejection(
    handler({
      service: 's3',
      action: 'getObject',
      region: 'eu-west-1',
      endpoint: 'http://169.254.169.254',
      parameters: { Bucket: 'reports', Key: 'x' },
    }),
  );
  assert.equal(e2.name, 'Invoker.EndpointNotAllowed');
  assert.deepEqual(fake.requests, []);
});

void test('with ALLOW_ENDPOINT_OVERRIDE=true the event endpoint is used', async () => {
  const handler = createHandler({
    env: { ALLOWED_CALLS: 's3:getObject', ALLOW_ENDPOINT_OVERRIDE: 'true' },
    loadModule: (name) => requireFromProject(name) as Record<string, unknown>,
    clientConfig: { credentials: fake.credentials, forcePathStyle: true },
  });
  const out = (await handler({
    service: 's3',
    action: 'getObject',
    region: 'eu-north-1',
    endpoint: fake.url,
    parameters: { Bucket: 'reports', Key: 'note.txt' },
  })) as { Body: string };
  assert.match(out.Body, /^hello/);
  assert.deepEqual(fake.operations(), ['s3:GetObject']);
  assert.equal(fake.requests[0]!.region, 'eu-north-1');
});

void test('service errors are renamed like native aws-sdk tasks; ERROR_NAMES=plain keeps the SDK names', async () => {
  const prefixed = handlerWith({ ALLOWED_CALLS: 's3:getObject,dynamodb:putItem' });
  const e1 = await rejection(
    prefixed({
      service: 's3',
      action: 'getObject',
      region: 'eu-west-1',
      parameters: { Bucket: 'reports', Key: 'missing' },
    }),
  );
  assert.equal(e1.name, 'S3.NoSuchKeyException');
  assert.equal(e1.message, 'The specified key does not exist.');
  const put = {
    service: 'dynamodb',
    action: 'putItem',
    region: 'eu-west-1',
    parameters: { TableName: 'Orders', Item: { pk: { S: 'dup' } }, ConditionExpression: 'attribute_not_exists(pk)' },
  };
  await prefixed(put);
  const e2 = await rejection(prefixed(put));
  assert.equal(e2.name, 'DynamoDb.ConditionalCheckFailedException');
  const plain = handlerWith({ ALLOWED_CALLS: 's3:getObject', ERROR_NAMES: 'plain' });
  const e3 = await rejection(
    plain({
      service: 's3',
      action: 'getObject',
      region: 'eu-west-1',
      parameters: { Bucket: 'reports', Key: 'missing' },
    }),
  );
  assert.equal(e3.name, 'NoSuchKey');
});

void test('invalid input fails with Invoker.InvalidInput and says what is wrong', async () => {
  const handler = handlerWith({ ALLOWED_CALLS: 's3:*' });
  const cases: [unknown, RegExp][] = [
    ['just a string', /must be an object/],
    [{ service: 's3', action: 'getObject' }, /"region" is required/],
    [{ service: '../../etc', action: 'getObject', region: 'eu-west-1' }, /"service" is not valid/],
    [{ service: 's3', action: 'getObject', region: 'eu-west-1', Parameters: {} }, /did you mean "parameters"/],
    [{ service: 's3', action: 'getObject', region: 'eu-west-1', parameters: [] }, /"parameters" must be an object/],
    [
      { service: 's3', action: 'getObject', region: 'eu-west-1', externalId: 'abc' },
      /"externalId" needs "assumeRoleArn"/,
    ],
  ];
  for (const [input, message] of cases) {
    const e = await rejection(handler(input));
    assert.equal(e.name, 'Invoker.InvalidInput', JSON.stringify(input));
    assert.match(e.message, message);
  }
  assert.deepEqual(fake.requests, []);
});

void test('unknown services and actions are named, not crashed on', async () => {
  const handler = handlerWith({ ALLOWED_CALLS: 'nosuchservice:getThing,s3:getThing' });
  assert.equal(
    (await rejection(handler({ service: 'nosuchservice', action: 'getThing', region: 'eu-west-1' }))).name,
    'Invoker.UnknownService',
  );
  assert.equal(
    (await rejection(handler({ service: 's3', action: 'getThing', region: 'eu-west-1' }))).name,
    'Invoker.UnknownAction',
  );
});

void test('a slow call fails with Invoker.Timeout before the Lambda deadline', async () => {
  fake.inject('dynamodb:GetItem', { kind: 'delay', ms: 3000 });
  const handler = handlerWith({ ALLOWED_CALLS: 'dynamodb:getItem' });
  const started = Date.now();
  const e = await rejection(
    handler(
      {
        service: 'dynamodb',
        action: 'getItem',
        region: 'eu-west-1',
        parameters: { TableName: 'Orders', Key: { pk: { S: 'a' } } },
      },
      { getRemainingTimeInMillis: () => 1400 },
    ),
  );
  assert.equal(e.name, 'Invoker.Timeout');
  assert.match(e.message, /did not complete within 400 ms/);
  assert.ok(Date.now() - started < 1400, 'gave up before the Lambda would have timed out');
});

void test('INVOKER_TIMEOUT_MS caps the call even when the Lambda has more time', async () => {
  fake.inject('dynamodb:GetItem', { kind: 'delay', ms: 3000 });
  const handler = handlerWith({ ALLOWED_CALLS: 'dynamodb:getItem', INVOKER_TIMEOUT_MS: '250' });
  const e = await rejection(
    handler(
      {
        service: 'dynamodb',
        action: 'getItem',
        region: 'eu-west-1',
        parameters: { TableName: 'Orders', Key: { pk: { S: 'a' } } },
      },
      { getRemainingTimeInMillis: () => 60_000 },
    ),
  );
  assert.equal(e.name, 'Invoker.Timeout');
  assert.match(e.message, /250 ms/);
});

void test('assumeRoleArn: an allowed role is assumed with the external id the deployer set, then the call is signed with the session credentials', async () => {
  const roleArn = `arn:aws:iam::222222222222:role/ReportsReader`;
  const externalId = 'arn:aws:lambda:eu-west-1:123456789012:function:sfn-crossings-invoker';
  fake.world.roles.set('ReportsReader', {
    name: 'ReportsReader',
    arn: roleArn,
    roleId: 'AROAREPORTSREADER',
    path: '/',
    assumeRolePolicyDocument: '{}',
    createDate: new Date(),
    tags: {},
    inlinePolicies: new Map(),
    unassumableForCreateCalls: 0,
    externalId,
  });
  const event = {
    service: 's3',
    action: 'getObject',
    region: 'us-east-2',
    parameters: { Bucket: 'reports', Key: 'note.txt' },
    assumeRoleArn: roleArn,
  };
  // The deployer set the wrong external id: STS refuses it.
  const misconfigured = handlerWith({
    ALLOWED_CALLS: 's3:getObject',
    ALLOWED_ROLES: JSON.stringify({ [roleArn]: 'wrong-id' }),
  });
  const wrong = await rejection(misconfigured(event));
  assert.equal(wrong.name, 'Invoker.AssumeRoleFailed');
  assert.match(wrong.message, /AccessDenied/);
  fake.clearRequests();
  const handler = handlerWith({
    ALLOWED_CALLS: 's3:getObject',
    ALLOWED_ROLES: JSON.stringify({ [roleArn]: externalId }),
  });
  // The caller cannot choose the external id: a payload externalId other than the configured one is refused.
  const chosen = await rejection(handler({ ...event, externalId: 'caller-chosen' }));
  assert.equal(chosen.name, 'Invoker.RoleNotAllowed');
  assert.match(chosen.message, /ALLOWED_ROLES/);
  assert.deepEqual(fake.operations(), []);
  await handler(event);
  assert.deepEqual(fake.operations(), ['sts:AssumeRole', 's3:GetObject']);
  const [sts, s3] = fake.requests;
  assert.equal(sts!.accessKeyId, fake.credentials.accessKeyId);
  assert.match(s3!.accessKeyId, /^ASIA/);
  assert.equal(s3!.region, 'us-east-2');
  // Warm invocations reuse the session until it nears expiry.
  fake.clearRequests();
  await handler({ ...event, externalId });
  assert.deepEqual(fake.operations(), ['s3:GetObject']);
});

void test('a role outside ALLOWED_ROLES is refused before any STS call (default: no role at all)', async () => {
  const event = {
    service: 's3',
    action: 'getObject',
    region: 'us-east-2',
    parameters: { Bucket: 'reports', Key: 'note.txt' },
    assumeRoleArn: 'arn:aws:iam::333333333333:role/Admin',
    externalId: 'anything',
  };
  for (const env of [
    { ALLOWED_CALLS: 's3:getObject', ALLOWED_ROLES: '' },
    {
      ALLOWED_CALLS: 's3:getObject',
      ALLOWED_ROLES: JSON.stringify({ 'arn:aws:iam::222222222222:role/ReportsReader': '' }),
    },
    { ALLOWED_CALLS: 's3:getObject', ALLOWED_ROLES: '["arn:aws:iam::333333333333:role/Admin"]' },
    { ALLOWED_CALLS: 's3:getObject', ALLOWED_ROLES: JSON.stringify({ 'arn:aws:iam::333333333333:role/*': '' }) },
  ]) {
    fake.clearRequests();
    const e = await rejection(handlerWith(env)(event));
    assert.equal(e.name, 'Invoker.RoleNotAllowed', JSON.stringify(env));
    assert.match(e.message, /arn:aws:iam::333333333333:role\/Admin is not in this function's ALLOWED_ROLES/);
    assert.deepEqual(fake.requests, [], 'no request at all');
  }
});

void test('a result over 256 KiB is refused with Invoker.ResultTooLarge, without buffering the whole body', async () => {
  const big = Buffer.alloc(300 * 1024, 'a');
  fake.world.objects.set('reports/big.txt', { body: big, contentType: 'text/plain' });
  fake.world.objects.set('reports/fits.txt', { body: Buffer.alloc(200 * 1024, 'b'), contentType: 'text/plain' });
  const handler = handlerWith({ ALLOWED_CALLS: 's3:getObject' });
  const e = await rejection(
    handler({
      service: 's3',
      action: 'getObject',
      region: 'eu-west-1',
      parameters: { Bucket: 'reports', Key: 'big.txt' },
    }),
  );
  assert.equal(e.name, 'Invoker.ResultTooLarge');
  assert.match(e.message, /307200-byte body: more than Step Functions' 256 KiB payload limit/);
  const ok = (await handler({
    service: 's3',
    action: 'getObject',
    region: 'eu-west-1',
    parameters: { Bucket: 'reports', Key: 'fits.txt' },
  })) as { Body: string };
  assert.equal(ok.Body.length, 200 * 1024);
});

void test('a call that never gets a response is named Invoker.RequestFailed, with the cause', async () => {
  const handler = createHandler({
    env: { ALLOWED_CALLS: 'dynamodb:getItem' },
    loadModule: (name) => requireFromProject(name) as Record<string, unknown>,
    clientConfig: { endpoint: 'http://127.0.0.1:9', credentials: fake.credentials, maxAttempts: 1 },
  });
  const e = await rejection(
    handler({
      service: 'dynamodb',
      action: 'getItem',
      region: 'eu-west-1',
      parameters: { TableName: 'Orders', Key: { pk: { S: 'a' } } },
    }),
  );
  assert.equal(e.name, 'Invoker.RequestFailed');
  assert.match(e.message, /dynamodb:getItem in eu-west-1 failed before a response: .*ECONNREFUSED/);
});

void test('the call budget follows the Lambda timeout (no fixed 30 s inside Lambda), capped by INVOKER_TIMEOUT_MS', () => {
  assert.equal(callBudgetMs(NaN, { getRemainingTimeInMillis: () => 120_000 }), 119_000);
  assert.equal(callBudgetMs(250, { getRemainingTimeInMillis: () => 60_000 }), 250);
  assert.equal(callBudgetMs(NaN, { getRemainingTimeInMillis: () => 500 }), 100);
  assert.equal(callBudgetMs(NaN, undefined), 30_000);
});
