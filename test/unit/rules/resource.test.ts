// Resource shapes (ASL209): Lambda ARNs with qualifiers, service integrations, activities,
// partitions, `${...}` substitutions and CloudFormation objects.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { resourceProblem } from '../../../src/core/rules/resource';
import { check, expectAt, machine, none, one } from './helpers';

const task = (resource: unknown): Record<string, unknown> =>
  machine({ T: { Type: 'Task', Resource: resource, End: true } });

void test('ASL209: accepted Resource forms', () => {
  for (const r of [
    'arn:aws:lambda:us-east-1:123456789012:function:orders',
    'arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST',
    'arn:aws:lambda:us-east-1:123456789012:function:orders:live',
    'arn:aws:lambda:us-east-1:123456789012:function:orders:7',
    'arn:aws-cn:lambda:cn-north-1:123456789012:function:orders',
    'arn:aws-us-gov:states:::lambda:invoke',
    'arn:aws:states:::lambda:invoke.waitForTaskToken',
    'arn:aws:states:::states:startExecution.sync:2',
    'arn:aws:states:::ecs:runTask.sync',
    'arn:aws:states:::http:invoke',
    'arn:aws:states:::aws-sdk:s3:getObject',
    'arn:aws:states:::aws-sdk:sfn:startExecution.waitForTaskToken',
    'arn:aws:states:us-east-1:123456789012:activity:approve',
    'arn:aws:swf:us-east-1:123456789012:task:X',
    '${OrdersFunctionArn}',
    'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Name}',
    'arn:aws:lambda:#{AWS::Region}:#{AWS::AccountId}:function:orders',
    'arn:aws:lambda:${aws:region}:${aws:accountId}:function:orders',
  ]) {
    assert.equal(resourceProblem(r, 'task'), undefined, r);
  }
  none(check(task({ 'Fn::GetAtt': ['OrdersFunction', 'Arn'] })).findings);
  none(check(task({ Ref: 'OrdersFunction' })).findings);
});

void test('ASL209: rejected Resource forms', () => {
  const bad: Array<[string, RegExp]> = [
    ['arn:aws:lambda:us-east-1:123456789012:function:orders:', /trailing ":"/],
    ['arn:aws:lambda:us-east-1:123456789012:function:orders:$*#', /qualifier/],
    ['arn:aws:lambda:us-east-1:123456789012:layer:x', /does not name a function/],
    ['arn:aws:states:::lambda:invoke.sync:3', /service integration/],
    ['arn:aws:states:::aws-sdk:s3:getObject.sync', /no \.sync/],
    ['arn:aws:states:us-east-1:123456789012:stateMachine:x', /activity/],
    ['lambda:invoke', /must be an ARN/],
    ['${OrdersFunctionArn', /not closed/],
  ];
  for (const [r, message] of bad) {
    const p = resourceProblem(r, 'task');
    assert.ok(p, r);
    assert.equal(p.severity, 'error', r);
    assert.match(p.message, message, r);
  }
  assert.equal(
    resourceProblem('arn:aws-iso:lambda:us-iso-east-1:123456789012:function:f', 'task')?.severity,
    'warning',
  );
});

void test('ASL209: the finding is on the Resource value', () => {
  const r = check(task('arn:aws:lambda:us-east-1:123456789012:function:orders:'));
  expectAt(r.findings, r.text, {
    code: 'ASL209',
    path: '/States/T/Resource',
    needle: '"arn:aws:lambda:us-east-1:123456789012:function:orders:"',
  });
  const o = check(task({ Foo: 'x' }));
  assert.match(one(o.findings, 'ASL209').message, /must be an ARN string/);
});
