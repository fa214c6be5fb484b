// Value helpers shared by the crossing rules: static vs dynamic fields (`Key.$` paths, JSONata `{% %}`),
// ARN parsing with partitions, region codes, and the small did-you-mean distance used for names.
import { memoize } from '../memo';
import type { Arn } from '../iam/arn';
import { type AstNode, hasProp, type ObjectNode, prop, type PropertyNode } from '../parse/ast';

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
export type Partition = (typeof PARTITIONS)[number];

/** `{% ... %}`: a JSONata expression (evaluated only in JSONata states). */
export function isJsonataString(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  // Hot path (every parameter value): no trimmed copies.
  let i = 0;
  let j = value.length - 1;
  while (i <= j && value.charCodeAt(i) <= 32) i++;
  while (j > i && value.charCodeAt(j) <= 32) j--;
  return (
    j - i >= 3 &&
    value.charCodeAt(i) === 123 &&
    value.charCodeAt(i + 1) === 37 &&
    value.charCodeAt(j - 1) === 37 &&
    value.charCodeAt(j) === 125
  );
}

/** True when a node's value is computed at run time (a JSONata expression). */
export function isDynamicNode(node: AstNode | undefined): boolean {
  return node?.kind === 'string' && isJsonataString(node.value);
}

/** A field of a Parameters/Arguments object, whether it is written `Name` or `Name.$`. */
export interface Field {
  /** The property as written. */
  property: PropertyNode;
  /** The logical name (without `.$`). */
  name: string;
  /** Its value is computed at run time (a `.$` path or a JSONata `{% %}` string): do not check the literal. */
  dynamic: boolean;
}

/** `Name.$`: a JSONPath key whose value is a path. */
export function isPathKey(k: string): boolean {
  return k.length > 2 && k.charCodeAt(k.length - 1) === 36 && k.charCodeAt(k.length - 2) === 46;
}

export function fieldOf(property: PropertyNode): Field {
  const k = property.key;
  const pathKey = isPathKey(k);
  return { property, name: pathKey ? baseNameOf(k) : k, dynamic: pathKey || isDynamicNode(property.value) };
}

/** `Name.$` -> `Name`, memoised: the same string each time, so Set and Map lookups hash it once. */
export const baseNameOf = memoize((pathKey: string): string => pathKey.slice(0, -2), 10_000);

/** `Name` -> `Name.$`, memoised (lookups run for every field of every crossing task). */
export const pathKeyOf = memoize((name: string): string => `${name}.$`, 10_000);

/** Looks a field up by its logical name (`Name` first, then `Name.$`). */
export function field(obj: AstNode | undefined, name: string): Field | undefined {
  if (obj?.kind !== 'object') return undefined;
  const p = prop(obj, name) ?? prop(obj, pathKeyOf(name));
  return p ? fieldOf(p) : undefined;
}

/** The known fields of an object by logical name, looked up on demand. */
export class Fields {
  constructor(
    private readonly obj: ObjectNode,
    private readonly known: { list: readonly string[] },
  ) {}
  get(name: string): Field | undefined {
    return field(this.obj, name);
  }
  has(name: string): boolean {
    return hasProp(this.obj, name) || hasProp(this.obj, pathKeyOf(name));
  }
  /** The names absent from the object (neither `Name` nor `Name.$`), or undefined when all are there. */
  missing(names: readonly string[]): string[] | undefined {
    let out: string[] | undefined;
    for (const n of names) if (!this.has(n)) (out ??= []).push(n);
    return out;
  }
  /** Every known field present, in the order of the known list. */
  values(): Field[] {
    const out: Field[] = [];
    for (const name of this.known.list) {
      const f = this.get(name);
      if (f) out.push(f);
    }
    return out;
  }
}

/** Every field of an object in document order. */
export function fieldsOf(obj: ObjectNode): Field[] {
  return obj.properties.map(fieldOf);
}

/** The literal string value of a field, or undefined when it is dynamic or not a string. */
export function literalString(f: Field | undefined): string | undefined {
  if (!f || f.dynamic || f.property.value.kind !== 'string') return undefined;
  return f.property.value.value as string;
}

/**
 * Splits `arn:partition:service:region:account:resource` (the resource may contain colons), without
 * judging the parts: the crossing rules report what is wrong (iam/arn.ts parses strictly, for generation).
 */
export function parseArn(s: string): Arn | undefined {
  if (!s.startsWith('arn:')) return undefined;
  const parts = s.includes('${') ? splitOutsidePlaceholders(s) : s.split(':');
  if (parts.length < 6) return undefined;
  const [, partition, service, region, account] = parts as [string, string, string, string, string];
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

/** `s.split(':')`, except inside `${...}` placeholders (`arn:${AWS::Partition}:states:::...` has 6+ fields). */
function splitOutsidePlaceholders(s: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 36 /* $ */ && s.charCodeAt(i + 1) === 123 /* { */) {
      depth++;
      i++;
    } else if (c === 125 /* } */ && depth > 0) depth--;
    else if (c === 58 /* : */ && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

export function isPartition(s: string): s is Partition {
  return (PARTITIONS as readonly string[]).includes(s);
}

const REGION_RE = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
export function isRegionCode(s: string): boolean {
  return REGION_RE.test(s);
}

const ROLE_ARN_RE = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64})$/;
/** An IAM role ARN (`arn:<partition>:iam::<12 digits>:role/<path/name>`): its partition and account, or undefined. */
export function parseRoleArn(s: string): { partition: Partition; account: string; name: string } | undefined {
  const m = ROLE_ARN_RE.exec(s);
  if (!m || s.length > 2048) return undefined;
  return { partition: m[1] as Partition, account: m[2]!, name: m[3]! };
}

/** Levenshtein distance, bounded: returns max+1 as soon as the distance exceeds `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest candidate: a case-insensitive match first, then the smallest edit distance within a budget. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const budget = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (cl === lower) return c;
    const d = editDistance(lower, cl, budget);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** JSONPath-style path value of a `.$` field: `$...`, `$$...`, a variable, or an intrinsic function. */
export function looksLikePath(s: string): boolean {
  const t = s.trim();
  return t.startsWith('$') || t.startsWith('States.');
}
