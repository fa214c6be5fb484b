// XC3xx: `arn:<partition>:states:::http:invoke` tasks (HTTP Task, third-party HTTPS APIs). Facts:
// ../shared/DOMAIN.md section 4 and https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html.
// Endpoints and connection ARNs with deploy-time `${...}` placeholders are judged on their literal parts.
import {
  connectionArnPlaceholderProblem,
  hasPlaceholder,
  holdsPlaceholder,
  httpsUrlPlaceholderProblem,
} from './placeholders';
import { HTTP_RUNTIME_FORBIDDEN_HEADERS } from './headers';
import { atKey, atNode, atValue, type Rule } from '../model/rule';
import { toValue, type ObjectNode, type PropertyNode } from '../parse/ast';
import { checkKnownFields, knownFields, fix, kitFor, whereMissing, type Kit } from './kit';
import { connectionPlaceholder, CONNECTION_ARN_PLACEHOLDER } from './constants';
import { METHODS } from './apigateway';
import type { TaskInfo } from './tasks';
import { closest, field, fieldOf, isPartition, literalString, type Field, type Fields } from './values';

const REQUIRED_PARAMETERS: readonly string[] = ['ApiEndpoint', 'Method'];
export const HTTP_PARAMETERS = [
  'ApiEndpoint',
  'Method',
  'Authentication',
  'InvocationConfig',
  'Headers',
  'QueryParameters',
  'RequestBody',
  'Transform',
] as const;
const HTTP_KNOWN = knownFields(HTTP_PARAMETERS);
export const REQUEST_BODY_ENCODINGS = ['NONE', 'URL_ENCODED'] as const;
export const ARRAY_FORMATS = ['INDICES', 'REPEAT', 'COMMAS', 'BRACKETS'] as const;
const TRANSFORM_FIELDS = knownFields(['RequestBodyEncoding', 'RequestEncodingOptions']);
const ENCODING_OPTION_FIELDS = knownFields(['ArrayFormat']);

/** Compared lower-case. */
const RUNTIME_FORBIDDEN = new Set(HTTP_RUNTIME_FORBIDDEN_HEADERS.names.map((h) => h.toLowerCase()));
const RUNTIME_FORBIDDEN_PREFIXES: readonly string[] = HTTP_RUNTIME_FORBIDDEN_HEADERS.prefixes;

const runtimeForbiddenMemo = new Map<string, boolean>();
export function isRuntimeForbiddenHeader(name: string): boolean {
  let hit = runtimeForbiddenMemo.get(name);
  if (hit === undefined) {
    const n = name.toLowerCase();
    hit = RUNTIME_FORBIDDEN.has(n) || RUNTIME_FORBIDDEN_PREFIXES.some((p) => n.startsWith(p));
    if (runtimeForbiddenMemo.size < 10_000) runtimeForbiddenMemo.set(name, hit);
  }
  return hit;
}

const SECRET_NAMES =
  /^(authorization|x-api-key|api-?key|x-auth-token|auth-?token|x-access-token|access-?token|cookie|x-secret|secret|password|x-password|client-secret)$/i;
const SECRET_NAME_HINT = /(key|token|secret|password|passwd|auth|credential|session)/i;
const SECRET_VALUE = /^(bearer|basic|token|digest|apikey|sharedaccesssignature)\s+\S{4,}/i;
const OPAQUE_VALUE = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9_\-+/=.]{20,}$/;

/** A header that carries a credential: an auth header name, or a value that looks like a token. */
export function isSecretHeader(name: string, value: unknown): boolean {
  if (name.toLowerCase() === 'authorization') return true;
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) {
    if (typeof v !== 'string' || v.trim() === '' || v.trim().startsWith('{%')) continue;
    if (SECRET_VALUE.test(v.trim())) return true;
    if (SECRET_NAMES.test(name)) return true;
    if (SECRET_NAME_HINT.test(name) && OPAQUE_VALUE.test(v.trim())) return true;
  }
  return false;
}

const CONNECTION_RE =
  /^arn:(aws|aws-cn|aws-us-gov):events:[a-z]{2}(?:-[a-z]+)+-\d{1,2}:\d{12}:connection\/[\w.\-_]{1,64}\/[\w-]+$/;
export function isConnectionArn(s: string): boolean {
  return CONNECTION_RE.test(s);
}

export const httpInvokeRule: Rule = {
  id: 'crossings/http-invoke',
  run(ctx) {
    const kit = kitFor(ctx);
    for (const task of kit.tasks) if (task.integration === 'http') checkTask(kit, task);
  },
};

