// Graph rules (ASL101-ASL106): StartAt, transition targets inside their own scope, reachability (one
// breadth-first search per scope), a terminal state per scope, unique and well-sized state names.
import { prop, type PropertyNode } from '../parse/ast';
import { atKey, atValue, finding, type Rule, type RuleContext } from '../model/rule';
import type { Scope, StateInfo } from '../model/model';
import { DocumentCodes as C } from './codes';
import { didYouMean, q, replaceFix } from './util';
import type { Finding } from '../findings';

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

export const graphRule: Rule = {
  id: 'graph',
  run(ctx: RuleContext): void {
    const { model } = ctx;
    // First occurrence of every state name in the whole machine (names must be unique across scopes).
    const firstByName = new Map<string, StateInfo>();
    let budget = SUGGESTION_BUDGET;
    /** A finding for a name that is not a state of `scope`, with did-you-mean and its Quick Fix. */
    const missing = (code: string, field: string, value: PropertyNode, name: string, scope: Scope): Finding => {
      let near: string | undefined;
      if (budget > 0) {
        budget--;
        near = didYouMean(name, scope.states.keys());
      }
      const message = missingTargetMessage(field, name, scope, firstByName) + (near ? ` Did you mean "${near}"?` : '');
      const fix = near
        ? replaceFix(model.parsed.text, value.value.offset, value.value.length, near, `Change to "${near}"`)
        : undefined;
      return finding(code, 'error', message, atValue(value), fix ? { fixes: [fix] } : {});
    };

    for (const state of model.states) {
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
      const first = firstByName.get(name);
      if (!first) firstByName.set(name, state);
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
    }

    for (const scope of model.scopes) {
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
        if (!start) ctx.report(missing(C.startAt, 'StartAt', startProp, target, scope));
      }

      // Transition targets, and the edges for the reachability search as flat arrays of state
      // positions (edges of state k: targets[firsts[k]] up to targets[firsts[k + 1]]).
      const count = scope.order.length;
      const firsts = new Int32Array(count + 1);
      const targets: number[] = [];
      const addEdge = (p: PropertyNode, name: string): void => {
        const target = scope.states.get(name);
        if (target) targets.push(target.indexInScope);
        else ctx.report(missing(C.transitionTarget, p.key, p, name, scope));
      };
      for (let k = 0; k < count; k++) {
        firsts[k] = targets.length;
        forEachTransition(scope.order[k]!, addEdge);
      }
      firsts[count] = targets.length;
      if (start) {
        const seen = new Uint8Array(count);
        const queue = new Int32Array(count);
        let queued = 0;
        seen[start.indexInScope] = 1;
        queue[queued++] = start.indexInScope;
        for (let head = 0; head < queued; head++) {
          const k = queue[head]!;
          for (let e = firsts[k]!; e < firsts[k + 1]!; e++) {
            const next = targets[e]!;
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

      if (hasStates && scope.order.length > 0 && !scope.order.some(isTerminal)) {
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
  },
};

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
