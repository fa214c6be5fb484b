// XC2xx: `arn:<partition>:states:::apigateway:invoke` tasks. Facts: ../shared/DOMAIN.md section 3 and
// https://docs.aws.amazon.com/step-functions/latest/dg/connect-api-gateway.html. Endpoints with deploy-time
// `${...}` placeholders are judged on their literal parts only, without fixes (./placeholders).
import { memoize } from '../memo';
import { API_GATEWAY_FORBIDDEN_HEADERS } from './headers';
import { atKey, atNode, atValue, type Rule } from '../model/rule';
import type { FixEdit } from '../findings';
import type { AstNode, ObjectNode } from '../parse/ast';
import { checkKnownFields, knownFields, fix, kitFor, whereMissing, type Kit } from './kit';
import { toHttpInvokeEdits } from './convert';
import type { TaskInfo } from './tasks';
import { closest, fieldOf, literalString, type Field, type Fields } from './values';
import { apiHostPlaceholderProblem, hasPlaceholder, holdsPlaceholder } from './placeholders';

const REQUIRED_PARAMETERS: readonly string[] = ['ApiEndpoint', 'Method'];
export const API_GATEWAY_PARAMETERS = [
  'ApiEndpoint',
  'Method',
  'Stage',
  'Path',
  'Headers',
  'QueryParameters',
  'RequestBody',
  'AllowNullValues',
  'AuthType',
] as const;
const API_GATEWAY_KNOWN = knownFields(API_GATEWAY_PARAMETERS);
export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;
export const BODY_METHODS = ['PATCH', 'POST', 'PUT'];
export const AUTH_TYPES = ['NO_AUTH', 'IAM_ROLE', 'RESOURCE_POLICY'] as const;

/** Compared lower-case. */
const FORBIDDEN_HEADERS = new Set(API_GATEWAY_FORBIDDEN_HEADERS.names.map((h) => h.toLowerCase()));
const FORBIDDEN_PREFIXES = API_GATEWAY_FORBIDDEN_HEADERS.prefixes.map((h) => h.toLowerCase());

const forbiddenMemo = new Map<string, boolean>();
export function isForbiddenApiGatewayHeader(name: string): boolean {
  let hit = forbiddenMemo.get(name);
  if (hit === undefined) {
    const n = name.toLowerCase();
    hit = FORBIDDEN_HEADERS.has(n) || FORBIDDEN_PREFIXES.some((p) => n.startsWith(p));
    if (forbiddenMemo.size < 10_000) forbiddenMemo.set(name, hit);
  }
  return hit;
}

const HOST_RE = /^([0-9a-z]+)\.execute-api\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.amazonaws\.com(\.cn)?$/;
/** `<apiId>.execute-api.<region>.amazonaws.com[.cn]`: its api id and region. */
export const apiGatewayHost = memoize((host: string): Readonly<{ apiId: string; region: string }> | undefined => {
  const m = HOST_RE.exec(host);
  return m ? { apiId: m[1]!, region: m[2]! } : undefined;
});

