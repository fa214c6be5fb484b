// YAML parsing with the `yaml` package into the same positional tree as JSON, so every rule serves
// both languages. Aliases are resolved with a budget; syntax errors and duplicate keys become findings.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Finding } from '../findings';
import { childPointer, type AstNode, type ObjectNode, type ScalarNode } from './ast';
import type { ParseResult } from './json';
import { ParseCodes, parseProblem } from './problems';

const MAX_NODES = 500_000;
const MAX_DEPTH = 1000;

export function parseYaml(text: string): ParseResult {
  const problems: Finding[] = [];
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  for (const e of doc.errors.slice(0, 20)) {
    const [start, end] = e.pos;
    problems.push(parseProblem(ParseCodes.syntax, `YAML syntax error: ${firstLine(e.message)}`, start, Math.max(end - start, 1)));
  }
  let budget = MAX_NODES;
  const convert = (node: unknown, pointer: string, depth: number, at?: [number, number]): AstNode | undefined => {
    if (--budget < 0 || depth > MAX_DEPTH) throw new BudgetExceeded();
    if (node === null || node === undefined) return undefined;
    const range = (node as YamlNode).range;
    const offset = at?.[0] ?? range?.[0] ?? 0;
    const length = at ? at[1] - at[0] : range ? range[1] - range[0] : 0;
    if (isAlias(node)) {
      const target = node.resolve(doc as Document);
      return convert(target, pointer, depth + 1, [offset, offset + length]);
    }
    if (isMap(node)) {
      const obj: ObjectNode = { kind: 'object', offset, length, pointer, properties: [], byKey: new Map() };
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        let key: string;
        if (isScalar(keyNode)) key = String(keyNode.value);
        else {
          key = String(keyNode);
          const r = keyNode?.range;
          problems.push(
            parseProblem(ParseCodes.yamlFeature, 'Complex YAML keys are not valid in a state machine definition.', r?.[0] ?? offset, r ? r[1] - r[0] : 1, pointer),
          );
        }
        const keyRange = keyNode?.range ?? [offset, offset];
        const childPtr = childPointer(pointer, key);
        const value =
          convert(pair.value, childPtr, depth + 1) ??
          ({ kind: 'null', value: null, offset: keyRange[1], length: 0, pointer: childPtr } satisfies ScalarNode);
        const property = { key, keyOffset: keyRange[0], keyLength: keyRange[1] - keyRange[0], value, pointer: childPtr };
        obj.properties.push(property);
        if (obj.byKey.has(key)) {
          problems.push(
            parseProblem(
              ParseCodes.duplicateKey,
              `Duplicate key "${key}": Step Functions rejects definitions with duplicate keys. Remove or rename one of them.`,
              property.keyOffset,
              property.keyLength,
              childPtr,
            ),
          );
        } else obj.byKey.set(key, property);
      }
      return obj;
    }
    if (isSeq(node)) {
      const items: AstNode[] = [];
      node.items.forEach((item, i) => {
        const child = convert(item, childPointer(pointer, i), depth + 1);
        if (child) items.push(child);
      });
      return { kind: 'array', offset, length, pointer, items };
    }
    if (isScalar(node)) {
      const v = node.value;
      const kind = v === null || v === undefined ? 'null' : typeof v === 'number' || typeof v === 'bigint' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';
      const value = kind === 'null' ? null : kind === 'number' ? Number(v) : kind === 'boolean' ? (v as boolean) : String(v);
      return { kind, value, offset, length, pointer };
    }
    return undefined;
  };
  try {
    return { root: convert(doc.contents, '', 0), problems };
  } catch (e) {
    if (e instanceof BudgetExceeded || e instanceof RangeError) {
      problems.push(
        parseProblem(ParseCodes.tooDeep, 'The YAML document is nested too deeply or expands too many aliases to validate.', 0, 1),
      );
      return { root: undefined, problems };
    }
    throw e;
  }
}

class BudgetExceeded extends Error {}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
