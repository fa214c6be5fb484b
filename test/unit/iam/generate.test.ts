// Behaviour of IAM generation beyond the seeds: every scope is walked, tasks land on the role that runs them,
// AWS CDK's apigateway:invoke bugs are not repeated, partitions and JSONata are honoured, paths force `*` and
// say which state did, the catalog's IAM exceptions apply, and the CloudFormation form carries the same documents.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  generateIamKit,
  IamContextError,
  kitSection,
  permissionsForState,
  toCloudFormation,
  type IamKit,
} from '../../../src/core/iam';
import { documentsOf, grantsOf, kitOf, list, modelOf, oneTask, SOURCE, TARGET } from './helpers';

const allResources = (kit: IamKit) =>
  documentsOf(kit).flatMap((d) => d.policy.Statement.flatMap((s) => list(s.Resource)));

void test('apigateway:invoke: the region is the endpoint\'s, an HTTP API without Stage uses $default, never "undefined"', () => {
  const kit = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::apigateway:invoke',
      Parameters: {
        ApiEndpoint: 'xyz789.execute-api.ap-southeast-2.amazonaws.com',
        Method: 'get',
        Path: 'pets/1',
        AuthType: 'IAM_ROLE',
      },
    }),
  );
  assert.deepEqual(
    grantsOf(kit.executionRole.policy, 'execute-api:Invoke')[0]!.Resource,
    `arn:aws:execute-api:ap-southeast-2:${SOURCE}:xyz789/$default/GET/pets/1`,
  );
  assert.ok(!JSON.stringify(kit).includes('undefined'));
});

void test('apigateway:invoke NO_AUTH needs no permission; a Stage from a path becomes a * segment, named', () => {
  const noAuth = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::apigateway:invoke',
      Parameters: { ApiEndpoint: 'abc.execute-api.us-east-1.amazonaws.com', Method: 'GET' },
    }),
  );
  assert.equal(noAuth.executionRole.policy.Statement.length, 0);
  const dyn = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::apigateway:invoke',
      Parameters: {
        ApiEndpoint: 'abc.execute-api.us-east-1.amazonaws.com',
        Method: 'GET',
        'Stage.$': '$.stage',
        AuthType: 'IAM_ROLE',
      },
    }),
  );
  assert.equal(
    grantsOf(dyn.executionRole.policy, 'execute-api:Invoke')[0]!.Resource,
    `arn:aws:execute-api:us-east-1:${SOURCE}:abc/*/GET/`,
  );
  assert.equal(dyn.wildcards[0]!.field, '/States/T/Parameters/Stage.$');
});

void test('every scope is walked: Parallel branches, Map ItemProcessor and Iterator', () => {
  const lambda = (fn: string) => ({
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: fn },
    End: true,
  });
  const kit = kitOf({
    StartAt: 'P',
    States: {
      P: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'B1', States: { B1: lambda('one') } },
          { StartAt: 'B2', States: { B2: lambda('two') } },
        ],
        Next: 'M',
      },
      M: { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: lambda('three') } }, Next: 'Old' },
      Old: { Type: 'Map', Iterator: { StartAt: 'J', States: { J: lambda('four') } }, End: true },
    },
  });
  const resources = list(grantsOf(kit.executionRole.policy, 'lambda:InvokeFunction')[0]!.Resource);
  for (const fn of ['one', 'two', 'three', 'four'])
    assert.ok(resources.includes(`arn:aws:lambda:us-east-2:${SOURCE}:function:${fn}`), fn);
  assert.deepEqual(
    kit.states.map((s) => s.state),
    ['B1', 'B2', 'I', 'J'],
  );
});

void test('Distributed Map: ItemReader/ResultWriter S3 access and StartExecution on itself', () => {
  const kit = kitOf({
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map',
        ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'inputs', Prefix: 'day/' } },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          StartAt: 'X',
          States: { X: { Type: 'Pass', End: true } },
        },
        ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'outputs', Prefix: 'runs' } },
        End: true,
      },
    },
  });
  const p = kit.executionRole.policy;
  assert.deepEqual(grantsOf(p, 's3:ListBucket')[0]!.Resource, 'arn:aws:s3:::inputs');
  assert.deepEqual(grantsOf(p, 's3:ListBucket')[0]!.Condition, { StringLike: { 's3:prefix': ['day/*'] } });
  assert.ok(list(grantsOf(p, 's3:PutObject')[0]!.Resource).includes('arn:aws:s3:::outputs/runs/*'));
  assert.equal(
    grantsOf(p, 'states:StartExecution')[0]!.Resource,
    `arn:aws:states:us-east-2:${SOURCE}:stateMachine:stateMachineName`,
  );
  assert.equal(
    grantsOf(p, 'states:DescribeExecution')[0]!.Resource,
    `arn:aws:states:us-east-2:${SOURCE}:execution:stateMachineName/*`,
  );
});

