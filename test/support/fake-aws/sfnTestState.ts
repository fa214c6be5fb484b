// The fake's TestState: runs one Task, Pass, Choice, Wait, Succeed or Fail state the way the service does for
// JSONPath (InputPath, Parameters, ResultSelector, ResultPath, OutputPath) and JSONata (Arguments, Output, Assign,
// with the real `jsonata` engine), with workflow variables, Retry/Catch outcomes (RETRIABLE, CAUGHT_ERROR), and
// http:invoke answered from registered endpoints with the HTTP request and response in TRACE inspection data.
import jsonata from 'jsonata';
import { FakeServiceError } from './types';

export interface HttpEndpoint {
  status: number;
  statusText?: string;
  headers?: Record<string, string>;
  body: unknown;
}

/** A Task's result, or a function computing it from the Task's parameters. */
export type TaskResult =
  | { output: unknown }
  | { error: string; cause: string }
  | ((parameters: unknown) => { output: unknown } | { error: string; cause: string });

export interface TestStateWorld {
  httpEndpoints: Map<string, HttpEndpoint>;
  httpRequests: { method: string; url: string; headers: Record<string, string>; body: string }[];
  taskResults: Map<string, TaskResult>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const TESTABLE = new Set(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail']);
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const CONNECTION_SECRET = 'Bearer fake-connection-token-123';

/** A state failure (becomes status FAILED, RETRIABLE or CAUGHT_ERROR), not an API error. */
class StateError extends Error {
  constructor(
    readonly error: string,
    readonly cause: string,
  ) {
    super(error);
  }
}

const validation = (message: string) => new FakeServiceError('ValidationException', message, 400);

function parseJsonField(text: unknown, field: string, code: string): unknown {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw validation(`${field} must be a string`);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FakeServiceError(code, `Invalid ${field}: ${(e as Error).message}`, 400);
  }
}

// ---- JSONPath -------------------------------------------------------------------------------------------

function readPath(path: string, data: unknown, vars: Obj, context: Obj, field: string): unknown {
  let m = /^(\$\$|\$[A-Za-z_][A-Za-z0-9_]*|\$)(.*)$/.exec(path);
  if (!m) throw new StateError('States.Runtime', `Invalid path '${path}' in the field '${field}'`);
  const [, head, rest] = m as unknown as [string, string, string];
  let value: unknown = head === '$' ? data : head === '$$' ? context : vars[head.slice(1)];
  if (head !== '$' && head !== '$$' && !(head.slice(1) in vars)) {
    throw new StateError('States.Runtime', `The variable '${head}' referenced in the field '${field}' is not defined`);
  }
  const re = /\.([A-Za-z0-9_-]+)|\[(\d+)\]|\['([^']*)'\]/y;
  let i = 0;
  while (i < rest.length) {
    re.lastIndex = i;
    m = re.exec(rest);
    if (!m)
      throw new StateError(
        'States.Runtime',
        `Unsupported path '${path}' in the field '${field}' (the fake reads simple paths)`,
      );
    const key = m[1] ?? m[3] ?? Number(m[2]);
    if (value === null || typeof value !== 'object' || !(key in (value as Obj))) {
      throw new StateError(
        'States.Runtime',
        `The JSONPath '${path}' specified for the field '${field}' could not be found in the input '${JSON.stringify(data)}'`,
      );
    }
    value = (value as Obj)[key as string];
    i = re.lastIndex;
  }
  return value;
}

function template(t: unknown, data: unknown, vars: Obj, context: Obj, field: string): unknown {
  if (Array.isArray(t)) return t.map((x) => template(x, data, vars, context, field));
  if (!isObj(t)) return t;
  const out: Obj = {};
  for (const [k, v] of Object.entries(t)) {
    if (k.endsWith('.$') && typeof v === 'string') {
      if (v.startsWith('States.'))
        throw new StateError('States.Runtime', `Intrinsic functions are not run by the fake (${v})`);
      out[k.slice(0, -2)] = readPath(v, data, vars, context, `${field}.${k}`);
    } else out[k] = template(v, data, vars, context, `${field}.${k}`);
  }
  return out;
}

function writeResultPath(input: unknown, path: unknown, result: unknown): unknown {
  if (path === undefined || path === '$') return result;
  if (path === null) return input;
  const keys = /^\$((?:\.[A-Za-z0-9_-]+)+)$/.exec(String(path))?.[1]?.slice(1).split('.');
  if (!keys) throw new StateError('States.Runtime', `Unsupported ResultPath '${String(path)}'`);
  const root: Obj = isObj(input) ? structuredClone(input) : {};
  let at = root;
  for (const k of keys.slice(0, -1)) at = (at[k] = isObj(at[k]) ? at[k] : {}) as Obj;
  at[keys[keys.length - 1]!] = result;
  return root;
}

