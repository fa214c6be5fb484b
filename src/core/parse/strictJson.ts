// A fast path for the common case: strictly valid JSON (what Step Functions accepts) parsed straight
// into the positional tree in one pass. It gives up (returns undefined) at the first deviation —
// a comment, a trailing comma, any syntax error — and the caller falls back to jsonc-parser, whose
// error recovery and messages report the problem.
// Written as one loop over an explicit stack of open containers, with the position in a local
// variable, and strings taken from the document's pool by their scan hash (see keys.ts) instead of
// being sliced per occurrence: measured several times faster than jsonc-parser's visitor on large
// definitions (docs/benchmarks.md), which the linear-time goal needs.
import type { Finding } from '../findings';
import {
  arrayNode,
  duplicateProperties,
  keyLengthBit,
  objectNode,
  propertyNode,
  scalarNode,
  type ArrayNode,
  type AstNode,
  type ObjectNode,
  type PropertyNode,
} from './ast';
import { duplicateKeyProblem } from './problems';
import { HASH_SEED, StringPool, hashStep } from './keys';

type Container = ObjectNode | ArrayNode;

/** `maxDepth`: deeper nesting gives up too (the caller reports it). */
export function parseStrictJson(text: string, maxDepth = Infinity): { root: AstNode; problems: Finding[] } | undefined {
  const problems: Finding[] = [];
  // About one distinct string per 150 characters in generated and real definitions alike.
  const pool = new StringPool(text.length / 150);
  const n = text.length;
  let i = 0;
  let c = 0;

  // The open containers, innermost last. For an object: the pending member's key, where its key
  // starts and its length, its serial number and whether it may have a duplicate key.
  // Duplicate keys: each object gets a serial number, and each key's pool slot the serial of the last
  // object that used it (`pool.restamp`). A key stamped with the object's own serial is a duplicate;
  // a larger serial means a nested object used it since, so the object is checked exactly on closing.
  const open: Container[] = [];
  const openKey: string[] = [];
  const openKeyOffset: number[] = [];
  const openKeyLength: number[] = [];
  const openSerial: number[] = [];
  const openMaybeDuplicate: boolean[] = [];
  // The object's key lengths as a bit set (see ObjectNode.keyLengths), gathered while its keys are read.
  const openKeyLengths: number[] = [];
  let serials = 0;
  const openBase: number[] = [];
  let depth = 0;
  // Children are collected on these stacks and copied once into an exactly sized array per container:
  // growing each container's own array by push left garbage and oversized backing stores.
  const props: PropertyNode[] = [];
  let propsTop = 0;
  const items: AstNode[] = [];
  let itemsTop = 0;
  /** The next token is an object key (after "{" or "," in an object). */
  let wantKey = false;

  for (;;) {
    while ((c = text.charCodeAt(i)) === 32 || c === 10 || c === 13 || c === 9) i++;
    const start = i;
    // Strings are scanned here for keys and values alike, hashing the characters on the way.
    let s = '';
    let h = HASH_SEED;
    const isString = c === 34;
    if (isString) {
      i++;
      for (;;) {
        c = text.charCodeAt(i);
        if (c === 34) break;
        if (c === 92 || !(c >= 32)) break; // escape, control character or end of text
        h = hashStep(h, c);
        i++;
      }
      if (c === 34) s = wantKey ? pool.key(text, start + 1, i++, h) : pool.value(text, start + 1, i++, h);
      else {
        i = escapedStringEnd(text, i);
        if (i < 0) return undefined;
        const decoded = decodeString(text.slice(start, i));
        if (decoded === undefined) return undefined;
        s = pool.intern(decoded, wantKey);
      }
    }
    if (wantKey) {
      if (!isString) return undefined;
      const top = depth - 1;
      openKey[top] = s;
      openKeyOffset[top] = start;
      openKeyLength[top] = i - start;
      openKeyLengths[top]! |= keyLengthBit(s);
      const previous = pool.restamp(openSerial[top]!);
      if (previous < 0 || previous >= openSerial[top]!) openMaybeDuplicate[top] = true;
      while ((c = text.charCodeAt(i)) === 32 || c === 10 || c === 13 || c === 9) i++;
      if (c !== 58) return undefined;
      i++;
      wantKey = false;
      continue;
    }

    // A value starts at `start`.
    const parent = depth > 0 ? open[depth - 1] : undefined;
    const key =
      parent === undefined
        ? undefined
        : parent.kind === 'object'
          ? openKey[depth - 1]
          : itemsTop - openBase[depth - 1]!;
    let node: AstNode;
    if (isString) node = scalarNode('string', s, start, i - start, parent, key);
    else if (c === 123 || c === 91) {
      if (depth >= maxDepth) return undefined;
      const closing = c === 123 ? 125 : 93;
      i++;
      while ((c = text.charCodeAt(i)) === 32 || c === 10 || c === 13 || c === 9) i++;
      if (c === closing) {
        i++;
        node = closing === 125 ? objectNode(start, i - start, parent, key) : arrayNode(start, i - start, parent, key);
      } else {
        if (closing === 125) {
          open[depth] = objectNode(start, 0, parent, key);
          openBase[depth] = propsTop;
          openSerial[depth] = ++serials;
          openMaybeDuplicate[depth] = false;
          openKeyLengths[depth] = 0;
          wantKey = true;
        } else {
          open[depth] = arrayNode(start, 0, parent, key);
          openBase[depth] = itemsTop;
        }
        depth++;
        continue;
      }
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      i = numberEnd(text, i);
      if (i < 0) return undefined;
      node = scalarNode('number', Number(text.slice(start, i)), start, i - start, parent, key);
    } else if (c === 116 && text.startsWith('true', i)) {
      i += 4;
      node = scalarNode('boolean', true, start, 4, parent, key);
    } else if (c === 102 && text.startsWith('false', i)) {
      i += 5;
      node = scalarNode('boolean', false, start, 5, parent, key);
    } else if (c === 110 && text.startsWith('null', i)) {
      i += 4;
      node = scalarNode('null', null, start, 4, parent, key);
    } else return undefined;

    // The value is complete: add it to its container; close the containers that end here.
    for (;;) {
      if (depth === 0) {
        while ((c = text.charCodeAt(i)) === 32 || c === 10 || c === 13 || c === 9) i++;
        return i === n ? { root: node, problems } : undefined;
      }
      const top = depth - 1;
      const container = open[top]!;
      const isObject = container.kind === 'object';
      if (isObject) props[propsTop++] = propertyNode(openKey[top]!, openKeyOffset[top]!, openKeyLength[top]!, node);
      else items[itemsTop++] = node;
      while ((c = text.charCodeAt(i)) === 32 || c === 10 || c === 13 || c === 9) i++;
      i++;
      if (c === 44) {
        wantKey = isObject;
        break; // the next member
      }
      if (c !== (isObject ? 125 : 93)) return undefined;
      container.length = i - container.offset;
      const base = openBase[top]!;
      if (container.kind === 'object') {
        container.properties = copyOut(props, base, propsTop);
        container.keyLengths = openKeyLengths[top]!;
        propsTop = base;
        if (openMaybeDuplicate[top])
          for (const p of duplicateProperties(container)) problems.push(duplicateKeyProblem(p));
      } else {
        container.items = copyOut(items, base, itemsTop);
        itemsTop = base;
      }
      depth--;
      node = container;
    }
  }
}

