// Retry and Catch shapes (ASL208, ASL212 and the ASL20x value checks of retriers and catchers):
// ErrorEquals a non-empty array of strings, States.ALL alone and in the last entry, retrier numbers
// (IntervalSeconds, MaxAttempts, BackoffRate, MaxDelaySeconds) and JitterStrategy, catcher Next. An
// unknown `States.` error name is not reported when the definition's own Fail states raise it.
// Source: https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
import { type ObjectNode, pointerOf, prop, type PropertyNode } from '../parse/ast';
import { atNode, atValue, finding, type RuleContext } from '../model/rule';
import type { StateInfo } from '../model/model';
import { DocumentCodes as C } from './codes';
import {
  ARRAY,
  OBJECT,
  STRING,
  STRING_OR_NULL,
  checkEnum,
  checkKind,
  checkNumber,
  checkUnknownFields,
  MAX_SECONDS,
  type NumberSpec,
} from './checks';
import { CATCHER_FIELDS, PREDEFINED_ERRORS, RETRIER_FIELDS, type StateType } from './stateFields';
import { type Label, describe, label, q, suggestion } from './util';
import { hasPlaceholder } from './placeholders';
import type { AslModel } from '../model/model';

const WITH_ERROR_HANDLING = new Set<StateType>(['Task', 'Parallel', 'Map']);

const MAX_DELAY_SECONDS = 31_622_400;
// Shared argument objects: retriers are checked for every state, so nothing is allocated per call.
const INTERVAL: NumberSpec = { integer: true, min: 1, max: MAX_SECONDS };
const ATTEMPTS: NumberSpec = { integer: true, min: 0, max: MAX_SECONDS };
const BACKOFF: NumberSpec = { min: 1 };
const MAX_DELAY: NumberSpec = { integer: true, min: 1, max: MAX_DELAY_SECONDS };
const JITTER_STRATEGIES = ['FULL', 'NONE'];

/** `Retrier #2 of state "A"`, built only when a finding is reported. */
class EntryLabel {
  constructor(
    private readonly field: 'Retry' | 'Catch',
    private readonly index: number,
    private readonly name: string,
  ) {}
  toString(): string {
    return `${this.field === 'Retry' ? 'Retrier' : 'Catcher'} #${this.index + 1} of ${q(this.name)}`;
  }
}

/** `stateLabel`: the state as messages name it (`State "A"`). */
export function checkRetryCatch(
  ctx: RuleContext,
  state: StateInfo,
  node: ObjectNode,
  type: StateType,
  stateLabel: Label,
): void {
  if (!WITH_ERROR_HANDLING.has(type)) return; // the unknown-field rule reports Retry/Catch on other types
  checkEntries(ctx, state, prop(node, 'Retry'), 'Retry', stateLabel);
  checkEntries(ctx, state, prop(node, 'Catch'), 'Catch', stateLabel);
}

function checkEntries(
  ctx: RuleContext,
  state: StateInfo,
  p: PropertyNode | undefined,
  field: 'Retry' | 'Catch',
  stateLabel: Label,
): void {
  if (!p || !checkKind(ctx, p, stateLabel, ARRAY) || p.value.kind !== 'array') return;
  const entries = p.value.items;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    const where: Label = new EntryLabel(field, index, state.name);
    if (entry.kind !== 'object') {
      ctx.report(
        finding(
          C.retryCatch,
          'error',
          `${label(where)} must be an object with "ErrorEquals", not ${describe(entry)}.`,
          atNode(entry),
        ),
      );
      continue;
    }
    checkUnknownFields(ctx, entry, field === 'Retry' ? RETRIER_FIELDS : CATCHER_FIELDS, where);
    checkErrorEquals(ctx, entry, where, index === entries.length - 1, field);
    if (field === 'Retry') checkRetrier(ctx, entry, where, state);
    else {
      const next = prop(entry, 'Next');
      if (!next)
        ctx.report(
          finding(
            C.retryCatch,
            'error',
            `${label(where)} has no "Next": add the state to run when these errors are caught.`,
            { offset: entry.offset, length: 1, path: pointerOf(entry) },
          ),
        );
      else checkKind(ctx, next, where, STRING);
      checkKind(ctx, prop(entry, 'ResultPath'), where, STRING_OR_NULL);
      checkKind(ctx, prop(entry, 'Assign'), where, OBJECT);
    }
  }
}

