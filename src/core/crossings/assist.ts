// Editor assistance computed in the core (so unit tests reach it without an editor): completion of service,
// action, region and member names in invoker payloads and aws-sdk tasks, the hover text of a crossing state, and
// the refactorings offered on a Task (aws-sdk <-> cross-region invoker). The extension layer only adapts these.
import type { AslModel, StateInfo } from '../model/model';
import type { AstNode, ObjectNode, PropertyNode } from '../parse/ast';
import { INVOKER_EVENT_KEYS } from '../invoker/protocol';
import { allServices, operationsOf } from '../catalog';
import { lookupOperation, lookupService, memberNames, type MemberNames } from './catalog';
import { listCrossings } from './inventory';
import { KNOWN_REGIONS } from './regions';
import { tasksOf, type TaskInfo } from './tasks';
import { field, literalString } from './values';
import { toAwsSdkEdits } from './convert';
import type { FixEdit } from '../findings';
import type { Crossing } from './types';

export type CompletionKind = 'service' | 'action' | 'member' | 'region' | 'field';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Text that replaces `replace` (quotes and `: ` included for keys). */
  insertText: string;
  /** Sort key: required members first. */
  sortText?: string;
}

export interface CompletionResult {
  items: CompletionEntry[];
  replace: { offset: number; length: number };
}

function contains(node: AstNode, offset: number): boolean {
  return offset >= node.offset && offset <= node.offset + node.length;
}

/** The content range of a string node (inside its quotes, if any). */
function stringContent(text: string, node: AstNode): { start: number; end: number } {
  const q = text[node.offset];
  const quoted = q === '"' || q === "'";
  return { start: node.offset + (quoted ? 1 : 0), end: node.offset + node.length - (quoted ? 1 : 0) };
}

/** The property of `obj` whose key or value holds `offset`. */
function propertyAt(obj: ObjectNode, offset: number): { property: PropertyNode; inKey: boolean } | undefined {
  for (const p of obj.properties) {
    if (offset >= p.keyOffset && offset <= p.keyOffset + p.keyLength) return { property: p, inKey: true };
    if (contains(p.value, offset)) return { property: p, inKey: false };
  }
  return undefined;
}

/** The innermost Task containing an offset (states are in document order; nested ones come later). */
export function taskAt(model: AslModel, offset: number, invokerNames: readonly string[]): TaskInfo | undefined {
  let best: TaskInfo | undefined;
  for (const t of tasksOf(model, invokerNames)) {
    if (offset >= t.state.entry.keyOffset && offset <= t.node.offset + t.node.length) {
      if (!best || t.node.length <= best.node.length) best = t;
    }
  }
  return best;
}

