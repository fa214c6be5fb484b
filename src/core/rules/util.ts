// Small helpers shared by the whole-document rules: did-you-mean suggestions, JSONata string tests,
// value descriptions for messages, and positions inside string values.
import { pointerOf, type AstNode, type ObjectNode, type PropertyNode } from '../parse/ast';
import type { Where } from '../model/rule';
import type { Fix } from '../findings';

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** The closest candidate (case-insensitive containment or a small edit distance), if any. */
export function didYouMean(word: string, candidates: Iterable<string>, limit = 500): string | undefined {
  const lower = word.toLowerCase();
  const max = Math.max(1, Math.min(3, Math.ceil(word.length / 3)));
  let best: string | undefined;
  let bestScore = Infinity;
  let seen = 0;
  for (const c of candidates) {
    if (++seen > limit) break;
    const cl = c.toLowerCase();
    let score: number;
    if (cl === lower) score = 0;
    else if (lower.length >= 4 && (lower.includes(cl) || cl.includes(lower))) score = 1;
    else score = editDistance(lower, cl, max);
    if (score <= max && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

export function suggestion(word: string, candidates: Iterable<string>): string {
  const s = didYouMean(word, candidates);
  return s ? ` Did you mean "${s}"?` : '';
}

/** An RFC 3339 timestamp as Step Functions takes it (Wait "Timestamp", Choice timestamp comparisons). */
export const RFC3339_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A `{% ... %}` string: evaluated as JSONata in JSONata states. */
export function isJsonataString(node: AstNode | undefined): boolean {
  if (node?.kind !== 'string') return false;
  const s = node.value as string;
  return s.startsWith('{%') && s.endsWith('%}') && s.length >= 4;
}

/** "a string", "an object"... for messages. */
export function describe(node: AstNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'null':
      return 'null';
    case 'string':
      return `the string ${JSON.stringify(truncate(node.value as string, 40))}`;
    case 'number':
      return `the number ${String(node.value)}`;
    case 'boolean':
      return String(node.value);
  }
}

export function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A message prefix such as `State "A"`, built only when a finding is reported. */
export class LazyLabel {
  constructor(
    private readonly prefix: string,
    private readonly name: string,
  ) {}
  toString(): string {
    return `${this.prefix}${q(this.name)}`;
  }
}
/** A message subject: a string, or an object whose `toString()` builds it when a finding is reported. */
export type Label = string | { toString(): string };
export function label(l: Label): string {
  return typeof l === 'string' ? l : l.toString();
}

export function q(name: string): string {
  return JSON.stringify(truncate(name, 90));
}

/** Properties of an object in document order, or none. */
export function propertiesOf(node: AstNode | undefined): PropertyNode[] {
  return node?.kind === 'object' ? node.properties : [];
}

export function objectOrUndefined(node: AstNode | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

/**
 * A range inside a string value: `start`/`length` index the decoded string. Falls back to the whole
 * value when the source text cannot be mapped (YAML block scalars, unusual escapes).
 */
export function atStringPart(text: string, node: AstNode, start: number, length: number): Where {
  const whole: Where = { offset: node.offset, length: node.length, path: pointerOf(node) };
  if (node.kind !== 'string') return whole;
  const value = node.value as string;
  const quote = text[node.offset];
  const end = node.offset + node.length;
  let raw = node.offset;
  if (quote === '"' || quote === "'") raw++;
  else if (text.slice(node.offset, node.offset + value.length) !== value) return whole;
  const rawIndexOf = (target: number): number | undefined => {
    let r = raw;
    let i = 0;
    while (i < target) {
      if (r >= end) return undefined;
      const c = text[r];
      if (quote === '"' && c === '\\') {
        const n = text[r + 1];
        r += n === 'u' ? 6 : 2;
      } else if (quote === "'" && c === "'" && text[r + 1] === "'") r += 2;
      else if (c === '\n' || c === '\r') return undefined;
      else r += 1;
      i++;
    }
    return r;
  };
  const s = rawIndexOf(Math.max(0, Math.min(start, value.length)));
  const e = rawIndexOf(Math.max(0, Math.min(start + length, value.length)));
  if (s === undefined || e === undefined || e > end) return whole;
  return { offset: s, length: Math.max(1, e - s), path: pointerOf(node) };
}

/**
 * A Quick Fix that replaces a key or a string value with `newText`, keeping the source's quoting
 * (JSON double quotes, YAML single/double quotes or plain scalars).
 */
export function replaceFix(text: string, offset: number, length: number, newText: string, title: string): Fix {
  const first = text[offset];
  const quoted = first === '"' ? JSON.stringify(newText) : first === "'" ? `'${newText.replace(/'/g, "''")}'` : newText;
  return { title, preferred: true, edits: [{ offset, length, newText: quoted }] };
}
