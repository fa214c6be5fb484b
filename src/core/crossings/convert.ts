// Whole-state rewrites behind the bigger Quick Fixes and refactorings: apigateway:invoke -> http:invoke,
// aws-sdk task -> cross-region invoker task (for a chosen region) and back, and the recommended Lambda Retry.
// Each rewrite builds the new state as a value and replaces the state's text (JSON or YAML) in one edit.
import type { FixEdit } from '../findings';
import type { AslModel, StateInfo } from '../model/model';
import { type ObjectNode, prop, toValue } from '../parse/ast';
import { DEFAULT_INVOKER_FUNCTION_NAME } from '../invokerName';
import { constantValue, TextEditor } from './edits';
import { classify, type TaskInfo } from './tasks';
import { isSecretHeader } from './http';
import { splitEndpoint } from './apigateway';
import { lookupOperation, lookupService, type CatalogService } from './catalog';
import { connectionPlaceholder, RECOMMENDED_LAMBDA_RETRY } from './constants';
import { sfnParameterName } from '../catalog';

export { CONNECTION_ARN_PLACEHOLDER, connectionPlaceholder, RECOMMENDED_LAMBDA_RETRY } from './constants';

type Json = Record<string, unknown>;

const RETRY_FIELD = constantValue([RECOMMENDED_LAMBDA_RETRY]);

/** Rebuilds an object with keys renamed/replaced/removed in place, keeping the other keys' order. */
function rebuild(obj: Json, change: (key: string, value: unknown) => Array<[string, unknown]> | undefined): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) {
    const replaced = change(k, v);
    if (replaced === undefined) out[k] = v;
    else for (const [nk, nv] of replaced) out[nk] = nv;
  }
  return out;
}

function paramsKey(task: TaskInfo): 'Parameters' | 'Arguments' {
  return (
    (task.paramsProp?.key as 'Parameters' | 'Arguments' | undefined) ??
    (task.state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters')
  );
}

function replaceState(edit: TextEditor, node: ObjectNode, value: Json): FixEdit[] {
  return [edit.replace(node, value)];
}

/** apigateway:invoke -> http:invoke: full https URL (Stage and Path folded in), string headers, no secrets, a connection placeholder. */
export function toHttpInvokeEdits(kit: { edit: TextEditor }, task: TaskInfo): FixEdit[] {
  const state = toValue(task.node) as Json;
  const pKey = paramsKey(task);
  const params = (task.params ? toValue(task.params) : {}) as Json;
  const stage = typeof params.Stage === 'string' ? params.Stage : undefined;
  const path = typeof params.Path === 'string' ? params.Path : undefined;
  const newParams: Json = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === 'ApiEndpoint' && typeof v === 'string') {
      const { scheme, host, path: rest } = splitEndpoint(v);
      const segments = [rest.replace(/^\/+/, ''), stage, path?.replace(/^\/+/, '')].filter((s): s is string => !!s);
      newParams.ApiEndpoint = `${scheme === 'http://' || !scheme ? 'https://' : scheme}${host}${segments.length ? '/' + segments.join('/') : ''}`;
    } else if (k === 'Headers' && v && typeof v === 'object' && !Array.isArray(v)) {
      const headers: Json = {};
      for (const [hk, hv] of Object.entries(v as Json)) {
        const value = Array.isArray(hv) && !hk.endsWith('.$') ? hv.map(String).join(',') : hv;
        if (isSecretHeader(hk.replace(/\.\$$/, ''), value)) continue;
        if (/^(x-forwarded|x-amz)/i.test(hk)) continue;
        headers[hk] = value;
      }
      if (Object.keys(headers).length) newParams.Headers = headers;
    } else if (k === 'QueryParameters' && v && typeof v === 'object' && !Array.isArray(v)) {
      newParams.QueryParameters = rebuild(v as Json, (qk, qv) => [
        [qk, Array.isArray(qv) && !qk.endsWith('.$') ? qv.map(String).join(',') : qv],
      ]);
    } else if (
      ['Stage', 'Path', 'AuthType', 'AllowNullValues'].includes(k) ||
      k === 'Stage.$' ||
      k === 'AuthType.$' ||
      k === 'AllowNullValues.$'
    ) {
      continue;
    } else newParams[k] = v;
  }
  if (!('Authentication' in newParams))
    newParams.Authentication = { ConnectionArn: connectionPlaceholder(task.partition) };
  const newState = rebuild(state, (k) => {
    if (k === 'Resource') return [[k, `arn:${task.partition ?? 'aws'}:states:::http:invoke`]];
    if (k === pKey) return [[k, newParams]];
    return undefined;
  });
  if (!(pKey in newState)) newState[pKey] = newParams;
  return replaceState(kit.edit, task.node, newState);
}

