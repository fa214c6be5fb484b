// XC1xx: the `Credentials` field (cross-account tasks). Facts: ../shared/DOMAIN.md section 2 and
// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-access-cross-acct-resources.html. A role
// ARN with deploy-time `${...}` placeholders is judged on its literal parts only (./placeholders).
import { atKey, atNode, type Rule } from '../model/rule';
import type { StateInfo } from '../model/model';
import { type AstNode, hasProp, prop } from '../parse/ast';
import { fix, kitFor, type Kit } from './kit';
import { START_EXECUTION_SYNC_ACTIONS } from './inventory';
import type { TaskInfo } from './tasks';
import { hasPlaceholder, roleArnPlaceholderProblem } from './placeholders';
import { closest, fieldOf, isJsonataString, isPartition, looksLikePath, parseArn, parseRoleArn } from './values';

/** Bookkeeping: the states other than Task that have "Credentials", found in the pass over the states. */
export const credentialsRule: Rule<StateInfo[]> = {
  id: 'crossings/credentials',
  begin: () => [],
  checkState(_ctx, state, misplaced) {
    if (state.type !== 'Task' && hasProp(state.node, 'Credentials')) misplaced.push(state);
  },
  run(ctx, misplaced) {
    const kit = kitFor(ctx);
    for (const state of misplaced) {
      const p = prop(state.node, 'Credentials');
      if (p)
        kit.report(
          'XC101',
          'error',
          `"Credentials" is only allowed on Task states; this is a ${state.type ?? 'state without Type'}.`,
          atKey(p),
          fix('Remove "Credentials"', [kit.edit.removeProperty(state.node!, p)], true),
        );
    }
    for (const task of kit.tasks) if (task.credentialsProp) checkTask(kit, task);
  },
};

function checkTask(kit: Kit, task: TaskInfo): void {
  const cp = task.credentialsProp!;
  const creds = cp.value;
  const jsonata = task.state.queryLanguage === 'JSONata';
  if (creds.kind !== 'object') {
    if (jsonata && isJsonataString(creds.kind === 'string' ? creds.value : undefined)) return;
    kit.report(
      'XC102',
      'error',
      '"Credentials" must be an object: { "RoleArn": "arn:aws:iam::<account>:role/<name>" }.',
      atNode(creds),
    );
    return;
  }
  const roleFields = [];
  for (const p of creds.properties) {
    const f = fieldOf(p);
    if (f.name === 'RoleArn') {
      roleFields.push(f);
      continue;
    }
    const near = closest(f.name, ['RoleArn']) ?? (/role/i.test(f.name) ? 'RoleArn' : undefined);
    const newKey = near && (p.key.endsWith('.$') ? `${near}.$` : near);
    kit.report(
      'XC104',
      'error',
      `"Credentials" accepts only "RoleArn" (or "RoleArn.$"): "${p.key}" is rejected by Step Functions.`,
      atKey(p),
      newKey && !hasProp(creds, newKey)
        ? fix(`Rename to "${newKey}"`, [kit.edit.renameKey(p, newKey)], true)
        : fix(`Remove "${p.key}"`, [kit.edit.removeProperty(creds, p)], true),
    );
  }
  if (roleFields.length === 0) {
    const unknown = creds.properties.length > 0;
    if (!unknown)
      kit.report(
        'XC103',
        'error',
        '"Credentials" is empty: it needs "RoleArn", the role the task assumes.',
        atNode(creds),
      );
    else
      kit.report(
        'XC103',
        'error',
        '"Credentials" needs "RoleArn" (or "RoleArn.$"), the role the task assumes.',
        atKey(cp),
      );
    return;
  }
  if (roleFields.length > 1) {
    kit.report(
      'XC105',
      'error',
      'A task assumes one role: give either "RoleArn" or "RoleArn.$", not both.',
      atKey(roleFields[1]!.property),
      fix(`Remove "${roleFields[1]!.property.key}"`, [kit.edit.removeProperty(creds, roleFields[1]!.property)], true),
    );
  }
  const role = roleFields[0]!;
  const value = role.property.value;
  const text = value.kind === 'string' ? (value.value as string) : undefined;
  if (role.property.key === 'RoleArn.$') {
    if (jsonata) {
      kit.report(
        'XC107',
        'error',
        'JSONata states do not use ".$" keys: write "RoleArn": "{% ... %}" (e.g. "{% $states.input.roleArn %}").',
        atKey(role.property),
      );
    } else if (text === undefined || !looksLikePath(text)) {
      const literal = text !== undefined && text.startsWith('arn:');
      kit.report(
        'XC107',
        'error',
        literal
          ? '"RoleArn.$" takes a path ($.field, $$.Execution..., a variable or an intrinsic function); for a literal role ARN use "RoleArn".'
          : '"RoleArn.$" must be a path: $.field, $$.context, $variable or an intrinsic function (States.Format...).',
        atNode(value),
        literal && !hasProp(creds, 'RoleArn')
          ? fix('Rename to "RoleArn"', [kit.edit.renameKey(role.property, 'RoleArn')], true)
          : undefined,
      );
    }
  } else if (text !== undefined && isJsonataString(text)) {
    if (!jsonata)
      kit.report(
        'XC107',
        'error',
        'This is a JSONata expression in a JSONPath state: it is not evaluated. Use "RoleArn.$": "$.roleArn", or set "QueryLanguage": "JSONata".',
        atNode(value),
      );
  } else checkLiteralRole(kit, task, value, text);
  if (task.pattern.startsWith('sync')) {
    const isStartExecution =
      task.integration === 'optimized' && task.service === 'states' && task.action === 'startExecution';
    kit.report(
      'XC109',
      'info',
      isStartExecution
        ? `With Credentials, Step Functions polls the child execution with the target role: it needs ${START_EXECUTION_SYNC_ACTIONS.join(', ')} (on the state machine and its executions), not only StartExecution. Generate the cross-account kit (IAM) to get them.`
        : 'With Credentials, Step Functions polls this .sync job with the target role: that role needs the polling permissions too. Generate the cross-account kit (IAM) to get them.',
      atKey(cp),
      undefined,
      { iamKit: true },
    );
  }
}

