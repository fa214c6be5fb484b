// "Add the required IAM to this template": the statements land where the template keeps them (SAM Policies, the
// role RoleArn/Role names, or a new role), reference the template's own resources with !Sub/!GetAtt, keep the
// file's comments, order and style (YAML short tags, JSON indentation), never remove what the user wrote, and a
// second run changes nothing. What belongs to other accounts comes out as separate templates with parameters.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { addRequiredIam, TemplateError } from '../../../src/core/iam/templateIam';
import { CFN_TAGS, parseTemplate } from '../../../src/core/iam/templateDoc';
import { applyEdits } from '../../../src/core/crossings/edits';
import { assertStatementGrammar } from './helpers';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

/** Every line of `before` is still in `after`, in order (the edit only inserts; JSON may add a comma). */
function onlyInserted(before: string, after: string): void {
  const lines = after.split('\n').map((l) => l.replace(/,$/, ''));
  let i = 0;
  for (const line of before.split('\n').map((l) => l.replace(/,$/, ''))) {
    while (i < lines.length && lines[i] !== line) i++;
    assert.ok(i < lines.length, `line lost or changed: ${JSON.stringify(line)}`);
    i++;
  }
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

void test('SAM YAML: statements go into the machine Policies, with !Sub to the template resources; comments kept', () => {
  const before = fixture('sam-template.yaml');
  const r = addRequiredIam(before);
  assert.equal(r.machine, 'OrderStateMachine');
  assert.equal(r.target, 'Policies of OrderStateMachine');
  assert.equal(applyEdits(before, r.edits), r.after);
  onlyInserted(before, r.after);
  assert.match(r.after, /# the user's own policy/);
  assert.match(
    r.after,
    /!Sub arn:\$\{AWS::Partition\}:lambda:\$\{AWS::Region\}:\$\{AWS::AccountId\}:function:\$\{OrderFunction\}/,
  );
  assert.match(r.after, /table\/\$\{OrdersTable\}/);
  // The saved template parses with its tags, and the role has the actions.
  const doc = parseDocument(r.after, { customTags: CFN_TAGS });
  assert.deepEqual(doc.errors, []);
  const props = (doc.toJS() as Json).Resources.OrderStateMachine.Properties;
  assert.deepEqual(props.Policies[0], { CloudWatchPutMetricPolicy: {} });
  const statements = props.Policies[1].Statement as Json[];
  const actions = statements.flatMap((s) => [s.Action].flat());
  assert.deepEqual(actions.sort(), ['dynamodb:PutItem', 'lambda:InvokeFunction', 'sts:AssumeRole']);
  for (const s of statements) assertStatementGrammar('sam', { ...s, Resource: '*' } as never, false);
  assert.ok(!r.after.includes('000000000009') && !r.after.includes('sfnxtok'), 'no stand-in leaks');
  // Second run: nothing to add.
  const again = addRequiredIam(r.after);
  assert.deepEqual(again.edits, []);
  assert.deepEqual(again.added, []);
});

void test('SAM: the cross-account role comes out as a template for the other account, unknowns as parameters', () => {
  const r = addRequiredIam(fixture('sam-template.yaml'));
  assert.equal(r.otherTemplates.length, 1);
  const other = r.otherTemplates[0]!;
  const t = parseTemplate(other.text).value as Json;
  assert.deepEqual(Object.keys(t.Parameters).sort(), ['SourceExecutionRoleArn', 'SourceStateMachineArn']);
  const role = t.Resources.TargetRole.Properties;
  assert.equal(role.RoleName, 'BillingStarter');
  const trust = role.AssumeRolePolicyDocument.Statement[0];
  assert.deepEqual(trust.Principal, { AWS: { 'Fn::Sub': '${SourceExecutionRoleArn}' } });
  assert.deepEqual(trust.Condition, { StringEquals: { 'sts:ExternalId': { 'Fn::Sub': '${SourceStateMachineArn}' } } });
  assert.equal(role.AssumeRolePolicyDocument.Version, '2012-10-17');
  const actions = role.Policies[0].PolicyDocument.Statement.flatMap((s: Json) => [s.Action].flat()).sort();
  assert.deepEqual(actions, ['states:DescribeExecution', 'states:StartExecution', 'states:StopExecution']);
  assert.ok(!other.text.includes('sfnxtok') && !other.text.includes('ACCOUNT_ID'), other.text);
});

void test('CloudFormation JSON: a new role (RoleArn added), the resource policy into the template API; JSON style kept', () => {
  const before = fixture('cfn-template.json');
  const r = addRequiredIam(before);
  assert.equal(r.target, 'OrderStateMachineRole (new AWS::IAM::Role)');
  onlyInserted(before, r.after);
  const t = JSON.parse(r.after) as Json;
  const sm = t.Resources.OrderStateMachine.Properties;
  assert.deepEqual(sm.RoleArn, { 'Fn::GetAtt': ['OrderStateMachineRole', 'Arn'] });
  const role = t.Resources.OrderStateMachineRole.Properties;
  assert.ok(role.AssumeRolePolicyDocument.Statement[0].Condition, 'the trust policy has a condition');
  const statements = role.Policies[0].PolicyDocument.Statement as Json[];
  assert.deepEqual(statements.map((s) => s.Action).sort(), ['execute-api:Invoke', 'sqs:SendMessage']);
  assert.deepEqual(statements.find((s) => s.Action === 'sqs:SendMessage')!.Resource, {
    'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${OrderQueue.QueueName}',
  });
  // RESOURCE_POLICY on the template's own REST API: its Policy, in API Gateway's short form.
  const policy = t.Resources.OrdersApi.Properties.Policy;
  assert.deepEqual(policy.Statement[0].Resource, ['execute-api:/prod/POST/orders']);
  assert.deepEqual(policy.Statement[0].Principal, { Service: 'states.amazonaws.com' });
  assert.ok(policy.Statement[0].Condition.ArnLike['aws:SourceArn']);
  assert.deepEqual(r.otherTemplates, [], 'nothing for another account');
  assert.deepEqual(addRequiredIam(r.after).edits, []);
});

void test("CloudFormation YAML: the role RoleArn names gets a policy; the user's statements stay", () => {
  const before = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Topic:
    Type: AWS::SNS::Topic
  MachineRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: states.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: mine # keep
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: logs:CreateLogDelivery
                Resource: "*"
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !GetAtt MachineRole.Arn
      DefinitionSubstitutions:
        TopicArn: !Ref Topic
      Definition:
        StartAt: Tell
        States:
          Tell:
            Type: Task
            Resource: arn:aws:states:::sns:publish
            Parameters: { TopicArn: "\${TopicArn}", Message: hi }
            End: true
`;
  const r = addRequiredIam(before);
  assert.equal(r.target, 'MachineRole (AWS::IAM::Role)');
  onlyInserted(before, r.after);
  const t = parseTemplate(r.after).value as Json;
  const policies = t.Resources.MachineRole.Properties.Policies as Json[];
  assert.equal(policies[0]!.PolicyName, 'mine');
  assert.equal(policies[0]!.PolicyDocument.Statement[0].Action, 'logs:CreateLogDelivery');
  assert.equal(policies[1]!.PolicyName, 'sfn-crossings-Machine');
  assert.deepEqual(policies[1]!.PolicyDocument.Statement[0].Resource, {
    'Fn::Sub': 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${Topic.TopicName}',
  });
  assert.match(r.after, /Resource: !Sub arn:/);
  assert.deepEqual(addRequiredIam(r.after).edits, []);
});

void test('a statement the user already wrote (same content, no Sid) is not added again', () => {
  const base = fixture('sam-template.yaml');
  const first = addRequiredIam(base);
  const withoutSids = first.after.replace(
    / +- Sid: Crossings\w+\n( +)Effect/g,
    (_m, indent: string) => `${indent.slice(2)}- Effect`,
  );
  assert.doesNotMatch(withoutSids, /Sid: Crossings/);
  assert.deepEqual(addRequiredIam(withoutSids).edits, []);
});

void test('seed 001 in a SAM template (DefinitionUri): the API of account B is a separate template with parameters', () => {
  const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  Caller:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/caller.asl.json
`;
  const definition = JSON.stringify({
    StartAt: 'Call',
    States: {
      Call: {
        Type: 'Task',
        Resource: 'arn:aws:states:::apigateway:invoke',
        Parameters: {
          'ApiEndpoint.$': '$.ApiUrl',
          Method: 'POST',
          Stage: 'dev',
          Path: '/execution',
          AuthType: 'RESOURCE_POLICY',
        },
        End: true,
      },
    },
  });
  const read: string[] = [];
  const r = addRequiredIam(template, { readFile: (p) => (read.push(p), definition) });
  assert.deepEqual(read, ['statemachine/caller.asl.json']);
  const t = parseTemplate(r.after).value as Json;
  const st = t.Resources.Caller.Properties.Policies[0].Statement[0];
  assert.equal(st.Action, 'execute-api:Invoke');
  assert.equal(st.Resource, 'arn:aws:execute-api:*:*:*/dev/POST/execution');
  const names = r.otherTemplates.map((o) => o.name);
  assert.deepEqual(names, ['Caller-apiResourcePolicy-0.yaml', 'Caller-startExecutionApi-0.yaml']);
  const kitB = parseTemplate(r.otherTemplates[1]!.text).value as Json;
  assert.deepEqual(Object.keys(kitB.Parameters).sort(), ['SourceStateMachineArn', 'TargetStateMachineArn']);
  const apiPolicy = kitB.Resources.StartExecutionApi.Properties.Policy.Statement[0];
  assert.equal(apiPolicy.Resource, 'execute-api:/dev/POST/execution');
  for (const o of r.otherTemplates) assert.ok(!o.text.includes('ACCOUNT_ID') && !o.text.includes('sfnxtok'), o.text);
});

void test('errors: several machines need --machine, an unknown one is named, a bad template says why', () => {
  const two = `Resources:
  A: { Type: AWS::StepFunctions::StateMachine, Properties: { Definition: { StartAt: P, States: { P: { Type: Pass, End: true } } } } }
  B: { Type: AWS::StepFunctions::StateMachine, Properties: { Definition: { StartAt: P, States: { P: { Type: Pass, End: true } } } } }
`;
  assert.throws(
    () => addRequiredIam(two),
    (e: Error) => e instanceof TemplateError && /A, B/.test(e.message),
  );
  assert.throws(() => addRequiredIam(two, { machine: 'C' }), /no state machine C/);
  assert.throws(() => addRequiredIam('Resources: [1'), TemplateError);
  const none = addRequiredIam(two, { machine: 'A' });
  assert.deepEqual(none.edits, []);
});
