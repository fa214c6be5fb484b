// Live checks of a Task's `Credentials` role (the target account's side): the role exists; its trust policy names
// this execution role (read and matched against the exact principal); the simulator (SimulateCustomPolicy over the
// matching statements, with `sts:ExternalId` = the state machine ARN that Step Functions sends) allows the
// AssumeRole; the trust carries an ExternalId condition at all (confused deputy). The fix is the generated trust.
import type { CrossAccountKit } from '../iam/types';
import { parseRoleArn } from '../iam/arn';
import { asIdentityPolicy, hasConditionKey, statementsFor, statementsOf } from './policies';
import type { CheckSession, Where } from './session';

/** Checks the role once (several states may share it); results are reported at the first state's RoleArn. */
export async function checkTargetRole(s: CheckSession, kit: CrossAccountKit, where: Where): Promise<void> {
  const roleArn = kit.roleArn!;
  const role = parseRoleArn(roleArn);
  if (!role) return;
  const trustFix = {
    label: `Trust policy of ${roleArn} (set it with iam:UpdateAssumeRolePolicy)`,
    text: JSON.stringify(kit.trustPolicy, null, 2),
  };
  const trustText = await s.read(
    'credentials',
    'credentials.role',
    where,
    role.account,
    `target role ${roleArn}`,
    (p) => p.getRoleTrust(role.name),
    (e) =>
      s.add(
        'credentials',
        'credentials.role',
        where,
        role.account,
        'fail',
        `target role ${roleArn} does not exist (${e.message})`,
        {
          fix: {
            label: `Create ${roleArn} with this trust policy, and the permissions of the states that use it`,
            text: JSON.stringify({ trustPolicy: kit.trustPolicy, policy: kit.policy }, null, 2),
          },
        },
      ),
  );
  if (trustText === undefined) return;
  s.add('credentials', 'credentials.role', where, role.account, 'pass', `target role ${roleArn} exists`);
  if (!s.known.executionRole) {
    s.add(
      'credentials',
      'credentials.trust',
      where,
      role.account,
      'not-checked',
      `trust policy of ${roleArn}: not checked: the execution role is unknown (give the state machine ARN or --execution-role-arn)`,
    );
    return;
  }
  const statements = statementsOf(trustText) ?? [];
  const exec = s.ctx.executionRoleArn;
  const naming = statementsFor(statements, { aws: exec }).filter((st) =>
    [st.Action].flat().some((a) => typeof a === 'string' && /^(sts:(AssumeRole|\*)|\*)$/i.test(a)),
  );
  if (naming.length === 0) {
    s.add(
      'credentials',
      'credentials.trust',
      where,
      role.account,
      'fail',
      `the trust policy of ${roleArn} does not let the execution role ${exec} assume it: the task fails with States.TaskFailed (AccessDenied on sts:AssumeRole)`,
      { fix: trustFix },
    );
    return;
  }
  if (!s.known.stateMachineArn) {
    s.add(
      'credentials',
      'credentials.trust',
      where,
      role.account,
      'not-checked',
      `the trust policy of ${roleArn} names the execution role; its sts:ExternalId is not checked: the state machine ARN is unknown (pass --state-machine-arn)`,
    );
    return;
  }
  const decisions = await s.read(
    'credentials',
    'credentials.trust',
    where,
    role.account,
    `trust policy of ${roleArn}`,
    (p) =>
      p.simulateCustom([asIdentityPolicy(naming)], ['sts:AssumeRole'], [roleArn], {
        'sts:ExternalId': [s.ctx.stateMachineArn],
        'aws:PrincipalArn': [exec],
        'aws:PrincipalAccount': [exec.split(':')[4] ?? ''],
      }),
  );
  if (!decisions) return;
  if (decisions.some((d) => d.decision !== 'allowed')) {
    s.add(
      'credentials',
      'credentials.trust',
      where,
      role.account,
      'fail',
      `the trust policy of ${roleArn} names ${exec} but its conditions refuse sts:ExternalId = ${s.ctx.stateMachineArn} (what Step Functions sends): the task fails with AccessDenied`,
      { fix: trustFix },
    );
    return;
  }
  if (!naming.some((st) => hasConditionKey(st, 'sts:ExternalId'))) {
    s.add(
      'credentials',
      'credentials.trust',
      where,
      role.account,
      'fail',
      `the trust policy of ${roleArn} lets ${exec} assume it without an sts:ExternalId condition: any state machine using that role can act in account ${role.account} (confused deputy); require sts:ExternalId = ${s.ctx.stateMachineArn}`,
      { severity: 'warning', fix: trustFix },
    );
    return;
  }
  s.add(
    'credentials',
    'credentials.trust',
    where,
    role.account,
    'pass',
    `the trust policy of ${roleArn} lets ${exec} assume it with sts:ExternalId = the state machine ARN`,
  );
}
