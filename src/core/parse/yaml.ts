// YAML parsing with the `yaml` package into the same positional tree as JSON, so every rule serves
// both languages. Aliases are resolved with a budget; syntax errors and duplicate keys become findings.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Finding } from '../findings';
import {
  type ArrayNode,
  arrayNode,
  type AstNode,
  duplicateProperties,
  objectNode,
  type ObjectNode,
  pointerOf,
  propertyNode,
  scalarNode,
} from './ast';
import type { ParseResult } from './json';
import { duplicateKeyProblem, ParseCodes, parseProblem } from './problems';

const MAX_NODES = 500_000;
const MAX_DEPTH = 1000;

class BudgetExceeded extends Error {}

export function parseYaml(text: string): ParseResult {
  const problems: Finding[] = [];
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  for (const e of doc.errors.slice(0, 20)) {
    const [start, end] = e.pos;
    problems.push(
      parseProblem(ParseCodes.syntax, `YAML syntax error: ${firstLine(e.message)}`, start, Math.max(end - start, 1)),
    );
  }
  let budget = MAX_NODES;
  type Parent = ObjectNode | ArrayNode | undefined;
  const convert = (
    node: unknown,
    parent: Parent,
    key: string | number | undefined,
    depth: number,
    at?: [number, number],
  ): AstNode | undefined => {
    if (--budget < 0 || depth > MAX_DEPTH) throw new BudgetExceeded();
    if (node === null || node === undefined) return undefined;
    const range = (node as YamlNode).range;
    const offset = at?.[0] ?? range?.[0] ?? 0;
    const length = at ? at[1] - at[0] : range ? range[1] - range[0] : 0;
    if (isAlias(node)) return convert(node.resolve(doc as Document), parent, key, depth + 1, [offset, offset + length]);
    if (isMap(node)) {
      const obj = objectNode(offset, length, parent, key);
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const name = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const keyRange = keyNode?.range ?? [offset, offset];
        if (!isScalar(keyNode))
          problems.push(
            parseProblem(
              ParseCodes.yamlFeature,
              'Complex YAML keys are not valid in a state machine definition.',
              keyRange[0],
              Math.max(1, keyRange[1] - keyRange[0]),
              pointerOf(obj),
            ),
          );
        const value = convert(pair.value, obj, name, depth + 1) ?? scalarNode('null', null, keyRange[1], 0, obj, name);
        obj.properties.push(propertyNode(name, keyRange[0], keyRange[1] - keyRange[0], value));
      }
      for (const p of duplicateProperties(obj)) problems.push(duplicateKeyProblem(p));
      return obj;
    }
    if (isSeq(node)) {
      const arr = arrayNode(offset, length, parent, key);
      for (const item of node.items) {
        const child = convert(item, arr, arr.items.length, depth + 1);
        if (child) arr.items.push(child);
      }
      return arr;
    }
    if (isScalar(node)) {
      const v = node.value;
      if (v === null || v === undefined) return scalarNode('null', null, offset, length, parent, key);
      if (typeof v === 'number' || typeof v === 'bigint')
        return scalarNode('number', Number(v), offset, length, parent, key);
      if (typeof v === 'boolean') return scalarNode('boolean', v, offset, length, parent, key);
      return scalarNode('string', String(v), offset, length, parent, key);
    }
    return undefined;
  };
  try {
    return { root: convert(doc.contents, undefined, undefined, 0), problems };
  } catch (e) {
    if (e instanceof BudgetExceeded || e instanceof RangeError) {
      problems.push(
        parseProblem(
          ParseCodes.tooDeep,
          'The YAML document is nested too deeply or expands too many aliases to validate.',
          0,
          1,
        ),
      );
      return { root: undefined, problems };
    }
    throw e;
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