// ---- JSONata --------------------------------------------------------------------------------------------

async function evaluate(t: unknown, bindings: Obj, field: string): Promise<unknown> {
  if (typeof t === 'string') {
    const m = /^\{%([\s\S]*)%\}$/.exec(t.trim());
    if (!m) return t;
    try {
      return await jsonata(m[1]!).evaluate({}, bindings);
    } catch (e) {
      throw new StateError(
        'States.QueryEvaluationError',
        `The JSONata expression in the field '${field}' failed: ${(e as Error).message}`,
      );
    }
  }
  if (Array.isArray(t)) return Promise.all(t.map((x, i) => evaluate(x, bindings, `${field}[${i}]`)));
  if (!isObj(t)) return t;
  const out: Obj = {};
  for (const [k, v] of Object.entries(t)) out[k] = await evaluate(v, bindings, `${field}.${k}`);
  return out;
}

// ---- Choice rules (JSONPath) ----------------------------------------------------------------------------

function ruleMatches(rule: Obj, input: unknown, vars: Obj, context: Obj): boolean {
  if (Array.isArray(rule.And)) return rule.And.every((r) => isObj(r) && ruleMatches(r, input, vars, context));
  if (Array.isArray(rule.Or)) return rule.Or.some((r) => isObj(r) && ruleMatches(r, input, vars, context));
  if (isObj(rule.Not)) return !ruleMatches(rule.Not, input, vars, context);
  const variable = String(rule.Variable ?? '$');
  let value: unknown;
  let present = true;
  try {
    value = readPath(variable, input, vars, context, 'Variable');
  } catch {
    present = false;
  }
  if ('IsPresent' in rule) return present === rule.IsPresent;
  if (!present)
    throw new StateError(
      'States.Runtime',
      `Invalid path '${variable}': The choice state's condition path references an invalid value.`,
    );
  for (const [op, expected] of Object.entries(rule)) {
    switch (op) {
      case 'StringEquals':
        return value === expected;
      case 'NumericEquals':
        return value === expected;
      case 'NumericGreaterThan':
        return typeof value === 'number' && value > Number(expected);
      case 'NumericGreaterThanEquals':
        return typeof value === 'number' && value >= Number(expected);
      case 'NumericLessThan':
        return typeof value === 'number' && value < Number(expected);
      case 'NumericLessThanEquals':
        return typeof value === 'number' && value <= Number(expected);
      case 'BooleanEquals':
        return value === expected;
      case 'IsNull':
        return (value === null) === expected;
      default:
        break;
    }
  }
  throw new StateError('States.Runtime', `The fake does not evaluate this Choice rule: ${JSON.stringify(rule)}`);
}

// ---- Tasks ----------------------------------------------------------------------------------------------

interface HttpTrace {
  request: Obj;
  response: Obj;
}

function headerString(headers: Record<string, string>): string {
  return `[${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')}]`;
}

function runHttpInvoke(
  params: unknown,
  world: TestStateWorld,
  revealSecrets: boolean,
): { result: unknown; trace: HttpTrace } {
  const p = isObj(params) ? params : {};
  const endpoint = typeof p.ApiEndpoint === 'string' ? p.ApiEndpoint : '';
  const method = typeof p.Method === 'string' ? p.Method.toUpperCase() : '';
  const connection = isObj(p.Authentication) ? p.Authentication.ConnectionArn : undefined;
  if (!endpoint || !method)
    throw new StateError('States.Runtime', "The http:invoke parameters 'ApiEndpoint' and 'Method' are required");
  if (typeof connection !== 'string')
    throw new StateError('States.Runtime', "The http:invoke parameter 'Authentication.ConnectionArn' is required");
  const query = isObj(p.QueryParameters)
    ? new URLSearchParams(
        Object.entries(p.QueryParameters).map(([k, v]): [string, string] => [k, String(v)]),
      ).toString()
    : '';
  const url = query ? `${endpoint}?${query}` : endpoint;
  const body =
    p.RequestBody === undefined
      ? ''
      : typeof p.RequestBody === 'string'
        ? p.RequestBody
        : JSON.stringify(p.RequestBody);
  const headers: Record<string, string> = {
    ...(isObj(p.Headers) ? Object.fromEntries(Object.entries(p.Headers).map(([k, v]) => [k, String(v)])) : {}),
    ...(body ? { 'Content-Type': 'application/json; charset=UTF-8' } : {}),
    Authorization: CONNECTION_SECRET,
  };
  world.httpRequests.push({ method, url, headers, body });
  const shownHeaders = { ...headers, Authorization: revealSecrets ? CONNECTION_SECRET : '*****' };
  const answer = world.httpEndpoints.get(endpoint) ?? {
    status: 404,
    statusText: 'Not Found',
    headers: { 'Content-Type': 'text/plain' },
    body: 'Not Found',
  };
  const statusText = answer.statusText ?? (answer.status < 400 ? 'OK' : 'Error');
  const responseHeaders = { 'Content-Type': 'application/json', ...(answer.headers ?? {}) };
  const responseBody = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const trace: HttpTrace = {
    request: { protocol: 'https', method, url, headers: headerString(shownHeaders), body },
    response: {
      protocol: 'https',
      statusCode: String(answer.status),
      statusMessage: statusText,
      headers: headerString(responseHeaders),
      body: responseBody,
    },
  };
  const result = {
    Headers: Object.fromEntries(Object.entries(responseHeaders).map(([k, v]) => [k, [v]])),
    ResponseBody: answer.body,
    StatusCode: answer.status,
    StatusText: statusText,
  };
  if (answer.status >= 400)
    throw Object.assign(new StateError(`States.Http.StatusCode.${answer.status}`, JSON.stringify(result)), { trace });
  return { result, trace };
}

