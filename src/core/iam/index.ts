// IAM generation from a definition: generateIamKit(model, context) returns every document a crossing needs
// (execution role policy + trust, cross-account kits, API Gateway policies, the invoker's role) and, per state,
// who runs it and the actions it needs. Pure: no vscode, no AWS SDK. Facts: ../shared/DOMAIN.md sections 1-5.
import { prop } from '../parse/ast';
import type { AslModel, StateInfo } from '../model/model';
import { invokerPolicy, invokerTrustPolicy, type PolicyStatement } from '../invoker/policy';
import { formatAllowedCalls } from '../invoker/protocol';
import { DEFAULT_INVOKER_FUNCTION_NAME } from '../invokerName';
import { parseArn, parseRoleArn, placeholderContext, resolveContext } from './arn';
import { collectPermissions, statePermissions as permissionsOfState, type CollectOptions } from './collect';
import { apiGatewayDocuments } from './apiGateway';
import { actionsOf, buildPolicy, POLICY_VERSION, type SourcedGrant } from './statements';
import type {
  CrossAccountKit,
  Grant,
  IamContext,
  IamKit,
  InvokerRoleKit,
  PolicyDocument,
  ResolvedContext,
  StatePermissions,
  WildcardExplanation,
} from './types';

export * from './types';
export {
  IamContextError,
  resolveContext,
  checkFunctionArn,
  checkRoleArn,
  checkStateMachineArn,
  checkRegion,
  checkAccount,
  checkStateMachineName,
} from './arn';
export { toCloudFormation, type CloudFormationKit, type CfnTemplate } from './cloudformation';
export { kitSection, type IamSectionKind } from './sections';

export type IamOptions = CollectOptions;

/** The partition the definition's own Resource ARNs use (`aws-cn`, `aws-us-gov`...), if any. */
export function definitionPartition(model: AslModel): string | undefined {
  for (const s of model.states) {
    const r = prop(s.node, 'Resource')?.value;
    if (r?.kind === 'string') {
      const p = /^arn:(aws(?:-[a-z]+)*):/.exec(r.value as string);
      if (p) return p[1];
    }
  }
  return undefined;
}

/** Trust policy of a role assumed on behalf of the state machine: the principal, with the external id. */
function assumedRoleTrust(principal: string, externalId: string): PolicyDocument {
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: principal },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': externalId } },
      },
    ],
  };
}

export function executionRoleTrustPolicy(ctx: ResolvedContext): PolicyDocument {
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'states.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          ArnLike: { 'aws:SourceArn': ctx.stateMachineArn },
          StringEquals: { 'aws:SourceAccount': ctx.account },
        },
      },
    ],
  };
}

function sourced(p: StatePermissions, grants: Grant[]): SourcedGrant[] {
  return grants.map((grant) => ({ grant, state: p.state, pointer: p.pointer }));
}

function runsAsText(p: StatePermissions): string {
  return p.runsAs.kind === 'execution'
    ? 'execution role'
    : p.runsAs.kind === 'role'
      ? p.runsAs.arn
      : `role from ${p.runsAs.expression}`;
}

/** Generates every document for a definition. Throws IamContextError when the context is incomplete or invalid. */
export function generateIamKit(model: AslModel, context: IamContext, options: IamOptions = {}): IamKit {
  const ctx = resolveContext(context, definitionPartition(model));
  const perms = collectPermissions(model, ctx, options);
  const wildcards: WildcardExplanation[] = [];
  const notes: string[] = [];
  const defPartition = definitionPartition(model);
  if (defPartition && defPartition !== ctx.partition)
    notes.push(`The definition's ARNs use partition ${defPartition} but the state machine is in ${ctx.partition}.`);

  // 1. The execution role: tasks it runs, plus sts:AssumeRole for the Credentials roles.
  const execGrants = perms.flatMap((p) => [
    ...(p.runsAs.kind === 'execution' ? sourced(p, p.grants) : []),
    ...sourced(p, p.executionGrants),
  ]);
  const exec = buildPolicy(execGrants, 'executionRole');
  wildcards.push(...exec.wildcards);

  // 3. Cross-account kits, one per Credentials role (static ARN or run-time expression).
  const kits = new Map<string, { kit: Omit<CrossAccountKit, 'policy'>; grants: SourcedGrant[] }>();
  for (const p of perms) {
    if (p.runsAs.kind === 'execution') continue;
    const key = p.runsAs.kind === 'role' ? p.runsAs.arn : `dynamic:${p.runsAs.expression}`;
    let entry = kits.get(key);
    if (!entry) {
      const base: Omit<CrossAccountKit, 'policy'> =
        p.runsAs.kind === 'role'
          ? {
              roleArn: p.runsAs.arn,
              account: parseRoleArn(p.runsAs.arn)?.account,
              states: [],
              trustPolicy: assumedRoleTrust(ctx.executionRoleArn, ctx.stateMachineArn),
            }
          : {
              dynamicRole: { state: p.state, field: p.runsAs.field, expression: p.runsAs.expression },
              states: [],
              trustPolicy: assumedRoleTrust(ctx.executionRoleArn, ctx.stateMachineArn),
            };
      entry = { kit: base, grants: [] };
      kits.set(key, entry);
    }
    if (!entry.kit.states.includes(p.state)) entry.kit.states.push(p.state);
    entry.grants.push(...sourced(p, p.grants));
  }
  const crossAccount: CrossAccountKit[] = [...kits.values()].map(({ kit, grants }, i) => {
    const built = buildPolicy(grants, `crossAccount[${i}]`);
    wildcards.push(...built.wildcards);
    if (built.policy.Statement.length === 0)
      notes.push(`${kit.roleArn ?? 'The run-time role'}: its tasks need no IAM permission (the policy is empty).`);
    return { ...kit, policy: built.policy };
  });

  // 4. API Gateway (RESOURCE_POLICY calls).
  const api = apiGatewayDocuments(model, ctx);
  wildcards.push(...api.wildcards);

  // 5. The invoker's role.
  const invokerRole = invokerRoleKit(perms, ctx, wildcards);

  for (const p of perms) notes.push(...p.notes);
  if (exec.policy.Statement.length === 0)
    notes.push('The execution role needs no permission for this definition (its policy is empty).');
  return {
    context: ctx,
    executionRole: { roleArn: ctx.executionRoleArn, trustPolicy: executionRoleTrustPolicy(ctx), policy: exec.policy },
    crossAccount,
    apiGateway: { resourcePolicies: api.resourcePolicies, startExecutionIntegrations: api.startExecutionIntegrations },
    ...(invokerRole ? { invokerRole } : {}),
    states: summarize(perms),
    wildcards,
    notes: [...new Set(notes)],
  };
}

