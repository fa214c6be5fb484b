// Issue 16 "Correctness": each generated document checked against the AWS page it follows (cited per test), and
// every kit passes the IAM grammar check (assertKitGrammar).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { toCloudFormation } from '../../../src/core/iam';
import { START_EXECUTION_REQUEST_TEMPLATE } from '../../../src/core/iam/apiGateway';
import { assertKitGrammar, grantsOf, kitOf, list, oneTask, SOURCE, TARGET } from './helpers';

const SM = `arn:aws:states:us-east-2:${SOURCE}:stateMachine:stateMachineName`;

// Seed 001 as published (AWS Compute Blog "Running cross-account workflows with AWS Step Functions and Amazon API
// Gateway"): the endpoint comes from the input, Stage/Method/Path are literal, AuthType RESOURCE_POLICY.
const seed001 = oneTask({
  Resource: 'arn:aws:states:::apigateway:invoke',
  Parameters: {
    'ApiEndpoint.$': '$.ApiUrl',
    Method: 'POST',
    Stage: 'dev',
    Path: '/execution',
    AuthType: 'RESOURCE_POLICY',
    RequestBody: { 'input.$': 'States.JsonToString($)', 'stateMachineArn.$': '$.TargetArn' },
  },
});

void test('seed 001: account B resource policy in the documented form, caller scoped to the literal route', () => {
  const kit = kitOf(seed001);
  assertKitGrammar(kit);
  // Step Functions "IAM policies for Amazon API Gateway" (https://docs.aws.amazon.com/step-functions/latest/dg/api-gateway-iam.html):
  // Principal states.amazonaws.com, execute-api:Invoke on the route, aws:SourceArn = the calling state machine. The API
  // is unknown, so the route uses API Gateway's short form ("API Gateway resource policy examples",
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html).
  assert.equal(kit.apiGateway.resourcePolicies.length, 1);
  const rp = kit.apiGateway.resourcePolicies[0]!;
  assert.deepEqual(rp.policy.Statement[0], {
    Sid: 'AllowStateMachine',
    Effect: 'Allow',
    Principal: { Service: 'states.amazonaws.com' },
    Action: 'execute-api:Invoke',
    Resource: 'execute-api:/dev/POST/execution',
    Condition: { StringEquals: { 'aws:SourceArn': [SM] } },
  });
  assert.equal(rp.apiEndpoint, '$.ApiUrl');
  assert.match(rp.reminder, /POST \/execution on the API at \$\.ApiUrl to AWS_IAM/);
  const caller = grantsOf(kit.executionRole.policy, 'execute-api:Invoke');
  assert.deepEqual(list(caller[0]!.Resource), ['arn:aws:execute-api:*:*:*/dev/POST/execution']);
  const w = kit.wildcards.find((x) => x.actions.includes('execute-api:Invoke'))!;
  assert.equal(w.field, '/States/T/Parameters/ApiEndpoint.$');
  assert.ok(!JSON.stringify(kit).includes('ACCOUNT_ID'), 'no ACCOUNT_ID placeholder text anywhere');
});

