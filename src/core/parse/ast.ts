// The positional tree every rule reads: JSON and YAML both parse into these nodes, each with its
// offset, length and JSON pointer, so findings can point at the exact key or value.
// Built for speed on large definitions: pointers are computed on first use from the parent chain,
// and the key index of an object is built only for objects large enough to need one.
export type AstNode = ObjectNode | ArrayNode | ScalarNode;
type Container = ObjectNode | ArrayNode;

/** Objects with at most this many properties are searched linearly (faster than building a Map). */
const LINEAR_LOOKUP_MAX = 12;

/**
 * Pointer of a node, computed from the parent chain; containers cache theirs so siblings share it.
 * (Plain standalone classes with few fields: measured twice as fast to build as a class hierarchy.)
 */
function pointerOf(node: AstNode): string {
  const parent = node.parent;
  if (!parent) return '';
  return `${parent.pointer}/${segmentOf(node.key)}`;
}

export class PropertyNode {
  constructor(
    public readonly key: string,
    public readonly keyOffset: number,
    public readonly keyLength: number,
    public readonly value: AstNode,
  ) {}
  /** Pointer of the value (the same as value.pointer). */
  get pointer(): string {
    return this.value.pointer;
  }
}

export class ObjectNode {
  readonly kind: 'object';
  readonly properties: PropertyNode[];
  private index: Map<string, PropertyNode> | undefined;
  private cachedPointer: string | undefined;
  constructor(
    public offset: number,
    public length: number,
    /** The containing object or array (undefined for the root). */
    public readonly parent: Container | undefined,
    /** The key (object member) or index (array item) under the parent. */
    public readonly key: string | number | undefined,
  ) {
    this.kind = 'object';
    this.properties = [];
    this.index = undefined;
    this.cachedPointer = undefined;
  }
  /** RFC 6901 JSON pointer of this node from the document root ('' for the root). */
  get pointer(): string {
    return (this.cachedPointer ??= pointerOf(this));
  }
  /** First occurrence of each key (duplicates are reported by the parser). Built on first use. */
  get byKey(): Map<string, PropertyNode> {
    if (!this.index) {
      this.index = new Map();
      for (const p of this.properties) if (!this.index.has(p.key)) this.index.set(p.key, p);
    }
    return this.index;
  }
  /** The first property with this key. */
  get(key: string): PropertyNode | undefined {
    if (this.properties.length > LINEAR_LOOKUP_MAX) return this.byKey.get(key);
    for (const p of this.properties) if (p.key === key) return p;
    return undefined;
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}

export class ArrayNode {
  readonly kind: 'array';
  readonly items: AstNode[];
  private cachedPointer: string | undefined;
  constructor(
    public offset: number,
    public length: number,
    public readonly parent: Container | undefined,
    public readonly key: string | number | undefined,
  ) {
    this.kind = 'array';
    this.items = [];
    this.cachedPointer = undefined;
  }
  get pointer(): string {
    return (this.cachedPointer ??= pointerOf(this));
  }
}

export class ScalarNode {
  constructor(
    public readonly kind: 'string' | 'number' | 'boolean' | 'null',
    public readonly value: string | number | boolean | null,
    public offset: number,
    public length: number,
    public readonly parent: Container | undefined,
    public readonly key: string | number | undefined,
  ) {}
  get pointer(): string {
    return pointerOf(this);
  }
}

function segmentOf(key: string | number | undefined): string {
  return typeof key === 'number' ? String(key) : escapePointerSegment(key ?? '');
}

export function escapePointerSegment(key: string): string {
  if (!key.includes('~') && !key.includes('/')) return key;
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${typeof key === 'number' ? key : escapePointerSegment(key)}`;
}

export function prop(node: AstNode | undefined, key: string): PropertyNode | undefined {
  return node?.kind === 'object' ? node.get(key) : undefined;
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
      for (const p of node.properties) {
        if (Object.hasOwn(out, p.key)) continue;
        // defineProperty: a "__proto__" key must stay data, never become the prototype.
        Object.defineProperty(out, p.key, {
          value: toValue(p.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
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

/** Keys that occur more than once in an object (each later occurrence), in document order. */
export function duplicateProperties(node: ObjectNode): PropertyNode[] {
  const props = node.properties;
  if (props.length < 2) return [];
  const dupes: PropertyNode[] = [];
  if (props.length <= LINEAR_LOOKUP_MAX) {
    for (let i = 1; i < props.length; i++)
      for (let j = 0; j < i; j++)
        if (props[j]!.key === props[i]!.key) {
          dupes.push(props[i]!);
          break;
        }
    return dupes;
  }
  const seen = new Set<string>();
  for (const p of props) {
    if (seen.has(p.key)) dupes.push(p);
    else seen.add(p.key);
  }
  return dupes;
}
