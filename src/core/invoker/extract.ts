// Finds the invoker tasks of a definition (JSON or YAML) and the calls they make: the `service:action` list that
// prefills ALLOWED_CALLS and the role policy, the roles they assume (with the external id each needs), and where
// each task names the invoker function (so the deployed ARN can be written back). Only tasks that call a function
// of one of the invoker names count; other Lambda tasks that look like invoker calls are listed as ignored.
// Pure; reads the positional model of src/core.
import { type AstNode, hasProp, type ObjectNode, prop, type PropertyNode, stringValue } from '../parse/ast';
import { parseDefinition, type LanguageId } from '../parse';
import { buildModel } from '../model/model';
import {
  DEFAULT_INVOKER_NAME,
  camelCase,
  isActionName,
  isExternalId,
  isLiteralRoleArn,
  isServiceName,
  type AllowedCall,
  type AllowedRole,
} from './protocol';

export interface InvokerTask {
  stateName: string;
  /** JSON pointer of the state. */
  pointer: string;
  /** `function-arn`: Resource is the function ARN; `lambda-invoke`: arn:...:states:::lambda:invoke with FunctionName. */
  form: 'function-arn' | 'lambda-invoke';
  functionName?: string;
  /** The value naming the function (Resource or FunctionName), when it is a literal that can be rewritten. */
  target?: { offset: number; length: number; value: string };
  service?: string;
  action?: string;
  region?: string;
  assumeRoleArn?: string;
  externalId?: string;
  /** Payload fields computed at run time (`service.$`, JSONata), which the allowlist cannot be derived from. */
  dynamic: string[];
}

/** A Lambda task whose payload has `service` and `action` but whose function is not the invoker: not counted. */
export interface IgnoredTask {
  stateName: string;
  functionName?: string;
}

export interface InvokerExtraction {
  tasks: InvokerTask[];
  ignored: IgnoredTask[];
  calls: AllowedCall[];
  assumeRoleArns: string[];
  /** The literal roles (and the payload's literal external id, when it has one) for ALLOWED_ROLES. */
  roles: AllowedRole[];
  regions: string[];
  warnings: string[];
  /** Set when the text could not be read as a state machine. */
  error?: string;
}

const LAMBDA_ARN = /^arn:[a-z-]+:lambda:[a-z0-9-]*:\d{12}:function:([A-Za-z0-9_-]+)(?::[^:]+)?$/;
const LAMBDA_INVOKE = /^arn:[a-z-]+:states:::lambda:invoke(?:\.waitForTaskToken)?$/;

function field(obj: AstNode | undefined, name: string): { property: PropertyNode; dynamic: boolean } | undefined {
  if (obj?.kind !== 'object') return undefined;
  const literal = prop(obj, name);
  if (literal) {
    const v = stringValue(literal.value);
    return { property: literal, dynamic: v !== undefined && /^\s*\{%[\s\S]*%\}\s*$/.test(v) };
  }
  const path = prop(obj, `${name}.$`);
  return path ? { property: path, dynamic: true } : undefined;
}

function literal(obj: AstNode | undefined, name: string): string | undefined {
  const f = field(obj, name);
  return f && !f.dynamic ? stringValue(f.property.value) : undefined;
}

/** `name`, `name:alias`, `123456789012:function:name` or a function ARN -> `name`. */
export function functionNameOf(value: string): string {
  const parts = value.split(':');
  const i = parts.indexOf('function');
  return (i >= 0 ? parts[i + 1] : parts[0]) ?? value;
}

export interface ExtractOptions {
  languageId?: LanguageId;
  /** Function names that mark a Lambda task as an invoker call (default: sfn-crossings-invoker). Only these count:
   * a task of another function is listed in `ignored`, whatever its payload looks like. */
  invokerNames?: readonly string[];
}

export function languageIdForPath(path: string): LanguageId {
  return /\.ya?ml$/i.test(path) ? 'asl-yaml' : 'asl';
}

