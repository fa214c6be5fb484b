// Task classification for the crossing rules and the inventory: one pass over the model's states, cached
// per model, that splits each Task's Resource (partition, integration, action, pattern), finds its
// Parameters/Arguments and Credentials, and recognises invoker calls. Rules read this list instead of
// rescanning the document.
import { memoize } from '../memo';
import { stringValue, type ObjectNode, type PropertyNode } from '../parse/ast';
import type { AslModel, StateInfo } from '../model/model';
import type { Rule } from '../model/rule';
import { field, literalString, parseArn } from './values';

export type Integration =
  | 'apigateway' // arn:<p>:states:::apigateway:invoke
  | 'http' // arn:<p>:states:::http:invoke
  | 'lambda-invoke' // arn:<p>:states:::lambda:invoke
  | 'lambda-function' // arn:<p>:lambda:<region>:<account>:function:<name>
  | 'aws-sdk' // arn:<p>:states:::aws-sdk:<service>:<action>
  | 'optimized' // any other arn:<p>:states:::<service>:<action>
  | 'other';

export interface InvokerCall {
  /** How the invoker is called: its function ARN as Resource, or lambda:invoke with FunctionName. */
  form: 'function-arn' | 'lambda-invoke';
  functionName: string;
  /** The property holding the payload object (Parameters/Arguments itself, or their Payload). */
  payloadProp: PropertyNode;
  /** The payload object; undefined when it is computed at run time. */
  payload: ObjectNode | undefined;
}

export interface TaskInfo {
  readonly state: StateInfo;
  readonly node: ObjectNode;
  readonly resourceProp: PropertyNode | undefined;
  readonly resource: string | undefined;
  /** Partition of the Resource ARN (aws, aws-cn, aws-us-gov, or whatever was written). */
  readonly partition: string | undefined;
  readonly integration: Integration;
  /** Integration service and action: `apigateway`/`invoke`, `aws-sdk` tasks: `s3`/`getObject`, lambda ARN: name. */
  readonly service: string | undefined;
  readonly action: string | undefined;
  /** `sync`, `sync:2`, `waitForTaskToken`, or '' for request-response. */
  readonly pattern: string;
  /** Region and account of a Lambda function ARN used as Resource. */
  readonly region: string | undefined;
  readonly account: string | undefined;
  /** `Parameters` (JSONPath) or `Arguments` (JSONata). */
  readonly paramsProp: PropertyNode | undefined;
  readonly params: ObjectNode | undefined;
  readonly credentialsProp: PropertyNode | undefined;
  invoker: InvokerCall | undefined;
}

const cache = new WeakMap<AslModel, { names: string; tasks: TaskInfo[] }>();

/** The Task states of a model, classified once per model and invoker-name list. */
export function tasksOf(model: AslModel, invokerNames: readonly string[]): TaskInfo[] {
  const names = invokerNames.join('\n');
  const hit = cache.get(model);
  if (hit && hit.names === names) return hit.tasks;
  const nameSet = new Set(invokerNames);
  const tasks: TaskInfo[] = [];
  for (const state of model.states) {
    if (state.type !== 'Task' || !state.node) continue;
    tasks.push(classify(state, state.node, nameSet));
  }
  cache.set(model, { names, tasks });
  return tasks;
}

/**
 * Classifies the Task states during the rules' single pass over the states (while each state is still in
 * the CPU caches) and hands the list to `tasksOf`, which the crossing rules read afterwards.
 */
export const taskIndexRule: Rule<{ names: ReadonlySet<string>; tasks: TaskInfo[] }> = {
  id: 'crossings/tasks',
  begin: (ctx) => ({ names: new Set(ctx.options.invokerNames), tasks: [] }),
  checkState(_ctx, state, index) {
    if (state.type === 'Task' && state.node) index.tasks.push(classify(state, state.node, index.names));
  },
  run(ctx, index) {
    cache.set(ctx.model, { names: ctx.options.invokerNames.join('\n'), tasks: index.tasks });
  },
};

export function classify(state: StateInfo, node: ObjectNode, invokerNames: ReadonlySet<string>): TaskInfo {
  // One pass over the state's fields (first occurrence wins, as in the rest of the model).
  let resourceProp: PropertyNode | undefined;
  let parametersProp: PropertyNode | undefined;
  let argumentsProp: PropertyNode | undefined;
  let credentialsProp: PropertyNode | undefined;
  for (const p of node.properties) {
    switch (p.key) {
      case 'Resource':
        resourceProp ??= p;
        break;
      case 'Parameters':
        parametersProp ??= p;
        break;
      case 'Arguments':
        argumentsProp ??= p;
        break;
      case 'Credentials':
        credentialsProp ??= p;
        break;
    }
  }
  const resource = stringValue(resourceProp?.value);
  const paramsProp =
    state.queryLanguage === 'JSONata' ? (argumentsProp ?? parametersProp) : (parametersProp ?? argumentsProp);
  const params = paramsProp?.value.kind === 'object' ? paramsProp.value : undefined;
  const info = new TaskRecord(
    state,
    node,
    resourceProp,
    resource,
    (resource === undefined ? undefined : parseResource(resource)) ?? NO_PARTS,
    paramsProp,
    params,
    credentialsProp,
  );
  if (info.integration === 'lambda-function' && info.service && invokerNames.has(info.service) && paramsProp) {
    info.invoker = { form: 'function-arn', functionName: info.service, payloadProp: paramsProp, payload: params };
  } else if (info.integration === 'lambda-invoke' && params) {
    const fn = functionNameOf(literalString(field(params, 'FunctionName')));
    const payload = field(params, 'Payload');
    if (fn && invokerNames.has(fn) && payload) {
      info.invoker = {
        form: 'lambda-invoke',
        functionName: fn,
        payloadProp: payload.property,
        payload: !payload.dynamic && payload.property.value.kind === 'object' ? payload.property.value : undefined,
      };
    }
  }
  return info;
}

