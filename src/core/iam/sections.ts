// One section of an IamKit per editor command (execution role, cross-account roles, API Gateway, invoker role):
// the documents of that part, the execution-role statements that go with them, the "*" explanations and notes
// that concern them, and the same documents as CloudFormation. Pure; the editor opens each as a JSON document.
import { toCloudFormation } from './cloudformation';
import type { IamKit, PolicyStatement } from './types';

export type IamSectionKind = 'executionRole' | 'crossAccount' | 'apiGateway' | 'invokerRole';

const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

function execStatements(kit: IamKit, pick: (action: string) => boolean): PolicyStatement[] {
  return kit.executionRole.policy.Statement.filter((s) => list(s.Action).some(pick));
}

/** The section a command shows, or undefined when the definition has nothing of that kind. */
export function kitSection(kit: IamKit, kind: IamSectionKind): Record<string, unknown> | undefined {
  const cfn = toCloudFormation(kit);
  const wildcards = (prefix: string) => kit.wildcards.filter((w) => w.document.startsWith(prefix));
  const head = { generatedBy: 'Step Functions Crossings', stateMachineArn: kit.context.stateMachineArn };
  switch (kind) {
    case 'executionRole':
      return {
        ...head,
        executionRole: kit.executionRole,
        states: kit.states,
        wildcards: wildcards('executionRole'),
        notes: kit.notes,
        cloudFormation: cfn.executionRole,
      };
    case 'crossAccount':
      if (kit.crossAccount.length === 0) return undefined;
      return {
        ...head,
        sourceExecutionRole: {
          roleArn: kit.executionRole.roleArn,
          statements: execStatements(kit, (a) => a === 'sts:AssumeRole'),
        },
        targetRoles: kit.crossAccount,
        wildcards: wildcards('crossAccount').concat(
          wildcards('executionRole').filter((w) => w.actions.includes('sts:AssumeRole')),
        ),
        cloudFormation: cfn.crossAccount,
      };
    case 'apiGateway': {
      const { resourcePolicies, startExecutionIntegrations } = kit.apiGateway;
      const callerStatements = execStatements(kit, (a) => a === 'execute-api:Invoke');
      if (resourcePolicies.length === 0 && startExecutionIntegrations.length === 0 && callerStatements.length === 0)
        return undefined;
      return {
        ...head,
        callerExecutionRole: { roleArn: kit.executionRole.roleArn, statements: callerStatements },
        resourcePolicies,
        startExecutionIntegrations,
        wildcards: wildcards('apiGateway').concat(
          wildcards('executionRole').filter((w) => w.actions.includes('execute-api:Invoke')),
        ),
        cloudFormation: cfn.apiGateway,
      };
    }
    case 'invokerRole':
      if (!kit.invokerRole) return undefined;
      return {
        ...head,
        invokerRole: kit.invokerRole,
        callerExecutionRole: {
          roleArn: kit.executionRole.roleArn,
          statements: execStatements(kit, (a) => a === 'lambda:InvokeFunction'),
        },
        wildcards: wildcards('invokerRole'),
        cloudFormation: cfn.invokerRole,
      };
  }
}
