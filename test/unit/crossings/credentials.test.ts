// XC1xx: the Credentials field.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { at, codes, fixOnly, lint, LANGS, machine, only, task } from './helpers';

const ROLE = 'arn:aws:iam::222222222222:role/Target';
const sdk = { Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets', Parameters: {} };

void test('valid Credentials: literal, JSONPath, context, variable, intrinsic, JSONata, path-style role names', () => {
  assert.deepEqual(codes(task({ ...sdk, Credentials: { RoleArn: ROLE } })), []);
  assert.deepEqual(
    codes(
      task({
        ...sdk,
        Credentials: { RoleArn: 'arn:aws-cn:iam::222222222222:role/a/b/Target' },
        Resource: 'arn:aws-cn:states:::aws-sdk:s3:listBuckets',
      }),
    ),
    [],
  );
  for (const path of [
    '$.roleArn',
    '$$.Execution.Input.role',
    '$roleVar',
    "States.Format('arn:aws:iam::{}:role/T', $.account)",
  ])
    assert.deepEqual(codes(task({ ...sdk, Credentials: { 'RoleArn.$': path } })), [], path);
  assert.deepEqual(
    codes(
      task(
        {
          Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets',
          Arguments: {},
          Credentials: { RoleArn: '{% $states.input.roleArn %}' },
        },
        { QueryLanguage: 'JSONata' },
      ),
    ),
    [],
  );
});

void test('XC101: Credentials outside a Task, with a remove fix', () => {
  const doc = machine({ P: { Type: 'Pass', Credentials: { RoleArn: ROLE }, End: true } });
  for (const lang of LANGS) {
    const { text, findings } = lint(doc, lang);
    assert.match(at(text, only(findings, 'XC101')), /Credentials/);
    const after = fixOnly(doc, 'XC101', lang);
    assert.doesNotMatch(after.text, /Credentials/);
  }
});

void test('XC102: Credentials not an object', () => {
  assert.ok(codes(task({ ...sdk, Credentials: ROLE })).includes('XC102'));
  assert.ok(codes(task({ ...sdk, Credentials: [ROLE] })).includes('XC102'));
});

void test('XC103: empty Credentials or no role field', () => {
  const { text, findings } = lint(task({ ...sdk, Credentials: {} }));
  assert.equal(at(text, only(findings, 'XC103')), '{}');
  assert.deepEqual(codes(task({ ...sdk, Credentials: { Role: ROLE } })).sort(), ['XC103', 'XC104']);
});

void test('XC104: unknown key in Credentials, renamed by the fix', () => {
  for (const lang of LANGS) {
    const doc = task({ ...sdk, Credentials: { roleArn: ROLE } });
    const { text, findings } = lint(doc, lang);
    assert.match(at(text, only(findings, 'XC104')), /roleArn/);
    const after = fixOnly(doc, 'XC104', lang);
    assert.deepEqual(
      after.findings.map((f) => f.code),
      [],
    );
  }
  const extra = lint(task({ ...sdk, Credentials: { RoleArn: ROLE, ExternalId: 'x' } }));
  assert.match(only(extra.findings, 'XC104').fixes![0]!.title, /Remove/);
});

void test('XC105: both RoleArn and RoleArn.$', () => {
  const doc = task({ ...sdk, Credentials: { RoleArn: ROLE, 'RoleArn.$': '$.role' } });
  const { text, findings } = lint(doc);
  assert.equal(at(text, only(findings, 'XC105')), '"RoleArn.$"');
  assert.deepEqual(
    fixOnly(doc, 'XC105').findings.map((f) => f.code),
    [],
  );
});

void test('XC106: RoleArn literal is not an IAM role ARN', () => {
  for (const bad of [
    'not-an-arn',
    'arn:aws:iam::222222222222:user/Bob',
    'arn:aws:iam::2222:role/T',
    'arn:aws:iam:us-east-1:222222222222:role/T',
    'arn:aws:s3:::bucket',
    'arn:aws-xx:iam::222222222222:role/T',
  ]) {
    const { text, findings } = lint(task({ ...sdk, Credentials: { RoleArn: bad } }));
    assert.equal(at(text, only(findings, 'XC106')), JSON.stringify(bad), bad);
  }
  assert.match(
    only(lint(task({ ...sdk, Credentials: { RoleArn: 'arn:aws:iam::222222222222:user/Bob' } })).findings, 'XC106')
      .message,
    /user/,
  );
  assert.ok(codes(task({ ...sdk, Credentials: { RoleArn: 42 } })).includes('XC106'));
});

void test('XC107: dynamic role field that does not fit the QueryLanguage', () => {
  // JSONata expression in a JSONPath state is not evaluated.
  assert.deepEqual(codes(task({ ...sdk, Credentials: { RoleArn: '{% $states.input.role %}' } })), ['XC107']);
  // .$ keys in a JSONata state.
  assert.deepEqual(
    codes(
      task(
        { Resource: sdk.Resource, Arguments: {}, Credentials: { 'RoleArn.$': '$.role' } },
        { QueryLanguage: 'JSONata' },
      ),
    ),
    ['XC107'],
  );
  // A literal ARN under RoleArn.$: the fix renames the key.
  const doc = task({ ...sdk, Credentials: { 'RoleArn.$': ROLE } });
  assert.deepEqual(
    fixOnly(doc, 'XC107').findings.map((f) => f.code),
    [],
  );
});

void test('XC108: role and Resource in different partitions', () => {
  const { text, findings } = lint(
    task({ Resource: 'arn:aws-cn:states:::aws-sdk:s3:listBuckets', Parameters: {}, Credentials: { RoleArn: ROLE } }),
  );
  assert.equal(at(text, only(findings, 'XC108')), JSON.stringify(ROLE));
  // ARNs in the parameters count when the Resource has none (a bare-name Lambda call).
  const lambda = task({
    Resource: 'arn:aws-us-gov:states:::lambda:invoke',
    Parameters: { FunctionName: 'arn:aws-us-gov:lambda:us-gov-west-1:111111111111:function:f' },
    Credentials: { RoleArn: 'arn:aws-us-gov:iam::222222222222:role/T' },
  });
  assert.deepEqual(codes(lambda), []);
});

void test('XC109: startExecution.sync with Credentials is an info about polling permissions', () => {
  const doc = task({
    Resource: 'arn:aws:states:::states:startExecution.sync:2',
    Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:222222222222:stateMachine:Child' },
    Credentials: { RoleArn: ROLE },
  });
  const f = only(lint(doc).findings, 'XC109');
  assert.equal(f.severity, 'info');
  assert.match(f.message, /DescribeExecution/);
  assert.deepEqual(
    codes(
      task({
        Resource: 'arn:aws:states:::states:startExecution',
        Parameters: { StateMachineArn: 'x' },
        Credentials: { RoleArn: ROLE },
      }),
    ),
    [],
  );
});