function runTask(resource: string, params: unknown, world: TestStateWorld): unknown {
  const entry = world.taskResults.get(resource);
  if (!entry)
    throw new StateError('States.TaskFailed', `The fake Step Functions service has no result for ${resource}`);
  const r = typeof entry === 'function' ? entry(params) : entry;
  if ('error' in r) throw new StateError(r.error, r.cause);
  return r.output;
}

// ---- The operation ----------------------------------------------------------------------------------------

const errorMatches = (list: unknown, error: string) =>
  Array.isArray(list) &&
  list.some((e) => e === error || e === 'States.ALL' || (e === 'States.TaskFailed' && error !== 'States.Runtime'));

export async function runTestState(b: Obj, world: TestStateWorld): Promise<Obj> {
  if (typeof b.definition !== 'string')
    throw validation(
      "1 validation error detected: Value null at 'definition' failed to satisfy constraint: Member must not be null",
    );
  const parsed = parseJsonField(b.definition, 'definition', 'InvalidDefinition');
  let state: unknown = parsed;
  if (typeof b.stateName === 'string') {
    const states = isObj(parsed) && isObj(parsed.States) ? parsed.States : {};
    state = states[b.stateName];
    if (state === undefined)
      throw new FakeServiceError(
        'InvalidDefinition',
        `Invalid State Machine Definition: state ${b.stateName} not found`,
        400,
      );
  }
  if (!isObj(state) || typeof state.Type !== 'string') {
    throw new FakeServiceError(
      'InvalidDefinition',
      "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [Type] at /'",
      400,
    );
  }
  const type = state.Type;
  if (!TESTABLE.has(type)) throw validation(`TestState does not support ${type} states without a mock`);
  const roleArn = b.roleArn;
  if (roleArn !== undefined && (typeof roleArn !== 'string' || !ROLE_ARN.test(roleArn)))
    throw validation(`Invalid role ARN: ${String(roleArn)}`);
  if (type === 'Task' && roleArn === undefined) throw validation('A roleArn is required to test a Task state');
  const input = parseJsonField(b.input ?? '{}', 'input', 'InvalidExecutionInput');
  const variablesIn = parseJsonField(b.variables, 'variables', 'ValidationException') ?? {};
  if (!isObj(variablesIn)) throw validation('variables must be a JSON object');
  const vars: Obj = { ...variablesIn };
  const level = b.inspectionLevel === 'TRACE' || b.inspectionLevel === 'DEBUG' ? b.inspectionLevel : 'INFO';
  const jsonataMode = state.QueryLanguage === 'JSONata';
  const context: Obj = {
    Execution: { Id: 'arn:aws:states:us-east-1:123456789012:execution:TestStateMachine:test', Input: input },
    State: { Name: 'TestState' },
  };
  const data: Obj = { input: JSON.stringify(input) };
  const record = (key: string, value: unknown) => {
    data[key] = JSON.stringify(value);
  };
  let trace: HttpTrace | undefined;
  const callTask = (params: unknown): unknown => {
    const resource = String(state.Resource);
    if (!resource.startsWith('arn:aws:states:::http:invoke')) return runTask(resource, params, world);
    const http = runHttpInvoke(params, world, b.revealSecrets === true);
    trace = http.trace;
    return http.result;
  };
  const answer: Obj = {};
  const finish = (status: string) => {
    answer.status = status;
    if (level !== 'INFO')
      answer.inspectionData = {
        ...data,
        variables: JSON.stringify(vars),
        ...(level === 'TRACE' && trace ? trace : {}),
      };
    return answer;
  };
  try {
    if (type === 'Fail') {
      answer.error = typeof state.Error === 'string' ? state.Error : undefined;
      answer.cause = typeof state.Cause === 'string' ? state.Cause : undefined;
      return finish('FAILED');
    }
    if (type === 'Choice') {
      const choices = Array.isArray(state.Choices) ? state.Choices.filter(isObj) : [];
      let next: unknown;
      for (const rule of choices) {
        const hit = jsonataMode
          ? (await evaluate(rule.Condition, { states: { input, context }, ...vars }, 'Condition')) === true
          : ruleMatches(rule, input, vars, context);
        if (hit) {
          next = rule.Next;
          break;
        }
      }
      next ??= state.Default;
      if (typeof next !== 'string')
        throw new StateError(
          'States.NoChoiceMatched',
          `No Choice Rules matched and no Default is specified. Input: ${JSON.stringify(input)}`,
        );
      const output = jsonataMode
        ? state.Output === undefined
          ? input
          : await evaluate(state.Output, { states: { input, context }, ...vars }, 'Output')
        : typeof state.OutputPath === 'string'
          ? readPath(state.OutputPath, input, vars, context, 'OutputPath')
          : input;
      answer.output = JSON.stringify(output);
      answer.nextState = next;
      return finish('SUCCEEDED');
    }
    let output: unknown;
    if (jsonataMode) {
      const bindings: Obj = { states: { input, context }, ...vars };
      let result: unknown = input;
      if (type === 'Task') {
        const args = state.Arguments === undefined ? input : await evaluate(state.Arguments, bindings, 'Arguments');
        record('afterArguments', args);
        result = callTask(args);
        record('result', result);
      }
      const after: Obj = { states: { input, result, context }, ...vars };
      if (isObj(state.Assign)) Object.assign(vars, await evaluate(state.Assign, after, 'Assign'));
      output = state.Output === undefined ? result : await evaluate(state.Output, after, 'Output');
    } else {
      const effective =
        state.InputPath === null
          ? {}
          : typeof state.InputPath === 'string'
            ? readPath(state.InputPath, input, vars, context, 'InputPath')
            : input;
      record('afterInputPath', effective);
      const params = isObj(state.Parameters)
        ? template(state.Parameters, effective, vars, context, 'Parameters')
        : effective;
      record('afterParameters', params);
      let result: unknown = params;
      if (type === 'Pass' && 'Result' in state) result = state.Result;
      if (type === 'Task') {
        result = callTask(params);
      }
      if (type === 'Task' || type === 'Pass') record('result', result);
      const selected = isObj(state.ResultSelector)
        ? template(state.ResultSelector, result, vars, context, 'ResultSelector')
        : result;
      if (type === 'Task') record('afterResultSelector', selected);
      if (isObj(state.Assign)) Object.assign(vars, template(state.Assign, selected, vars, context, 'Assign'));
      const combined =
        type === 'Wait' || type === 'Succeed' ? effective : writeResultPath(input, state.ResultPath, selected);
      record('afterResultPath', combined);
      output =
        typeof state.OutputPath === 'string'
          ? readPath(state.OutputPath, combined, vars, context, 'OutputPath')
          : combined;
    }
    answer.output = JSON.stringify(output);
    if (typeof state.Next === 'string') answer.nextState = state.Next;
    return finish('SUCCEEDED');
  } catch (e) {
    if (!(e instanceof StateError)) throw e;
    trace ??= (e as StateError & { trace?: HttpTrace }).trace;
    answer.error = e.error;
    answer.cause = e.cause;
    const retries = Array.isArray(state.Retry) ? state.Retry : [];
    const retryIndex = retries.findIndex(
      (r) => isObj(r) && errorMatches(r.ErrorEquals, e.error) && (r.MaxAttempts ?? 3) !== 0,
    );
    if (retryIndex >= 0) {
      const r = retries[retryIndex] as Obj;
      data.errorDetails = {
        retryIndex,
        retryBackoffIntervalSeconds: typeof r.IntervalSeconds === 'number' ? r.IntervalSeconds : 1,
      };
      return finish('RETRIABLE');
    }
    const catchers = Array.isArray(state.Catch) ? state.Catch : [];
    const catchIndex = catchers.findIndex((c) => isObj(c) && errorMatches(c.ErrorEquals, e.error));
    if (catchIndex >= 0) {
      const c = catchers[catchIndex] as Obj;
      const errorOutput = { Error: e.error, Cause: e.cause };
      answer.output = JSON.stringify(jsonataMode ? errorOutput : writeResultPath(input, c.ResultPath, errorOutput));
      answer.nextState = c.Next;
      data.errorDetails = { catchIndex };
      return finish('CAUGHT_ERROR');
    }
    return finish('FAILED');
  }
}
