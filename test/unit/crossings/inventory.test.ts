// listCrossings: which states cross a region, account or API boundary, their targets and IAM actions.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { listCrossings } from '../../../src/core/crossings/inventory';
import { machine, render, run } from './helpers';

const doc = machine({
  Remote: {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: {
      FunctionName: 'sfn-crossings-invoker',
      Payload: {
        service: 's3',
        action: 'listBuckets',
        region: 'eu-west-1',
        assumeRoleArn: 'arn:aws:iam::333333333333:role/Reader',
      },
    },
    Next: 'Other',
  },
  Other: {
    Type: 'Task',
    Resource: 'arn:aws:states:::aws-sdk:dynamodb:getItem',
    Parameters: { TableName: 't', Key: {} },
    Credentials: { RoleArn: 'arn:aws:iam::222222222222:role/Target' },
    Next: 'Api',
  },
  Api: {
    Type: 'Task',
    Resource: 'arn:aws:states:::apigateway:invoke',
    Parameters: { ApiEndpoint: 'abc.execute-api.us-east-2.amazonaws.com', Method: 'GET', AuthType: 'RESOURCE_POLICY' },
    Next: 'Web',
  },
  Web: {
    Type: 'Task',
    Resource: 'arn:aws:states:::http:invoke',
    Parameters: { ApiEndpoint: 'https://api.example.com', Method: 'GET', Authentication: { ConnectionArn: 'x' } },
    Next: 'Child',
  },
  Child: {
    Type: 'Task',
    Resource: 'arn:aws:states:::states:startExecution.sync:2',
    Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:222222222222:stateMachine:C' },
    Credentials: { 'RoleArn.$': '$.role' },
    Next: 'Local',
  },
  Local: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets', End: true },
});

void test('listCrossings finds every crossing with target, auth and IAM actions', () => {
  const model = run(render(doc)).model!;
  const list = listCrossings(model);
  assert.deepEqual(
    list.map((c) => [c.state, c.kind]),
    [
      ['Remote', 'cross-region'],
      ['Other', 'cross-account'],
      ['Api', 'api-gateway'],
      ['Web', 'http'],
      ['Child', 'cross-account'],
    ],
  );
  const [remote, other, api, web, child] = list;
  assert.equal(remote!.region, 'eu-west-1');
  assert.equal(remote!.account, '333333333333');
  assert.deepEqual(remote!.actions, ['lambda:InvokeFunction', 's3:ListAllMyBuckets', 'sts:AssumeRole']);
  assert.equal(remote!.service, 's3');
  assert.equal(other!.account, '222222222222');
  assert.deepEqual(other!.actions, ['sts:AssumeRole', 'dynamodb:GetItem']);
  assert.equal(api!.region, 'us-east-2');
  assert.deepEqual(api!.actions, ['execute-api:Invoke']);
  assert.ok(web!.actions.includes('states:InvokeHTTPEndpoint'));
  assert.equal(web!.endpoint, 'https://api.example.com');
  assert.match(child!.target, /\$\.role/);
  assert.deepEqual(child!.actions, [
    'sts:AssumeRole',
    'states:StartExecution',
    'states:DescribeExecution',
    'states:StopExecution',
  ]);
});

void test('listCrossings inside Parallel branches and Map processors, YAML too', () => {
  const nested = machine({
    P: {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'A',
          States: {
            A: {
              Type: 'Task',
              Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets',
              Credentials: { RoleArn: 'arn:aws:iam::222222222222:role/T' },
              End: true,
            },
          },
        },
      ],
      End: true,
    },
  });
  for (const lang of ['asl', 'asl-yaml'] as const) {
    const list = listCrossings(run(render(nested, lang), lang).model!);
    assert.deepEqual(
      list.map((c) => c.pointer),
      ['/States/P/Branches/0/States/A'],
    );
  }
});

void test('a plain same-region, same-account definition has no crossing', () => {
  const model = run(
    render(machine({ L: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets', End: true } })),
  ).model!;
  assert.deepEqual(listCrossings(model), []);
});