export interface ConvertResult {
  title: string;
  edits: FixEdit[];
}

/** Finds the classified Task of a state (for the extension, which converts the state under the cursor). */
export function taskOfState(state: StateInfo, invokerNames: readonly string[]): TaskInfo | undefined {
  if (state.type !== 'Task' || !state.node) return undefined;
  return classify(state, state.node, new Set(invokerNames.length ? invokerNames : [DEFAULT_INVOKER_FUNCTION_NAME]));
}

/**
 * aws-sdk:<service>:<action> -> lambda:invoke of the invoker with { service (SDK v3), action, region, parameters }.
 * The SDK call's result is then under `Payload`: a state without ResultSelector/ResultPath/OutputPath (JSONPath) or
 * Output (JSONata) gets one that unwraps it, so its output stays the same.
 */
export function toInvokerEdits(
  model: AslModel,
  task: TaskInfo,
  region: string,
  options: { invokerName?: string } = {},
): ConvertResult | undefined {
  if (task.integration !== 'aws-sdk' || !task.service || !task.action) return undefined;
  const edit = new TextEditor(model.parsed.text, model.parsed.languageId);
  const found = lookupService(task.service, 'sfn');
  const v3 = found.service?.v3 ?? found.suggestion?.v3 ?? task.service;
  const jsonata = task.state.queryLanguage === 'JSONata';
  const pKey = paramsKey(task);
  const state = toValue(task.node) as Json;
  const payload: Json = { service: v3, action: task.action, region };
  if (task.paramsProp)
    payload.parameters = renameMembers(
      toValue(task.paramsProp.value),
      found.service ?? found.suggestion,
      task.action,
      'to-model',
    );
  const creds = state.Credentials as Json | undefined;
  if (creds && typeof creds === 'object') {
    if ('RoleArn' in creds) payload.assumeRoleArn = creds.RoleArn;
    else if ('RoleArn.$' in creds) payload['assumeRoleArn.$'] = creds['RoleArn.$'];
  }
  const newParams = { FunctionName: options.invokerName ?? DEFAULT_INVOKER_FUNCTION_NAME, Payload: payload };
  const suffix = task.pattern === 'waitForTaskToken' ? '.waitForTaskToken' : '';
  let newState = rebuild(state, (k) => {
    if (k === 'Resource') return [[k, `arn:${task.partition ?? 'aws'}:states:::lambda:invoke${suffix}`]];
    if (k === pKey) return [[k, newParams]];
    if (k === 'Credentials') return [];
    return undefined;
  });
  if (!(pKey in newState)) newState[pKey] = newParams;
  if (jsonata && !('Output' in newState)) newState.Output = '{% $states.result.Payload %}';
  if (!jsonata && !['ResultSelector', 'ResultPath', 'OutputPath'].some((k) => k in newState))
    newState.OutputPath = '$.Payload';
  if (!('Retry' in newState)) newState.Retry = [RECOMMENDED_LAMBDA_RETRY];
  else if (Array.isArray(newState.Retry))
    newState = { ...newState, Retry: [RECOMMENDED_LAMBDA_RETRY, ...(newState.Retry as unknown[])] };
  return {
    title: `Call ${v3}:${task.action} in ${region} through the invoker Lambda`,
    edits: replaceState(edit, task.node, newState),
  };
}

