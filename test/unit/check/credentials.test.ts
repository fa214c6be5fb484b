// Credentials checks (target account side) and the execution role: each broken setup gives the exact failure and
// the generator's fix; applying that fix makes the check pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { putManagedPolicy } from '../../support/fake-aws/accounts';
import { findRole, iamOf } from '../../support/fake-aws/iam';
import { A, B, check, EXEC_ROLE, FULFIL, only, repairedScenario, show, SM_ARN, TARGET_ROLE } from './scenario';

const targetRole = (sc: Awaited<ReturnType<typeof repairedScenario>>) => findRole(sc.fake.world, B, 'OrdersTarget')!;

void test('a target role without the ExternalId condition: a warning with the generated trust policy; the fix passes', async () => {
  const sc = await repairedScenario();
  const role = targetRole(sc);
  role.assumeRolePolicyDocument = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: EXEC_ROLE }, Action: 'sts:AssumeRole' }],
  });
  const [trust] = only(await check(sc), 'credentials.trust');
  assert.equal(trust?.status, 'fail', show([trust!]));
  assert.equal(trust.severity, 'warning');
  assert.equal(trust.state, 'Fulfil');
  assert.equal(trust.pointer, '/States/Fulfil/Credentials/RoleArn');
  assert.match(trust.message, /without an sts:ExternalId condition/);
  assert.deepEqual(JSON.parse(trust.fix!.text), sc.kit.crossAccount[0]!.trustPolicy);
  assert.equal(
    JSON.parse(trust.fix!.text).Statement[0].Condition.StringEquals['sts:ExternalId'],
    SM_ARN,
    'the fix requires the state machine ARN as external id',
  );
  role.assumeRolePolicyDocument = trust.fix!.text;
  assert.equal(only(await check(sc), 'credentials.trust')[0]?.status, 'pass');
});

void test('a trust policy with another ExternalId or another principal fails (error): the task cannot assume the role', async () => {
  const sc = await repairedScenario();
  const role = targetRole(sc);
  role.assumeRolePolicyDocument = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: EXEC_ROLE },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'arn:aws:states:eu-west-1:111111111111:stateMachine:Other' } },
      },
    ],
  });
  let [trust] = only(await check(sc), 'credentials.trust');
  assert.equal(trust?.status, 'fail');
  assert.equal(trust.severity, 'error');
  assert.match(
    trust.message,
    /conditions refuse sts:ExternalId = arn:aws:states:eu-west-1:111111111111:stateMachine:Orders/,
  );

  role.assumeRolePolicyDocument = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/SomeoneElse` }, Action: 'sts:AssumeRole' },
    ],
  });
  [trust] = only(await check(sc), 'credentials.trust');
  assert.equal(trust?.severity, 'error');
  assert.match(trust!.message, /does not let the execution role arn:aws:iam::111111111111:role\/OrdersRole assume it/);

  // The account root as principal delegates to account A's IAM: accepted (with the ExternalId).
  role.assumeRolePolicyDocument = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${A}:root` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': SM_ARN } },
      },
    ],
  });
  assert.equal(only(await check(sc), 'credentials.trust')[0]?.status, 'pass');
});

void test('a missing target role fails with the role to create', async () => {
  const sc = await repairedScenario();
  sc.fake.world.roles.delete(`${B}:OrdersTarget`);
  const results = await check(sc);
  const [role] = only(results, 'credentials.role');
  assert.equal(role?.status, 'fail');
  assert.match(role!.message, /target role arn:aws:iam::222222222222:role\/OrdersTarget does not exist/);
  assert.deepEqual(JSON.parse(role!.fix!.text).trustPolicy, sc.kit.crossAccount[0]!.trustPolicy);
  assert.match(only(results, 'credentials.permissions')[0]!.message, /does not exist/);
});

void test('.sync polling: a target role without states:DescribeExecution fails, and its fix passes', async () => {
  const sc = await repairedScenario();
  const role = targetRole(sc);
  role.inlinePolicies.set(
    'crossings',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'states:StartExecution', Resource: FULFIL }],
    }),
  );
  const [perm] = only(await check(sc), 'credentials.permissions');
  assert.equal(perm?.status, 'fail');
  assert.equal(perm.severity, 'error');
  assert.match(
    perm.message,
    /does not allow states:DescribeExecution on arn:aws:states:eu-west-1:222222222222:execution:Fulfil:\*; states:StopExecution on/,
  );
  const statements = JSON.parse(perm.fix!.text) as { Action: string | string[] }[];
  assert.ok(statements.some((s) => [s.Action].flat().includes('states:DescribeExecution')));
  role.inlinePolicies.set('fix', JSON.stringify({ Version: '2012-10-17', Statement: statements }));
  assert.equal(only(await check(sc), 'credentials.permissions')[0]?.status, 'pass');
});

void test('an execution role without sts:AssumeRole on the target role fails with the statement to add', async () => {
  const sc = await repairedScenario();
  const exec = findRole(sc.fake.world, A, 'OrdersRole')!;
  const doc = JSON.parse(exec.inlinePolicies.get('crossings')!) as { Statement: { Action: string | string[] }[] };
  doc.Statement = doc.Statement.filter((s) => ![s.Action].flat().includes('sts:AssumeRole'));
  exec.inlinePolicies.set('crossings', JSON.stringify(doc));
  const fulfil = only(await check(sc), 'execution-role.permissions').find((r) => r.state === 'Fulfil')!;
  assert.equal(fulfil.status, 'fail');
  assert.match(fulfil.message, new RegExp(`does not allow sts:AssumeRole on ${TARGET_ROLE.replace(/[/]/g, '\\/')}`));
  const fix = JSON.parse(fulfil.fix!.text) as { Action: string; Resource: string }[];
  assert.deepEqual(
    fix.map((s) => [s.Action, s.Resource]),
    [['sts:AssumeRole', TARGET_ROLE]],
  );
});

void test('an explicit Deny in an attached managed policy wins over the inline Allow', async () => {
  const sc = await repairedScenario();
  const deny = putManagedPolicy(sc.fake.world, `arn:aws:iam::${A}:policy/NoCrossAccount`, {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${B}:role/*` }],
  });
  iamOf(sc.fake.world).attached.set(EXEC_ROLE, [deny.arn]);
  const fulfil = only(await check(sc), 'execution-role.permissions').find((r) => r.state === 'Fulfil')!;
  assert.equal(fulfil.status, 'fail');
  assert.match(fulfil.message, /sts:AssumeRole on .*\(explicitly denied\)/);
});
