// The positional tree every rule reads: JSON and YAML both parse into these nodes, each with its
// offset, length and JSON pointer, so findings can point at the exact key or value.
export type AstNode = ObjectNode | ArrayNode | ScalarNode;

interface NodeBase {
  offset: number;
  length: number;
  /** RFC 6901 JSON pointer of this node from the document root ('' for the root). */
  pointer: string;
}

export interface PropertyNode {
  key: string;
  keyOffset: number;
  keyLength: number;
  value: AstNode;
  /** Pointer of the value (the same as value.pointer). */
  pointer: string;
}

export interface ObjectNode extends NodeBase {
  kind: 'object';
  properties: PropertyNode[];
  /** First occurrence of each key (duplicates are reported by the parser). */
  byKey: Map<string, PropertyNode>;
}

export interface ArrayNode extends NodeBase {
  kind: 'array';
  items: AstNode[];
}

export interface ScalarNode extends NodeBase {
  kind: 'string' | 'number' | 'boolean' | 'null';
  value: string | number | boolean | null;
}

export function escapePointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${typeof key === 'number' ? key : escapePointerSegment(key)}`;
}

export function prop(node: AstNode | undefined, key: string): PropertyNode | undefined {
  return node?.kind === 'object' ? node.byKey.get(key) : undefined;
}

export function propValue(node: AstNode | undefined, key: string): AstNode | undefined {
  return prop(node, key)?.value;
}

export function stringValue(node: AstNode | undefined): string | undefined {
  return node?.kind === 'string' ? (node.value as string) : undefined;
}

export function numberValue(node: AstNode | undefined): number | undefined {
  return node?.kind === 'number' ? (node.value as number) : undefined;
}

export function isObject(node: AstNode | undefined): node is ObjectNode {
  return node?.kind === 'object';
}

/** The plain JavaScript value of a node (objects keep the first occurrence of a duplicated key). */
export function toValue(node: AstNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of node.byKey) out[k] = toValue(p.value);
      return out;
    }
    case 'array':
      return node.items.map(toValue);
    default:
      return node.value;
  }
}

/** The type name used in messages: object, array, string, number, boolean, null. */
export function kindName(node: AstNode): string {
  return node.kind;
}