function checkTask(kit: Kit, task: TaskInfo): void {
  const params = task.params;
  if (!params) {
    if (!task.paramsProp)
      kit.report(
        'XC301',
        'error',
        'http:invoke needs parameters "ApiEndpoint", "Method" and "Authentication".',
        atNode(task.resourceProp!.value),
      );
    return;
  }
  const byName = checkKnownFields(kit, params, HTTP_KNOWN, 'XC309', 'warning', 'http:invoke parameter');
  const missing = byName.missing(REQUIRED_PARAMETERS);
  if (missing)
    kit.report(
      'XC301',
      'error',
      `http:invoke needs ${missing.map((m) => `"${m}"`).join(' and ')}.`,
      whereMissing(task.paramsProp, params),
    );
  const endpoint = byName.get('ApiEndpoint');
  if (endpoint && !endpoint.dynamic) {
    const url = literalString(endpoint);
    if (url !== undefined && hasPlaceholder(url)) {
      // Filled in at deploy time: only the literal start is judged, and no fix is offered.
      const problem = httpsUrlPlaceholderProblem(url);
      if (problem)
        kit.report(
          'XC302',
          'error',
          `"ApiEndpoint" must be a full https:// URL: ${problem}.`,
          atValue(endpoint.property),
        );
    } else if (url === undefined || !isHttpsUrl(url)) {
      const fixed = url !== undefined ? toHttps(url) : undefined;
      kit.report(
        'XC302',
        'error',
        `"ApiEndpoint" must be a full https:// URL with a public host name (e.g. "https://api.example.com/v1/orders")${url?.startsWith('http://') ? ': plain http is not allowed' : ''}.`,
        atValue(endpoint.property),
        fixed ? fix(`Change to "${fixed}"`, [kit.edit.replace(endpoint.property.value, fixed)], true) : undefined,
      );
    }
  }
  const method = byName.get('Method');
  if (method && !method.dynamic && !holdsPlaceholder(method)) {
    const v = literalString(method);
    if (v === undefined || !(METHODS as readonly string[]).includes(v)) {
      const upper = v?.toUpperCase();
      const near = upper && (METHODS as readonly string[]).includes(upper) ? upper : undefined;
      kit.report(
        'XC308',
        'error',
        `"Method" must be one of ${METHODS.join(', ')}.`,
        atValue(method.property),
        near ? fix(`Change to "${near}"`, [kit.edit.replace(method.property.value, near)], true) : undefined,
      );
    }
  }
  checkConnection(kit, task, params, byName);
  const headers = byName.get('Headers');
  if (headers && !headers.dynamic) checkHeaders(kit, task, params, headers, byName);
  const transform = byName.get('Transform');
  if (transform && !transform.dynamic) checkTransform(kit, transform);
}