function checkLiteralRole(kit: Kit, task: TaskInfo, value: AstNode, text: string | undefined): void {
  if (text !== undefined && hasPlaceholder(text)) {
    // Filled in at deploy time (`${TargetRoleArn}`, `arn:${AWS::Partition}:iam::${Account}:role/x`).
    const why = roleArnPlaceholderProblem(kit.ctx, text);
    if (why) reportNotARole(kit, value, why);
    return;
  }
  const parsed = text === undefined ? undefined : parseRoleArn(text);
  if (!parsed) {
    const arn = text === undefined ? undefined : parseArn(text);
    const why =
      text === undefined
        ? `it is a ${value.kind}`
        : !arn
          ? 'it is not an ARN'
          : !isPartition(arn.partition)
            ? `"${arn.partition}" is not a partition (aws, aws-cn, aws-us-gov)`
            : arn.service !== 'iam'
              ? `it is a ${arn.service} ARN, not an IAM role`
              : arn.region !== ''
                ? 'IAM ARNs have no region (arn:aws:iam::<account>:role/<name>)'
                : !/^\d{12}$/.test(arn.account)
                  ? 'the account must be 12 digits'
                  : !arn.resource.startsWith('role/')
                    ? `it names a ${arn.resource.split('/')[0]}, not a role`
                    : 'the role name is not valid';
    reportNotARole(kit, value, why);
    return;
  }
  const other = otherArnPartition(task);
  if (other && other.partition !== parsed.partition) {
    kit.report(
      'XC108',
      'error',
      `The role is in partition "${parsed.partition}" but ${other.what} is in "${other.partition}": a role cannot be assumed across partitions.`,
      atNode(value),
    );
  }
}

function reportNotARole(kit: Kit, value: AstNode, why: string): void {
  kit.report(
    'XC106',
    'error',
    `"RoleArn" must be an IAM role ARN (arn:<partition>:iam::<12-digit account>:role/<path/name>): ${why}.`,
    atNode(value),
  );
}

/** The first other ARN of the state with a known partition: the Resource, then ARNs in the parameters. */
function otherArnPartition(task: TaskInfo): { partition: string; what: string } | undefined {
  if (task.partition && isPartition(task.partition)) return { partition: task.partition, what: 'the Resource' };
  if (!task.params) return undefined;
  let budget = 200;
  const stack: AstNode[] = [task.params];
  while (stack.length && budget-- > 0) {
    const n = stack.pop()!;
    if (n.kind === 'object') for (const p of n.properties) stack.push(p.value);
    else if (n.kind === 'array') stack.push(...n.items);
    else if (n.kind === 'string') {
      const arn = parseArn(n.value as string);
      if (arn && isPartition(arn.partition))
        return { partition: arn.partition, what: `"${(n.value as string).slice(0, 60)}"` };
    }
  }
  return undefined;
}
