// Golden tests: for the seeds' own inputs, the generated documents equal the ones AWS publishes and
// ../shared/DOMAIN.md quotes (target role trust with sts:ExternalId, the execution role's sts:AssumeRole, .sync
// polling in both accounts, the API resource policy with aws:SourceArn, http:invoke, the invoker's two roles).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { samePolicy } from '../../../src/core/invoker/policy';
import type { PolicyDocument, PolicyStatement } from '../../../src/core/iam';
import { grantsOf, kitOf, oneTask, SOURCE, TARGET, withoutSids } from './helpers';

const SOURCE_SM = `arn:aws:states:us-east-2:${SOURCE}:stateMachine:stateMachineName`;
const SOURCE_ROLE = `arn:aws:iam::${SOURCE}:role/InvokeRole`;
const TARGET_ROLE = `arn:aws:iam::${TARGET}:role/TargetRole`;
const TARGET_SM = `arn:aws:states:us-east-2:${TARGET}:stateMachine:stateMachineName`;

function canonical(v: unknown): string {
  const norm = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.length === 1
        ? norm(x[0])
        : x.map(norm)
      : x && typeof x === 'object'
        ? Object.fromEntries(
            Object.keys(x)
              .sort()
              .map((k) => [k, norm((x as Record<string, unknown>)[k])]),
          )
        : x;
  return JSON.stringify(norm(v));
}

/** Same statements regardless of order, Sids, or one-element arrays vs strings. */
function assertSameStatements(actual: PolicyStatement[], expected: PolicyStatement[]): void {
  const canon = (xs: PolicyStatement[]) => withoutSids(xs).sort((a, b) => canonical(a).localeCompare(canonical(b)));
  const a = canon(actual);
  const e = canon(expected);
  assert.equal(a.length, e.length, `statement count: ${JSON.stringify(a, null, 1)}`);
  a.forEach((s, i) =>
    assert.ok(samePolicy(s, e[i]), `statement ${i}:\n${JSON.stringify(s)}\n!=\n${JSON.stringify(e[i])}`),
  );
}

// Step Functions guide, "Cross-account access for .sync integration pattern": the seed's state machine starts a
// state machine of the target account through the target role and waits for it (.sync).
const crossAccountSync = oneTask({
  Resource: 'arn:aws:states:::states:startExecution.sync:2',
  Credentials: { RoleArn: TARGET_ROLE },
  Parameters: { StateMachineArn: TARGET_SM, 'Input.$': '$' },
});

void test('target role trust policy: the source execution role, with sts:ExternalId = the state machine ARN', () => {
  const kit = kitOf(crossAccountSync);
  assert.equal(kit.crossAccount.length, 1);
  assert.equal(kit.crossAccount[0]!.roleArn, TARGET_ROLE);
  const published: PolicyDocument = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { AWS: SOURCE_ROLE },
        Condition: { StringEquals: { 'sts:ExternalId': SOURCE_SM } },
      },
    ],
  };
  assert.ok(samePolicy(kit.crossAccount[0]!.trustPolicy, published), JSON.stringify(kit.crossAccount[0]!.trustPolicy));
});

void test('target role permissions: .sync polling (StartExecution, Describe/StopExecution on the executions), no EventBridge', () => {
  const kit = kitOf(crossAccountSync);
  assertSameStatements(kit.crossAccount[0]!.policy.Statement, [
    { Effect: 'Allow', Action: ['states:StartExecution'], Resource: [TARGET_SM] },
    {
      Effect: 'Allow',
      Action: ['states:DescribeExecution', 'states:StopExecution'],
      Resource: [`arn:aws:states:us-east-2:${TARGET}:execution:stateMachineName:*`],
    },
  ]);
});

void test('execution role: sts:AssumeRole on the target role, and nothing of the task itself', () => {
  const kit = kitOf(crossAccountSync);
  // "Accessing cross-account AWS resources" tutorial, step "update the source account's execution role".
  assertSameStatements(kit.executionRole.policy.Statement, [
    { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: TARGET_ROLE },
  ]);
});

