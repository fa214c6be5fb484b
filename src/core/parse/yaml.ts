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

export function parseYaml(text: string): ParseResult {
  const problems: Finding[] = [];
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  for (const e of doc.errors.slice(0, 20)) {
    const [start, end] = e.pos;
    problems.push(
      parseProblem(ParseCodes.syntax, `YAML syntax error: ${firstLine(e.message)}`, start, Math.max(end - start, 1)),
    );
  }
  try {
    const root = yamlTree(doc, {
      maxNodes: MAX_NODES,
      maxDepth: MAX_DEPTH,
      complexKey: (keyRange, obj) =>
        problems.push(
          parseProblem(
            ParseCodes.yamlFeature,
            'Complex YAML keys are not valid in a state machine definition.',
            keyRange[0],
            Math.max(1, keyRange[1] - keyRange[0]),
            pointerOf(obj),
          ),
        ),
      mapping: (obj) => {
        for (const p of duplicateProperties(obj)) problems.push(duplicateKeyProblem(p));
      },
    });
    return { root, problems };
  } catch (e) {
    if (e instanceof RangeError) {
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

type Parent = ObjectNode | ArrayNode | undefined;
type Key = string | number | undefined;

/** How `yamlTree` reads a document: its budget, and what each reader adds (problems, short-form tags). */
export interface YamlTreeHooks {
  maxNodes: number;
  maxDepth: number;
  /** A mapping key that is not a scalar. */
  complexKey?(keyRange: [number, number], obj: ObjectNode): void;
  /** A mapping, once its properties are read. */
  mapping?(obj: ObjectNode): void;
  /**
   * A node with a local tag (`!Sub`), spanning `offset`-`end`: the node to put in the tree. `readPlain` reads the
   * node as if untagged, under the given parent and key. Without this hook local tags are ignored.
   */
  localTag?(
    tag: string,
    offset: number,
    end: number,
    parent: Parent,
    key: Key,
    readPlain: (parent: ObjectNode | ArrayNode, key: string | number) => AstNode | undefined,
  ): AstNode;
}

/**
 * A parsed YAML document as the positional tree every rule reads (definitions and templates alike). Aliases are
 * resolved within the node budget; throws RangeError past the budget or the depth limit.
 */
export function yamlTree(doc: Document, hooks: YamlTreeHooks): AstNode | undefined {
  let budget = hooks.maxNodes;
  const convert = (
    node: unknown,
    parent: Parent,
    key: Key,
    depth: number,
    at?: [number, number],
  ): AstNode | undefined => {
    if (--budget < 0 || depth > hooks.maxDepth) throw new RangeError('too large');
    if (node === null || node === undefined) return undefined;
    const range = (node as YamlNode).range;
    const offset = at?.[0] ?? range?.[0] ?? 0;
    const end = at?.[1] ?? range?.[1] ?? offset;
    if (isAlias(node)) return convert(node.resolve(doc), parent, key, depth + 1, [offset, end]);
    const tag = (node as YamlNode).tag;
    if (hooks.localTag && tag && tag.startsWith('!') && !tag.startsWith('!!'))
      return hooks.localTag(tag, offset, end, parent, key, (p, k) =>
        plain(node as YamlNode, p, k, depth + 1, offset, end),
      );
    return plain(node as YamlNode, parent, key, depth, offset, end);
  };
  const plain = (node: YamlNode, parent: Parent, key: Key, depth: number, offset: number, end: number) => {
    const length = end - offset;
    if (isMap(node)) {
      const obj = objectNode(offset, length, parent, key);
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const name = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const keyRange = keyNode?.range ?? [offset, offset];
        if (!isScalar(keyNode)) hooks.complexKey?.([keyRange[0], keyRange[1]], obj);
        const value = convert(pair.value, obj, name, depth + 1) ?? scalarNode('null', null, keyRange[1], 0, obj, name);
        obj.properties.push(propertyNode(name, keyRange[0], keyRange[1] - keyRange[0], value));
      }
      hooks.mapping?.(obj);
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
  return convert(doc.contents, undefined, undefined, 0);
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