void test('seed 001: the StartExecution kit template names what is unknown as parameters, never ACCOUNT_ID', () => {
  const kit = kitOf(seed001);
  const [s] = kit.apiGateway.startExecutionIntegrations;
  assert.ok(s);
  assert.deepEqual(Object.keys(s.parameters), ['TargetStateMachineArn']);
  const [cfn] = toCloudFormation(kit).apiGateway.startExecutionIntegrations;
  const text = JSON.stringify(cfn!.template);
  assert.ok(!text.includes('ACCOUNT_ID') && !text.includes('"*"'), text);
  assert.equal(cfn!.template.Parameters?.TargetStateMachineArn?.Type, 'String');
  const role = cfn!.template.Resources.StartExecutionRole!.Properties as {
    Policies: Array<{ PolicyDocument: { Statement: Array<{ Resource: unknown }> } }>;
  };
  assert.deepEqual(role.Policies[0]!.PolicyDocument.Statement[0]!.Resource, { Ref: 'TargetStateMachineArn' });
  const api = cfn!.template.Resources.StartExecutionApi!.Properties as {
    Policy: { Statement: Array<{ Resource: string }> };
    Body: { paths: Record<string, { post: Record<string, Record<string, unknown>> }> };
  };
  assert.equal(api.Policy.Statement[0]!.Resource, 'execute-api:/dev/POST/execution');
  const integration = api.Body.paths['/execution']!.post['x-amazon-apigateway-integration']!;
  assert.deepEqual(integration.credentials, { 'Fn::GetAtt': ['StartExecutionRole', 'Arn'] });
  assert.deepEqual(integration.uri, {
    'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartExecution',
  });
});

/** Renders our request template the way API Gateway does for one body: $util.escapeJavaScript is Apache Commons
 * StringEscapeUtils.escapeJavaScript (escapes ' " \ / and control characters), then the documented replaceAll. */
function renderRequest(body: Record<string, string>): string {
  const escapeJs = (v: string) =>
    v.replace(
      /[\\'"/\b\f\n\r\t]/g,
      (c) => ({ '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? `\\${c}`,
    );
  return START_EXECUTION_REQUEST_TEMPLATE.replace(/^#set.*\n/, '')
    .replace(/#if\(\$body\.name\)([\s\S]*?)#end/, (_m, inner: string) => (body.name !== undefined ? inner : ''))
    .replace(/\$util\.escapeJavaScript\(\$body\.(\w+)\)\.replaceAll\("\\\\'","'"\)/g, (_m, key: string) =>
      escapeJs(body[key] ?? '').replace(/\\'/g, "'"),
    );
}

void test('StartExecution request template: an apostrophe (or any text) in the input still gives valid JSON', () => {
  // API Gateway mapping template reference ($util.escapeJavaScript: "single quotes are escaped as \' ... use
  // .replaceAll(\"\\\\'\",\"'\")"), https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
  assert.match(START_EXECUTION_REQUEST_TEMPLATE, /\.replaceAll\("\\\\'","'"\)/);
  for (const input of [`{"name":"O'Brien"}`, `{"q":"a \\"quoted\\" / path\\n"}`, `'`, '{}']) {
    const rendered = renderRequest({
      stateMachineArn: `arn:aws:states:us-east-1:${TARGET}:stateMachine:B`,
      input,
      name: "it's",
    });
    const parsed = JSON.parse(rendered) as { input: string; name: string };
    assert.equal(parsed.input, input);
    assert.equal(parsed.name, "it's");
  }
});

void test('integration role trust: a condition API Gateway actually sends (not aws:SourceArn/SourceAccount)', () => {
  const kit = kitOf(seed001);
  const trust = kit.apiGateway.startExecutionIntegrations[0]!.integrationRole.trustPolicy.Statement[0]!;
  const keys = Object.values(trust.Condition ?? {}).flatMap((c) => Object.keys(c as object));
  assert.deepEqual(keys, ['aws:PrincipalServiceName']);
});

void test('aws-sdk:s3:copyObject also reads its CopySource (S3 API reference CopyObject: s3:GetObject on the source)', () => {
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html ("You must have read access to the source object")
  const kit = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::aws-sdk:s3:copyObject',
      Parameters: { Bucket: 'dest', Key: 'out/a.json', CopySource: 'src-bucket/in/a%20b.json' },
    }),
  );
  assertKitGrammar(kit);
  assert.deepEqual(list(grantsOf(kit.executionRole.policy, 's3:GetObject')[0]!.Resource), [
    'arn:aws:s3:::src-bucket/in/a b.json',
  ]);
  assert.deepEqual(list(grantsOf(kit.executionRole.policy, 's3:PutObject')[0]!.Resource), [
    'arn:aws:s3:::dest/out/a.json',
  ]);
  const dyn = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::aws-sdk:s3:copyObject',
      Parameters: { Bucket: 'dest', Key: 'k', 'CopySource.$': "States.Format('src-bucket/{}', $.key)" },
    }),
  );
  assert.deepEqual(list(grantsOf(dyn.executionRole.policy, 's3:GetObject')[0]!.Resource), [
    'arn:aws:s3:::src-bucket/*',
  ]);
});

