// XC5xx: aws-sdk:<service>:<action> tasks, in Step Functions' own naming.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { at, codes, fixOnly, lint, LANGS, only, task } from './helpers';

const sdk = (resource: string, params: Record<string, unknown> = {}) =>
  task({ Resource: resource, Parameters: params });

void test('valid aws-sdk tasks: JSONPath, JSONata, waitForTaskToken, partitions, camelCase APIs in PascalCase', () => {
  assert.deepEqual(codes(sdk('arn:aws:states:::aws-sdk:s3:getObject', { Bucket: 'b', 'Key.$': '$.key' })), []);
  assert.deepEqual(
    codes(sdk('arn:aws-cn:states:::aws-sdk:dynamodb:getItem', { TableName: 't', Key: { id: { S: '1' } } })),
    [],
  );
  assert.deepEqual(codes(task({ Resource: 'arn:aws-us-gov:states:::aws-sdk:cloudwatchlogs:describeLogGroups' })), []);
  assert.deepEqual(
    codes(
      sdk('arn:aws:states:::aws-sdk:sqs:sendMessage.waitForTaskToken', {
        QueueUrl: 'q',
        'MessageBody.$': '$$.Task.Token',
      }),
    ),
    [],
  );
  assert.deepEqual(
    codes(
      task(
        {
          Resource: 'arn:aws:states:::aws-sdk:s3:getObject',
          Arguments: { Bucket: 'b', Key: '{% $states.input.key %}' },
        },
        { QueryLanguage: 'JSONata' },
      ),
    ),
    [],
  );
  assert.deepEqual(
    codes(
      task(
        { Resource: 'arn:aws:states:::aws-sdk:s3:getObject', Arguments: '{% $states.input.args %}' },
        { QueryLanguage: 'JSONata' },
      ),
    ),
    [],
  );
  // Step Functions writes Bedrock Agent's camelCase members in PascalCase.
  assert.deepEqual(codes(sdk('arn:aws:states:::aws-sdk:bedrockagent:getAgent', { AgentId: 'A1' })), []);
});

void test('XC501: unknown service, with the Step Functions name suggested', () => {
  for (const [bad, want] of [
    ['cloudwatch-logs', 'cloudwatchlogs'],
    ['states', 'sfn'],
    ['dynamo', 'dynamodb'],
  ]) {
    const doc = sdk(`arn:aws:states:::aws-sdk:${bad}:listTables`);
    const { text, findings } = lint(doc);
    const f = only(findings, 'XC501');
    assert.equal(at(text, f), bad, 'the range covers the service name only');
    assert.equal(f.data?.suggestion, want);
    for (const lang of LANGS) assert.ok(!fixOnly(doc, 'XC501', lang).findings.some((x) => x.code === 'XC501'));
  }
  assert.deepEqual(codes(sdk('arn:aws:states:::aws-sdk:s3')), ['XC501']);
});

void test('XC502: unknown action (did you mean)', () => {
  const doc = sdk('arn:aws:states:::aws-sdk:s3:getObjekt', { Bucket: 'b', Key: 'k' });
  const { text, findings } = lint(doc);
  assert.equal(at(text, only(findings, 'XC502')), 'getObjekt');
  for (const lang of LANGS)
    assert.deepEqual(
      fixOnly(doc, 'XC502', lang).findings.map((f) => f.code),
      [],
    );
});

void test('XC503: action not camelCase is a warning', () => {
  const doc = sdk('arn:aws:states:::aws-sdk:s3:GetObject', { Bucket: 'b', Key: 'k' });
  assert.equal(only(lint(doc).findings, 'XC503').severity, 'warning');
  assert.deepEqual(
    fixOnly(doc, 'XC503').findings.map((f) => f.code),
    [],
  );
});

void test('XC504: required members', () => {
  const { text, findings } = lint(sdk('arn:aws:states:::aws-sdk:s3:getObject', { Bucket: 'b' }));
  assert.equal(at(text, only(findings, 'XC504')), '"Parameters"');
  const none = lint(task({ Resource: 'arn:aws:states:::aws-sdk:s3:getObject' }));
  assert.equal(at(none.text, only(none.findings, 'XC504')), 'getObject');
});

void test('XC505: unknown members are warnings (did you mean)', () => {
  const doc = sdk('arn:aws:states:::aws-sdk:s3:getObject', { Bucket: 'b', Key: 'k', Versionid: 'v' });
  const f = only(lint(doc).findings, 'XC505');
  assert.equal(f.severity, 'warning');
  assert.equal(f.data?.suggestion, 'VersionId');
  assert.deepEqual(
    fixOnly(doc, 'XC505').findings.map((x) => x.code),
    [],
  );
});

void test('XC506: no .sync for aws-sdk integrations', () => {
  const doc = sdk('arn:aws:states:::aws-sdk:s3:listBuckets.sync');
  assert.deepEqual(
    fixOnly(doc, 'XC506').findings.map((f) => f.code),
    [],
  );
});

void test('XC507: operations AWS documents as unsupported', async () => {
  const { allServices } = await import('../../../src/core/catalog');
  const svc = allServices().find((s) => s.operations.some((o) => o.sfnUnsupported));
  assert.ok(svc, 'the catalog marks some operations unsupported');
  const op = svc.operations.find((o) => o.sfnUnsupported)!;
  const params = Object.fromEntries(op.required.map((r) => [`${r.charAt(0).toUpperCase()}${r.slice(1)}.$`, '$.x']));
  const f = only(lint(sdk(`arn:aws:states:::aws-sdk:${svc.sfn}:${op.action}`, params)).findings, 'XC507');
  assert.equal(f.severity, 'warning');
});
