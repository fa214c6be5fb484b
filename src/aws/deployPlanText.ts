// The deploy plan as people read it before confirming (CLI, "Deploy cross-region invoker" command, panel): the
// changes, the allowlists, the sensitive calls, and the role policy as it will be written, diffed against the
// deployed one. No AWS SDK import: it formats a DeployResult.
import { compactPolicyDiff, formatPolicyDiff } from '../core/invoker/policyDiff';
import { INVOKER_ENV, parseAllowedRoles } from '../core/invoker/protocol';
import { describeSensitive, type SensitiveCall } from '../core/invoker/sensitive';
import { INLINE_POLICY_NAME, type DeployResult } from './deployInvoker';

export interface PlanTextOptions {
  roleName: string;
  sensitive?: readonly SensitiveCall[];
  /** Lines saying which tasks of the definition were read (extract's describeTasks). */
  tasks?: readonly string[];
  /** For a dialog: only the changed lines of the policy (with a line of context), at most a screenful. */
  compact?: boolean;
}

/** The changes only (one `+ change` line each). */
export function changeLines(plan: DeployResult): string {
  return plan.changes.length ? plan.changes.map((c) => `  + ${c}\n`).join('') : '  nothing to change\n';
}

/** The role policy as it will be written, as a diff against the deployed one (`compact`: changed lines only). */
export function policyDiffText(plan: DeployResult, roleName: string, compact = false): string {
  const title = `Role policy ${roleName}/${INLINE_POLICY_NAME}`;
  return compact
    ? compactPolicyDiff(title, plan.deployedPolicy, plan.policy)
    : formatPolicyDiff(title, plan.deployedPolicy, plan.policy);
}

export function planText(plan: DeployResult, options: PlanTextOptions): string {
  const roles = [...parseAllowedRoles(plan.environment[INVOKER_ENV.allowedRoles]).roles.values()];
  return (
    // A dialog's title already names the function, account and region.
    (options.compact ? '' : `Plan for ${plan.functionArn} (account ${plan.account}):\n`) +
    changeLines(plan) +
    (options.tasks ?? []).map((t) => `${t}\n`).join('') +
    `Allowed calls (ALLOWED_CALLS): ${plan.environment[INVOKER_ENV.allowedCalls] ?? ''}\n` +
    `Allowed roles (ALLOWED_ROLES): ${roles.length ? roles.map((r) => `${r.roleArn} (external id ${r.externalId ?? 'none'})`).join(', ') : 'none'}\n` +
    (options.sensitive?.length ? `Sensitive calls: ${describeSensitive(options.sensitive)}\n` : '') +
    policyDiffText(plan, options.roleName, options.compact)
  );
}
