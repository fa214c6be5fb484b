// Retry and Catch shapes (ASL208, ASL212 and the ASL20x value checks of retriers and catchers):
// ErrorEquals a non-empty array of strings, States.ALL alone and in the last entry, retrier numbers
// (IntervalSeconds, MaxAttempts, BackoffRate, MaxDelaySeconds) and JitterStrategy, catcher Next.
// Source: https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
import { type ObjectNode, pointerOf, prop, type PropertyNode } from '../parse/ast';
import { atNode, atValue, finding, type RuleContext } from '../model/rule';
import type { StateInfo } from '../model/model';
import { DocumentCodes as C } from './codes';
import { ARRAY, OBJECT, STRING, STRING_OR_NULL, checkEnum, checkKind, checkNumber, checkUnknownFields } from './checks';
import { CATCHER_FIELDS, PREDEFINED_ERRORS, RETRIER_FIELDS, type StateType } from './stateFields';
import { type Label, describe, label, q, suggestion, LazyLabel } from './util';

const WITH_ERROR_HANDLING = new Set<StateType>(['Task', 'Parallel', 'Map']);
const MAX_SECONDS = 99_999_999;

export function checkRetryCatch(ctx: RuleContext, state: StateInfo, node: ObjectNode, type: StateType): void {
  for (const field of ['Retry', 'Catch'] as const) {
    const p = prop(node, field);
    if (!p || !WITH_ERROR_HANDLING.has(type)) continue; // unknown-field rule reports it on other types
    if (!checkKind(ctx, p, new LazyLabel('State ', state.name), ARRAY)) continue;
    const entries = p.value.kind === 'array' ? p.value.items : [];
    entries.forEach((entry, index) => {
      const where: Label = new LazyLabel(`${field === 'Retry' ? 'Retrier' : 'Catcher'} #${index + 1} of `, state.name);
      if (entry.kind !== 'object') {
        ctx.report(
          finding(
            C.retryCatch,
            'error',
            `${label(where)} must be an object with "ErrorEquals", not ${describe(entry)}.`,
            atNode(entry),
          ),
        );
        return;
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
    });
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
    } else if (name.startsWith('States.') && !PREDEFINED_ERRORS.has(name) && !name.startsWith('States.Http.')) {
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

function checkRetrier(ctx: RuleContext, entry: ObjectNode, where: Label, state: StateInfo): void {
  const ql = state.queryLanguage;
  checkNumber(ctx, prop(entry, 'IntervalSeconds'), where, ql, { integer: true, min: 1, max: MAX_SECONDS });
  checkNumber(ctx, prop(entry, 'MaxAttempts'), where, ql, { integer: true, min: 0, max: MAX_SECONDS });
  checkNumber(ctx, prop(entry, 'BackoffRate'), where, ql, { min: 1 });
  checkNumber(ctx, prop(entry, 'MaxDelaySeconds'), where, ql, { integer: true, min: 1, max: 31_622_400 });
  checkEnum(ctx, prop(entry, 'JitterStrategy'), where, ['FULL', 'NONE'], ql);
}
