// Graph rules (ASL101-ASL106): StartAt, transition targets inside their own scope, reachability (one
// breadth-first search per scope), a terminal state per scope, unique and well-sized state names.
import { prop, type PropertyNode } from '../parse/ast';
import { atKey, atValue, finding, type Rule, type RuleContext } from '../model/rule';
import type { Scope, StateInfo } from '../model/model';
import { DocumentCodes as C } from './codes';
import { didYouMean, q, replaceFix } from './util';

const MAX_NAME_LENGTH = 80;
/** Bound on did-you-mean searches per document, so a document full of bad targets stays linear. */
const SUGGESTION_BUDGET = 200;

/**
 * Calls `visit` for every transition out of a state: Next, Default, Choices[].Next, Catch[].Next, with
 * the property holding the target name (a visitor, not a list: this runs for every state of every scope).
 */
export function forEachTransition(state: StateInfo, visit: (property: PropertyNode, target: string) => void): void {
  const node = state.node;
  if (!node) return;
  visitTarget(prop(node, 'Next'), visit);
  if (state.type === 'Choice') {
    visitTarget(prop(node, 'Default'), visit);
    const choices = prop(node, 'Choices')?.value;
    if (choices?.kind === 'array') for (const rule of choices.items) visitTarget(prop(rule, 'Next'), visit);
  }
  const catchers = prop(node, 'Catch')?.value;
  if (catchers?.kind === 'array') for (const c of catchers.items) visitTarget(prop(c, 'Next'), visit);
}

function visitTarget(p: PropertyNode | undefined, visit: (property: PropertyNode, target: string) => void): void {
  if (p !== undefined && p.value.kind === 'string') visit(p, p.value.value as string);
}

function isTerminal(state: StateInfo): boolean {
  if (state.type === 'Succeed' || state.type === 'Fail') return true;
  const end = prop(state.node, 'End')?.value;
  return end?.kind === 'boolean' && end.value === true;
}

/** The graph rule's bookkeeping for one analysis, filled state by state. */
interface GraphScratch {
  /** First occurrence of every state name in the whole machine (names must be unique across scopes). */
  firstByName: Map<string, StateInfo>;
  /** Per scope, the transitions as flat arrays of state positions: state k's targets are
   * targets[starts[k]] up to targets[ends[k]]. */
  edges: Map<Scope, ScopeEdges>;
  lastScope: Scope | undefined;
  lastEdges: ScopeEdges | undefined;
  /** Scopes with at least one terminal state. */
  terminated: Set<Scope>;
  /** Targets that name no state of their scope, reported once every name is known. */
  missing: Array<{ code: string; field: string; property: PropertyNode; name: string; scope: Scope }>;
  /** Records a transition of a state of `lastScope` (one visitor per analysis, not one per state). */
  addEdge: (property: PropertyNode, target: string) => void;
}
interface ScopeEdges {
  starts: Int32Array;
  ends: Int32Array;
  targets: number[];
}

export const graphRule: Rule<GraphScratch> = {
  id: 'graph',
  begin(): GraphScratch {
    const g: GraphScratch = {
      firstByName: new Map(),
      edges: new Map(),
      lastScope: undefined,
      lastEdges: undefined,
      terminated: new Set(),
      missing: [],
      addEdge(p, target) {
        const scope = g.lastScope!;
        const next = scope.states.get(target);
        if (next) g.lastEdges!.targets.push(next.indexInScope);
        else g.missing.push({ code: C.transitionTarget, field: p.key, property: p, name: target, scope });
      },
    };
    return g;
  },
  checkState(ctx: RuleContext, state: StateInfo, g: GraphScratch): void {
    const name = state.name;
    if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
      ctx.report(
        finding(
          C.stateNameLength,
          'error',
          name.length === 0
            ? 'A state name cannot be empty: give the state a name of 1 to 80 characters.'
            : `The state name is ${name.length} characters long; Step Functions accepts at most ${MAX_NAME_LENGTH}. Shorten it (and every Next/Default/StartAt that names it).`,
          atKey(state.entry),
        ),
      );
    }
    const first = g.firstByName.get(name);
    if (!first) g.firstByName.set(name, state);
    else if (first.scope !== state.scope) {
      ctx.report(
        finding(
          C.duplicateStateName,
          'error',
          `The state name ${q(name)} is already used at ${first.pointer}: state names must be unique in the whole state machine, including Parallel branches and Map processors. Rename one of them.`,
          atKey(state.entry),
        ),
      );
    }
    const scope = state.scope;
    if (isTerminal(state)) g.terminated.add(scope);
    // The states of a scope come one after another: look the scope's edges up once per run of them.
    let edges = g.lastScope === scope ? g.lastEdges! : g.edges.get(scope);
    if (!edges) {
      const count = scope.order.length;
      edges = { starts: new Int32Array(count), ends: new Int32Array(count), targets: [] };
      g.edges.set(scope, edges);
    }
    g.lastScope = scope;
    g.lastEdges = edges;
    edges.starts[state.indexInScope] = edges.targets.length;
    forEachTransition(state, g.addEdge);
    edges.ends[state.indexInScope] = edges.targets.length;
  },
  run(ctx: RuleContext, g: GraphScratch): void {
    for (const scope of ctx.model.scopes) checkScope(ctx, scope, g);
    let budget = SUGGESTION_BUDGET;
    const text = ctx.model.parsed.text;
    for (const m of g.missing) {
      // A finding for a name that is not a state of its scope, with did-you-mean and its Quick Fix.
      let near: string | undefined;
      if (budget > 0) {
        budget--;
        near = didYouMean(m.name, m.scope.states.keys());
      }
      const message =
        missingTargetMessage(m.field, m.name, m.scope, g.firstByName) + (near ? ` Did you mean "${near}"?` : '');
      const value = m.property.value;
      const fix = near ? replaceFix(text, value.offset, value.length, near, `Change to "${near}"`) : undefined;
      ctx.report(finding(m.code, 'error', message, atValue(m.property), fix ? { fixes: [fix] } : {}));
    }
  },
};