/** Splits `https://host/a/b?q` into scheme, host and path (no validation). */
export const splitEndpoint = memoize((s: string): Readonly<{ scheme: string; host: string; path: string }> => {
  const m = /^([a-zA-Z][\w+.-]*:\/\/)?([^/?#]*)(.*)$/.exec(s.trim())!;
  return { scheme: m[1] ?? '', host: m[2] ?? '', path: m[3] ?? '' };
});

export const apiGatewayRule: Rule = {
  id: 'crossings/apigateway-invoke',
  run(ctx) {
    const kit = kitFor(ctx);
    for (const task of kit.tasks) if (task.integration === 'apigateway') checkTask(kit, task);
  },
};

function checkTask(kit: Kit, task: TaskInfo): void {
  const resourceValue = task.resourceProp!.value;
  if (task.pattern && task.pattern !== 'waitForTaskToken') {
    const base = task.resource!.slice(0, task.resource!.length - task.pattern.length - 1);
    kit.report(
      'XC209',
      'error',
      `apigateway:invoke supports request-response and .waitForTaskToken only, not ".${task.pattern}".`,
      atNode(resourceValue),
      fix('Use request-response (apigateway:invoke)', [kit.edit.replace(resourceValue, base)], true),
    );
  }
  const params = task.params;
  if (!params) {
    if (!task.paramsProp)
      kit.report(
        'XC201',
        'error',
        'apigateway:invoke needs parameters "ApiEndpoint" and "Method".',
        atNode(resourceValue),
      );
    return;
  }
  const byName = checkKnownFields(kit, params, API_GATEWAY_KNOWN, 'XC211', 'error', 'apigateway:invoke parameter');
  const missing = byName.missing(REQUIRED_PARAMETERS);
  if (missing)
    kit.report(
      'XC201',
      'error',
      `apigateway:invoke needs ${missing.map((m) => `"${m}"`).join(' and ')}.`,
      whereMissing(task.paramsProp, params),
    );
  const endpoint = byName.get('ApiEndpoint');
  if (endpoint) checkEndpoint(kit, task, params, endpoint, byName);
  const method = byName.get('Method');
  const methodValue = literalString(method);
  if (method && !method.dynamic && !holdsPlaceholder(method)) {
    if (methodValue === undefined || !(METHODS as readonly string[]).includes(methodValue)) {
      const upper = methodValue?.toUpperCase();
      const near = upper && (METHODS as readonly string[]).includes(upper) ? upper : undefined;
      kit.report(
        'XC204',
        'error',
        `"Method" must be one of ${METHODS.join(', ')}${near ? ` (upper-case: "${near}")` : ''}.`,
        atValue(method.property),
        near ? fix(`Change to "${near}"`, [kit.edit.replace(method.property.value, near)], true) : undefined,
      );
    }
  }
  const body = byName.get('RequestBody');
  if (
    body &&
    methodValue &&
    (METHODS as readonly string[]).includes(methodValue) &&
    !BODY_METHODS.includes(methodValue)
  ) {
    kit.report(
      'XC207',
      'error',
      `"RequestBody" is only sent with PATCH, POST or PUT; this task uses ${methodValue}.`,
      atKey(body.property),
      fix('Remove "RequestBody"', [kit.edit.removeProperty(params, body.property)]),
    );
  }
  const authType = byName.get('AuthType');
  if (authType && !authType.dynamic && !holdsPlaceholder(authType)) {
    const v = literalString(authType);
    if (v === undefined || !(AUTH_TYPES as readonly string[]).includes(v)) {
      const near = v === undefined ? undefined : closest(v.replace(/[\s-]/g, '_'), AUTH_TYPES);
      kit.report(
        'XC208',
        'error',
        `"AuthType" must be NO_AUTH (default), IAM_ROLE or RESOURCE_POLICY${near ? `: did you mean "${near}"?` : '.'}`,
        atValue(authType.property),
        near ? fix(`Change to "${near}"`, [kit.edit.replace(authType.property.value, near)], true) : undefined,
      );
    }
  }
  for (const name of ['Stage', 'Path'] as const) {
    const f = byName.get(name);
    if (f && !f.dynamic && f.property.value.kind !== 'string')
      kit.report('XC212', 'error', `"${name}" must be a string.`, atValue(f.property));
  }
  const allowNull = byName.get('AllowNullValues');
  if (allowNull && !allowNull.dynamic && allowNull.property.value.kind !== 'boolean')
    kit.report('XC212', 'error', '"AllowNullValues" must be true or false.', atValue(allowNull.property));
  const headers = byName.get('Headers');
  if (headers) checkArrayMap(kit, params, headers, true);
  const query = byName.get('QueryParameters');
  if (query) checkArrayMap(kit, params, query, false);
  if (task.pattern === 'waitForTaskToken' && !carriesTaskToken(params)) {
    kit.report(
      'XC210',
      'warning',
      'With .waitForTaskToken the task token must reach the API (in "Headers", e.g. "TaskToken.$": "States.Array($$.Task.Token)", or in "RequestBody", "Path" or "QueryParameters"); no parameter passes $$.Task.Token, so nothing can resume the execution.',
      atNode(resourceValue),
    );
  }
}

/**
 * True when some parameter passes the task token (a `$$.Task.Token` path, `$states.context.Task.Token` in
 * JSONata) anywhere: Headers, RequestBody, Path or QueryParameters (the API reads it wherever its code
 * expects it), or passes the whole context object (`$$`).
 */
function carriesTaskToken(params: ObjectNode): boolean {
  const stack: AstNode[] = [params];
  let budget = 2000;
  while (stack.length && budget-- > 0) {
    const node = stack.pop()!;
    if (node.kind === 'object') for (const p of node.properties) stack.push(p.value);
    else if (node.kind === 'array') for (const item of node.items) stack.push(item);
    else if (node.kind === 'string') {
      const v = node.value as string;
      if (v.includes('Task.Token') || v.trim() === '$$') return true;
    }
  }
  return budget <= 0; // too large to search: assume it does
}

function checkEndpoint(kit: Kit, task: TaskInfo, params: ObjectNode, endpoint: Field, byName: Fields): void {
  if (endpoint.dynamic) return;
  const value = literalString(endpoint);
  if (value === undefined) {
    kit.report(
      'XC202',
      'error',
      '"ApiEndpoint" must be a string: the API host, e.g. "abc123.execute-api.us-east-1.amazonaws.com".',
      atValue(endpoint.property),
    );
    return;
  }
  if (apiGatewayHost(value)) return;
  if (hasPlaceholder(value)) {
    checkEndpointWithPlaceholders(kit, endpoint, value);
    return;
  }
  const { scheme, host, path } = splitEndpoint(value);
  if (apiGatewayHost(host)) {
    const segments = path
      .replace(/[?#].*$/, '')
      .split('/')
      .filter(Boolean);
    const edits: Array<FixEdit | undefined> = [kit.edit.replace(endpoint.property.value, host)];
    const extra: string[] = [];
    if (segments.length && !byName.has('Stage') && !byName.has('Path')) {
      edits.push(kit.edit.insertProperty(params, 'Stage', segments[0]!));
      extra.push(`Stage "${segments[0]}"`);
      if (segments.length > 1) {
        edits.push(kit.edit.insertProperty(params, 'Path', segments.slice(1).join('/')));
        extra.push(`Path "${segments.slice(1).join('/')}"`);
      }
    }
    // Two inserts at the same place would interleave: fold them into one.
    const merged = mergeInserts(edits);
    kit.report(
      'XC202',
      'error',
      `"ApiEndpoint" is the host only (no ${scheme ? 'scheme' : ''}${scheme && path ? ' and no ' : ''}${path ? 'path' : ''}): "${host}". Put the stage in "Stage" and the rest in "Path".`,
      atValue(endpoint.property),
      fix(`Keep only the host${extra.length ? ` (${extra.join(', ')})` : ''}`, merged, true),
    );
    return;
  }
  kit.report(
    'XC203',
    'error',
    `"${host || value}" is not an API Gateway endpoint (<apiId>.execute-api.<region>.amazonaws.com). apigateway:invoke cannot call other hosts, custom domains or private APIs: use an HTTP Task (arn:${task.partition ?? 'aws'}:states:::http:invoke) with an EventBridge connection.`,
    atValue(endpoint.property),
    fix('Convert to an HTTP Task (http:invoke) with an EventBridge connection', toHttpInvokeEdits(kit, task), true),
    { host },
  );
}

/**
 * An endpoint filled in at deploy time (`${ApiId}.execute-api.${AWS::Region}.amazonaws.com`, `${ApiEndpoint}`):
 * only its literal parts are judged, and no fix is offered (the value is not known here).
 */
function checkEndpointWithPlaceholders(kit: Kit, endpoint: Field, value: string): void {
  const problem = apiHostPlaceholderProblem(value);
  if (!problem) return;
  if (problem === 'host')
    kit.report(
      'XC203',
      'error',
      `${JSON.stringify(value)} cannot become an API Gateway endpoint (<apiId>.execute-api.<region>.amazonaws.com): its literal part names another host. apigateway:invoke cannot call other hosts, custom domains or private APIs: use an HTTP Task (http:invoke) with an EventBridge connection.`,
      atValue(endpoint.property),
    );
  else
    kit.report(
      'XC202',
      'error',
      `"ApiEndpoint" is the host only (no ${problem}): put the stage in "Stage" and the rest in "Path".`,
      atValue(endpoint.property),
    );
}

function mergeInserts<T extends { offset: number; length: number; newText: string } | undefined>(edits: T[]): T[] {
  const out: T[] = [];
  for (const e of edits) {
    const prev = out[out.length - 1];
    if (e && prev && e.length === 0 && prev.length === 0 && prev.offset === e.offset) prev.newText += e.newText;
    else out.push(e);
  }
  return out;
}

/** Headers / QueryParameters of apigateway:invoke: every value an array of strings (or a path). */
function checkArrayMap(kit: Kit, params: ObjectNode, f: Field, headers: boolean): void {
  if (f.dynamic) return;
  const what = headers ? 'Headers' : 'QueryParameters';
  const obj = f.property.value;
  if (obj.kind !== 'object') {
    kit.report(
      'XC205',
      'error',
      `"${what}" must be an object whose values are arrays of strings, e.g. {"key": ["value"]}.`,
      atValue(f.property),
    );
    return;
  }
  for (const p of obj.properties) {
    const entry = fieldOf(p);
    if (headers && isForbiddenApiGatewayHeader(entry.name)) {
      const secret = entry.name.toLowerCase() === 'authorization';
      kit.report(
        'XC206',
        'error',
        `API Gateway does not accept the "${entry.name}" header from Step Functions${secret ? '; credentials do not belong in a definition anyway (anyone who can read it sees them): use AuthType IAM_ROLE or RESOURCE_POLICY' : ''}.`,
        atKey(p),
        fix(
          `Remove the "${entry.name}" header`,
          [kit.edit.removeProperty(obj, p, { obj: params, property: f.property })],
          true,
        ),
        { header: entry.name },
      );
      continue;
    }
    if (entry.dynamic) continue;
    const v = p.value;
    if (v.kind === 'array') {
      for (const item of v.items)
        if (item.kind !== 'string')
          kit.report(
            'XC205',
            'error',
            `${what} values are arrays of strings; this item is a ${item.kind}.`,
            atNode(item),
          );
      continue;
    }
    kit.report(
      'XC205',
      'error',
      `${what} values must be arrays of strings: "${entry.name}": [${v.kind === 'string' ? JSON.stringify(v.value) : '"..."'}].`,
      atNode(v),
      v.kind === 'string' ? fix('Wrap the value in an array', kit.edit.wrapInArray(v), true) : undefined,
    );
  }
}
