// Makes an inline template definition (`Definition: {...}`) a document of its own for the rules: a copy
// of the subtree whose root has no parent (so pointers start at the definition) while every node keeps its
// offset in the template (so findings land on template lines). Intrinsics inside become `${...}` strings;
// literal `DefinitionSubstitutions` are applied to string values as CloudFormation does.
import type { Finding } from '../findings';
import {
  arrayNode,
  type ArrayNode,
  type AstNode,
  duplicateProperties,
  objectNode,
  type ObjectNode,
  propertyNode,
  scalarNode,
} from '../parse/ast';
import { duplicateKeyProblem } from '../parse/problems';
import { hasPlaceholder } from '../model/substitutions';
import { intrinsicName, stringExpression, type ReadingEnv } from './intrinsics';
import { PositionMap } from './positionMap';
import { substitute, type Replacement } from './textBuilder';

export function rerootDefinition(
  node: ObjectNode,
  env: ReadingEnv,
  replace: (name: string) => Replacement,
  problems: Finding[],
): ObjectNode {
  const copy = (n: AstNode, parent: ObjectNode | ArrayNode | undefined, key: string | number | undefined): AstNode => {
    if (n.kind === 'object') {
      if (parent && intrinsicName(n)) {
        const text = stringExpression(n, env)?.text ?? '${' + intrinsicName(n) + '}';
        return scalarNode('string', text, n.offset, n.length, parent, key);
      }
      const obj = objectNode(n.offset, n.length, parent, key);
      for (const p of n.properties)
        obj.properties.push(propertyNode(p.key, p.keyOffset, p.keyLength, copy(p.value, obj, p.key)));
      for (const p of duplicateProperties(obj)) problems.push(duplicateKeyProblem(p));
      return obj;
    }
    if (n.kind === 'array') {
      const arr = arrayNode(n.offset, n.length, parent, key);
      for (const item of n.items) arr.items.push(copy(item, arr, arr.items.length));
      return arr;
    }
    if (n.kind === 'string' && hasPlaceholder(n.value as string)) {
      const value = n.value as string;
      const replaced = substitute({ text: value, map: PositionMap.shifted(value.length, 0) }, replace).text;
      return scalarNode('string', replaced, n.offset, n.length, parent, key);
    }
    return scalarNode(n.kind, n.value, n.offset, n.length, parent, key);
  };
  return copy(node, undefined, undefined) as ObjectNode;
}
