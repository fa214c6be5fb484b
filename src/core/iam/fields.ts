// Reading task fields for IAM generation: a field is static (its value is in the definition), dynamic (a
// JSONPath `Key.$`, an intrinsic, or a JSONata `{% %}` expression known only at run time) or absent.
import { pointerOf, prop, toValue, type AstNode } from '../parse/ast';
import type { StateInfo } from '../model/model';

export type Field =
  | { kind: 'static'; node: AstNode; pointer: string }
  | { kind: 'dynamic'; pointer: string; expression: string }
  | { kind: 'absent' };

export const ABSENT: Field = { kind: 'absent' };

const JSONATA_RE = /^\s*\{%[\s\S]*%\}\s*$/;

export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && JSONATA_RE.test(value);
}

/**
 * Reads `key` of an arguments object: `Key.$` (JSONPath) or a `{% %}` string (JSONata) is dynamic. When the
 * container itself is dynamic (JSONata `Arguments: "{% ... %}"`), every field is dynamic.
 */
export function readField(container: Field, key: string): Field {
  if (container.kind === 'dynamic')
    return { kind: 'dynamic', pointer: container.pointer, expression: container.expression };
  if (container.kind !== 'static' || container.node.kind !== 'object') return ABSENT;
  const dyn = prop(container.node, `${key}.$`);
  if (dyn) return { kind: 'dynamic', pointer: pointerOf(dyn), expression: String(toValue(dyn.value)) };
  const p = prop(container.node, key);
  if (!p) return ABSENT;
  return nodeField(p.value);
}

export function nodeField(node: AstNode): Field {
  if (node.kind === 'string' && isJsonataExpression(node.value)) {
    return { kind: 'dynamic', pointer: pointerOf(node), expression: (node.value as string).trim() };
  }
  return { kind: 'static', node, pointer: pointerOf(node) };
}

/** Follows a path of keys (numbers index arrays). */
export function readPath(container: Field, ...keys: Array<string | number>): Field {
  let f = container;
  for (const key of keys) {
    if (typeof key === 'number') {
      if (f.kind !== 'static') return f;
      if (f.node.kind !== 'array') return ABSENT;
      const item = f.node.items[key];
      f = item ? nodeField(item) : ABSENT;
    } else f = readField(f, key);
  }
  return f;
}

export function staticString(f: Field): string | undefined {
  return f.kind === 'static' && f.node.kind === 'string' ? (f.node.value as string) : undefined;
}

export function staticValue(f: Field): unknown {
  return f.kind === 'static' ? toValue(f.node) : undefined;
}

/** Array items of a static array field (each a Field); undefined when the field is not a static array. */
export function staticItems(f: Field): Field[] | undefined {
  return f.kind === 'static' && f.node.kind === 'array' ? f.node.items.map(nodeField) : undefined;
}

/** The task's arguments: `Parameters` under JSONPath, `Arguments` under JSONata. */
export function taskArguments(state: StateInfo): Field {
  return readField(stateField(state), state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters');
}

export function stateField(state: StateInfo): Field {
  return state.node ? { kind: 'static', node: state.node, pointer: state.pointer } : ABSENT;
}

/** A text for messages: `$.roleArn` or `{% $states.input.roleArn %}`. */
export function describeDynamic(f: Field & { kind: 'dynamic' }): string {
  return f.expression.length > 80 ? `${f.expression.slice(0, 77)}...` : f.expression;
}