void test('ECS task definitions and Batch job definitions without a revision get :* (ECS and Batch IAM pages)', () => {
  // Step Functions "IAM policies for Amazon ECS/AWS Fargate": task-definition/<family>:<revision>
  // (https://docs.aws.amazon.com/step-functions/latest/dg/ecs-iam.html); AWS Batch "Resource: Restrict to a job
  // definition": job-definition/<name>:* (https://docs.aws.amazon.com/batch/latest/userguide/iam-example-job-def.html).
  const ecs = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::ecs:runTask',
      Parameters: { TaskDefinition: `arn:aws:ecs:us-east-2:${SOURCE}:task-definition/web` },
    }),
  );
  assert.deepEqual(list(grantsOf(ecs.executionRole.policy, 'ecs:RunTask')[0]!.Resource), [
    `arn:aws:ecs:us-east-2:${SOURCE}:task-definition/web:*`,
  ]);
  const pinned = kitOf(oneTask({ Resource: 'arn:aws:states:::ecs:runTask', Parameters: { TaskDefinition: 'web:7' } }));
  assert.deepEqual(list(grantsOf(pinned.executionRole.policy, 'ecs:RunTask')[0]!.Resource), [
    `arn:aws:ecs:us-east-2:${SOURCE}:task-definition/web:7`,
  ]);
  const batch = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::batch:submitJob',
      Parameters: {
        JobName: 'j',
        JobDefinition: `arn:aws:batch:us-east-2:${SOURCE}:job-definition/nightly`,
        JobQueue: 'q1',
      },
    }),
  );
  // "When scoping resource-level access for job submission, you must provide both job queue and job definition".
  assert.deepEqual(list(grantsOf(batch.executionRole.policy, 'batch:SubmitJob')[0]!.Resource).sort(), [
    `arn:aws:batch:us-east-2:${SOURCE}:job-definition/nightly:*`,
    `arn:aws:batch:us-east-2:${SOURCE}:job-queue/q1`,
  ]);
});

void test('iam:PassRole only on the roles RunTask names when they are literal', () => {
  const taskRole = `arn:aws:iam::${SOURCE}:role/app-task`;
  const execRole = `arn:aws:iam::${SOURCE}:role/app-exec`;
  const kit = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::ecs:runTask',
      Parameters: { TaskDefinition: 'web:3', Overrides: { TaskRoleArn: taskRole, ExecutionRoleArn: execRole } },
    }),
  );
  const pass = grantsOf(kit.executionRole.policy, 'iam:PassRole')[0]!;
  assert.deepEqual(list(pass.Resource).sort(), [execRole, taskRole]);
  assert.deepEqual(pass.Condition, { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } });
});

void test('S3 access point ARNs keep their region and account (S3 user guide, access point policies)', () => {
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html: arn:aws:s3:<region>:<account>:accesspoint/<name>/object/<key>
  const ap = `arn:aws:s3:eu-west-1:${TARGET}:accesspoint/reports`;
  const kit = kitOf(
    oneTask({ Resource: 'arn:aws:states:::aws-sdk:s3:getObject', Parameters: { Bucket: ap, Key: 'q1.csv' } }),
  );
  assertKitGrammar(kit);
  assert.deepEqual(list(grantsOf(kit.executionRole.policy, 's3:GetObject')[0]!.Resource), [`${ap}/object/q1.csv`]);
});

