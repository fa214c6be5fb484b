// The fake server's read APIs through the real SDK, with two accounts: each account sees only its own roles,
// policies, APIs and connections (NoSuchEntity / NotFoundException / ResourceNotFoundException otherwise), documents
// come back as AWS sends them (URL-encoded IAM documents, escaped API policies), and the simulator applies Deny.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  SimulateCustomPolicyCommand,
} from '@aws-sdk/client-iam';
import { APIGatewayClient, GetRestApiCommand } from '@aws-sdk/client-api-gateway';
import { DescribeConnectionCommand, EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { iamOf } from '../../support/fake-aws/iam';
import { putManagedPolicy } from '../../support/fake-aws/accounts';
import { unescapeApiPolicy } from '../../../src/aws/check/accountPorts';
import { A, API_ID, EXEC_ROLE, REGION, repairedScenario, SM_ARN } from './scenario';

const config = (url: string, credentials: { accessKeyId: string; secretAccessKey: string }) => ({
  region: REGION,
  endpoint: url,
  credentials,
  maxAttempts: 1,
});

void test('IAM reads: roles, inline and attached managed policies, per account', async () => {
  const sc = await repairedScenario();
  const iamA = new IAMClient(config(sc.fake.url, sc.keysA));
  const iamB = new IAMClient(config(sc.fake.url, sc.keysB));
  const role = await iamA.send(new GetRoleCommand({ RoleName: 'OrdersRole' }));
  assert.equal(role.Role?.Arn, EXEC_ROLE);
  assert.match(role.Role!.AssumeRolePolicyDocument!, /^%7B/, 'URL-encoded, as IAM sends it');
  await assert.rejects(iamB.send(new GetRoleCommand({ RoleName: 'OrdersRole' })), { name: 'NoSuchEntityException' });
  assert.deepEqual((await iamA.send(new ListRolePoliciesCommand({ RoleName: 'OrdersRole' }))).PolicyNames, [
    'crossings',
  ]);
  const inline = await iamA.send(new GetRolePolicyCommand({ RoleName: 'OrdersRole', PolicyName: 'crossings' }));
  assert.equal(JSON.parse(decodeURIComponent(inline.PolicyDocument!)).Version, '2012-10-17');

  const managed = putManagedPolicy(sc.fake.world, `arn:aws:iam::${A}:policy/Extra`, {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
  });
  iamOf(sc.fake.world).attached.set(EXEC_ROLE, [managed.arn]);
  const attached = await iamA.send(new ListAttachedRolePoliciesCommand({ RoleName: 'OrdersRole' }));
  assert.deepEqual(attached.AttachedPolicies, [{ PolicyName: 'Extra', PolicyArn: managed.arn }]);
  const p = await iamA.send(new GetPolicyCommand({ PolicyArn: managed.arn }));
  assert.equal(p.Policy?.DefaultVersionId, 'v1');
  const v = await iamA.send(new GetPolicyVersionCommand({ PolicyArn: managed.arn, VersionId: 'v1' }));
  assert.equal(JSON.parse(decodeURIComponent(v.PolicyVersion!.Document!)).Statement[0].Action, 's3:GetObject');
  await assert.rejects(iamB.send(new GetPolicyCommand({ PolicyArn: managed.arn })), { name: 'NoSuchEntityException' });
});

void test('SimulateCustomPolicy: conditions from the context, explicit Deny wins, missing keys reported', async () => {
  const sc = await repairedScenario();
  const iam = new IAMClient(config(sc.fake.url, sc.keysA));
  const allow = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: '*',
        Condition: { StringEquals: { 'sts:ExternalId': SM_ARN } },
      },
    ],
  });
  const run = (policies: string[], externalId?: string) =>
    iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: policies,
        ActionNames: ['sts:AssumeRole'],
        ResourceArns: ['arn:aws:iam::222222222222:role/T'],
        ...(externalId
          ? {
              ContextEntries: [
                { ContextKeyName: 'sts:ExternalId', ContextKeyValues: [externalId], ContextKeyType: 'string' },
              ],
            }
          : {}),
      }),
    );
  assert.equal((await run([allow], SM_ARN)).EvaluationResults?.[0]?.EvalDecision, 'allowed');
  assert.equal((await run([allow], 'other')).EvaluationResults?.[0]?.EvalDecision, 'implicitDeny');
  const missing = await run([allow]);
  assert.deepEqual(missing.EvaluationResults?.[0]?.MissingContextValues, ['sts:ExternalId']);
  const deny = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: 'sts:*', Resource: '*' }],
  });
  assert.equal((await run([allow, deny], SM_ARN)).EvaluationResults?.[0]?.EvalDecision, 'explicitDeny');
});

void test('API Gateway and EventBridge reads: own account only; the API policy comes back escaped', async () => {
  const sc = await repairedScenario();
  const apiB = new APIGatewayClient(config(sc.fake.url, sc.keysB));
  const apiA = new APIGatewayClient(config(sc.fake.url, sc.keysA));
  const api = await apiB.send(new GetRestApiCommand({ restApiId: API_ID }));
  assert.match(api.policy!, /^\{\\"Version\\"/);
  assert.equal(JSON.parse(unescapeApiPolicy(api.policy!)).Statement[0].Principal.Service, 'states.amazonaws.com');
  await assert.rejects(apiA.send(new GetRestApiCommand({ restApiId: API_ID })), { name: 'NotFoundException' });
  const eventsA = new EventBridgeClient(config(sc.fake.url, sc.keysA));
  assert.equal((await eventsA.send(new DescribeConnectionCommand({ Name: 'partner' }))).ConnectionState, 'AUTHORIZED');
  const eventsB = new EventBridgeClient(config(sc.fake.url, sc.keysB));
  await assert.rejects(eventsB.send(new DescribeConnectionCommand({ Name: 'partner' })), {
    name: 'ResourceNotFoundException',
  });
  sc.fake.inject('events:DescribeConnection', { kind: 'accessDenied' });
  await assert.rejects(eventsA.send(new DescribeConnectionCommand({ Name: 'partner' })), {
    name: 'AccessDeniedException',
  });
});
