// A fast path for the common case: strictly valid JSON (what Step Functions accepts) parsed straight
// into the positional tree in one pass. It gives up (returns undefined) at the first deviation —
// a comment, a trailing comma, any syntax error — and the caller falls back to jsonc-parser, whose
// error recovery and messages report the problem. Measured: several times faster than the visitor
// on large definitions (see docs/benchmarks.md), which the linear-time goal needs.
import type { Finding } from '../findings';
import {
  arrayNode,
  duplicateProperties,
  objectNode,
  propertyNode,
  scalarNode,
  type ArrayNode,
  type AstNode,
  type ObjectNode,
  type PropertyNode,
} from './ast';
import { duplicateKeyProblem } from './problems';
import { StringPool } from './keys';

class Bail extends Error {}
const BAIL = new Bail();

/** `maxDepth`: deeper nesting gives up too (the caller reports it). */
export function parseStrictJson(text: string, maxDepth = Infinity): { root: AstNode; problems: Finding[] } | undefined {
  const problems: Finding[] = [];
  let i = 0;
  let depth = 0;
  const n = text.length;
  const pool = new StringPool();
  // Children are collected on these stacks and copied once into an exactly sized array per container:
  // growing each container's own array by push left garbage and oversized backing stores (measured:
  // about a third fewer young-generation collections per 4,000-state definition).
  const props: PropertyNode[] = [];
  let propsTop = 0;
  const items: AstNode[] = [];
  let itemsTop = 0;

  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };

  /** Scans a string starting at the opening quote; returns its value, leaves i after the closing quote. */
  const str = (): string => {
    const start = i++;
    let escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        if (!escaped) return text.slice(start + 1, i - 1);
        try {
          return JSON.parse(text.slice(start, i)) as string;
        } catch {
          throw BAIL;
        }
      }
      if (c === 92) {
        escaped = true;
        i += 2;
      } else if (c < 32) throw BAIL;
      else i++;
    }
    throw BAIL;
  };

  const num = (): number => {
    const start = i;
    if (text.charCodeAt(i) === 45) i++;
    const digits = (): void => {
      const s = i;
      while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      if (i === s) throw BAIL;
    };
    if (text.charCodeAt(i) === 48) i++;
    else digits();
    if (text.charCodeAt(i) === 46) {
      i++;
      digits();
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      digits();
    }
    return Number(text.slice(start, i));
  };

  const literal = (word: string): void => {
    if (!text.startsWith(word, i)) throw BAIL;
    i += word.length;
  };

  const value = (parent: ObjectNode | ArrayNode | undefined, key: string | number | undefined): AstNode => {
    ws();
    const start = i;
    const c = text.charCodeAt(i);
    if ((c === 123 || c === 91) && ++depth > maxDepth) throw BAIL;
    if (c === 123) {
      const obj = objectNode(start, 0, parent, key);
      const propsBase = propsTop;
      i++;
      ws();
      if (text.charCodeAt(i) === 125) i++;
      else
        for (;;) {
          ws();
          if (text.charCodeAt(i) !== 34) throw BAIL;
          const keyOffset = i;
          const name = pool.key(str());
          const keyLength = i - keyOffset;
          ws();
          if (text.charCodeAt(i) !== 58) throw BAIL;
          i++;
          props[propsTop++] = propertyNode(name, keyOffset, keyLength, value(obj, name));
          ws();
          const d = text.charCodeAt(i++);
          if (d === 125) break;
          if (d !== 44) throw BAIL;
        }
      if (propsTop > propsBase) obj.properties = props.slice(propsBase, propsTop);
      propsTop = propsBase;
      obj.length = i - start;
      depth--;
      if (obj.properties.length > 1) for (const p of duplicateProperties(obj)) problems.push(duplicateKeyProblem(p));
      return obj;
    }
    if (c === 91) {
      const arr = arrayNode(start, 0, parent, key);
      const itemsBase = itemsTop;
      i++;
      ws();
      if (text.charCodeAt(i) === 93) i++;
      else
        for (;;) {
          const item = value(arr, itemsTop - itemsBase);
          items[itemsTop++] = item;
          ws();
          const d = text.charCodeAt(i++);
          if (d === 93) break;
          if (d !== 44) throw BAIL;
        }
      if (itemsTop > itemsBase) arr.items = items.slice(itemsBase, itemsTop);
      itemsTop = itemsBase;
      arr.length = i - start;
      depth--;
      return arr;
    }
    if (c === 34) {
      const s = pool.value(str());
      return scalarNode('string', s, start, i - start, parent, key);
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      const v = num();
      return scalarNode('number', v, start, i - start, parent, key);
    }
    if (c === 116) {
      literal('true');
      return scalarNode('boolean', true, start, 4, parent, key);
    }
    if (c === 102) {
      literal('false');
      return scalarNode('boolean', false, start, 5, parent, key);
    }
    if (c === 110) {
      literal('null');
      return scalarNode('null', null, start, 4, parent, key);
    }
    throw BAIL;
  };

  try {
    const root = value(undefined, undefined);
    ws();
    return i === n ? { root, problems } : undefined;
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}
