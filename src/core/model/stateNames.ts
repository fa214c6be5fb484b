// State names as symbols, on the model's scopes: where each state is defined (its key in States) and
// referenced (StartAt, Next, a Choice's Default, a Choice rule's Next, a Catcher's Next), which name sits
// at an offset, the state-name positions completion serves, and the outline tree (Parallel branches and
// Map processors nested under their state). Pure: the editor layer turns these offsets into ranges.
import { type AstNode, type ObjectNode, prop, type ScalarNode } from '../parse/ast';
import type { AslModel, Scope, StateInfo } from './model';

export type ReferenceKind = 'StartAt' | 'Next' | 'Default' | 'Choice' | 'Catch';

/** A value naming a state of `scope`: a string (or, while typing in YAML, an empty value). */
export interface StateNameReference {
  readonly scope: Scope;
  readonly kind: ReferenceKind;
  /** The value node (offsets include any quotes). */
  readonly node: ScalarNode;
  /** The name it holds ('' when the value is empty or not a string). */
  readonly name: string;
  /** The state whose field it is (none for StartAt). */
  readonly from?: StateInfo;
}

/** What a name under the cursor stands for: a state of `scope`, at its definition or at a reference. */
export interface StateNameAt {
  readonly scope: Scope;
  readonly name: string;
  /** The state it names, when the scope defines it. */
  readonly state: StateInfo | undefined;
  /** Set when the cursor is on a reference rather than on the state's own key. */
  readonly reference?: StateNameReference;
}

function scalarOf(node: AstNode | undefined): ScalarNode | undefined {
  return node && (node.kind === 'string' || node.kind === 'null') ? node : undefined;
}

function push(
  out: StateNameReference[],
  scope: Scope,
  kind: ReferenceKind,
  value: AstNode | undefined,
  from?: StateInfo,
): void {
  const node = scalarOf(value);
  if (node) out.push({ scope, kind, node, name: typeof node.value === 'string' ? node.value : '', from });
}

function eachObject(node: AstNode | undefined, visit: (item: ObjectNode) => void): void {
  if (node?.kind === 'array') for (const item of node.items) if (item.kind === 'object') visit(item);
}

/** Every value of `scope` that names one of its states, in document order of the states. */
export function referencesInScope(scope: Scope): StateNameReference[] {
  const out: StateNameReference[] = [];
  push(out, scope, 'StartAt', prop(scope.node, 'StartAt')?.value);
  for (const state of scope.order) {
    const node = state.node;
    if (!node) continue;
    push(out, scope, 'Next', prop(node, 'Next')?.value, state);
    if (state.type === 'Choice') {
      eachObject(prop(node, 'Choices')?.value, (rule) => push(out, scope, 'Choice', prop(rule, 'Next')?.value, state));
      push(out, scope, 'Default', prop(node, 'Default')?.value, state);
    }
    eachObject(prop(node, 'Catch')?.value, (catcher) => push(out, scope, 'Catch', prop(catcher, 'Next')?.value, state));
  }
  return out;
}

/** The references of `scope` that name `name`. */
export function referencesTo(scope: Scope, name: string): StateNameReference[] {
  return referencesInScope(scope).filter((r) => r.name === name);
}

const contains = (start: number, length: number, offset: number) => offset >= start && offset <= start + length;

/** The innermost scope whose object contains `offset` (the root when none of the nested ones does). */
export function scopeAt(model: AslModel, offset: number): Scope | undefined {
  let best: Scope | undefined;
  for (const scope of model.scopes) {
    if (!contains(scope.node.offset, scope.node.length, offset)) continue;
    if (!best || scope.node.length < best.node.length) best = scope;
  }
  return best;
}

/** The state name at `offset`: a state's key in States, or a value that references a state. */
export function stateNameAt(model: AslModel, offset: number): StateNameAt | undefined {
  const scope = scopeAt(model, offset);
  if (!scope) return undefined;
  for (const state of scope.order)
    if (contains(state.entry.keyOffset, state.entry.keyLength, offset))
      return { scope, name: state.name, state: scope.states.get(state.name) };
  const reference = referenceAt(scope, offset);
  if (!reference || reference.name === '') return undefined;
  return { scope, name: reference.name, state: scope.states.get(reference.name), reference };
}

/** The state-name value at `offset` (where completion offers the names of its scope), if any. */
export function stateNamePositionAt(model: AslModel, offset: number): StateNameReference | undefined {
  const scope = scopeAt(model, offset);
  return scope && referenceAt(scope, offset);
}

function referenceAt(scope: Scope, offset: number): StateNameReference | undefined {
  return referencesInScope(scope).find((r) => contains(r.node.offset, r.node.length, offset));
}

/** Every state name used anywhere in the machine (names must be unique across scopes). */
export function allStateNames(model: AslModel): Set<string> {
  return new Set(model.states.map((s) => s.name));
}

export const MAX_STATE_NAME_LENGTH = 80;

/** Why `name` cannot become a state's new name, or undefined when it can. */
export function renameProblem(model: AslModel, from: string, name: string): string | undefined {
  if (name === from) return undefined;
  if (name.trim() === '') return 'A state name cannot be empty.';
  if (name.length > MAX_STATE_NAME_LENGTH)
    return `A state name has at most ${MAX_STATE_NAME_LENGTH} characters (this one has ${name.length}).`;
  if (allStateNames(model).has(name))
    return `The state machine already has a state named "${name}": state names must be unique in the whole machine.`;
  return undefined;
}

/** One row of the outline: a state, or a Parallel branch / Map processor holding states. */
export interface OutlineNode {
  readonly label: string;
  /** The state's Type (states), or the scope kind (branches, processors). */
  readonly detail: string;
  readonly kind: 'state' | 'scope';
  /** The whole entry (states) or scope object. */
  readonly offset: number;
  readonly length: number;
  /** What the cursor lands on: the state's key, or the scope object's start. */
  readonly selectionOffset: number;
  readonly selectionLength: number;
  readonly children: OutlineNode[];
}

/** The outline of the machine: the root's states, with each Parallel's branches and Map's processor nested. */
export function outline(model: AslModel): OutlineNode[] {
  const childScopes = new Map<StateInfo, Scope[]>();
  for (const scope of model.scopes) {
    if (!scope.owner) continue;
    const list = childScopes.get(scope.owner);
    if (list) list.push(scope);
    else childScopes.set(scope.owner, [scope]);
  }
  const root = model.scopes.find((s) => s.kind === 'root');
  const statesOf = (scope: Scope): OutlineNode[] => scope.order.map(stateNode);
  const scopeNode = (scope: Scope, index: number): OutlineNode => ({
    label: scope.kind === 'branch' ? `Branch ${index + 1}` : scope.kind === 'iterator' ? 'Iterator' : 'ItemProcessor',
    detail: scope.kind === 'branch' ? 'Parallel branch' : 'Map processor',
    kind: 'scope',
    offset: scope.node.offset,
    length: scope.node.length,
    selectionOffset: scope.node.offset,
    selectionLength: 1,
    children: statesOf(scope),
  });
  function stateNode(state: StateInfo): OutlineNode {
    const value = state.entry.value;
    return {
      label: state.name,
      detail: state.type ?? '',
      kind: 'state',
      offset: state.entry.keyOffset,
      length: value.offset + value.length - state.entry.keyOffset,
      selectionOffset: state.entry.keyOffset,
      selectionLength: state.entry.keyLength,
      children: (childScopes.get(state) ?? []).map(scopeNode),
    };
  }
  return root ? statesOf(root) : [];
}