/** An invoker task with a literal service/action -> the native aws-sdk:<service>:<action> task (same region only). */
export function toAwsSdkEdits(model: AslModel, task: TaskInfo): ConvertResult | undefined {
  const payload = task.invoker?.payload;
  if (!payload) return undefined;
  const p = toValue(payload) as Json;
  if (typeof p.service !== 'string' || typeof p.action !== 'string') return undefined;
  const edit = new TextEditor(model.parsed.text, model.parsed.languageId);
  const found = lookupService(p.service, 'v3');
  const sfn = found.service?.sfn ?? found.suggestion?.sfn ?? p.service;
  const suffix = task.pattern === 'waitForTaskToken' ? '.waitForTaskToken' : '';
  const pKey = paramsKey(task);
  const state = toValue(task.node) as Json;
  const roleArn = p.assumeRoleArn ?? p['assumeRoleArn.$'];
  const newState = rebuild(state, (k, v) => {
    if (k === 'Resource')
      return [[k, `arn:${task.partition ?? 'aws'}:states:::aws-sdk:${sfn}:${p.action as string}${suffix}`]];
    if (k === pKey) {
      const out: Array<[string, unknown]> = [];
      if (p.parameters !== undefined)
        out.push([k, renameMembers(p.parameters, found.service ?? found.suggestion, p.action as string, 'to-sfn')]);
      else if (p['parameters.$'] !== undefined) out.push([k === 'Parameters' ? 'Parameters' : k, p['parameters.$']]);
      if (roleArn !== undefined && !('Credentials' in state))
        out.push(['Credentials', p.assumeRoleArn !== undefined ? { RoleArn: roleArn } : { 'RoleArn.$': roleArn }]);
      return out;
    }
    if (k === 'OutputPath' && v === '$.Payload') return [];
    if (k === 'Output' && v === '{% $states.result.Payload %}') return [];
    if (k === 'Retry' && Array.isArray(v)) {
      const rest = v.filter((r) => JSON.stringify(r) !== JSON.stringify(RECOMMENDED_LAMBDA_RETRY));
      return rest.length ? [[k, rest]] : [];
    }
    return undefined;
  });
  return {
    title: `Call ${sfn}:${p.action} with the native aws-sdk integration (the state machine's own region)`,
    edits: replaceState(edit, task.node, newState),
  };
}

/**
 * Top-level member names between the two spellings: aws-sdk tasks write every member in PascalCase, the invoker
 * passes the API model's own names (`logGroupNamePrefix` in CloudWatch Logs). Nested names are kept as written.
 */
function renameMembers(
  params: unknown,
  service: CatalogService | undefined,
  action: string,
  direction: 'to-model' | 'to-sfn',
): unknown {
  const op = service && lookupOperation(service, action).operation;
  if (!op || !params || typeof params !== 'object' || Array.isArray(params)) return params;
  const map = new Map(
    op.members.map((m) =>
      direction === 'to-model' ? [sfnParameterName(m.name), m.name] : [m.name, sfnParameterName(m.name)],
    ),
  );
  return rebuild(params as Json, (k, v) => {
    const dynamic = k.endsWith('.$');
    const name = map.get(dynamic ? k.slice(0, -2) : k);
    return name === undefined ? undefined : [[dynamic ? `${name}.$` : name, v]];
  });
}

/** Adds the recommended Lambda Retry: a new Retry field, or a first entry of an existing one. */
export function addRetryEdits(edit: TextEditor, task: TaskInfo): FixEdit[] {
  const retry = prop(task.node, 'Retry');
  if (!retry) {
    const e = edit.insertProperty(task.node, 'Retry', RETRY_FIELD);
    return e ? [e] : [];
  }
  if (retry.value.kind !== 'array') return [];
  return [edit.replace(retry.value, [RECOMMENDED_LAMBDA_RETRY, ...(toValue(retry.value) as unknown[])])];
}