/** `https://host[:port][/path][?query][#fragment]`, no spaces (a cheap pre-check; URL parsing is the judge). */
const HTTPS_URL_RE = /^https:\/\/[^\s/?#:@]+(?::\d{1,5})?(?:[/?#]\S*)?$/i;
const httpsMemo = new Map<string, boolean>();

function isHttpsUrl(s: string): boolean {
  let hit = httpsMemo.get(s);
  if (hit === undefined) {
    hit = false;
    if (HTTPS_URL_RE.test(s)) {
      try {
        const u = new URL(s);
        hit = u.protocol === 'https:' && !!u.hostname;
      } catch {
        hit = false;
      }
    }
    if (httpsMemo.size < 10_000) httpsMemo.set(s, hit);
  }
  return hit;
}

function toHttps(s: string): string | undefined {
  const candidate = s.startsWith('http://')
    ? `https://${s.slice(7)}`
    : /^[a-z0-9.-]+\.[a-z]{2,}(\/|$)/i.test(s)
      ? `https://${s}`
      : undefined;
  return candidate && isHttpsUrl(candidate) ? candidate : undefined;
}

function checkConnection(kit: Kit, task: TaskInfo, params: ObjectNode, byName: Fields): void {
  const auth = byName.get('Authentication');
  const invocation = byName.get('InvocationConfig');
  if (!auth && !invocation) {
    const insert = kit.edit.insertProperty(params, 'Authentication', {
      ConnectionArn: connectionPlaceholder(task.partition),
    });
    kit.report(
      'XC303',
      'error',
      'http:invoke needs "Authentication": { "ConnectionArn": ... }: an EventBridge connection holds the API\'s credentials (API key, basic or OAuth).',
      whereMissing(task.paramsProp, params),
      fix('Add "Authentication" with a connection ARN placeholder', [insert], true),
    );
    return;
  }
  if (auth) checkConnectionField(kit, task, auth);
  if (invocation) checkConnectionField(kit, task, invocation);
}

function checkConnectionField(kit: Kit, task: TaskInfo, c: Field): void {
  if (c.dynamic) return;
  const obj = c.property.value;
  if (obj.kind !== 'object') {
    kit.report(
      'XC303',
      'error',
      `"${c.name}" must be an object: { "ConnectionArn": "arn:aws:events:...:connection/..." }.`,
      atValue(c.property),
    );
    return;
  }
  const arn = field(obj, 'ConnectionArn');
  if (!arn) {
    kit.report(
      'XC303',
      'error',
      `"${c.name}" needs "ConnectionArn" (an EventBridge connection ARN).`,
      atKey(c.property),
      fix(
        'Add a "ConnectionArn" placeholder',
        [kit.edit.insertProperty(obj, 'ConnectionArn', connectionPlaceholder(task.partition))],
        true,
      ),
    );
    return;
  }
  if (arn.dynamic) return;
  const value = literalString(arn);
  if (value !== undefined && isPlaceholder(value)) {
    kit.report(
      'XC311',
      'warning',
      "This is the placeholder connection ARN: replace it with your EventBridge connection's ARN (EventBridge console > API destinations > Connections).",
      atValue(arn.property),
    );
  } else if (value !== undefined && hasPlaceholder(value)) {
    const why = connectionArnPlaceholderProblem(kit.ctx, value);
    if (why)
      kit.report(
        'XC304',
        'error',
        `"ConnectionArn" must be an EventBridge connection ARN (arn:<partition>:events:<region>:<account>:connection/<name>/<id>): ${why}.`,
        atValue(arn.property),
      );
  } else if (value === undefined || !isConnectionArn(value)) {
    const p = value?.split(':')[1];
    const partitionHint =
      p && task.partition && isPartition(task.partition) && p !== task.partition
        ? ` Its partition "${p}" differs from the task's "${task.partition}".`
        : '';
    kit.report(
      'XC304',
      'error',
      `"ConnectionArn" must be an EventBridge connection ARN: arn:<partition>:events:<region>:<account>:connection/<name>/<id>.${partitionHint}`,
      atValue(arn.property),
    );
  } else if (task.partition && isPartition(task.partition) && arnPartition(value) !== task.partition) {
    kit.report(
      'XC304',
      'error',
      `The connection is in partition "${arnPartition(value)}" but the task in "${task.partition}": a connection cannot be used across partitions.`,
      atValue(arn.property),
    );
  }
}

/** The partition of an ARN string, without splitting it. */
function arnPartition(arn: string): string {
  return arn.slice(4, arn.indexOf(':', 4));
}

const PLACEHOLDER_TAIL = CONNECTION_ARN_PLACEHOLDER.split(':').slice(2).join(':');
function isPlaceholder(s: string): boolean {
  return s.endsWith(PLACEHOLDER_TAIL);
}

function checkHeaders(kit: Kit, task: TaskInfo, params: ObjectNode, headers: Field, byName: Fields): void {
  const obj = headers.property.value;
  if (obj.kind !== 'object') {
    kit.report(
      'XC310',
      'error',
      '"Headers" must be an object of header names to string values.',
      atValue(headers.property),
    );
    return;
  }
  const hasConnection = byName.get('Authentication') !== undefined || byName.get('InvocationConfig') !== undefined;
  for (const p of obj.properties) {
    const h = fieldOf(p);
    const value =
      p.value.kind === 'string'
        ? p.value.value
        : p.value.kind === 'array'
          ? p.value.items.map((i) => (i.kind === 'string' ? i.value : ''))
          : undefined;
    // A `.$` header gets its value at run time: only its name can tell (Authorization).
    if (isSecretHeader(h.name, p.key.endsWith('.$') ? undefined : value)) {
      kit.report(
        'XC305',
        'error',
        `"${h.name}" carries a credential: anyone who can read the definition sees it, and Step Functions rejects an Authorization header. Put it in the EventBridge connection (API key, basic or OAuth) named by "Authentication.ConnectionArn".`,
        atKey(p),
        fix(
          hasConnection
            ? `Remove the "${h.name}" header (the connection authenticates)`
            : `Move "${h.name}" to an EventBridge connection (remove it, add a connection placeholder)`,
          moveSecretEdits(kit, task, params, headers.property, p, hasConnection),
          true,
        ),
        { header: h.name },
      );
      continue;
    }
    if (isRuntimeForbiddenHeader(h.name)) {
      kit.report(
        'XC306',
        'error',
        `The HTTP Task does not send the "${h.name}" header: the request fails at run time. Remove it.`,
        atKey(p),
        fix(
          `Remove the "${h.name}" header`,
          [kit.edit.removeProperty(obj, p, { obj: params, property: headers.property })],
          true,
        ),
        { header: h.name },
      );
      continue;
    }
    if (h.dynamic) continue;
    if (p.value.kind === 'array') {
      const items = p.value.items;
      const single = items.length === 1 && items[0]!.kind === 'string' ? (items[0]!.value as string) : undefined;
      kit.report(
        'XC310',
        'error',
        'http:invoke header values are strings, not arrays (arrays are for apigateway:invoke).',
        atNode(p.value),
        single !== undefined ? fix('Use the string value', [kit.edit.replace(p.value, single)], true) : undefined,
      );
    } else if (p.value.kind === 'object' || p.value.kind === 'null') {
      kit.report(
        'XC310',
        'error',
        `http:invoke header values are strings; this one is ${p.value.kind === 'null' ? 'null' : 'an object'}.`,
        atNode(p.value),
      );
    }
  }
}

function moveSecretEdits(
  kit: Kit,
  task: TaskInfo,
  params: ObjectNode,
  headersProp: PropertyNode,
  p: PropertyNode,
  hasConnection: boolean,
) {
  const headers = headersProp.value as ObjectNode;
  const remove = kit.edit.removeProperty(headers, p, { obj: params, property: headersProp });
  if (hasConnection) return [remove];
  const insert = kit.edit.insertProperty(params, 'Authentication', {
    ConnectionArn: connectionPlaceholder(task.partition),
  });
  if (remove && insert && !overlaps(remove, insert)) return [remove, insert];
  // The two edits touch (YAML lines): rewrite the parameters object instead.
  const value: Record<string, unknown> = {};
  for (const q of params.properties) {
    if (q === headersProp) {
      const rest = headers.properties.filter((h) => h !== p);
      if (rest.length) value[q.key] = Object.fromEntries(rest.map((h) => [h.key, toValue(h.value)]));
    } else value[q.key] = toValue(q.value);
  }
  value.Authentication = { ConnectionArn: connectionPlaceholder(task.partition) };
  return [kit.edit.replace(params, value)];
}

/** Edits that share text, or an insertion inside (or at the end of) a removal. */
function overlaps(a: { offset: number; length: number }, b: { offset: number; length: number }): boolean {
  if (b.length === 0) return b.offset > a.offset && b.offset < a.offset + a.length;
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

function checkTransform(kit: Kit, transform: Field): void {
  const obj = transform.property.value;
  if (obj.kind !== 'object') {
    kit.report(
      'XC307',
      'error',
      '"Transform" must be an object: { "RequestBodyEncoding": "NONE" | "URL_ENCODED", "RequestEncodingOptions": {...} }.',
      atValue(transform.property),
    );
    return;
  }
  const known = checkKnownFields(kit, obj, TRANSFORM_FIELDS, 'XC307', 'error', 'Transform field');
  for (const f of known.values()) {
    if (f.dynamic) continue;
    if (f.name === 'RequestBodyEncoding') enumValue(kit, f, REQUEST_BODY_ENCODINGS);
    else if (f.property.value.kind === 'object') {
      const inner = checkKnownFields(
        kit,
        f.property.value,
        ENCODING_OPTION_FIELDS,
        'XC307',
        'error',
        'RequestEncodingOptions field',
      );
      for (const a of inner.values()) if (!a.dynamic) enumValue(kit, a, ARRAY_FORMATS);
    } else
      kit.report(
        'XC307',
        'error',
        '"RequestEncodingOptions" must be an object: { "ArrayFormat": "INDICES" | "REPEAT" | "COMMAS" | "BRACKETS" }.',
        atValue(f.property),
      );
  }
}

function enumValue(kit: Kit, f: Field, allowed: readonly string[]): void {
  const v = literalString(f);
  if (v !== undefined && (allowed.includes(v) || hasPlaceholder(v))) return;
  const near = v === undefined ? undefined : closest(v.replace(/[\s-]/g, '_'), allowed);
  kit.report(
    'XC307',
    'error',
    `"${f.name}" must be one of ${allowed.join(', ')}${near ? `: did you mean "${near}"?` : '.'}`,
    atValue(f.property),
    near ? fix(`Change to "${near}"`, [kit.edit.replace(f.property.value, near)], true) : undefined,
  );
}