export function completionsAt(
  model: AslModel,
  offset: number,
  invokerNames: readonly string[],
): CompletionResult | undefined {
  const task = taskAt(model, offset, invokerNames);
  if (!task) return undefined;
  const text = model.parsed.text;
  const yaml = model.parsed.languageId === 'asl-yaml';
  const keyText = (name: string, existing: boolean) =>
    yaml ? (existing ? name : `${name}: `) : existing ? JSON.stringify(name) : `${JSON.stringify(name)}: `;

  // Resource: arn:<p>:states:::aws-sdk:<service>:<action>
  const res = task.resourceProp?.value;
  if (res && res.kind === 'string' && contains(res, offset)) {
    const { start, end } = stringContent(text, res);
    if (offset < start || offset > end) return undefined;
    const before = text.slice(start, offset);
    const m = /^arn:[\w-]+:states:::aws-sdk:([\w-]*)(?::(\w*))?$/.exec(before);
    if (!m) return undefined;
    const content = text.slice(start, end);
    const base = before.length - (m[2] !== undefined ? m[2].length : m[1]!.length);
    if (m[2] === undefined) {
      const stop = content.indexOf(':', base);
      return {
        replace: { offset: start + base, length: (stop < 0 ? content.length : stop) - base },
        items: allServices().map((s) => ({ label: s.sfn, kind: 'service', detail: s.serviceId, insertText: s.sfn })),
      };
    }
    const svc = lookupService(m[1]!, 'sfn').service;
    if (!svc) return undefined;
    const rest = content.slice(base);
    const stop = rest.search(/[.:]/);
    return {
      replace: { offset: start + base, length: stop < 0 ? rest.length : stop },
      items: operationsOf(svc).map((op) => ({
        label: op.action,
        kind: 'action',
        // Required members as an aws-sdk task spells them (SDK for Java v2 names: `DbInstanceIdentifier`).
        detail: `${svc.sfn} ${op.name}${op.required.length ? ` (requires ${memberNames(op, 'sfn').required.join(', ')})` : ''}`,
        insertText: op.action,
      })),
    };
  }

  // Members of an aws-sdk task's Parameters/Arguments.
  if (task.integration === 'aws-sdk' && task.params && contains(task.params, offset) && task.service && task.action) {
    const svc = lookupService(task.service, 'sfn').service;
    const op = svc && lookupOperation(svc, task.action).operation;
    if (!op) return undefined;
    return memberCompletions(text, task.params, offset, memberNames(op, 'sfn'), keyText);
  }

  const payload = task.invoker?.payload;
  if (!payload || !contains(payload, offset)) return undefined;
  const at = propertyAt(payload, offset);
  if (!at || at.inKey) {
    const present = new Set(payload.properties.map((p) => p.key.replace(/\.\$$/, '')));
    return {
      replace: at ? { offset: at.property.keyOffset, length: at.property.keyLength } : typedWord(text, offset),
      items: INVOKER_EVENT_KEYS.filter((k) => !present.has(k) || (at && at.property.key === k)).map((k) => ({
        label: k,
        kind: 'field',
        insertText: keyText(k, !!at),
      })),
    };
  }
  const name = at.property.key;
  const value = at.property.value;
  const stringValueRange = (): { offset: number; length: number } | undefined => {
    if (value.kind !== 'string') return undefined;
    const { start, end } = stringContent(text, value);
    return offset >= start && offset <= end ? { offset: start, length: end - start } : undefined;
  };
  if (name === 'service') {
    const replace = stringValueRange();
    return (
      replace && {
        replace,
        items: allServices().map((s) => ({
          label: s.v3,
          kind: 'service',
          detail: `@aws-sdk/client-${s.v3} (${s.serviceId})`,
          insertText: s.v3,
        })),
      }
    );
  }
  if (name === 'region') {
    const replace = stringValueRange();
    return replace && { replace, items: KNOWN_REGIONS.map((r) => ({ label: r, kind: 'region', insertText: r })) };
  }
  const serviceName = literalString(field(payload, 'service'));
  const svc = serviceName ? lookupService(serviceName, 'v3').service : undefined;
  if (!svc) return undefined;
  if (name === 'action') {
    const replace = stringValueRange();
    return (
      replace && {
        replace,
        items: operationsOf(svc).map((op) => ({
          label: op.action,
          kind: 'action',
          detail: `${op.name}Command${op.required.length ? ` (requires ${op.required.join(', ')})` : ''}`,
          insertText: op.action,
        })),
      }
    );
  }
  if (name === 'parameters' && value.kind === 'object') {
    const action = literalString(field(payload, 'action'));
    const op = action ? lookupOperation(svc, action).operation : undefined;
    if (!op) return undefined;
    return memberCompletions(text, value, offset, memberNames(op, 'v3'), keyText);
  }
  return undefined;
}

function memberCompletions(
  text: string,
  obj: ObjectNode,
  offset: number,
  names: MemberNames,
  keyText: (name: string, existing: boolean) => string,
): CompletionResult | undefined {
  const at = propertyAt(obj, offset);
  if (at && !at.inKey) return undefined; // inside a member's value
  const present = new Set(obj.properties.map((p) => p.key.replace(/\.\$$/, '')));
  const required = new Set(names.required);
  return {
    replace: at ? { offset: at.property.keyOffset, length: at.property.keyLength } : typedWord(text, offset),
    items: [...names.all]
      .filter((n) => !present.has(n) || (at && at.property.key.replace(/\.\$$/, '') === n))
      .map((n) => ({
        label: n,
        kind: 'member' as const,
        detail: required.has(n) ? 'required' : 'optional',
        insertText: keyText(n, !!at),
        sortText: `${required.has(n) ? '0' : '1'}${n}`,
      })),
  };
}

