// Operations and their input members, as the invoker rules, aws-sdk rules and completion read them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allServices,
  findOperation,
  findService,
  operationsOf,
  sfnParameterName,
} from '../../../src/core/catalog/index';

void test('S3 GetObject requires Bucket and Key, and lists its other members with types', () => {
  const op = findOperation('s3', 'getObject');
  assert.ok(op);
  assert.equal(op.name, 'GetObject');
  assert.equal(op.action, 'getObject');
  assert.deepEqual([...op.required].sort(), ['Bucket', 'Key']);
  const byName = new Map(op.members.map((m) => [m.name, m]));
  assert.equal(byName.get('Bucket')?.type, 'string');
  assert.equal(byName.get('Bucket')?.required, true);
  assert.equal(byName.get('PartNumber')?.type, 'integer');
  assert.equal(byName.get('IfModifiedSince')?.type, 'timestamp');
  assert.equal(byName.get('VersionId')?.required, false);
});

void test('member types cover structures, lists, maps and booleans', () => {
  const put = findOperation('dynamodb', 'PutItem')!;
  assert.deepEqual([...put.required].sort(), ['Item', 'TableName']);
  assert.equal(put.members.find((m) => m.name === 'Item')?.type, 'map');
  const start = findOperation('sfn', 'startExecution')!;
  assert.deepEqual(start.required, ['stateMachineArn']);
  const events = findOperation('eventbridge', 'putEvents')!;
  assert.equal(events.members.find((m) => m.name === 'Entries')?.type, 'list');
  const bucket = findOperation('s3', 'PutBucketVersioning')!;
  assert.equal(bucket.members.find((m) => m.name === 'VersioningConfiguration')?.type, 'structure');
  const listParts = findOperation('s3', 'listObjectsV2')!;
  assert.equal(listParts.members.find((m) => m.name === 'FetchOwner')?.type, 'boolean');
});

void test('Bedrock Agent members are camelCase in the model, as the API spells them', () => {
  const op = findOperation('bedrock-agent', 'createAgent');
  assert.ok(op);
  assert.ok(op.required.includes('agentName'));
  assert.ok(op.members.some((m) => m.name === 'foundationModel'));
  assert.ok(!op.members.some((m) => m.name === 'AgentName'));
  // Step Functions writes them PascalCase in aws-sdk tasks.
  assert.equal(sfnParameterName('agentName'), 'AgentName');
});

void test('findOperation accepts PascalCase and camelCase only, by any service name', () => {
  assert.equal(findOperation('sfn', 'StartExecution')?.name, 'StartExecution');
  assert.equal(findOperation('states', 'startExecution')?.name, 'StartExecution');
  assert.equal(findOperation('cloudwatchlogs', 'putLogEvents')?.name, 'PutLogEvents');
  assert.equal(findOperation('rds', 'describeDBInstances')?.name, 'DescribeDBInstances');
  assert.equal(findOperation('sfn', 'startexecution'), undefined);
  assert.equal(findOperation('sfn', 'nope'), undefined);
  assert.equal(findOperation('nope', 'startExecution'), undefined);
});

void test('every service has at least one operation; operations are sorted, unique and well formed', () => {
  let total = 0;
  for (const s of allServices()) {
    const ops = operationsOf(s);
    assert.ok(ops.length >= 1, `${s.v3} has no operations`);
    total += ops.length;
    const names = ops.map((o) => o.name);
    assert.deepEqual(names, [...names].sort(), `${s.v3} not sorted`);
    assert.equal(new Set(names).size, names.length, `${s.v3} duplicate operation`);
    for (const op of ops) {
      assert.match(op.name, /^[A-Z][A-Za-z0-9_]*$/, `${s.v3} ${op.name}`);
      for (const r of op.required)
        assert.ok(
          op.members.some((m) => m.name === r && m.required),
          `${s.v3} ${op.name} ${r}`,
        );
    }
  }
  assert.ok(total > 15000, `only ${total} operations`);
});

void test('newest model version per service, deprecated and Step Functions-unsupported flags', () => {
  assert.equal(findService('dynamodb')?.apiVersion, '2012-08-10');
  assert.equal(findService('lambda')?.apiVersion, '2015-03-31');
  assert.equal(findService('cloudfront')?.apiVersion, '2020-05-31');
  assert.equal(findOperation('lambda', 'InvokeAsync')?.deprecated, true);
  assert.equal(findOperation('s3', 'GetObject')?.deprecated, false);
  // Retired from the current models (S3 replaced it with GetBucketLifecycleConfiguration).
  assert.equal(findOperation('s3', 'GetBucketLifecycle'), undefined);
  assert.equal(findOperation('s3', 'selectObjectContent')?.sfnUnsupported, true);
  assert.equal(findOperation('lambda', 'invokeAsync')?.sfnUnsupported, true);
  assert.equal(findOperation('lambda', 'invoke')?.sfnUnsupported, false);
  assert.deepEqual(operationsOf('nope'), []);
});