/** The parts of a Resource ARN (built once per distinct Resource string). */
type ParsedResource = {
  -readonly [K in 'partition' | 'integration' | 'service' | 'action' | 'pattern' | 'region' | 'account']: TaskInfo[K];
};
/** The parts of a Resource that is not an ARN (or absent). */
const NO_PARTS: Readonly<ParsedResource> = {
  partition: undefined,
  integration: 'other',
  service: undefined,
  action: undefined,
  pattern: '',
  region: undefined,
  account: undefined,
};

/**
 * A classified Task. The Resource's parts are the memoised split shared by every task with the same
 * Resource (read through getters), so a task costs one small object.
 */
class TaskRecord implements TaskInfo {
  invoker: InvokerCall | undefined = undefined;
  constructor(
    readonly state: StateInfo,
    readonly node: ObjectNode,
    readonly resourceProp: PropertyNode | undefined,
    readonly resource: string | undefined,
    private readonly parts: Readonly<ParsedResource>,
    readonly paramsProp: PropertyNode | undefined,
    readonly params: ObjectNode | undefined,
    readonly credentialsProp: PropertyNode | undefined,
  ) {}
  get partition(): string | undefined {
    return this.parts.partition;
  }
  get integration(): Integration {
    return this.parts.integration;
  }
  get service(): string | undefined {
    return this.parts.service;
  }
  get action(): string | undefined {
    return this.parts.action;
  }
  get pattern(): string {
    return this.parts.pattern;
  }
  get region(): string | undefined {
    return this.parts.region;
  }
  get account(): string | undefined {
    return this.parts.account;
  }
}
/** Splits a Resource ARN; memoised, as a definition repeats a handful of resources thousands of times. */
export const parseResource: (resource: string) => Readonly<ParsedResource> | undefined = memoize(splitResource);

function splitResource(resource: string): ParsedResource | undefined {
  const arn = parseArn(resource);
  if (!arn) return undefined;
  const out: ParsedResource = {
    partition: arn.partition,
    integration: 'other',
    service: undefined,
    action: undefined,
    pattern: '',
    region: undefined,
    account: undefined,
  };
  // aws-sdk integrations are also written with the region and account (AWS samples deploy that form).
  if (arn.service === 'states' && ((arn.region === '' && arn.account === '') || arn.resource.startsWith('aws-sdk:'))) {
    const parts = arn.resource.split(':');
    const [svc = '', second = ''] = parts;
    const rest = parts.slice(svc === 'aws-sdk' ? 2 : 1).join(':');
    const dot = rest.indexOf('.');
    out.action = dot < 0 ? rest : rest.slice(0, dot);
    out.pattern = dot < 0 ? '' : rest.slice(dot + 1);
    if (svc === 'aws-sdk') {
      out.integration = 'aws-sdk';
      out.service = second;
    } else {
      out.service = svc;
      out.integration =
        svc === 'apigateway' && out.action === 'invoke'
          ? 'apigateway'
          : svc === 'http' && out.action === 'invoke'
            ? 'http'
            : svc === 'lambda' && out.action === 'invoke'
              ? 'lambda-invoke'
              : 'optimized';
    }
  } else if (arn.service === 'lambda' && arn.resource.startsWith('function:')) {
    out.integration = 'lambda-function';
    out.region = arn.region;
    out.account = arn.account;
    out.service = arn.resource.split(':')[1];
  }
  return out;
}

/**
 * The function name inside a Lambda FunctionName value: `name`, `name:alias`, `123456789012:function:name`,
 * or a full function ARN.
 */
export function functionNameOf(value: string | undefined): string | undefined {
  return value ? functionNameMemo(value) : undefined;
}
const functionNameMemo = memoize(splitFunctionName);

function splitFunctionName(value: string): string | undefined {
  const parts = value.split(':');
  const i = parts.indexOf('function');
  if (i >= 0) return parts[i + 1];
  return parts[0];
}

/** The region and account of a Lambda FunctionName given as an ARN (none for a bare name). */
export function functionArnParts(value: string | undefined): { region?: string; account?: string } {
  const arn = value ? parseArn(value) : undefined;
  return arn && arn.service === 'lambda' ? { region: arn.region, account: arn.account } : {};
}