void test('a Credentials role from a path: sts:AssumeRole on *, named, and a kit for the run-time role', () => {
  const kit = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::aws-sdk:dynamodb:getItem',
      Credentials: { 'RoleArn.$': '$.roleArn' },
      Parameters: { TableName: 'Orders', Key: { id: { S: '1' } } },
    }),
  );
  assert.equal(grantsOf(kit.executionRole.policy, 'sts:AssumeRole')[0]!.Resource, '*');
  assert.deepEqual(kit.wildcards, [
    {
      document: 'executionRole',
      state: 'T',
      pointer: '/States/T',
      field: '/States/T/Credentials/RoleArn.$',
      actions: ['sts:AssumeRole'],
      reason: 'dynamic',
      detail: 'the Credentials role comes from $.roleArn at run time',
    },
  ]);
  assert.equal(kit.crossAccount[0]!.dynamicRole?.expression, '$.roleArn');
  // Table names resolve in the role's account, unknown here.
  assert.equal(
    grantsOf(kit.crossAccount[0]!.policy, 'dynamodb:GetItem')[0]!.Resource,
    'arn:aws:dynamodb:us-east-2:*:table/Orders',
  );
  assert.ok(kit.crossAccount[0]!.trustPolicy.Statement[0]!.Condition);
});

void test('JSONata: Arguments and {% %} values are read like Parameters and .$ paths', () => {
  const kit = kitOf(
    oneTask(
      {
        Resource: 'arn:aws:states:::sqs:sendMessage',
        Credentials: { RoleArn: `arn:aws:iam::${TARGET}:role/Sender` },
        Arguments: {
          QueueUrl: `https://sqs.eu-west-1.amazonaws.com/${TARGET}/jobs`,
          MessageBody: '{% $states.input %}',
        },
      },
      { QueryLanguage: 'JSONata' },
    ),
  );
  assert.equal(
    grantsOf(kit.crossAccount[0]!.policy, 'sqs:SendMessage')[0]!.Resource,
    `arn:aws:sqs:eu-west-1:${TARGET}:jobs`,
  );
  const dyn = kitOf(
    oneTask(
      { Resource: 'arn:aws:states:::sns:publish', Arguments: { TopicArn: '{% $states.input.topic %}', Message: 'x' } },
      { QueryLanguage: 'JSONata' },
    ),
  );
  assert.equal(grantsOf(dyn.executionRole.policy, 'sns:Publish')[0]!.Resource, '*');
  assert.equal(dyn.wildcards[0]!.field, '/States/T/Arguments/TopicArn');
});

void test('the partition of the context applies to every ARN (aws-cn)', () => {
  const kit = kitOf(
    oneTask({ Resource: 'arn:aws-cn:states:::dynamodb:putItem', Parameters: { TableName: 'T1', Item: {} } }),
    {
      stateMachineArn: `arn:aws-cn:states:cn-north-1:${SOURCE}:stateMachine:M`,
      executionRoleArn: `arn:aws-cn:iam::${SOURCE}:role/R`,
    },
  );
  for (const r of allResources(kit)) assert.ok(r === '*' || r.startsWith('arn:aws-cn:'), r);
  assert.equal(
    grantsOf(kit.executionRole.policy, 'dynamodb:PutItem')[0]!.Resource,
    `arn:aws-cn:dynamodb:cn-north-1:${SOURCE}:table/T1`,
  );
});

void test('aws-sdk tasks: IAM names from the catalog, with its exceptions', () => {
  const def = {
    StartAt: 'A',
    States: {
      A: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets', Next: 'B' },
      B: {
        Type: 'Task',
        Resource: 'arn:aws:states:::aws-sdk:sfn:describeStateMachine',
        Parameters: { StateMachineArn: `arn:aws:states:us-east-2:${SOURCE}:stateMachine:X` },
        Next: 'C',
      },
      C: {
        Type: 'Task',
        Resource: 'arn:aws:states:::aws-sdk:cloudwatchlogs:putRetentionPolicy',
        Parameters: { LogGroupName: 'g', RetentionInDays: 7 },
        End: true,
      },
    },
  };
  const kit = kitOf(def);
  const actions = kit.executionRole.policy.Statement.flatMap((s) => list(s.Action));
  assert.deepEqual(actions.sort(), ['logs:PutRetentionPolicy', 's3:ListAllMyBuckets', 'states:DescribeStateMachine']);
  assert.equal(
    grantsOf(kit.executionRole.policy, 'states:DescribeStateMachine')[0]!.Resource,
    `arn:aws:states:us-east-2:${SOURCE}:stateMachine:X`,
  );
  assert.deepEqual(
    new Set(kit.wildcards.map((w) => `${w.state}:${w.reason}`)),
    new Set(['A:unscopable', 'C:unknown-resource']),
  );
});

