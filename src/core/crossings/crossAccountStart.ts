// XC110: starting a state machine of another account without `Credentials`. Step Functions has no resource-based
// policies, so the execution role of account A can never start a state machine of account B: the task needs a
// role of account B in `Credentials` (DOMAIN.md section 2; "Accessing cross-account AWS resources in Step
// Functions", https://docs.aws.amazon.com/step-functions/latest/dg/concepts-access-cross-acct-resources.html).
// A bare definition does not say which account it runs in, so the finding is a warning, reported only with
// evidence that the target's account is not the state machine's own: another literal account in the definition,
// or a source that writes its own account symbolically (`${AWS::AccountId}`). Quick Fix: add Credentials.
import { atValue, type Rule } from '../model/rule';
import { hasPlaceholder } from '../model/substitutions';
import { fix, kitFor, type Kit } from './kit';
import type { TaskInfo } from './tasks';
import { field, literalString, parseArn } from './values';

const ARN_ACCOUNT_RE = /arn:aws[\w-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/g;

/** The task starts another state machine: `states:startExecution[.sync|...]` or `aws-sdk:sfn:start*Execution`. */
function startsExecution(task: TaskInfo): boolean {
  if (task.integration === 'optimized') return task.service === 'states' && task.action === 'startExecution';
  return task.integration === 'aws-sdk' && task.service === 'sfn' && /^start(Sync)?Execution$/.test(task.action ?? '');
}

/** Why we believe the definition runs in another account than `target`, or undefined when nothing says so. */
function evidence(kit: Kit, target: string): string | undefined {
  const others = new Set<string>();
  for (const m of kit.model.parsed.text.matchAll(ARN_ACCOUNT_RE)) if (m[1] !== target) others.add(m[1]!);
  if (others.size > 0)
    return `the definition also names account${others.size > 1 ? 's' : ''} ${[...others].sort().join(', ')}`;
  if (kit.model.parsed.text.includes('${AWS::AccountId}'))
    return 'the definition writes its own account as ${AWS::AccountId}';
  const symbols = kit.ctx.options.substitutions?.symbols;
  if (symbols)
    for (const s of symbols.values())
      if (s.kind === 'accountId') return 'its template passes its own account as a substitution';
  return undefined;
}

export const crossAccountStartRule: Rule = {
  id: 'crossings/cross-account-start',
  run(ctx) {
    const kit = kitFor(ctx);
    for (const task of kit.tasks) {
      if (task.credentialsProp || !task.params || !startsExecution(task)) continue;
      const smField = field(task.params, 'StateMachineArn');
      const arnText = literalString(smField);
      if (!arnText || hasPlaceholder(arnText)) continue;
      const arn = parseArn(arnText);
      if (!arn || arn.service !== 'states' || !/^\d{12}$/.test(arn.account)) continue;
      const why = evidence(kit, arn.account);
      if (!why) continue;
      const role = `arn:${arn.partition}:iam::${arn.account}:role/REPLACE-WITH-ROLE-IN-${arn.account}`;
      kit.report(
        'XC110',
        'warning',
        `This task starts a state machine of account ${arn.account} without "Credentials", and ${why}. Step Functions has no resource-based policies: unless this state machine runs in ${arn.account} itself, every run fails with AccessDenied. Assume a role of ${arn.account} with "Credentials".`,
        atValue(smField!.property),
        () =>
          fix(`Add "Credentials" with a role of account ${arn.account} (then name the role)`, [
            kit.edit.insertProperty(task.node, 'Credentials', { RoleArn: role }),
          ]),
        { account: arn.account },
      );
    }
  },
};
