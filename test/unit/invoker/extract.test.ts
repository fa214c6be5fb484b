// Invoker tasks found in definitions: the calls that prefill ALLOWED_CALLS, warnings for computed payloads, and
// the edits that write the deployed function ARN back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, describeTasks, extractInvokerCalls, functionArnEdits } from '../../../src/core/invoker/extract';

const ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:sfn-crossings-invoker';

const definition = JSON.stringify(
  {
    StartAt: 'Read',
    States: {
      Read: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: {
          FunctionName: 'sfn-crossings-invoker',
          Payload: {
            service: 's3',
            action: 'GetObject',
            region: 'us-west-2',
            parameters: { Bucket: 'b', 'Key.$': '$.key' },
          },
        },
        Next: 'Cdk',
      },
      Cdk: {
        Type: 'Task',
        Resource: 'arn:aws:lambda:eu-west-1:123456789012:function:MyStack-CrossRegion1234',
        Parameters: {
          service: 'dynamodb',
          action: 'getItem',
          region: 'us-east-1',
          assumeRoleArn: 'arn:aws:iam::222222222222:role/Reader',
        },
        Next: 'Dynamic',
      },
      Dynamic: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'sfn-crossings-invoker', 'Payload.$': '$.call' },
        Next: 'Map',
      },
      Map: {
        Type: 'Map',
        ItemProcessor: {
          StartAt: 'Inner',
          States: {
            Inner: {
              Type: 'Task',
              QueryLanguage: 'JSONata',
              Resource: 'arn:aws:states:::lambda:invoke',
              Arguments: {
                FunctionName: 'sfn-crossings-invoker',
                Payload: { service: 'sqs', action: 'sendMessage', region: '{% $states.input.region %}' },
              },
              End: true,
            },
          },
        },
        Next: 'Other',
      },
      Other: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'unrelated', Payload: { a: 1 } },
        End: true,
      },
    },
  },
  null,
  2,
);

void test('calls come from literal payloads of the invoker tasks, in every scope and query language', () => {
  const found = extractInvokerCalls(definition);
  assert.equal(found.error, undefined);
  assert.deepEqual(found.calls, [
    { service: 's3', action: 'getObject' },
    { service: 'sqs', action: 'sendMessage' },
  ]);
  assert.deepEqual(
    found.tasks.map((t) => t.stateName),
    ['Read', 'Dynamic', 'Inner'],
  );
  assert.deepEqual(found.warnings, ['state "Dynamic" computes its service/action at run time: add its calls by hand']);
  assert.deepEqual(found.tasks.find((t) => t.stateName === 'Inner')!.dynamic, ['region']);
});

void test('a task of another function adds nothing, whatever its payload looks like; it is reported as not counted', () => {
  const found = extractInvokerCalls(definition);
  assert.deepEqual(found.ignored, [{ stateName: 'Cdk', functionName: 'MyStack-CrossRegion1234' }]);
  assert.deepEqual(found.assumeRoleArns, []);
  assert.deepEqual(found.roles, []);
  assert.ok(!found.calls.some((c) => c.service === 'dynamodb'));
  assert.deepEqual(describeTasks(found), [
    'invoker tasks read (3): "Read" s3:GetObject, "Dynamic", "Inner" sqs:sendMessage',
    'not counted: "Cdk" calls function MyStack-CrossRegion1234, not the invoker',
  ]);
  // Named as an invoker (CDK's CallAwsServiceCrossRegion function), it counts.
  const named = extractInvokerCalls(definition, { invokerNames: ['sfn-crossings-invoker', 'MyStack-CrossRegion1234'] });
  assert.deepEqual(named.ignored, []);
  assert.ok(named.calls.some((c) => c.service === 'dynamodb' && c.action === 'getItem'));
  assert.deepEqual(named.assumeRoleArns, ['arn:aws:iam::222222222222:role/Reader']);
  assert.deepEqual(named.roles, [{ roleArn: 'arn:aws:iam::222222222222:role/Reader' }]);
});

void test("roles: only literal role ARNs become allowed roles, with the payload's literal external id", () => {
  const task = (name: string, payload: Record<string, unknown>) => ({
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: {
      FunctionName: 'sfn-crossings-invoker',
      Payload: { service: 's3', action: 'getObject', region: 'us-east-1', ...payload },
    },
    Next: name,
  });
  const text = JSON.stringify({
    StartAt: 'A',
    States: {
      A: task('B', { assumeRoleArn: '*' }),
      B: task('C', { assumeRoleArn: 'arn:aws:iam::222222222222:role/Reader', externalId: 'reports-2026' }),
      C: task('D', { 'assumeRoleArn.$': '$.role' }),
      D: { ...task('D', { assumeRoleArn: 'arn:aws:iam::*:role/Reader' }), Next: undefined, End: true },
    },
  });
  const found = extractInvokerCalls(text);
  assert.deepEqual(found.roles, [{ roleArn: 'arn:aws:iam::222222222222:role/Reader', externalId: 'reports-2026' }]);
  assert.ok(found.warnings.some((w) => /"C" chooses its role at run time/.test(w)));
});

void test('the ARN edits rewrite each literal function reference and nothing else', () => {
  const found = extractInvokerCalls(definition);
  const edited = applyEdits(definition, functionArnEdits(definition, found, ARN));
  const parsed = JSON.parse(edited);
  assert.equal(parsed.States.Read.Parameters.FunctionName, ARN);
  assert.equal(parsed.States.Cdk.Resource, 'arn:aws:lambda:eu-west-1:123456789012:function:MyStack-CrossRegion1234');
  assert.equal(parsed.States.Map.ItemProcessor.States.Inner.Arguments.FunctionName, ARN);
  assert.equal(parsed.States.Other.Parameters.FunctionName, 'unrelated');
  assert.deepEqual(functionArnEdits(edited, extractInvokerCalls(edited), ARN), [], 'idempotent');
});

void test('YAML definitions, and text that is not a state machine', () => {
  const yaml = [
    'StartAt: A',
    'States:',
    '  A:',
    '    Type: Task',
    "    Resource: 'arn:aws:states:::lambda:invoke'",
    '    Parameters:',
    '      FunctionName: sfn-crossings-invoker',
    '      Payload: { service: sfn, action: startExecution, region: eu-north-1 }',
    '    End: true',
    '',
  ].join('\n');
  const found = extractInvokerCalls(yaml, { languageId: 'asl-yaml' });
  assert.deepEqual(found.calls, [{ service: 'sfn', action: 'startExecution' }]);
  const edited = applyEdits(yaml, functionArnEdits(yaml, found, ARN));
  assert.match(edited, new RegExp(`FunctionName: ${ARN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
  assert.ok(extractInvokerCalls('{"not": "a machine"}').error);
  assert.ok(extractInvokerCalls('{ broken').error);
});
