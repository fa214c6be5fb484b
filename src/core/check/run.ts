// The live check of a definition: which checks it needs (from the IAM generator's per-state permissions and kit)
// and their order: drift and the execution role first (the deployed state machine), then per state its Credentials
// role, the execution role's grants, invoker calls, apigateway:invoke and http:invoke. Reads only, via CheckPorts.
import { toValue } from '../parse/ast';
import type { AslModel, StateInfo } from '../model/model';
import { generateIamKit, IamContextError, type IamContext } from '../iam';
import { parseRoleArn, parseStateMachineArn } from '../iam/arn';
import { collectPermissions } from '../iam/collect';
import { checkApiGatewayTask } from './apiGateway';
import { checkTargetRole } from './credentials';
import { compareDefinitions, describeDrift } from './drift';
import { checkHttpTask } from './httpInvoke';
import { checkInvokerCalls } from './invoker';
import { CheckSession } from './session';
import type { CheckOptions, CheckPorts, CheckReport } from './types';

/** The options do not say which state machine or role to check. */
export class CheckUsageError extends Error {}

const APIGATEWAY_RE = /^arn:[\w-]+:states:::apigateway:invoke(\.waitForTaskToken)?$/;
const HTTP_RE = /^arn:[\w-]+:states:::http:invoke$/;

export async function runChecks(
  model: AslModel,
  options: CheckOptions,
  ports: CheckPorts,
  /** Accounts with a profile (searched for a RESOURCE_POLICY API whose account the definition does not name). */
  configuredAccounts: string[] = [],
): Promise<CheckReport> {
  const sm = options.stateMachineArn ? parseStateMachineArn(options.stateMachineArn) : undefined;
  if (options.stateMachineArn && !sm) throw new CheckUsageError(`not a state machine ARN: ${options.stateMachineArn}`);
  const role = options.executionRoleArn ? parseRoleArn(options.executionRoleArn) : undefined;
  if (options.executionRoleArn && !role) throw new CheckUsageError(`not a role ARN: ${options.executionRoleArn}`);
  if (!sm && !role) throw new CheckUsageError('give the state machine ARN or the execution role ARN');
  if (!sm && !options.region)
    throw new CheckUsageError('give the region of the state machine (or its ARN) with the execution role');

  // The deployed machine: its role (when not given) and the drift check.
  const driftNotes: { status: 'pass' | 'fail' | 'not-checked'; message: string; account?: string }[] = [];
  let deployedRole: string | undefined;
  if (sm) {
    const p = await ports.forAccount(sm.account);
    if ('missing' in p)
      driftNotes.push({ status: 'not-checked', message: `drift: not checked: ${p.missing}`, account: sm.account });
    else {
      try {
        const d = await p.describeStateMachine(options.stateMachineArn!);
        deployedRole = d.roleArn;
        let deployed: unknown;
        try {
          deployed = JSON.parse(d.definition);
        } catch {
          deployed = undefined;
        }
        const drift = compareDefinitions(toValue(model.root), deployed);
        driftNotes.push(
          drift.same
            ? { status: 'pass', message: `the deployed definition of ${sm.name} matches the file`, account: sm.account }
            : {
                status: 'fail',
                message: `the deployed definition of ${sm.name} differs from the file: ${describeDrift(drift)}${model.parsed.text.includes('${') ? ' (the file has deploy-time ${...} placeholders)' : ''}`,
                account: sm.account,
              },
        );
      } catch (e) {
        const failure = (e as { failure?: string }).failure;
        driftNotes.push(
          failure === 'not-found'
            ? {
                status: 'fail',
                message: `state machine ${options.stateMachineArn} is not deployed`,
                account: sm.account,
              }
            : { status: 'not-checked', message: `drift: not checked: ${(e as Error).message}`, account: sm.account },
        );
      }
    }
  }
  const executionRoleArn = options.executionRoleArn ?? deployedRole;
  const account = sm?.account ?? role!.account;
  const partition = sm?.partition ?? role!.partition;
  const context: IamContext = {
    executionRoleArn: executionRoleArn ?? `arn:${partition}:iam::${account}:role/EXECUTION_ROLE`,
    ...(sm
      ? { stateMachineArn: options.stateMachineArn! }
      : { stateMachineName: 'STATE_MACHINE_NAME', region: options.region!, account, partition }),
    ...(options.invokerArn ? { invokerArn: options.invokerArn } : {}),
  };
  let kit;
  try {
    kit = generateIamKit(model, context, options.invokerNames ? { invokerNames: options.invokerNames } : {});
  } catch (e) {
    if (e instanceof IamContextError) throw new CheckUsageError(e.message);
    throw e;
  }
  const s = new CheckSession(model, kit.context, ports, {
    stateMachineArn: !!sm,
    executionRole: !!executionRoleArn,
  });
  for (const d of driftNotes)
    s.add('drift', 'drift', s.where(undefined), d.account, d.status, d.message, { severity: 'warning' });

  const perms = collectPermissions(
    model,
    kit.context,
    options.invokerNames ? { invokerNames: options.invokerNames } : {},
  );
  const stateOf = (name: string, pointer: string): StateInfo | undefined =>
    model.states.find((st) => st.name === name && pointer.startsWith(st.pointer));
  for (const p of perms) {
    const state = stateOf(p.state, p.pointer);
    if (!state) continue;
    const execGrants = [...(p.runsAs.kind === 'execution' ? p.grants : []), ...p.executionGrants];
    if (p.runsAs.kind === 'role') {
      const target = kit.crossAccount.find((k) => k.roleArn === (p.runsAs as { arn: string }).arn);
      const where = s.where(state, 'Credentials', 'RoleArn');
      if (target) await s.once(`role:${target.roleArn}`, () => checkTargetRole(s, target, where));
      await s.checkGrants('credentials', 'credentials.permissions', where, p.runsAs.arn, p.grants, 'target role');
    } else if (p.runsAs.kind === 'dynamic')
      s.add(
        'credentials',
        'credentials.role',
        s.where(state, 'Credentials'),
        undefined,
        'not-checked',
        `Credentials role: not checked: it is chosen at run time (${p.runsAs.expression})`,
      );
    if (execGrants.length) {
      const where = s.where(state, 'Resource');
      if (executionRoleArn)
        await s.checkGrants(
          'execution-role',
          'execution-role.permissions',
          where,
          executionRoleArn,
          execGrants,
          'execution role',
        );
      else
        s.add(
          'execution-role',
          'execution-role.permissions',
          where,
          account,
          'not-checked',
          'execution role: not checked: unknown (give --execution-role-arn or the state machine ARN)',
        );
    }
    await checkInvokerCalls(s, state, p.invokerCalls, kit);
    if (APIGATEWAY_RE.test(p.resource)) await checkApiGatewayTask(s, state, kit, configuredAccounts);
    else if (HTTP_RE.test(p.resource)) await checkHttpTask(s, state);
  }
  const count = (status: string) => s.results.filter((r) => r.status === status).length;
  return {
    ...(sm ? { stateMachineArn: options.stateMachineArn! } : {}),
    ...(executionRoleArn ? { executionRoleArn } : {}),
    results: s.results,
    summary: { pass: count('pass'), fail: count('fail'), notChecked: count('not-checked') },
  };
}
