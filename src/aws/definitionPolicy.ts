// The invoker role's policy for a deployment from a definition, as a DeployInvoker `policy` function: the statements
// scoped from the invoker calls' literal parameters (src/core/invoker/scopedPolicy), or, when the IAM generator
// cannot read the definition, the allowed calls on `*` with the roles and logs. Shared by the CLI, the command and
// the panel. No AWS SDK import.
import { DEFAULT_INVOKER_NAME, type AllowedCall, type AllowedRole } from '../core/invoker/protocol';
import { invokerPolicy, type PolicyDocument } from '../core/invoker/policy';
import { scopedInvokerPolicy } from '../core/invoker/scopedPolicy';
import type { LanguageId } from '../core/parse';

export interface DefinitionPolicyInput {
  /** The definition; undefined: calls given by hand (`--calls`). */
  text?: string;
  languageId?: LanguageId;
  invokerNames: readonly string[];
  region: string;
  functionName: string;
  roleName: string;
  calls: readonly AllowedCall[];
  assumeRoles: readonly AllowedRole[];
}

export function definitionPolicy(
  input: DefinitionPolicyInput,
): (identity: { account: string; partition: string }) => PolicyDocument {
  return ({ account, partition }) => {
    const scoped =
      input.text !== undefined
        ? scopedInvokerPolicy({
            text: input.text,
            ...(input.languageId ? { languageId: input.languageId } : {}),
            invokerNames: [DEFAULT_INVOKER_NAME, ...input.invokerNames],
            partition,
            account,
            region: input.region,
            functionName: input.functionName,
            roleName: input.roleName,
            calls: input.calls,
          })
        : undefined;
    return (
      scoped?.policy ??
      invokerPolicy({
        calls: input.calls,
        partition,
        account,
        region: input.region,
        functionName: input.functionName,
        assumeRoleArns: input.assumeRoles.map((r) => r.roleArn),
      })
    );
  };
}
