// The invoker-payload rule's warnings for deploy hardening: sensitive calls (XC413) say what they expose and where
// their results land; a region-shaped code that is no region (XC414) gets a did-you-mean and a Quick Fix, while a
// new region of a known area stays quiet. Runs the real lint pipeline (crossing rules).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../src/core/lint';
import { applyEdits } from '../../../src/core/crossings/edits';
import { sensitiveCalls, sensitiveReason } from '../../../src/core/invoker/sensitive';

function invokerDoc(payload: Record<string, unknown>): string {
  return JSON.stringify(
    {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'sfn-crossings-invoker', Payload: { region: 'us-west-2', ...payload } },
          Retry: [{ ErrorEquals: ['Lambda.ServiceException'] }],
          End: true,
        },
      },
    },
    null,
    2,
  );
}
const findings = (text: string) => analyze(text, { documentRules: false }).findings;

void test('XC413: calls that return credentials or change IAM/KMS/Organizations are warned about, with where the result goes', () => {
  for (const [service, action, why] of [
    ['secrets-manager', 'getSecretValue', /returns credentials, secrets or key material/],
    ['sts', 'assumeRole', /returns credentials/],
    ['iam', 'createAccessKey', /returns credentials/],
    ['kms', 'decrypt', /returns credentials, secrets or key material/],
    ['iam', 'attachRolePolicy', /changes IAM/],
    ['kms', 'scheduleKeyDeletion', /changes KMS keys/],
    ['organizations', 'leaveOrganization', /changes AWS Organizations/],
  ] as const) {
    const text = invokerDoc({ service, action, parameters: {} });
    const hits = findings(text).filter((f) => f.code === 'XC413');
    assert.equal(hits.length, 1, `${service}:${action}`);
    assert.equal(hits[0]!.severity, 'warning');
    assert.match(hits[0]!.message, why);
    assert.match(hits[0]!.message, /execution history in clear text/);
    assert.equal(text.slice(hits[0]!.offset, hits[0]!.offset + hits[0]!.length), `"${action}"`);
  }
  for (const [service, action] of [
    ['s3', 'getObject'],
    ['sts', 'getCallerIdentity'],
    ['iam', 'getRole'],
    ['kms', 'encrypt'],
    ['dynamodb', 'getItem'],
  ])
    assert.deepEqual(
      findings(invokerDoc({ service, action, parameters: {} })).filter((f) => f.code === 'XC413'),
      [],
      `${service}:${action}`,
    );
  const ssm = (WithDecryption: boolean) =>
    findings(invokerDoc({ service: 'ssm', action: 'getParameter', parameters: { Name: 'db', WithDecryption } })).filter(
      (f) => f.code === 'XC413',
    );
  assert.match(ssm(true)[0]!.message, /SecureString values decrypted/);
  assert.deepEqual(ssm(false), []);
  assert.deepEqual(
    findings(invokerDoc({ service: 'sts', 'action.$': '$.action' })).filter((f) => f.code === 'XC413'),
    [],
    'computed actions are not guessed',
  );
});

void test('sensitive allowlists: wildcards over sensitive services count too', () => {
  assert.match(sensitiveReason('iam', '*')!, /every iam action/);
  assert.equal(sensitiveReason('s3', '*'), undefined);
  assert.deepEqual(
    sensitiveCalls([
      { service: 's3', action: 'getObject' },
      { service: 'kms', action: 'decrypt' },
    ]).map((s) => s.call),
    ['kms:decrypt'],
  );
});

void test('XC414: "us-westt-2" gets a did-you-mean and a fix; new regions of known areas and far-off names stay quiet', () => {
  const text = invokerDoc({ service: 's3', action: 'listBuckets', region: 'us-westt-2' });
  const hit = findings(text).find((f) => f.code === 'XC414');
  assert.ok(hit, 'XC414 reported');
  assert.equal(hit.severity, 'warning');
  assert.equal(hit.message, '"us-westt-2" is not a known region: did you mean "us-west-2"?');
  const fixed = applyEdits(text, hit.fixes![0]!.edits);
  assert.equal(JSON.parse(fixed).States.Call.Parameters.Payload.region, 'us-west-2');
  assert.deepEqual(
    findings(fixed).filter((f) => f.code === 'XC414'),
    [],
  );
  for (const region of ['us-west-2', 'ap-southeast-9', 'xy-newarea-1', 'eu-central-1'])
    assert.deepEqual(
      findings(invokerDoc({ service: 's3', action: 'listBuckets', region })).filter((f) => f.code === 'XC414'),
      [],
      region,
    );
});
