// The pipeline's own decisions: one diagnostic per problem when a crossing rule and a field rule agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint';

const text = JSON.stringify({
  StartAt: 'A',
  States: {
    A: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'f' },
      Credentials: null,
      Next: 'B',
    },
    B: { Type: 'Pass', Credentials: { RoleArn: 'arn:aws:iam::111122223333:role/x' }, End: true },
  },
});

test('a crossing finding replaces the generic field finding on the same node', () => {
  const codes = lint(text).map((f) => `${f.code} ${f.path}`);
  assert.ok(
    codes.some((c) => c.startsWith('XC') && c.endsWith('/States/A/Credentials')),
    codes.join(', '),
  );
  assert.ok(
    codes.some((c) => c.startsWith('XC') && c.endsWith('/States/B/Credentials')),
    codes.join(', '),
  );
  assert.ok(!codes.some((c) => c.startsWith('ASL2')), codes.join(', '));
});

test('with the crossing rules off, the generic field findings still report the problems', () => {
  const codes = lint(text, { crossingRules: false }).map((f) => `${f.code} ${f.path}`);
  assert.ok(codes.includes('ASL205 /States/A/Credentials'), codes.join(', '));
  assert.ok(codes.includes('ASL201 /States/B/Credentials'), codes.join(', '));
});

test('the document rules can be turned off, the crossing rules stay', () => {
  const codes = lint(text, { documentRules: false }).map((f) => f.code);
  assert.ok(codes.length >= 2 && codes.every((c) => c.startsWith('XC')), codes.join(', '));
});
