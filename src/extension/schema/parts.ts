// Where the crossing parts of a definition are: the objects our JSON Schemas describe (Credentials,
// apigateway:invoke and http:invoke Parameters/Arguments, invoker payloads), found from the core's model,
// and what sits at an offset inside one of them (a key or a value, with its path from the part's root).
// Pure: no vscode import, so the unit tests exercise it directly.
import type { AstNode, ObjectNode, PropertyNode } from '../../core/parse/ast';
import { prop, stringValue } from '../../core/parse/ast';
import type { AslModel, StateInfo } from '../../core/model/model';

export type PartKind = 'credentials' | 'apigateway-invoke' | 'http-invoke' | 'invoker-payload';

export interface CrossingPart {
  kind: PartKind;
  /** The part's value (normally an object). */
  node: AstNode;
  state: StateInfo;
}

const ARN = 'arn:aws(?:-[a-z]+)*';
const APIGATEWAY = new RegExp(`^${ARN}:states:::apigateway:invoke(?:\\.waitForTaskToken)?$`);
const HTTP = new RegExp(`^${ARN}:states:::http:invoke$`);
const LAMBDA_INVOKE = new RegExp(`^${ARN}:states:::lambda:invoke(?:\\.waitForTaskToken)?$`);
const FUNCTION_ARN = new RegExp(`^${ARN}:lambda:[a-z0-9-]+:\\d{12}:function:([^:]+)(?::[^:]+)?$`);

/** The function name of a FunctionName value: a name, a full or partial ARN, with an optional qualifier. */
export function functionNameOf(value: string): string {
  const full = FUNCTION_ARN.exec(value);
  if (full) return full[1]!;
  const partial = /^(?:\d{12}:)?function:([^:]+)/.exec(value);
  if (partial) return partial[1]!;
  return value.split(':')[0]!;
}

function payloadField(state: ObjectNode): PropertyNode | undefined {
  return prop(state, 'Parameters') ?? prop(state, 'Arguments');
}

/** Every crossing part of every Task state, in document order. */
export function crossingParts(model: AslModel, invokerNames: readonly string[]): CrossingPart[] {
  const parts: CrossingPart[] = [];
  for (const state of model.states) {
    const node = state.node;
    if (!node || state.type !== 'Task') continue;
    const credentials = prop(node, 'Credentials');
    if (credentials) parts.push({ kind: 'credentials', node: credentials.value, state });
    const resource = stringValue(prop(node, 'Resource')?.value) ?? '';
    const payload = payloadField(node)?.value;
    if (!payload) continue;
    if (APIGATEWAY.test(resource)) parts.push({ kind: 'apigateway-invoke', node: payload, state });
    else if (HTTP.test(resource)) parts.push({ kind: 'http-invoke', node: payload, state });
    else if (FUNCTION_ARN.test(resource)) {
      if (invokerNames.includes(functionNameOf(resource)))
        parts.push({ kind: 'invoker-payload', node: payload, state });
    } else if (LAMBDA_INVOKE.test(resource)) {
      const fn = stringValue(prop(payload, 'FunctionName')?.value);
      const inner = prop(payload, 'Payload')?.value;
      if (fn !== undefined && inner && invokerNames.includes(functionNameOf(fn)))
        parts.push({ kind: 'invoker-payload', node: inner, state });
    }
  }
  return parts;
}

export type Segment = string | number;

/** What is at an offset inside a part: a key or a value, and its path from the part's root. */
export interface PartTarget {
  part: CrossingPart;
  on: 'key' | 'value';
  /** Path from the part's root to the property (key) or value; empty for the part object itself. */
  path: Segment[];
  /** The key's or value's range in the document. */
  offset: number;
  length: number;
}

const inside = (offset: number, start: number, length: number) => offset >= start && offset <= start + length;

/** Finds the innermost key or value at `offset` inside `node`; `path` is the node's own path. */
function locate(node: AstNode, offset: number, path: Segment[]): Omit<PartTarget, 'part'> | undefined {
  if (!inside(offset, node.offset, node.length)) return undefined;
  if (node.kind === 'object') {
    for (const p of node.properties) {
      if (inside(offset, p.keyOffset, p.keyLength))
        return { on: 'key', path: [...path, p.key], offset: p.keyOffset, length: p.keyLength };
      const found = locate(p.value, offset, [...path, p.key]);
      if (found) return found;
    }
  } else if (node.kind === 'array') {
    for (let i = 0; i < node.items.length; i++) {
      const found = locate(node.items[i]!, offset, [...path, i]);
      if (found) return found;
    }
  }
  return { on: 'value', path, offset: node.offset, length: node.length };
}

/** The crossing key or value at `offset`, or undefined when the offset is not inside a crossing part. */
export function partTargetAt(model: AslModel, invokerNames: readonly string[], offset: number): PartTarget | undefined {
  let best: PartTarget | undefined;
  for (const part of crossingParts(model, invokerNames)) {
    const found = locate(part.node, offset, []);
    // Parts never overlap, except an invoker payload inside a lambda:invoke Parameters that is not itself a part.
    if (found && (!best || found.length <= best.length)) best = { part, ...found };
  }
  return best;
}