/** The index after the closing quote of a string that has escapes, scanning from `i` inside it; -1 if none. */
function escapedStringEnd(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (!(c >= 32)) return -1; // control character or end of text
    i += c === 92 ? 2 : 1;
  }
}

/** The value of a quoted JSON string with escapes, or undefined when an escape is invalid. */
function decodeString(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}

/** The end of the JSON number starting at `i`, or -1 when it is not one. */
function numberEnd(text: string, i: number): number {
  if (text.charCodeAt(i) === 45) i++;
  const digitsFrom = (k: number): number => {
    let c = text.charCodeAt(k);
    const s = k;
    while (c >= 48 && c <= 57) c = text.charCodeAt(++k);
    return k === s ? -1 : k;
  };
  if (text.charCodeAt(i) === 48) i++;
  else if ((i = digitsFrom(i)) < 0) return -1;
  if (text.charCodeAt(i) === 46 && (i = digitsFrom(i + 1)) < 0) return -1;
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 43 || sign === 45) i++;
    if ((i = digitsFrom(i)) < 0) return -1;
  }
  return i;
}

/**
 * `from.slice(a, b)`, but small arrays come from array literals: V8 tracks literal allocation sites and
 * allocates a long-lived tree's arrays straight in the old generation, where slices would be copied by
 * every young-generation collection while a large definition is parsed (measured: scavenge time per
 * 8,000-state lint more than halved).
 */
function copyOut<T>(from: T[], a: number, b: number): T[] {
  switch (b - a) {
    case 1:
      return [from[a]!];
    case 2:
      return [from[a]!, from[a + 1]!];
    case 3:
      return [from[a]!, from[a + 1]!, from[a + 2]!];
    case 4:
      return [from[a]!, from[a + 1]!, from[a + 2]!, from[a + 3]!];
    case 5:
      return [from[a]!, from[a + 1]!, from[a + 2]!, from[a + 3]!, from[a + 4]!];
    case 6:
      return [from[a]!, from[a + 1]!, from[a + 2]!, from[a + 3]!, from[a + 4]!, from[a + 5]!];
    default:
      return from.slice(a, b);
  }
}