function summarize(perms: StatePermissions[]): IamKit['states'] {
  const byState = new Map<string, IamKit['states'][number]>();
  for (const p of perms) {
    const key = `${p.pointer}`;
    const actions = actionsOf([...p.grants, ...p.executionGrants, ...p.invokerCalls.flatMap((c) => c.grants)]);
    const existing = byState.get(key);
    if (existing) existing.actions = [...new Set([...existing.actions, ...actions])].sort();
    else byState.set(key, { state: p.state, pointer: p.pointer, resource: p.resource, runsAs: runsAsText(p), actions });
  }
  return [...byState.values()];
}

function invokerRoleKit(
  perms: StatePermissions[],
  ctx: ResolvedContext,
  wildcards: WildcardExplanation[],
): InvokerRoleKit | undefined {
  const calls = perms.flatMap((p) => p.invokerCalls.map((call) => ({ call, p })));
  if (calls.length === 0 && !ctx.invoker) return undefined;
  const functionArn =
    ctx.invoker?.arn ??
    `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.account}:function:${DEFAULT_INVOKER_FUNCTION_NAME}`;
  const fn = parseArn(functionArn)!;
  const account = ctx.invoker?.account ?? ctx.account;
  const region = ctx.invoker?.region ?? ctx.region;
  const functionName = ctx.invoker?.name ?? DEFAULT_INVOKER_FUNCTION_NAME;
  const roleArn = ctx.invoker?.roleArn ?? `arn:${fn.partition}:iam::${account}:role/sfn-crossings-invoker-role`;
  const own: SourcedGrant[] = [];
  const assumed = new Map<string, { externalId: string; states: string[]; grants: SourcedGrant[] }>();
  for (const { call, p } of calls) {
    if (call.assumeRoleArn) {
      own.push({
        grant: { sid: 'AssumeTargetRoles', actions: ['sts:AssumeRole'], resources: [call.assumeRoleArn] },
        state: p.state,
        pointer: p.pointer,
      });
      const a = assumed.get(call.assumeRoleArn) ?? {
        // The invoker sets this id from its ALLOWED_ROLES (deploy-invoker: the payload literal, else the function ARN).
        externalId: call.externalId ?? functionArn,
        states: [],
        grants: [],
      };
      if (!a.states.includes(p.state)) a.states.push(p.state);
      a.grants.push(...sourced(p, call.grants));
      assumed.set(call.assumeRoleArn, a);
    } else own.push(...sourced(p, call.grants));
  }
  const built = buildPolicy(own, 'invokerRole');
  wildcards.push(...built.wildcards);
  const logs = invokerPolicy({ calls: [], partition: fn.partition, account, region, functionName })
    .Statement as PolicyStatement[];
  const assumedRoles: CrossAccountKit[] = [...assumed.entries()].map(([arn, a], i) => {
    const b = buildPolicy(a.grants, `invokerRole.assumedRoles[${i}]`);
    wildcards.push(...b.wildcards);
    return {
      roleArn: arn,
      account: parseRoleArn(arn)?.account,
      states: a.states,
      trustPolicy: assumedRoleTrust(roleArn, a.externalId),
      policy: b.policy,
    };
  });
  return {
    functionArn,
    roleArn,
    allowedCalls: formatAllowedCalls(calls.map(({ call }) => ({ service: call.service, action: call.action }))),
    states: [...new Set(calls.map(({ p }) => p.state))],
    trustPolicy: invokerTrustPolicy(account),
    policy: { Version: POLICY_VERSION, Statement: [...built.policy.Statement, ...logs] },
    assumedRoles,
  };
}

/**
 * One state's permissions, for hovers and CodeLenses: works before the user has given a context (placeholders
 * stand for the region, account and names). Returns undefined for states that need nothing (Pass, Choice...).
 */
export function permissionsForState(
  model: AslModel,
  state: StateInfo | string,
  context?: IamContext,
  options: IamOptions = {},
): { state: string; runsAs: string; actions: string[]; permissions: StatePermissions[] } | undefined {
  const info = typeof state === 'string' ? model.states.find((s) => s.pointer === state || s.name === state) : state;
  if (!info) return undefined;
  let ctx: ResolvedContext;
  try {
    ctx = context
      ? resolveContext(context, definitionPartition(model))
      : placeholderContext(definitionPartition(model));
  } catch {
    ctx = placeholderContext(definitionPartition(model));
  }
  const permissions = permissionsOfState(info, ctx, options);
  if (!permissions || permissions.length === 0) return undefined;
  const actions = actionsOf(
    permissions.flatMap((p) => [...p.grants, ...p.executionGrants, ...p.invokerCalls.flatMap((c) => c.grants)]),
  );
  return { state: info.name, runsAs: runsAsText(permissions[0]!), actions, permissions };
}
