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

void test('members are the SDK for Java v2 names: rds DbInstanceIdentifier, not the model wire name', () => {
  const rds = 'arn:aws:states:::aws-sdk:rds:createDBSnapshot';
  assert.deepEqual(codes(sdk(rds, { 'DbInstanceIdentifier.$': '$.db', DbSnapshotIdentifier: 'final' })), []);
  // The model's own spelling is not what Step Functions accepts: unknown member, renamed by the fix.
  const wire = sdk(rds, { DBInstanceIdentifier: 'db', DbSnapshotIdentifier: 'final' });
  const { findings } = lint(wire);
  const f = only(findings, 'XC505');
  assert.equal(f.data?.suggestion, 'DbInstanceIdentifier');
  const missing = only(findings, 'XC504');
  assert.deepEqual(missing.data?.missing, ['DbInstanceIdentifier']);
  for (const lang of LANGS)
    assert.deepEqual(
      fixOnly(wire, 'XC505', lang).findings.map((x) => x.code),
      [],
    );
  // EC2's query-protocol Filter.N is the member Filters.
  assert.deepEqual(
    codes(sdk('arn:aws:states:::aws-sdk:ec2:describeInstances', { Filters: [{ Name: 'tag:App', Values: ['x'] }] })),
    [],
  );
});

void test('completion offers the SDK for Java v2 member names of an aws-sdk task', async () => {
  const { completionsAt } = await import('../../../src/core/crossings/assist');
  const { render, run } = await import('./helpers');
  for (const lang of LANGS) {
    const text = render(sdk('arn:aws:states:::aws-sdk:rds:describeDBInstances', { DbInstanceIdentifier: 'db' }), lang);
    const offset = text.indexOf('DbInstanceIdentifier') + 1;
    const r = completionsAt(run(text, lang).model!, offset, [])!;
    const labels = r.items.map((i) => i.label);
    assert.ok(labels.includes('DbInstanceIdentifier'), lang);
    assert.ok(labels.includes('Filters'), lang);
    assert.ok(!labels.includes('DBInstanceIdentifier'), `${lang}: no wire names`);
    const rt = render(sdk('arn:aws:states:::aws-sdk:rds:createDBSnapshot', {}), lang);
    const ra = completionsAt(run(rt, lang).model!, rt.indexOf(':createDBSnapshot') + 2, [])!;
    const item = ra.items.find((i) => i.label === 'createDBSnapshot');
    assert.match(item?.detail ?? '', /requires DbSnapshotIdentifier, DbInstanceIdentifier/);
  }
});

void test('through the real CLI: Java v2 names pass, wire names and missing members are reported', async () => {
  const { spawnSync } = await import('node:child_process');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xc50x-'));
  try {
    const write = (name: string, params: Record<string, unknown>) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, JSON.stringify(sdk('arn:aws:states:::aws-sdk:rds:createDBSnapshot', params), null, 2));
      return file;
    };
    const good = write('good.asl.json', { 'DbInstanceIdentifier.$': '$.db', DbSnapshotIdentifier: 'final' });
    const wire = write('wire.asl.json', { 'DBInstanceIdentifier.$': '$.db', DbSnapshotIdentifier: 'final' });
    const cli = (file: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'lint', '--format', 'json', file], {
        cwd: path.resolve(__dirname, '..', '..', '..'),
        encoding: 'utf8',
      });
    const ok = cli(good);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    const bad = cli(wire);
    assert.equal(bad.status, 1, 'a missing required member is an error');
    const findings = JSON.parse(bad.stdout) as Array<{ code: string; severity: string; message: string }>;
    assert.deepEqual(findings.map((f) => `${f.code}:${f.severity}`).sort(), ['XC504:error', 'XC505:warning']);
    assert.match(findings.find((f) => f.code === 'XC505')!.message, /did you mean "DbInstanceIdentifier"/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

void test('converting to an invoker call maps Java v2 names to the model names the SDK v3 uses, and back', async () => {
  const { taskOfState, toAwsSdkEdits, toInvokerEdits } = await import('../../../src/core/crossings/convert');
  const { applyEdits } = await import('../../../src/core/crossings/edits');
  const { render, run } = await import('./helpers');
  const params = { 'DbInstanceIdentifier.$': '$.db', DbSnapshotIdentifier: 'final' };
  const text = render(sdk('arn:aws:states:::aws-sdk:rds:createDBSnapshot', params));
  const model = run(text).model!;
  const toInvoker = toInvokerEdits(model, taskOfState(model.states[0]!, [])!, 'eu-west-1')!;
  const invoker = applyEdits(text, toInvoker.edits);
  const payload = (JSON.parse(invoker) as { States: { T: { Parameters: { Payload: { parameters: unknown } } } } })
    .States.T.Parameters.Payload;
  assert.deepEqual(payload.parameters, { 'DBInstanceIdentifier.$': '$.db', DBSnapshotIdentifier: 'final' });
  const invModel = run(invoker).model!;
  const back = applyEdits(invoker, toAwsSdkEdits(invModel, taskOfState(invModel.states[0]!, [])!)!.edits);
  assert.deepEqual((JSON.parse(back) as { States: { T: { Parameters: unknown } } }).States.T.Parameters, params);
});

void test('members the Java v2 request classes add are accepted: S3 copy parts, RDS SourceRegion', () => {
  const copy = 'arn:aws:states:::aws-sdk:s3:copyObject';
  assert.deepEqual(codes(sdk(copy, { Bucket: 'b', Key: 'k', CopySource: 'src/k' })), []);
  assert.deepEqual(
    codes(sdk(copy, { DestinationBucket: 'b', DestinationKey: 'k', SourceBucket: 'src', 'SourceKey.$': '$.key' })),
    [],
  );
  assert.deepEqual(
    codes(
      sdk('arn:aws:states:::aws-sdk:rds:copyDBSnapshot', {
        SourceDBSnapshotIdentifier: 'arn:aws:rds:us-west-2:123456789012:snapshot:s1',
        TargetDBSnapshotIdentifier: 's1-copy',
        SourceRegion: 'us-west-2',
      }),
    ),
    [],
  );
  // Still checked: a name neither the model nor the Java class has.
  assert.deepEqual(codes(sdk(copy, { Bucket: 'b', Key: 'k', CopySource: 's', SourceBuckets: 'x' })), ['XC505']);
});