void test('execution role trust: states.amazonaws.com with aws:SourceArn (ArnLike) and aws:SourceAccount', () => {
  const kit = kitOf(crossAccountSync);
  assertSameStatements(kit.executionRole.trustPolicy.Statement, [
    {
      Effect: 'Allow',
      Principal: { Service: 'states.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { ArnLike: { 'aws:SourceArn': SOURCE_SM }, StringEquals: { 'aws:SourceAccount': SOURCE } },
    },
  ]);
});

void test('same-account startExecution.sync: polling plus the managed EventBridge rule', () => {
  const child = `arn:aws:states:us-east-2:${SOURCE}:stateMachine:Child`;
  const kit = kitOf(
    oneTask({ Resource: 'arn:aws:states:::states:startExecution.sync', Parameters: { StateMachineArn: child } }),
  );
  // "IAM policies for Step Functions" (AWS Step Functions service integration templates).
  assertSameStatements(kit.executionRole.policy.Statement, [
    { Effect: 'Allow', Action: ['states:StartExecution'], Resource: [child] },
    {
      Effect: 'Allow',
      Action: ['states:DescribeExecution', 'states:StopExecution'],
      Resource: [`arn:aws:states:us-east-2:${SOURCE}:execution:Child:*`],
    },
    {
      Effect: 'Allow',
      Action: ['events:DescribeRule', 'events:PutRule', 'events:PutTargets'],
      Resource: [`arn:aws:events:us-east-2:${SOURCE}:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule`],
    },
  ]);
});

// AWS Compute Blog, "Running cross-account workflows with AWS Step Functions and Amazon API Gateway": state
// machine A (account 111111111111) calls a REST API of account B (222222222222) that starts state machine B.
const apiSeed = oneTask({
  Resource: 'arn:aws:states:::apigateway:invoke',
  Parameters: {
    ApiEndpoint: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
    Method: 'POST',
    Stage: 'dev',
    Path: '/execution',
    AuthType: 'RESOURCE_POLICY',
    RequestBody: {
      'input.$': 'States.JsonToString($)',
      stateMachineArn: `arn:aws:states:us-east-1:${TARGET}:stateMachine:StateMachineB`,
    },
  },
});

void test('API resource policy: states.amazonaws.com may invoke the route, only for this state machine (aws:SourceArn)', () => {
  const kit = kitOf(apiSeed);
  assert.equal(kit.apiGateway.resourcePolicies.length, 1);
  const rp = kit.apiGateway.resourcePolicies[0]!;
  assertSameStatements(rp.policy.Statement, [
    {
      Effect: 'Allow',
      Principal: { Service: 'states.amazonaws.com' },
      Action: 'execute-api:Invoke',
      Resource: `arn:aws:execute-api:us-east-1:${TARGET}:a1b2c3d4e5/dev/POST/execution`,
      Condition: { StringEquals: { 'aws:SourceArn': [SOURCE_SM] } },
    },
  ]);
  assert.match(rp.reminder, /AWS_IAM/);
  assert.match(rp.reminder, /POST \/execution/);
  // The caller's side: execute-api:Invoke on the same route.
  assertSameStatements(kit.executionRole.policy.Statement, [
    {
      Effect: 'Allow',
      Action: 'execute-api:Invoke',
      Resource: `arn:aws:execute-api:us-east-1:${TARGET}:a1b2c3d4e5/dev/POST/execution`,
    },
  ]);
});

void test('account-B kit: integration role trusted by apigateway.amazonaws.com, StartExecution, OpenAPI POST /execution', () => {
  const kit = kitOf(apiSeed);
  const [s] = kit.apiGateway.startExecutionIntegrations;
  assert.ok(s);
  const target = `arn:aws:states:us-east-1:${TARGET}:stateMachine:StateMachineB`;
  assert.equal(s.targetStateMachineArn, target);
  assertSameStatements(s.integrationRole.policy.Statement, [
    { Effect: 'Allow', Action: 'states:StartExecution', Resource: target },
  ]);
  const trust = s.integrationRole.trustPolicy.Statement[0]!;
  assert.deepEqual(trust.Principal, { Service: 'apigateway.amazonaws.com' });
  assert.equal(trust.Action, 'sts:AssumeRole');
  // API Gateway does not send aws:SourceArn/aws:SourceAccount when it assumes integration credentials (a
  // condition on them denies every call); aws:PrincipalServiceName is present whenever a service principal calls
  // (IAM User Guide, "AWS global condition context keys").
  assert.deepEqual(trust.Condition, { StringEquals: { 'aws:PrincipalServiceName': 'apigateway.amazonaws.com' } });
  const post = (s.openApi.paths as Record<string, { post: Record<string, unknown> }>)['/execution']!.post;
  const integration = post['x-amazon-apigateway-integration'] as Record<string, unknown>;
  assert.equal(s.openApi.openapi, '3.0.1');
  assert.equal(integration.type, 'aws');
  assert.equal(integration.httpMethod, 'POST');
  assert.equal(integration.uri, 'arn:aws:apigateway:us-east-1:states:action/StartExecution');
  assert.equal(integration.credentials, `arn:aws:iam::${TARGET}:role/${s.integrationRole.name}`);
  assert.match(
    (integration.requestTemplates as Record<string, string>)['application/json']!,
    /stateMachineArn[\s\S]*input/,
  );
  assert.deepEqual(post.security, [{ sigv4: [] }]);
  assert.deepEqual(s.openApi['x-amazon-apigateway-policy'], kit.apiGateway.resourcePolicies[0]!.policy);
});

void test('http:invoke: InvokeHTTPEndpoint with endpoint/method conditions, the connection and its secret', () => {
  const connection = `arn:aws:events:us-east-2:${SOURCE}:connection/Stripe/aeabd89e-d39c-44ac-9a00-9ac8ea5e4f31`;
  const kit = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::http:invoke',
      Parameters: {
        ApiEndpoint: 'https://api.stripe.com/v1/charges',
        Method: 'POST',
        Authentication: { ConnectionArn: connection },
      },
    }),
  );
  // Step Functions guide "Call HTTPS APIs", example execution role policy.
  assertSameStatements(kit.executionRole.policy.Statement, [
    {
      Effect: 'Allow',
      Action: 'states:InvokeHTTPEndpoint',
      Resource: SOURCE_SM,
      Condition: {
        StringEquals: { 'states:HTTPEndpoint': 'https://api.stripe.com/v1/charges', 'states:HTTPMethod': 'POST' },
      },
    },
    { Effect: 'Allow', Action: 'events:RetrieveConnectionCredentials', Resource: connection },
    {
      Effect: 'Allow',
      Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
      Resource: 'arn:aws:secretsmanager:*:*:secret:events!connection/Stripe/*',
    },
  ]);
});

