// XC110: a state machine of another account started without Credentials. Reported (warning) only with evidence
// that the target account is not the machine's own; the Quick Fix adds Credentials with a role of that account,
// after which the warning is gone and no error appears. JSON and YAML.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, at, lint, LANGS, machine, only, render, run } from './helpers';

const B = '222222222222';
const start = (extra: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::states:startExecution.sync:2',
  Parameters: { StateMachineArn: `arn:aws:states:us-east-1:${B}:stateMachine:Billing`, 'Input.$': '$' },
  End: true,
  ...extra,
});
const lambdaOfA = {
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:111111111111:function:prep' },
  Next: 'Start',
};

for (const lang of LANGS) {
  void test(`XC110 (${lang}): another account named in the definition -> warning on the ARN, with the evidence`, () => {
    const { text, findings } = lint(machine({ Prep: lambdaOfA, Start: start() }), lang);
    const f = only(findings, 'XC110');
    assert.equal(f.severity, 'warning');
    assert.match(at(text, f), new RegExp(`stateMachine:Billing`));
    assert.match(f.message, /111111111111/);
    assert.match(f.message, /no resource-based policies/);
  });

  void test(`XC110 (${lang}): the Quick Fix adds Credentials with a role of the target account`, () => {
    const { text, findings } = lint(machine({ Prep: lambdaOfA, Start: start() }), lang);
    const f = only(findings, 'XC110');
    const after = applyFix(text, f, f.fixes![0]!, lang);
    assert.match(after.text, new RegExp(`arn:aws:iam::${B}:role/REPLACE-WITH-ROLE-IN-${B}`));
    assert.deepEqual(
      after.findings.filter((x) => x.severity === 'error').map((x) => x.code),
      [],
    );
  });
}

void test('XC110: no finding without evidence, with Credentials, with a dynamic or placeholder ARN, or same account', () => {
  const codes = (doc: unknown) => run(render(doc)).findings.map((f) => f.code);
  // Only the target's account appears: most likely a sibling machine of the same account.
  assert.ok(!codes(machine({ Start: start() })).includes('XC110'));
  assert.ok(
    !codes(
      machine({ Prep: lambdaOfA, Start: start({ Credentials: { RoleArn: `arn:aws:iam::${B}:role/R` } }) }),
    ).includes('XC110'),
  );
  assert.ok(
    !codes(
      machine({
        Prep: lambdaOfA,
        Start: start({ Parameters: { 'StateMachineArn.$': '$.target' } }),
      }),
    ).includes('XC110'),
  );
  assert.ok(
    !codes(
      machine({
        Prep: lambdaOfA,
        Start: start({ Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:${AWS::AccountId}:stateMachine:B' } }),
      }),
    ).includes('XC110'),
  );
  const sameAccount = { ...lambdaOfA, Parameters: { FunctionName: `arn:aws:lambda:us-east-1:${B}:function:prep` } };
  assert.ok(!codes(machine({ Prep: sameAccount, Start: start() })).includes('XC110'));
});

void test('XC110: a template that writes its own account as ${AWS::AccountId} is evidence; aws-sdk:sfn too', () => {
  const doc = machine({
    Prep: { ...lambdaOfA, Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:${AWS::AccountId}:function:prep' } },
    Start: {
      Type: 'Task',
      Resource: 'arn:aws:states:::aws-sdk:sfn:startSyncExecution',
      Parameters: { StateMachineArn: `arn:aws:states:us-east-1:${B}:stateMachine:Express`, Input: '{}' },
      End: true,
    },
  });
  const f = only(run(render(doc)).findings, 'XC110');
  assert.match(f.message, /\$\{AWS::AccountId\}/);
});
