// The role policy diff every deploy confirmation shows: formatting differences (key order, one-element arrays,
// spacing as IAM returns it) are not changes; real changes show as -/+ lines in place; the dialog form keeps only
// the changed lines with their context.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compactPolicyDiff, formatPolicyDiff, policyDiff } from '../../../src/core/invoker/policyDiff';

const logs = {
  Sid: 'WriteLogs',
  Effect: 'Allow',
  Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  Resource: 'arn:aws:logs:eu-west-1:1:log-group:x:*',
};
const deployed = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'AllowedCalls', Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }, logs],
};
const desired = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AllowedCalls', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' },
    logs,
  ],
};

void test('the same policy in another layout is unchanged', () => {
  const reordered = JSON.parse(
    JSON.stringify({
      Statement: [{ Resource: '*', Action: 's3:GetObject', Effect: 'Allow', Sid: 'AllowedCalls' }, logs],
      Version: '2012-10-17',
    }),
  );
  const d = policyDiff(deployed, reordered);
  assert.equal(d.added + d.removed, 0);
  assert.match(formatPolicyDiff('Role policy', deployed, reordered), /^Role policy \(unchanged\):\n {2}\{/);
});

void test('a narrowed resource shows as one removed and one added line, in place', () => {
  const d = policyDiff(deployed, desired);
  assert.deepEqual([d.added, d.removed], [1, 1]);
  const i = d.lines.indexOf('-       "Resource": "*"');
  assert.ok(i > 0, d.lines.join('\n'));
  assert.equal(d.lines[i + 1], '+       "Resource": "arn:aws:s3:::reports/*"');
  assert.equal(d.lines[i - 1], '        "Action": "s3:GetObject",');
});

void test('a new policy is all additions; the dialog form keeps changed lines and their context only', () => {
  assert.ok(policyDiff(undefined, desired).lines.every((l) => l.startsWith('+ ')));
  const compact = compactPolicyDiff('Role policy', deployed, desired);
  assert.equal(
    compact,
    'Role policy (changed: +1 -1 lines):\n…\n  "Action": "s3:GetObject",\n- "Resource": "*"\n+ "Resource": "arn:aws:s3:::reports/*"\n  },\n…\n',
  );
  const long = { Version: '2012-10-17', Statement: Array.from({ length: 30 }, (_, i) => ({ ...logs, Sid: `S${i}` })) };
  assert.match(compactPolicyDiff('Role policy', undefined, long), /\n… \d+ more line\(s\): see the full plan\n$/);
});
