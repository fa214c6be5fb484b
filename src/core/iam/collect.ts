// The walk: every state of every scope (root, Parallel branches, Map ItemProcessor/Iterator) and, per state, the
// permissions it needs and the role that runs it (execution role, a static Credentials role, or a run-time one),
// including Distributed Map's ItemReader/ResultWriter and child executions, and the invoker calls it makes.
import type { AslModel, StateInfo } from '../model/model';
import { DEFAULT_INVOKER_FUNCTION_NAME } from '../invokerName';
import { parseArn, parseRoleArn, type Env } from './arn';
export { functionNameOf } from './resources';
import { readField, readPath, stateField, staticString, taskArguments, type Field } from './fields';
import { narrowRoleArn } from './literal';
import { sdkCallCondition, sdkExtraGrants } from './sdkExtras';
import { invokerCallActions, type IamCatalog } from './iamActions';
import { taskGrants, type TaskInput } from './integrations';
import { dynamicStar, functionNameOf, sdkCallResources } from './resources';
import type { Grant, InvokerCall, ResolvedContext, RunsAs, StatePermissions } from './types';

export interface CollectOptions {
  catalog?: IamCatalog;
  /** Function names that mark a Lambda task as an invoker call (default: the invoker's default name). */
  invokerNames?: string[];
}

export function collectPermissions(
  model: AslModel,
  ctx: ResolvedContext,
  options: CollectOptions = {},
): StatePermissions[] {
  const out: StatePermissions[] = [];
  for (const state of model.states) {
    const p = statePermissions(state, ctx, options);
    if (p) out.push(...p);
  }
  return out;
}

/** The permissions of one state (a Distributed Map gives one entry per need: reader, writer, child executions). */
export function statePermissions(
  state: StateInfo,
  ctx: ResolvedContext,
  options: CollectOptions = {},
): StatePermissions[] | undefined {
  if (!state.node) return undefined;
  if (state.type === 'Task') return [taskPermissions(state, ctx, options)];
  if (state.type === 'Map') return mapPermissions(state, ctx, options);
  return undefined;
}

function execEnv(ctx: ResolvedContext): Env {
  return { partition: ctx.partition, region: ctx.region, account: ctx.account };
}

function taskPermissions(state: StateInfo, ctx: ResolvedContext, options: CollectOptions): StatePermissions {
  const resource = staticString(readField(stateField(state), 'Resource')) ?? '';
  const roleField = readPath(stateField(state), 'Credentials', 'RoleArn');
  let runsAs: RunsAs = { kind: 'execution' };
  const executionGrants: Grant[] = [];
  const notes: string[] = [];
  let env = execEnv(ctx);
  if (roleField.kind === 'dynamic') {
    runsAs = { kind: 'dynamic', field: roleField.pointer, expression: roleField.expression };
    // A role ARN built from a literal name (States.Format, JSONata `&`) is narrowed to that name.
    const narrowed = narrowRoleArn(roleField.expression, ctx.partition);
    env = { ...env, account: narrowed && narrowed.account !== '*' ? narrowed.account : '*' };
    const star = dynamicStar(roleField, 'the Credentials role');
    executionGrants.push({
      sid: 'AssumeTargetRoles',
      actions: ['sts:AssumeRole'],
      resources: narrowed ? [narrowed.arn] : star.resources,
      wildcard: narrowed
        ? { ...star.wildcard!, detail: `the role's account comes from ${roleField.expression} at run time` }
        : star.wildcard!,
    });
  } else if (roleField.kind === 'static') {
    const roleArn = staticString(roleField);
    const role = roleArn ? parseRoleArn(roleArn) : undefined;
    if (roleArn && role) {
      runsAs = { kind: 'role', arn: roleArn };
      env = { ...env, account: role.account };
      executionGrants.push({ sid: 'AssumeTargetRoles', actions: ['sts:AssumeRole'], resources: [roleArn] });
      if (role.partition !== ctx.partition)
        notes.push(
          `Credentials role ${roleArn} is in partition ${role.partition}: roles cannot be assumed across partitions.`,
        );
    } else
      notes.push(
        `Credentials.RoleArn ${JSON.stringify(roleArn ?? null)} is not a role ARN: no permissions generated for it.`,
      );
  }
  const input: TaskInput = {
    resource,
    args: taskArguments(state),
    env,
    ctx,
    underCredentials: runsAs.kind !== 'execution',
    catalog: options.catalog,
  };
  // A Task without a Resource is a document error (reported by the rules); it needs nothing here.
  const t = resource ? taskGrants(input) : { grants: [], notes: [] };
  notes.push(...t.notes.map((n) => `${state.name}: ${n}`));
  const invokerCalls = invokerCallsOf(state, resource, input, ctx, options, notes);
  return {
    state: state.name,
    pointer: state.pointer,
    resource,
    runsAs,
    grants: t.grants,
    executionGrants,
    invokerCalls,
    notes,
  };
}