void test('ECS .sync: RunTask, Stop/DescribeTasks, the managed rule and iam:PassRole only to ecs-tasks', () => {
  const kit = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::ecs:runTask.sync',
      Parameters: { Cluster: 'c', TaskDefinition: 'worker:3', LaunchType: 'FARGATE' },
    }),
  );
  const p = kit.executionRole.policy;
  assert.equal(grantsOf(p, 'ecs:RunTask')[0]!.Resource, `arn:aws:ecs:us-east-2:${SOURCE}:task-definition/worker:3`);
  assert.deepEqual(grantsOf(p, 'iam:PassRole')[0]!.Condition, {
    StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
  });
  assert.equal(
    grantsOf(p, 'events:PutRule')[0]!.Resource,
    `arn:aws:events:us-east-2:${SOURCE}:rule/StepFunctionsGetEventsForECSTaskRule`,
  );
});

void test('invoker payload with assumeRoleArn: the invoker assumes it, the call runs under it', () => {
  const role = `arn:aws:iam::${TARGET}:role/Reader`;
  const kit = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: {
        FunctionName: 'sfn-crossings-invoker',
        Payload: {
          service: 'dynamodb',
          action: 'getItem',
          region: 'eu-west-1',
          assumeRoleArn: role,
          parameters: { TableName: 'Orders' },
        },
      },
    }),
  );
  const inv = kit.invokerRole!;
  assert.equal(grantsOf(inv.policy, 'sts:AssumeRole')[0]!.Resource, role);
  assert.equal(grantsOf(inv.policy, 'dynamodb:GetItem').length, 0);
  const assumed = inv.assumedRoles[0]!;
  assert.equal(
    grantsOf(assumed.policy, 'dynamodb:GetItem')[0]!.Resource,
    `arn:aws:dynamodb:eu-west-1:${TARGET}:table/Orders`,
  );
  assert.deepEqual(assumed.trustPolicy.Statement[0]!.Principal, {
    AWS: `arn:aws:iam::${SOURCE}:role/sfn-crossings-invoker-role`,
  });
});

