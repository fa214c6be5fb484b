// XC4xx: payloads of the cross-region invoker Lambda (function ARN as Resource, or lambda:invoke + FunctionName).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { RECOMMENDED_LAMBDA_RETRY } from '../../../src/core/crossings/convert';
import { at, codes, fixOnly, lint, LANGS, only, render, run, task } from './helpers';

const RETRY = { Retry: [RECOMMENDED_LAMBDA_RETRY] };
const viaInvoke = (payload: unknown, extra: Record<string, unknown> = RETRY, fn = 'sfn-crossings-invoker') =>
  task({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: fn, Payload: payload }, ...extra });
const viaArn = (payload: unknown, extra: Record<string, unknown> = RETRY) =>
  task({
    Resource: 'arn:aws:lambda:us-east-1:111111111111:function:sfn-crossings-invoker',
    Parameters: payload,
    ...extra,
  });
const good = { service: 's3', action: 'getObject', region: 'us-west-2', parameters: { Bucket: 'b', 'Key.$': '$.key' } };

void test('valid invoker payloads: lambda:invoke, function ARN, alias, waitForTaskToken, JSONata, dynamic parts', () => {
  assert.deepEqual(codes(viaInvoke(good)), []);
  assert.deepEqual(codes(viaArn(good)), []);
  assert.deepEqual(
    codes(viaInvoke(good, RETRY, 'arn:aws:lambda:us-east-1:111111111111:function:sfn-crossings-invoker:live')),
    [],
  );
  assert.deepEqual(
    codes(
      task({
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'sfn-crossings-invoker', Payload: { ...good, 'token.$': undefined } },
        ...RETRY,
      }),
    ),
    [],
  );
  assert.deepEqual(
    codes(
      task(
        {
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: {
            FunctionName: 'sfn-crossings-invoker',
            Payload: {
              ...good,
              region: '{% $states.input.region %}',
              parameters: { Bucket: 'b', Key: '{% $states.input.key %}' },
            },
          },
          ...RETRY,
        },
        { QueryLanguage: 'JSONata' },
      ),
    ),
    [],
  );
  assert.deepEqual(
    codes(viaInvoke({ 'service.$': '$.s', 'action.$': '$.a', 'region.$': '$.r', 'parameters.$': '$.p' })),
    [],
  );
  assert.deepEqual(
    codes(viaInvoke({ ...good, assumeRoleArn: 'arn:aws:iam::222222222222:role/Reader', externalId: 'ext-1' })),
    [],
  );
  // Bedrock Agent's members are camelCase in its model: no casing heuristic.
  assert.deepEqual(
    codes(
      viaInvoke({ service: 'bedrock-agent', action: 'getAgent', region: 'us-east-1', parameters: { agentId: 'A1' } }),
    ),
    [],
  );
  // Another Lambda is not the invoker.
  assert.deepEqual(codes(viaInvoke({ anything: 1 }, {}, 'my-function')), []);
});

void test('invoker names are configurable', () => {
  const text = render(viaInvoke({ service: 'S3' }, RETRY, 'my-invoker'));
  assert.deepEqual(
    run(text).findings.map((f) => f.code),
    [],
  );
  assert.ok(run(text, 'asl', ['my-invoker']).findings.some((f) => f.code === 'XC402'));
});

void test('XC401: service, action and region required', () => {
  const { text, findings } = lint(viaInvoke({ service: 's3' }));
  const f = only(findings, 'XC401');
  assert.equal(at(text, f), '"Payload"');
  assert.match(f.message, /"action", "region"/);
});

void test('XC402: service must be the SDK v3 package name (did you mean)', () => {
  for (const [bad, want] of [
    ['states', 'sfn'],
    ['S3', 's3'],
    ['cloudwatchlogs', 'cloudwatch-logs'],
    ['logs', 'cloudwatch-logs'],
    ['dynamodbb', 'dynamodb'],
  ]) {
    const doc = viaInvoke({ ...good, service: bad, action: 'listBuckets', parameters: undefined });
    const f = only(lint(doc).findings, 'XC402');
    assert.equal(f.data?.suggestion, want, bad);
    for (const lang of LANGS) {
      const after = fixOnly(doc, 'XC402', lang);
      assert.ok(!after.findings.some((x) => x.code === 'XC402'), `${bad} ${lang}`);
    }
  }
  assert.ok(codes(viaInvoke({ ...good, service: 7 })).includes('XC402'));
});

void test('XC403: action is camelCase (fix)', () => {
  const doc = viaInvoke({ ...good, action: 'GetObject' });
  const { text, findings } = lint(doc);
  assert.equal(at(text, only(findings, 'XC403')), '"GetObject"');
  assert.deepEqual(
    fixOnly(doc, 'XC403').findings.map((f) => f.code),
    [],
  );
  assert.ok(codes(viaInvoke({ ...good, action: 'get-object' })).includes('XC403'));
});