void test('aws-sdk:s3:listObjectsV2 keeps its Prefix as an s3:prefix condition (S3 condition keys)', () => {
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html (s3:prefix with s3:ListBucket)
  const kit = kitOf(
    oneTask({ Resource: 'arn:aws:states:::aws-sdk:s3:listObjectsV2', Parameters: { Bucket: 'logs', Prefix: 'app/' } }),
  );
  const s = grantsOf(kit.executionRole.policy, 's3:ListBucket')[0]!;
  assert.deepEqual(list(s.Resource), ['arn:aws:s3:::logs']);
  assert.deepEqual(s.Condition, { StringLike: { 's3:prefix': ['app/*'] } });
});

void test('a role ARN built at run time from a literal name is narrowed to arn:aws:iam::*:role/<name>', () => {
  // "Accessing cross-account AWS resources in Step Functions": the execution role needs sts:AssumeRole on the
  // target role (https://docs.aws.amazon.com/step-functions/latest/dg/tutorial-access-cross-acct-resources.html).
  const format = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::lambda:invoke',
      Credentials: { 'RoleArn.$': "States.Format('arn:aws:iam::{}:role/DeployTarget', $.account)" },
      Parameters: { FunctionName: 'f' },
    }),
  );
  assertKitGrammar(format);
  assert.deepEqual(list(grantsOf(format.executionRole.policy, 'sts:AssumeRole')[0]!.Resource), [
    'arn:aws:iam::*:role/DeployTarget',
  ]);
  const jsonata = kitOf(
    oneTask(
      {
        Resource: 'arn:aws:states:::lambda:invoke',
        Credentials: { RoleArn: "{% 'arn:aws:iam::' & $states.input.account & ':role/DeployTarget' %}" },
        Arguments: { FunctionName: 'f' },
      },
      { QueryLanguage: 'JSONata' },
    ),
  );
  assert.deepEqual(list(grantsOf(jsonata.executionRole.policy, 'sts:AssumeRole')[0]!.Resource), [
    'arn:aws:iam::*:role/DeployTarget',
  ]);
  // Nothing literal about the role: still "*", explained.
  const opaque = kitOf(
    oneTask({
      Resource: 'arn:aws:states:::lambda:invoke',
      Credentials: { 'RoleArn.$': '$.role' },
      Parameters: { FunctionName: 'f' },
    }),
  );
  assert.deepEqual(list(grantsOf(opaque.executionRole.policy, 'sts:AssumeRole')[0]!.Resource), ['*']);
});

void test('http:invoke with an endpoint built from a literal prefix: StringLike states:HTTPEndpoint <prefix>*', () => {
  // Step Functions "Call HTTPS APIs" (https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html):
  // states:HTTPEndpoint supports StringLike.
  const connection = `arn:aws:events:us-east-2:${SOURCE}:connection/Partner/0b1c`;
  for (const [ql, endpoint] of [
    ['JSONPath', { 'ApiEndpoint.$': "States.Format('https://api.partner.com/v2/orders/{}', $.id)" }],
    ['JSONata', { ApiEndpoint: "{% 'https://api.partner.com/v2/orders/' & $states.input.id %}" }],
  ] as const) {
    const args = { ...endpoint, Method: 'GET', Authentication: { ConnectionArn: connection } };
    const kit = kitOf(
      oneTask(
        { Resource: 'arn:aws:states:::http:invoke', [ql === 'JSONata' ? 'Arguments' : 'Parameters']: args },
        { QueryLanguage: ql },
      ),
    );
    assertKitGrammar(kit);
    const s = grantsOf(kit.executionRole.policy, 'states:InvokeHTTPEndpoint')[0]!;
    assert.deepEqual(s.Condition, {
      StringEquals: { 'states:HTTPMethod': 'GET' },
      StringLike: { 'states:HTTPEndpoint': 'https://api.partner.com/v2/orders/*' },
    });
  }
});