function mapPermissions(state: StateInfo, ctx: ResolvedContext, options: CollectOptions): StatePermissions[] {
  const out: StatePermissions[] = [];
  const sf = stateField(state);
  const argsKey = state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters';
  const make = (resource: string, grants: Grant[], notes: string[], pointer = state.pointer): StatePermissions => ({
    state: state.name,
    pointer,
    resource,
    runsAs: { kind: 'execution' },
    grants,
    executionGrants: [],
    invokerCalls: [],
    notes,
  });
  for (const key of ['ItemReader', 'ResultWriter'] as const) {
    const part = readField(sf, key);
    const r = staticString(readField(part, 'Resource'));
    if (part.kind !== 'static' || !r) continue;
    const t = taskGrants({
      resource: r,
      args: readField(part, argsKey),
      env: execEnv(ctx),
      ctx,
      underCredentials: false,
      catalog: options.catalog,
    });
    out.push(
      make(
        `${key} ${r}`,
        t.grants,
        t.notes.map((n) => `${state.name} ${key}: ${n}`),
        part.pointer,
      ),
    );
  }
  const mode = staticString(readPath(sf, 'ItemProcessor', 'ProcessorConfig', 'Mode'));
  if (mode === 'DISTRIBUTED') {
    // A Distributed Map runs its iterations as child executions of this state machine.
    // https://docs.aws.amazon.com/step-functions/latest/dg/iam-policies-eg-dist-map.html
    const base = `arn:${ctx.partition}:states:${ctx.region}:${ctx.account}`;
    out.push(
      make(
        'Map (distributed)',
        [
          { sid: 'DistributedMapStart', actions: ['states:StartExecution'], resources: [ctx.stateMachineArn] },
          {
            sid: 'DistributedMapExecutions',
            actions: ['states:DescribeExecution', 'states:StopExecution'],
            resources: [`${base}:execution:${ctx.stateMachineName}/*`],
          },
        ],
        [],
      ),
    );
  }
  return out;
}

// ---- the cross-region invoker ----

function invokerPayload(
  state: StateInfo,
  resource: string,
  input: TaskInput,
  ctx: ResolvedContext,
  options: CollectOptions,
): Field | undefined {
  const names = new Set([
    ...(options.invokerNames ?? [DEFAULT_INVOKER_FUNCTION_NAME]),
    ...(ctx.invoker ? [ctx.invoker.name] : []),
  ]);
  if (/^arn:[\w-]+:states:::lambda:invoke(\.waitForTaskToken)?$/.test(resource)) {
    const fn = staticString(readField(input.args, 'FunctionName'));
    return fn && names.has(functionNameOf(fn)) ? readField(input.args, 'Payload') : undefined;
  }
  const parsed = parseArn(resource);
  if (parsed?.service === 'lambda' && names.has(functionNameOf(resource))) return taskArguments(state);
  return undefined;
}

function invokerCallsOf(
  state: StateInfo,
  resource: string,
  input: TaskInput,
  ctx: ResolvedContext,
  options: CollectOptions,
  notes: string[],
): InvokerCall[] {
  const payload = invokerPayload(state, resource, input, ctx, options);
  if (!payload) return [];
  const service = staticString(readField(payload, 'service'));
  const action = staticString(readField(payload, 'action'));
  if (!service || !action) {
    notes.push(
      `${state.name}: the invoker call's service or action is not static: the invoker role cannot include it (add it by hand).`,
    );
    return [];
  }
  const regionField = readField(payload, 'region');
  const region = staticString(regionField);
  const assumeRoleArn = staticString(readField(payload, 'assumeRoleArn'));
  const externalId = staticString(readField(payload, 'externalId'));
  const assumed = assumeRoleArn ? parseRoleArn(assumeRoleArn) : undefined;
  const invokerAccount = ctx.invoker?.account ?? ctx.account;
  const env: Env = { partition: ctx.partition, region: region ?? '*', account: assumed?.account ?? invokerAccount };
  const { prefix, operation, actions } = invokerCallActions(service, action, options.catalog);
  const scoped = sdkCallResources(prefix, operation, actions, readField(payload, 'parameters'), env);
  const params = readField(payload, 'parameters');
  const g: Grant = {
    sid: `Invoker${prefix.replace(/[^A-Za-z0-9]/g, '').replace(/^./, (c) => c.toUpperCase())}`,
    actions,
    resources: scoped.resources,
  };
  const condition = sdkCallCondition(prefix, operation, params);
  if (condition) g.condition = condition;
  if (scoped.wildcard) g.wildcard = scoped.wildcard;
  else if (regionField.kind === 'dynamic')
    g.wildcard = {
      reason: 'dynamic',
      field: regionField.pointer,
      detail: `the region comes from ${regionField.expression} at run time`,
    };
  const call: InvokerCall = { service, action, grants: [g, ...sdkExtraGrants(prefix, operation, params, env)] };
  if (region) call.region = region;
  if (assumeRoleArn) call.assumeRoleArn = assumeRoleArn;
  if (externalId) call.externalId = externalId;
  return [call];
}