void test('XC404: unknown operation (did you mean)', () => {
  const doc = viaInvoke({ ...good, action: 'getObjekt' });
  const f = only(lint(doc).findings, 'XC404');
  assert.equal(f.data?.suggestion, 'getObject');
  assert.deepEqual(
    fixOnly(doc, 'XC404').findings.map((x) => x.code),
    [],
  );
});

void test('XC405: required members unless a path supplies them', () => {
  const { text, findings } = lint(viaInvoke({ ...good, parameters: { Bucket: 'b' } }));
  const f = only(findings, 'XC405');
  assert.equal(at(text, f), '"parameters"');
  assert.match(f.message, /"Key"/);
  assert.ok(codes(viaInvoke({ service: 's3', action: 'getObject', region: 'us-west-2' })).includes('XC405'));
  assert.deepEqual(codes(viaInvoke({ ...good, parameters: { 'Bucket.$': '$.b', 'Key.$': '$.k' } })), []);
});

void test('XC406: member names as the API model spells them (did you mean)', () => {
  const doc = viaInvoke({ ...good, parameters: { bucket: 'b', Key: 'k' } });
  const { text, findings } = lint(doc);
  assert.equal(at(text, only(findings, 'XC406')), '"bucket"');
  for (const lang of LANGS)
    assert.deepEqual(
      fixOnly(doc, 'XC406', lang).findings.map((f) => f.code),
      [],
    );
  // PascalCase is wrong for Bedrock Agent.
  assert.ok(
    codes(
      viaInvoke({ service: 'bedrock-agent', action: 'getAgent', region: 'us-east-1', parameters: { AgentId: 'A1' } }),
    ).includes('XC406'),
  );
});

void test('XC407: region code', () => {
  const doc = viaInvoke({ ...good, region: 'us-west2' });
  assert.deepEqual(
    fixOnly(doc, 'XC407').findings.map((f) => f.code),
    [],
  );
  assert.deepEqual(codes(viaInvoke({ ...good, region: 'Oregon' })), ['XC407']);
  assert.deepEqual(codes(viaInvoke({ ...good, region: 'xx-future-1' })), []);
  // Another partition can never work with the invoker's own credentials.
  assert.deepEqual(codes(viaInvoke({ ...good, region: 'cn-north-1' })), ['XC407']);
  assert.deepEqual(
    codes(
      task({
        Resource: 'arn:aws-cn:states:::lambda:invoke',
        Parameters: { FunctionName: 'sfn-crossings-invoker', Payload: { ...good, region: 'cn-northwest-1' } },
        ...RETRY,
      }),
    ),
    [],
  );
});

void test('XC408: an endpoint taken from input is a warning (SSRF)', () => {
  const f = only(lint(viaInvoke({ ...good, 'endpoint.$': '$.endpoint' })).findings, 'XC408');
  assert.equal(f.severity, 'warning');
  assert.deepEqual(codes(viaInvoke({ ...good, endpoint: 'https://s3.us-west-2.amazonaws.com' })), []);
});

void test('XC409: unknown payload fields (did you mean)', () => {
  const doc = viaInvoke({ ...good, params: {} });
  assert.ok(codes(doc).includes('XC409'));
  const doc2 = viaInvoke({ ...good, Region: 'us-west-2', region: undefined });
  assert.deepEqual(
    fixOnly(doc2, 'XC409').findings.map((f) => f.code),
    [],
  );
});

void test('XC410: the recommended Lambda Retry (fix adds it, or prepends it)', () => {
  for (const lang of LANGS) {
    const doc = viaInvoke(good, {});
    const f = only(lint(doc, lang).findings, 'XC410');
    assert.equal(f.severity, 'info');
    const after = fixOnly(doc, 'XC410', lang);
    assert.deepEqual(
      after.findings.map((x) => x.code),
      [],
    );
    assert.match(after.text, /Lambda\.ServiceException/);
    const other = viaInvoke(good, { Retry: [{ ErrorEquals: ['S3.NoSuchKeyException'], MaxAttempts: 1 }] });
    const after2 = fixOnly(other, 'XC410', lang);
    assert.match(after2.text, /S3\.NoSuchKeyException/);
  }
  assert.deepEqual(codes(viaInvoke(good, { Retry: [{ ErrorEquals: ['States.ALL'] }] })), []);
});

void test('XC411: assumeRoleArn and externalId', () => {
  assert.deepEqual(codes(viaInvoke({ ...good, assumeRoleArn: 'arn:aws:iam::2:role/x' })), ['XC411']);
  assert.deepEqual(codes(viaInvoke({ ...good, externalId: 'x' })), ['XC411']);
});

void test('XC412: wrong shapes', () => {
  assert.deepEqual(codes(viaInvoke('just text')), ['XC412']);
  assert.deepEqual(codes(viaInvoke({ ...good, parameters: [1] })), ['XC412']);
  assert.deepEqual(codes(viaInvoke({ ...good, endpoint: 'nope' })), ['XC412']);
});