const WORD = /[\w.$-]/;
/**
 * A key being typed where no property parses yet (`{"Bucket": "b", "Ke|` or an empty `""`): the word around the
 * cursor with its quotes, so the completion replaces it instead of nesting quotes.
 */
function typedWord(text: string, offset: number): { offset: number; length: number } {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && WORD.test(text[end]!)) end++;
  if (text[start - 1] === '"') {
    start--;
    if (text[end] === '"') end++;
  }
  return { offset: start, length: end - start };
}

export interface HoverResult {
  markdown: string;
  offset: number;
  length: number;
}

/** Hover on a crossing state's name or its Resource: where it goes, how it authenticates, which IAM actions it needs. */
export function hoverAt(model: AslModel, offset: number, invokerNames: readonly string[]): HoverResult | undefined {
  const task = taskAt(model, offset, invokerNames);
  if (!task) return undefined;
  const key = task.state.entry;
  const res = task.resourceProp;
  let range: { offset: number; length: number } | undefined;
  if (offset >= key.keyOffset && offset <= key.keyOffset + key.keyLength)
    range = { offset: key.keyOffset, length: key.keyLength };
  else if (res && offset >= res.keyOffset && offset <= res.value.offset + res.value.length)
    range = { offset: res.keyOffset, length: res.value.offset + res.value.length - res.keyOffset };
  if (!range) return undefined;
  const crossings = listCrossings(model, { invokerNames: [...invokerNames] }).filter(
    (c) => c.pointer === task.state.pointer,
  );
  if (!crossings.length) return undefined;
  return { ...range, markdown: crossings.map(describeCrossing).join('\n\n---\n\n') };
}

const KIND_TITLES: Record<Crossing['kind'], string> = {
  'cross-region': 'Cross-region call (invoker Lambda)',
  'cross-account': 'Cross-account task (Credentials)',
  'api-gateway': 'API Gateway call',
  http: 'HTTPS API call (HTTP Task)',
};

/** A definition value as a Markdown code span that no backtick, newline or link inside it can end or escape. */
function code(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
/** A definition value as plain Markdown text: every punctuation character that Markdown could act on escaped. */
function text(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()<>#+\-.!|~&:]/g, '\\$&');
}

function describeCrossing(c: Crossing): string {
  const rows: string[] = [`**${KIND_TITLES[c.kind]}**: ${code(c.target)}`, ''];
  if (c.region) rows.push(`- Region: ${code(c.region)}`);
  if (c.account) rows.push(`- Account: ${code(c.account)}`);
  if (c.roleArn) rows.push(`- Role: ${code(c.roleArn)}`);
  if (c.endpoint) rows.push(`- Endpoint: ${code(c.endpoint)}`);
  if (c.service && c.operation) rows.push(`- Call: ${code(`${c.service}:${c.operation}`)}`);
  rows.push(`- Auth: ${text(c.auth)}`);
  rows.push(`- IAM actions: ${c.actions.length ? c.actions.map(code).join(', ') : 'none'}`);
  return rows.join('\n');
}

export interface Refactoring {
  title: string;
  /** `to-invoker` needs a region (the editor asks); `edits` are ready to apply. */
  kind: 'to-invoker' | 'edits';
  state: StateInfo;
  edits?: FixEdit[];
}

/** The conversions offered on the Task under the cursor. */
export function refactoringsAt(model: AslModel, offset: number, invokerNames: readonly string[]): Refactoring[] {
  const task = taskAt(model, offset, invokerNames);
  if (!task) return [];
  if (task.integration === 'aws-sdk' && task.service && task.action)
    return [
      { title: 'Call this API in another region through the invoker Lambda…', kind: 'to-invoker', state: task.state },
    ];
  if (task.invoker?.payload) {
    const back = toAwsSdkEdits(model, task);
    if (back) return [{ title: back.title, kind: 'edits', state: task.state, edits: back.edits }];
  }
  return [];
}