export function extractInvokerCalls(text: string, options: ExtractOptions = {}): InvokerExtraction {
  const out: InvokerExtraction = {
    tasks: [],
    ignored: [],
    calls: [],
    assumeRoleArns: [],
    roles: [],
    regions: [],
    warnings: [],
  };
  const names = new Set(options.invokerNames?.length ? options.invokerNames : [DEFAULT_INVOKER_NAME]);
  const parsed = parseDefinition(text, { languageId: options.languageId ?? 'asl' });
  const model = parsed.root ? buildModel(parsed) : undefined;
  if (!model || !hasProp(parsed.root, 'States')) {
    out.error = parsed.problems[0]?.message ?? 'not a state machine definition (no States)';
    return out;
  }
  for (const state of model.states) {
    if (state.type !== 'Task' || !state.node) continue;
    const node: ObjectNode = state.node;
    const resourceProp = prop(node, 'Resource');
    const resource = stringValue(resourceProp?.value) ?? '';
    const paramsProp =
      state.queryLanguage === 'JSONata'
        ? (prop(node, 'Arguments') ?? prop(node, 'Parameters'))
        : (prop(node, 'Parameters') ?? prop(node, 'Arguments'));
    const params = paramsProp?.value;
    let task: InvokerTask | undefined;
    let payload: AstNode | undefined;
    const arnMatch = LAMBDA_ARN.exec(resource);
    if (arnMatch && resourceProp) {
      payload = params;
      task = {
        stateName: state.name,
        pointer: state.pointer,
        form: 'function-arn',
        functionName: arnMatch[1]!,
        dynamic: [],
      };
      task.target = { offset: resourceProp.value.offset, length: resourceProp.value.length, value: resource };
    } else if (LAMBDA_INVOKE.test(resource)) {
      const fn = field(params, 'FunctionName');
      const payloadField = field(params, 'Payload');
      payload = payloadField && !payloadField.dynamic ? payloadField.property.value : undefined;
      task = { stateName: state.name, pointer: state.pointer, form: 'lambda-invoke', dynamic: [] };
      const fnValue = fn && !fn.dynamic ? stringValue(fn.property.value) : undefined;
      if (fnValue !== undefined) {
        task.functionName = functionNameOf(fnValue);
        task.target = { offset: fn!.property.value.offset, length: fn!.property.value.length, value: fnValue };
      }
      if (payloadField?.dynamic) task.dynamic.push('Payload');
    }
    if (!task) continue;
    const byName = task.functionName !== undefined && names.has(task.functionName);
    if (!byName) {
      if (field(payload, 'service') !== undefined && field(payload, 'action') !== undefined)
        out.ignored.push({
          stateName: task.stateName,
          ...(task.functionName ? { functionName: task.functionName } : {}),
        });
      continue;
    }
    for (const key of ['service', 'action', 'region', 'assumeRoleArn', 'externalId'] as const) {
      const f = field(payload, key);
      if (f?.dynamic) task.dynamic.push(key);
      const v = literal(payload, key);
      if (v !== undefined) task[key] = v;
    }
    out.tasks.push(task);
    if (task.service && task.action && isServiceName(task.service) && isActionName(task.action)) {
      const call = { service: task.service, action: camelCase(task.action) };
      if (!out.calls.some((c) => c.service === call.service && c.action === call.action)) out.calls.push(call);
    } else if (task.dynamic.some((d) => d === 'service' || d === 'action' || d === 'Payload')) {
      out.warnings.push(`state "${task.stateName}" computes its service/action at run time: add its calls by hand`);
    } else {
      out.warnings.push(`state "${task.stateName}" calls the invoker without a valid literal "service" and "action"`);
    }
    if (task.region && !out.regions.includes(task.region)) out.regions.push(task.region);
    if (task.dynamic.includes('assumeRoleArn'))
      out.warnings.push(
        `state "${task.stateName}" chooses its role at run time: the invoker assumes only the literal roles of ALLOWED_ROLES`,
      );
    if (task.assumeRoleArn && !out.assumeRoleArns.includes(task.assumeRoleArn))
      out.assumeRoleArns.push(task.assumeRoleArn);
    if (task.assumeRoleArn && isLiteralRoleArn(task.assumeRoleArn)) addRole(out, task);
  }
  return out;
}

/** One entry per literal role; the payload's literal external id (if any) is what the deployer configures. */
function addRole(out: InvokerExtraction, task: InvokerTask): void {
  const id = task.externalId !== undefined && isExternalId(task.externalId) ? task.externalId : undefined;
  const known = out.roles.find((r) => r.roleArn === task.assumeRoleArn);
  if (!known) {
    out.roles.push(id ? { roleArn: task.assumeRoleArn!, externalId: id } : { roleArn: task.assumeRoleArn! });
  } else if (id && known.externalId !== id) {
    if (known.externalId === undefined) known.externalId = id;
    else
      out.warnings.push(
        `state "${task.stateName}" sends another externalId for ${task.assumeRoleArn}: the invoker uses "${known.externalId}"`,
      );
  }
}

/** The invoker tasks read and the look-alike tasks left out, for the deploy's report. */
export function describeTasks(found: InvokerExtraction): string[] {
  const lines: string[] = [];
  if (found.tasks.length)
    lines.push(
      `invoker tasks read (${found.tasks.length}): ${found.tasks.map((t) => `"${t.stateName}"${t.service && t.action ? ` ${t.service}:${t.action}` : ''}`).join(', ')}`,
    );
  for (const t of found.ignored)
    lines.push(
      `not counted: "${t.stateName}" calls ${t.functionName ? `function ${t.functionName}` : 'a function chosen at run time'}, not the invoker`,
    );
  return lines;
}

export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/** Edits that point every invoker task with a literal function reference at `functionArn`. */
export function functionArnEdits(text: string, extraction: InvokerExtraction, functionArn: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const task of extraction.tasks) {
    if (!task.target || task.target.value === functionArn) continue;
    const original = text.slice(task.target.offset, task.target.offset + task.target.length);
    const quoted = original.startsWith('"') || original.startsWith("'");
    edits.push({
      offset: task.target.offset,
      length: task.target.length,
      newText: quoted || !original ? JSON.stringify(functionArn) : functionArn,
    });
  }
  return edits;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset))
    out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}