void test('invoker (CDK CallAwsServiceCrossRegion): lambda:InvokeFunction on ARN and ARN:*, the call + logs on its role', () => {
  const invokerArn = `arn:aws:lambda:us-east-2:${SOURCE}:function:sfn-crossings-invoker`;
  const kit = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: {
        FunctionName: invokerArn,
        Payload: {
          service: 's3',
          action: 'getObject',
          region: 'us-west-2',
          parameters: { Bucket: 'my-bucket', 'Key.$': '$.key' },
        },
      },
    }),
    { invokerArn },
  );
  assertSameStatements(grantsOf(kit.executionRole.policy, 'lambda:InvokeFunction'), [
    { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: [invokerArn, `${invokerArn}:*`] },
  ]);
  const inv = kit.invokerRole!;
  assert.equal(inv.allowedCalls, 's3:getObject');
  assertSameStatements(grantsOf(inv.policy, 's3:GetObject'), [
    { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' },
  ]);
  assert.ok(grantsOf(inv.policy, 'logs:PutLogEvents').length === 1);
  assert.deepEqual(inv.trustPolicy.Statement[0]!.Principal, { Service: 'lambda.amazonaws.com' });
  // The key came from a path: the output names the state and the field.
  assert.deepEqual(
    kit.wildcards.map((w) => [w.document, w.state, w.field, w.reason]),
    [['invokerRole', 'T', '/States/T/Parameters/Payload/parameters/Key.$', 'dynamic']],
  );
});
