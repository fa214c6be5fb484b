// Issue 14, class 1 in the crossing rules: role ARNs, API Gateway hosts, HTTPS endpoints and connection ARNs
// with deploy-time `${...}` placeholders are judged on their literal parts only, with no Quick Fix; what a
// template says a placeholder stands for is used when given. Class 7: the task token may reach the API in
// the request body.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/lint';
import type { SubstitutionContext } from '../../../src/core/model/substitutions';
import { codes, lint, only, render, task } from './helpers';

const apigw = (endpoint: string, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  task({
    Resource: 'arn:aws:states:::apigateway:invoke',
    Parameters: { ApiEndpoint: endpoint, Method: 'GET', AuthType: 'IAM_ROLE', ...extra },
  });

void test('XC203/XC202: API Gateway endpoints with placeholders', () => {
  for (const ok of [
    '${ApiEndpoint}',
    '${ApiId}.execute-api.${AWS::Region}.amazonaws.com',
    '${ApiId}.execute-api.us-east-1.amazonaws.com',
    'abc123.execute-api.${AWS::Region}.amazonaws.com',
  ])
    assert.deepEqual(codes(apigw(ok)), [], ok);
  const { findings } = lint(apigw('${Sub}.example.com'));
  const f = only(findings, 'XC203');
  assert.equal(f.fixes, undefined, 'no "Convert to an HTTP Task" on a value the rule cannot know');
  only(lint(apigw('https://${ApiId}.execute-api.${AWS::Region}.amazonaws.com')).findings, 'XC202');
  only(lint(apigw('${Host}/prod/pets')).findings, 'XC202');
  // Enumerated values filled in at deploy time.
  assert.deepEqual(
    codes(apigw('abc123.execute-api.us-east-1.amazonaws.com', { Method: '${Method}', AuthType: '${Auth}' })),
    [],
  );
  // A literal host on another domain still gets the conversion fix.
  assert.ok(only(lint(apigw('api.example.com')).findings, 'XC203').fixes?.length);
});

void test('XC106: role ARNs with placeholders, and a placeholder the template says is not a role', () => {
  const withRole = (roleArn: string): Record<string, unknown> =>
    task({
      Resource: 'arn:aws:states:::lambda:invoke',
      Credentials: { RoleArn: roleArn },
      Parameters: { FunctionName: 'f' },
    });
  for (const ok of [
    '${TargetRoleArn}',
    'arn:${AWS::Partition}:iam::${TargetAccount}:role/${RoleName}',
    'arn:aws:iam::${AWS::AccountId}:role/cross-account',
    'arn:aws:iam::111122223333:role/${RoleName}',
  ])
    assert.deepEqual(codes(withRole(ok)), [], ok);
  assert.match(only(lint(withRole('arn:aws:iam::${Account}:user/${Name}')).findings, 'XC106').message, /user/);
  assert.match(only(lint(withRole('arn:aws:s3:::${Bucket}')).findings, 'XC106').message, /s3 ARN/);
  assert.match(only(lint(withRole('arn:aws:iam::123:role/${Name}')).findings, 'XC106').message, /12 digits/);

  const text = render(withRole('${Worker}'));
  const substitutions: SubstitutionContext = {
    origin: 'template.yaml#Machine',
    symbols: new Map([['Worker', { kind: 'lambdaFunction', logicalId: 'Worker', attribute: 'Arn' }]]),
  };
  const r = analyze(text, { documentRules: false, substitutions });
  assert.match(only(r.findings, 'XC106').message, /a Lambda function \(Worker\.Arn\), not an IAM role/);
  const asRole = analyze(text, {
    documentRules: false,
    substitutions: { origin: 't', symbols: new Map([['Worker', { kind: 'iamRole', logicalId: 'Role' }]]) },
  });
  assert.deepEqual(asRole.findings, []);
});

void test('XC302/XC304: http:invoke endpoint and connection with placeholders', () => {
  const http = (endpoint: string, connection: string): Record<string, unknown> =>
    task({
      Resource: 'arn:aws:states:::http:invoke',
      Parameters: { ApiEndpoint: endpoint, Method: 'POST', Authentication: { ConnectionArn: connection } },
    });
  assert.deepEqual(codes(http('${ApiUrl}/orders', '${ConnectionArn}')), []);
  assert.deepEqual(
    codes(http('https://${Host}/v1', 'arn:aws:events:${AWS::Region}:${AWS::AccountId}:connection/${Name}')),
    [],
  );
  const plain = only(lint(http('http://${Host}/v1', '${Conn}')).findings, 'XC302');
  assert.match(plain.message, /plain http/);
  assert.equal(plain.fixes, undefined);
  only(lint(http('https://${Host}', 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:x')).findings, 'XC304');
});

void test('XC210: the task token may reach the API in the request body', () => {
  const wait = (parameters: Record<string, unknown>): Record<string, unknown> =>
    task({
      Resource: 'arn:aws:states:::apigateway:invoke.waitForTaskToken',
      Parameters: { ApiEndpoint: 'abc123.execute-api.us-east-1.amazonaws.com', Method: 'POST', ...parameters },
    });
  assert.deepEqual(codes(wait({ RequestBody: { 'token.$': '$$.Task.Token', 'order.$': '$.order' } })), []);
  assert.deepEqual(codes(wait({ Headers: { 'TaskToken.$': 'States.Array($$.Task.Token)' } })), []);
  assert.deepEqual(codes(wait({ QueryParameters: { 'token.$': 'States.Array($$.Task.Token)' } })), []);
  const f = only(lint(wait({ RequestBody: { 'order.$': '$.order' } })).findings, 'XC210');
  assert.equal(f.severity, 'warning');
});

void test('a Resource with a ${AWS::Partition} placeholder is still classified (its parameters are checked)', () => {
  const t = task({
    Resource: 'arn:${AWS::Partition}:states:::apigateway:invoke',
    Parameters: { ApiEndpoint: '${ApiId}.execute-api.${AWS::Region}.amazonaws.com' },
  });
  assert.match(only(lint(t).findings, 'XC201').message, /"Method"/);
  const http = task({
    Resource: 'arn:${AWS::Partition}:states:::http:invoke',
    Parameters: {
      ApiEndpoint: 'https://api.example.com',
      Method: 'GET',
      Authentication: { ConnectionArn: 'arn:aws:events:us-east-1:111122223333:connection/c/1' },
    },
  });
  assert.deepEqual(codes(http), [], 'a literal partition is not compared with a placeholder one');
});
