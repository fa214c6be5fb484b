// The invoker role's inline policy for a deployment from a definition: the statements the IAM generator
// (src/core/iam) scopes from the literal parameters of the invoker calls (bucket, key prefix, table...), the
// sts:AssumeRole grant on the literal roles, logs, and `Resource: "*"` only for extra calls the definition does not
// make (--calls) or whose resources cannot be scoped. The same documents as `sfn-crossings policy`. Pure.
import { generateIamKit, type WildcardExplanation } from '../iam';
import { parseDefinition, type LanguageId } from '../parse';
import { buildModel } from '../model/model';
import { iamActionsFor, type IamCatalog, type PolicyDocument, type PolicyStatement } from './policy';
import type { AllowedCall } from './protocol';

export interface ScopedPolicyInput {
  text: string;
  languageId?: LanguageId;
  invokerNames: readonly string[];
  partition: string;
  account: string;
  region: string;
  functionName: string;
  roleName: string;
  /** Every call the function will allow (ALLOWED_CALLS); those the definition does not make get `*`. */
  calls: readonly AllowedCall[];
  catalog?: IamCatalog;
}

export interface ScopedPolicy {
  policy: PolicyDocument;
  /** Why a statement still has a wildcard resource. */
  wildcards: WildcardExplanation[];
}

/** Undefined when the text is not a state machine the IAM generator can read. */
export function scopedInvokerPolicy(input: ScopedPolicyInput): ScopedPolicy | undefined {
  const parsed = parseDefinition(input.text, { languageId: input.languageId ?? 'asl' });
  const model = parsed.root ? buildModel(parsed) : undefined;
  if (!model) return undefined;
  const { partition, account, region, functionName } = input;
  let kit;
  try {
    kit = generateIamKit(
      model,
      {
        // The state machine is unknown at deploy time; only the invoker role's documents are used.
        stateMachineName: 'deploy-invoker',
        region,
        account,
        partition,
        executionRoleArn: `arn:${partition}:iam::${account}:role/deploy-invoker-execution-role`,
        invokerArn: `arn:${partition}:lambda:${region}:${account}:function:${functionName}`,
        invokerRoleArn: `arn:${partition}:iam::${account}:role/${input.roleName}`,
      },
      { invokerNames: [...input.invokerNames, functionName], ...(input.catalog ? { catalog: input.catalog } : {}) },
    );
  } catch {
    return undefined;
  }
  const role = kit.invokerRole;
  if (!role) return undefined;
  const fromDefinition = new Set(role.allowedCalls.split(',').filter(Boolean));
  const extra = input.calls.filter((c) => !fromDefinition.has(`${c.service}:${c.action}`));
  const statements = [...role.policy.Statement] as PolicyStatement[];
  if (extra.length) {
    const actions = [...new Set(extra.flatMap((c) => iamActionsFor(c, input.catalog)))].sort();
    statements.unshift({ Sid: 'ExtraCalls', Effect: 'Allow', Action: actions, Resource: '*' });
  }
  return {
    policy: { Version: '2012-10-17', Statement: statements },
    wildcards: kit.wildcards.filter((w) => w.document === 'invokerRole'),
  };
}