function checkErrorEquals(
  ctx: RuleContext,
  entry: ObjectNode,
  where: Label,
  isLast: boolean,
  field: 'Retry' | 'Catch',
): void {
  const p: PropertyNode | undefined = prop(entry, 'ErrorEquals');
  if (!p) {
    ctx.report(
      finding(
        C.retryCatch,
        'error',
        `${label(where)} has no "ErrorEquals": add the error names it handles, e.g. ["States.ALL"].`,
        { offset: entry.offset, length: 1, path: pointerOf(entry) },
      ),
    );
    return;
  }
  if (p.value.kind !== 'array') {
    ctx.report(
      finding(
        C.retryCatch,
        'error',
        `${label(where)}: "ErrorEquals" must be an array of error names, not ${describe(p.value)}.`,
        atValue(p),
      ),
    );
    return;
  }
  const items = p.value.items;
  if (items.length === 0) {
    ctx.report(
      finding(
        C.retryCatch,
        'error',
        `${label(where)}: "ErrorEquals" is empty; list at least one error name.`,
        atValue(p),
      ),
    );
    return;
  }
  for (const item of items) {
    if (item.kind !== 'string') {
      ctx.report(
        finding(
          C.retryCatch,
          'error',
          `${label(where)}: error names in "ErrorEquals" are strings, not ${describe(item)}.`,
          atNode(item),
        ),
      );
      continue;
    }
    const name = item.value as string;
    if (name === 'States.ALL') {
      if (items.length > 1)
        ctx.report(
          finding(
            C.retryCatch,
            'error',
            `${label(where)}: "States.ALL" must be the only error name in its "ErrorEquals"; move the other names to an earlier entry.`,
            atNode(item),
          ),
        );
      if (!isLast)
        ctx.report(
          finding(
            C.retryCatch,
            'error',
            `${label(where)}: the entry with "States.ALL" must be the last ${field === 'Retry' ? 'retrier' : 'catcher'}; entries after it would never be used.`,
            atNode(item),
          ),
        );
    } else if (
      name.startsWith('States.') &&
      !PREDEFINED_ERRORS.has(name) &&
      !name.startsWith('States.Http.') &&
      !hasPlaceholder(name) &&
      !raisedInDefinition(ctx.model, name)
    ) {
      ctx.report(
        finding(
          C.unknownErrorName,
          'warning',
          `${q(name)} is not a predefined Step Functions error, so it will never match.${suggestion(name, PREDEFINED_ERRORS)}`,
          atNode(item),
        ),
      );
    }
  }
}

/** What the definition's own Fail states raise: literal Error names, and whether any raises a computed one. */
interface RaisedErrors {
  names: Set<string>;
  computed: boolean;
}
const raisedCache = new WeakMap<AslModel, RaisedErrors>();

/**
 * True when a Fail state of the definition raises `name` (its "Error"), or when some Fail state computes
 * its error (ErrorPath, a JSONata "Error", a placeholder), so any name may be raised (issue 14, class 7).
 * Worked out once per model, and only when an unknown `States.` name is met.
 */
function raisedInDefinition(model: AslModel, name: string): boolean {
  let raised = raisedCache.get(model);
  if (!raised) {
    raised = { names: new Set(), computed: false };
    for (const state of model.states) {
      if (state.type !== 'Fail' || !state.node) continue;
      const error = prop(state.node, 'Error')?.value;
      if (prop(state.node, 'ErrorPath')) raised.computed = true;
      if (error?.kind !== 'string') continue;
      const value = error.value as string;
      if (value.startsWith('{%') || hasPlaceholder(value)) raised.computed = true;
      else raised.names.add(value);
    }
    raisedCache.set(model, raised);
  }
  return raised.computed || raised.names.has(name);
}

function checkRetrier(ctx: RuleContext, entry: ObjectNode, where: Label, state: StateInfo): void {
  const ql = state.queryLanguage;
  checkNumber(ctx, prop(entry, 'IntervalSeconds'), where, ql, INTERVAL);
  checkNumber(ctx, prop(entry, 'MaxAttempts'), where, ql, ATTEMPTS);
  checkNumber(ctx, prop(entry, 'BackoffRate'), where, ql, BACKOFF);
  checkNumber(ctx, prop(entry, 'MaxDelaySeconds'), where, ql, MAX_DELAY);
  checkEnum(ctx, prop(entry, 'JitterStrategy'), where, JITTER_STRATEGIES, ql);
}