void test('context: name + region + account works; bad or missing values throw IamContextError with one line', () => {
  const model = modelOf(oneTask({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' } }));
  const kit = generateIamKit(model, {
    stateMachineName: 'M',
    region: 'eu-central-1',
    account: SOURCE,
    executionRoleArn: `arn:aws:iam::${SOURCE}:role/R`,
  });
  assert.equal(kit.context.stateMachineArn, `arn:aws:states:eu-central-1:${SOURCE}:stateMachine:M`);
  assert.throws(
    () => generateIamKit(model, { stateMachineArn: 'nope', executionRoleArn: `arn:aws:iam::${SOURCE}:role/R` }),
    IamContextError,
  );
  assert.throws(
    () => generateIamKit(model, { executionRoleArn: `arn:aws:iam::${SOURCE}:role/R` }),
    /name, region and account/,
  );
  assert.throws(
    () =>
      generateIamKit(model, {
        stateMachineArn: `arn:aws:states:us-east-1:${SOURCE}:stateMachine:M`,
        executionRoleArn: 'role',
      }),
    (e: Error) => e instanceof IamContextError && !e.message.includes('\n'),
  );
});

void test("permissionsForState counts a state's actions without any context (CodeLens)", () => {
  const model = modelOf(
    oneTask({
      Resource: 'arn:aws:states:::states:startExecution.sync',
      Credentials: { RoleArn: `arn:aws:iam::${TARGET}:role/T` },
      Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:222222222222:stateMachine:C' },
    }),
  );
  const p = permissionsForState(model, 'T');
  assert.deepEqual(p?.actions, [
    'states:DescribeExecution',
    'states:StartExecution',
    'states:StopExecution',
    'sts:AssumeRole',
  ]);
  assert.equal(p?.runsAs, `arn:aws:iam::${TARGET}:role/T`);
  assert.equal(
    permissionsForState(modelOf({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }), 'P'),
    undefined,
  );
});

void test('CloudFormation: AWS::IAM::Role per role and AWS::ApiGateway::RestApi with the resource policy', () => {
  const kit = kitOf({
    StartAt: 'A',
    States: {
      A: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Credentials: { RoleArn: `arn:aws:iam::${TARGET}:role/path/Target` },
        Parameters: { FunctionName: `arn:aws:lambda:us-east-2:${TARGET}:function:f` },
        Next: 'B',
      },
      B: {
        Type: 'Task',
        Resource: 'arn:aws:states:::apigateway:invoke',
        Parameters: {
          ApiEndpoint: 'abc.execute-api.us-east-1.amazonaws.com',
          Method: 'POST',
          Stage: 'prod',
          Path: 'execution',
          AuthType: 'RESOURCE_POLICY',
        },
        End: true,
      },
    },
  });
  const cfn = toCloudFormation(kit);
  const exec = cfn.executionRole.Resources.ExecutionRole!;
  assert.equal(exec.Type, 'AWS::IAM::Role');
  assert.deepEqual(exec.Properties.AssumeRolePolicyDocument, kit.executionRole.trustPolicy);
  assert.deepEqual(
    (exec.Properties.Policies as Array<{ PolicyDocument: unknown }>)[0]!.PolicyDocument,
    kit.executionRole.policy,
  );
  const target = cfn.crossAccount[0]!.template.Resources.TargetRole!;
  assert.equal(target.Properties.RoleName, 'Target');
  assert.equal(target.Properties.Path, '/path/');
  const api = cfn.apiGateway.resourcePolicies[0]!.template.Resources.RestApi!;
  assert.equal(api.Type, 'AWS::ApiGateway::RestApi');
  assert.deepEqual(api.Properties.Policy, kit.apiGateway.resourcePolicies[0]!.policy);
  const b = cfn.apiGateway.startExecutionIntegrations[0]!.template.Resources;
  assert.equal(b.StartExecutionRole!.Type, 'AWS::IAM::Role');
  assert.ok(JSON.stringify(b.StartExecutionApi!.Properties.Body).includes('"Fn::GetAtt":["StartExecutionRole","Arn"]'));
  // The target state machine is not named: the integration role's resource is explained.
  assert.ok(kit.wildcards.some((w) => w.document === 'apiGateway.startExecutionIntegrations[0]' && w.state === 'B'));
});

void test('kitSection: one section per command, undefined when the definition has none of that kind', () => {
  const kit = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::lambda:invoke',
      Credentials: { RoleArn: `arn:aws:iam::${TARGET}:role/T` },
      Parameters: { FunctionName: 'f' },
    }),
  );
  const exec = kitSection(kit, 'executionRole')!;
  assert.deepEqual(Object.keys(exec), [
    'generatedBy',
    'stateMachineArn',
    'executionRole',
    'states',
    'wildcards',
    'notes',
    'cloudFormation',
  ]);
  const cross = kitSection(kit, 'crossAccount')!;
  assert.deepEqual(
    (cross.sourceExecutionRole as { statements: Array<{ Action: string }> }).statements.map((s) => s.Action),
    ['sts:AssumeRole'],
  );
  assert.equal((cross.targetRoles as unknown[]).length, 1);
  assert.equal(kitSection(kit, 'apiGateway'), undefined);
  assert.equal(kitSection(kit, 'invokerRole'), undefined);
});

void test('a Task without Resource, Pass/Choice/Wait states and activities need nothing', () => {
  const kit = kitOf({
    StartAt: 'A',
    States: {
      A: { Type: 'Task', Next: 'B' },
      B: { Type: 'Pass', Next: 'C' },
      C: { Type: 'Task', Resource: `arn:aws:states:us-east-2:${SOURCE}:activity:work`, End: true },
    },
  });
  assert.equal(kit.executionRole.policy.Statement.length, 0);
  assert.ok(kit.notes.some((n) => /needs no permission/.test(n)));
});

void test('one resource policy per API, covering every stage and route the definition calls', () => {
  const call = (stage: string, path: string) => ({
    Type: 'Task',
    Resource: 'arn:aws:states:::apigateway:invoke',
    Parameters: {
      ApiEndpoint: 'abc.execute-api.us-east-1.amazonaws.com',
      Method: 'POST',
      Stage: stage,
      Path: path,
      AuthType: 'RESOURCE_POLICY',
    },
  });
  const kit = kitOf({
    StartAt: 'A',
    States: { A: { ...call('prod', 'orders'), Next: 'B' }, B: { ...call('dev', 'refunds'), End: true } },
  });
  assert.equal(kit.apiGateway.resourcePolicies.length, 1);
  const rp = kit.apiGateway.resourcePolicies[0]!;
  assert.deepEqual(rp.stages, ['dev', 'prod']);
  assert.deepEqual(rp.policy.Statement[0]!.Resource, [
    'arn:aws:execute-api:us-east-1:*:abc/dev/POST/refunds',
    'arn:aws:execute-api:us-east-1:*:abc/prod/POST/orders',
  ]);
  assert.match(rp.reminder, /stages dev, prod/);
});
