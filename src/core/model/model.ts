// The state-machine model: one traversal of the parsed tree that indexes every scope (the root,
// Parallel branches, Map processors) and every state with its effective QueryLanguage. Rules share
// these indexes instead of rescanning the document, which keeps validation linear in its size.
import { type AstNode, hasProp, type ObjectNode, pointerOf, prop, type PropertyNode, stringValue } from '../parse/ast';
import type { ParsedDocument } from '../parse';

export type QueryLanguage = 'JSONPath' | 'JSONata';

export type ScopeKind = 'root' | 'branch' | 'itemProcessor' | 'iterator';

export interface Scope {
  kind: ScopeKind;
  /** The object holding StartAt and States. */
  node: ObjectNode;
  pointer: string;
  /** The Parallel or Map state that owns this scope (none for the root). */
  owner?: StateInfo;
  /** States by name (first occurrence). */
  states: Map<string, StateInfo>;
  /** States in document order. */
  order: StateInfo[];
  /** The QueryLanguage states of this scope inherit. */
  queryLanguage: QueryLanguage;
}

export interface StateInfo {
  readonly name: string;
  /** The `"Name": {...}` entry in States. */
  readonly entry: PropertyNode;
  /** The state object (undefined when the entry's value is not an object). */
  readonly node: ObjectNode | undefined;
  readonly type: string | undefined;
  readonly pointer: string;
  readonly scope: Scope;
  /** Its position in `scope.order`. */
  readonly indexInScope: number;
  /** The state's effective QueryLanguage (its own, or inherited). */
  readonly queryLanguage: QueryLanguage;
}

export interface AslModel {
  parsed: ParsedDocument;
  root: ObjectNode;
  queryLanguage: QueryLanguage;
  scopes: Scope[];
  /** Every state of every scope, in document order (depth-first). */
  states: StateInfo[];
}

/** True when an object looks like a state machine (has both StartAt and States). */
export function looksLikeStateMachine(root: AstNode | undefined): boolean {
  return root?.kind === 'object' && hasProp(root, 'StartAt') && hasProp(root, 'States');
}

function queryLanguageOf(node: ObjectNode | undefined, inherited: QueryLanguage): QueryLanguage {
  const v = stringValue(prop(node, 'QueryLanguage')?.value);
  return v === 'JSONata' || v === 'JSONPath' ? v : inherited;
}

/** A state of the model; its pointer is computed on first use (most states never need it). */
class StateRecord implements StateInfo {
  private cachedPointer: string | undefined = undefined;
  readonly name: string;
  constructor(
    readonly entry: PropertyNode,
    readonly node: ObjectNode | undefined,
    readonly type: string | undefined,
    readonly scope: Scope,
    readonly indexInScope: number,
    readonly queryLanguage: QueryLanguage,
  ) {
    this.name = entry.key;
  }
  get pointer(): string {
    return (this.cachedPointer ??= pointerOf(this.entry));
  }
}

export function buildModel(parsed: ParsedDocument): AslModel | undefined {
  const root = parsed.root;
  if (!root) return undefined;
  const model: AslModel = { parsed, root, queryLanguage: queryLanguageOf(root, 'JSONPath'), scopes: [], states: [] };
  // Iterative depth-first walk: nesting cannot overflow the stack.
  const pending: Array<{ node: ObjectNode; kind: ScopeKind; owner?: StateInfo; ql: QueryLanguage }> = [
    { node: root, kind: 'root', ql: model.queryLanguage },
  ];
  while (pending.length) {
    const next = pending.pop()!;
    const scope: Scope = {
      kind: next.kind,
      node: next.node,
      pointer: pointerOf(next.node),
      owner: next.owner,
      states: new Map(),
      order: [],
      queryLanguage: next.ql,
    };
    model.scopes.push(scope);
    const states = prop(next.node, 'States')?.value;
    if (states?.kind !== 'object') continue;
    const childScopes: typeof pending = [];
    for (const entry of states.properties) {
      const node = entry.value.kind === 'object' ? entry.value : undefined;
      const state: StateInfo = new StateRecord(
        entry,
        node,
        stringValue(prop(node, 'Type')?.value),
        scope,
        scope.order.length,
        queryLanguageOf(node, scope.queryLanguage),
      );
      scope.order.push(state);
      if (!scope.states.has(entry.key)) scope.states.set(entry.key, state);
      model.states.push(state);
      if (!node) continue;
      if (state.type === 'Parallel') {
        const branches = prop(node, 'Branches')?.value;
        if (branches?.kind === 'array')
          for (const b of branches.items)
            if (b.kind === 'object')
              childScopes.push({ node: b, kind: 'branch', owner: state, ql: state.queryLanguage });
      } else if (state.type === 'Map') {
        for (const key of ['ItemProcessor', 'Iterator'] as const) {
          const p = prop(node, key)?.value;
          if (p?.kind === 'object')
            childScopes.push({
              node: p,
              kind: key === 'ItemProcessor' ? 'itemProcessor' : 'iterator',
              owner: state,
              ql: state.queryLanguage,
            });
        }
      }
    }
    // Push in reverse so scopes are visited in document order.
    for (let i = childScopes.length - 1; i >= 0; i--) pending.push(childScopes[i]!);
  }
  return model;
}