/** StartAt, reachability from it (a breadth-first search over the scope's edges), a terminal state. */
function checkScope(ctx: RuleContext, scope: Scope, g: GraphScratch): void {
  const where = scopeLabel(scope);
  const statesProp = prop(scope.node, 'States');
  const startProp = prop(scope.node, 'StartAt');
  const hasStates = statesProp?.value.kind === 'object';
  let start: StateInfo | undefined;
  if (!startProp) {
    ctx.report(
      finding(
        C.startAt,
        'error',
        `${where} has no "StartAt": add "StartAt" with the name of the first state to run.`,
        scope.node.properties.length
          ? atKey(scope.node.properties[0]!)
          : { offset: scope.node.offset, length: 1, path: scope.pointer },
      ),
    );
  } else if (startProp.value.kind !== 'string') {
    ctx.report(
      finding(
        C.startAt,
        'error',
        `"StartAt" must be a string naming the first state of ${lower(where)}.`,
        atValue(startProp),
      ),
    );
  } else if (hasStates) {
    const target = startProp.value.value as string;
    start = scope.states.get(target);
    if (!start) g.missing.push({ code: C.startAt, field: 'StartAt', property: startProp, name: target, scope });
  }

  const edges = g.edges.get(scope);
  if (start && edges) {
    const count = scope.order.length;
    const seen = new Uint8Array(count);
    const queue = new Int32Array(count);
    let queued = 0;
    seen[start.indexInScope] = 1;
    queue[queued++] = start.indexInScope;
    for (let head = 0; head < queued; head++) {
      const k = queue[head]!;
      for (let e = edges.starts[k]!; e < edges.ends[k]!; e++) {
        const next = edges.targets[e]!;
        if (!seen[next]) {
          seen[next] = 1;
          queue[queued++] = next;
        }
      }
    }
    for (const state of scope.order) {
      if (!seen[state.indexInScope] && scope.states.get(state.name) === state)
        ctx.report(
          finding(
            C.unreachable,
            'error',
            `The state ${q(state.name)} cannot be reached from "StartAt" ${q(start.name)}: no Next, Default or Catch leads to it. Step Functions rejects unreachable states; link to it or delete it.`,
            atKey(state.entry),
          ),
        );
    }
  }

  if (hasStates && scope.order.length > 0 && !g.terminated.has(scope)) {
    ctx.report(
      finding(
        C.noTerminal,
        'error',
        `${where} has no terminal state: every execution path must end. Add "End": true to the last state, or a Succeed or Fail state.`,
        atKey(statesProp!),
      ),
    );
  }
}

function missingTargetMessage(
  field: string,
  target: string,
  scope: Scope,
  firstByName: Map<string, StateInfo>,
): string {
  const elsewhere = firstByName.get(target);
  const where = lower(scopeLabel(scope));
  if (elsewhere && elsewhere.scope !== scope)
    return `"${field}" names ${q(target)}, which is in another scope (${elsewhere.pointer}): a state can only transition to states of ${where}. Parallel branches and Map processors end with "End": true and the Parallel/Map state's own "Next" continues.`;
  return `"${field}" names ${q(target)}, but ${where} has no state with that name. Point it at an existing state or add the state.`;
}

function scopeLabel(scope: Scope): string {
  switch (scope.kind) {
    case 'root':
      return 'The state machine';
    case 'branch':
      return `A branch of the Parallel state ${q(scope.owner?.name ?? '?')}`;
    case 'itemProcessor':
      return `The ItemProcessor of the Map state ${q(scope.owner?.name ?? '?')}`;
    case 'iterator':
      return `The Iterator of the Map state ${q(scope.owner?.name ?? '?')}`;
  }
}

function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
