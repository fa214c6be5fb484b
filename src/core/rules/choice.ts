// Choice state rules (ASL108 and the Choice parts of ASL2xx/ASL30x): non-empty Choices, a Next on each
// top-level rule and none on nested ones, no End, one comparison per rule (JSONPath) or a Condition
// (JSONata), operand types. Nested And/Or/Not rules are walked with an explicit stack.
import { type AstNode, hasProp, type ObjectNode, pointerOf, prop, type PropertyNode } from '../parse/ast';
import { atKey, atValue, finding, type RuleContext } from '../model/rule';
import type { StateInfo } from '../model/model';
import { DocumentCodes as C } from './codes';
import { ARRAY, OBJECT, STRING, checkKind, checkUnknownFields, only, type UnknownFieldOptions } from './checks';
import { CHOICE_RULE_FIELDS, COMPARISONS, JSONATA_CHOICE_RULE_FIELDS } from './stateFields';
import { type Label, describe, label, LazyLabel, RFC3339_TIMESTAMP } from './util';
import { hasPlaceholder } from './placeholders';

const TOP_ONLY = new Set(['Next', 'Assign', 'Output']);
const SKIP_TOP = new Set(['End']);
const SKIP_NESTED = new Set(['End', ...TOP_ONLY]);
const SKIP_JSONATA = new Set(['End', ...CHOICE_RULE_FIELDS]);

const SKIP_TOP_OPTIONS: UnknownFieldOptions = { skip: SKIP_TOP };
const SKIP_NESTED_OPTIONS: UnknownFieldOptions = { skip: SKIP_NESTED };
const SKIP_JSONATA_OPTIONS: UnknownFieldOptions = { skip: SKIP_JSONATA };

// The lists only for messages (a well-formed rule has one comparison or one logical operator).
function comparisonsOf(rule: ObjectNode): PropertyNode[] {
  return rule.properties.filter((p) => COMPARISONS.has(p.key));
}
function logicalOf(rule: ObjectNode): PropertyNode[] {
  return rule.properties.filter((p) => isLogical(p.key));
}

function isLogical(key: string): boolean {
  return key === 'And' || key === 'Or' || key === 'Not';
}

/** `where`: the state as messages name it (`State "A"`). */
export function checkChoice(ctx: RuleContext, state: StateInfo, node: ObjectNode, where: Label): void {
  checkKind(ctx, prop(node, 'Default'), where, STRING);
  const choices = prop(node, 'Choices');
  if (!choices) {
    ctx.report(
      finding(
        C.missingField,
        'error',
        `${label(where)} is a Choice state without "Choices": add an array of rules, each with a "Next".`,
        atKey(state.entry),
      ),
    );
    return;
  }
  if (!checkKind(ctx, choices, where, ARRAY)) return;
  const items = choices.value.kind === 'array' ? choices.value.items : [];
  if (items.length === 0) {
    ctx.report(
      finding(
        C.choiceRule,
        'error',
        `${label(where)}: "Choices" is empty; add at least one rule with a "Next".`,
        atValue(choices),
      ),
    );
    return;
  }
  const jsonata = state.queryLanguage === 'JSONata';
  // Top-level rules in order; nested And/Or/Not rules on a stack made only when there are any.
  for (const item of items) {
    const stack = checkRule(ctx, state, item, true, jsonata, undefined);
    while (stack?.length) checkRule(ctx, state, stack.pop()!, false, jsonata, stack);
  }
}

/** One Choice rule; returns `nested` (created when needed) with the rule's nested rules pushed on it. */
function checkRule(
  ctx: RuleContext,
  state: StateInfo,
  rule: AstNode,
  top: boolean,
  jsonata: boolean,
  nested: AstNode[] | undefined,
): AstNode[] | undefined {
  const rw: Label = new LazyLabel(top ? 'A Choice rule of ' : 'A nested Choice rule of ', state.name);
  if (rule.kind !== 'object') {
    ctx.report(
      finding(C.choiceRule, 'error', `${label(rw)} must be an object, not ${describe(rule)}.`, {
        offset: rule.offset,
        length: rule.length,
        path: pointerOf(rule),
      }),
    );
    return nested;
  }
  const end = prop(rule, 'End');
  if (end)
    ctx.report(
      finding(
        C.choiceRule,
        'error',
        `${label(rw)} has "End": a Choice rule cannot end the execution. Point its "Next" at a Succeed state instead.`,
        atKey(end),
      ),
    );
  const next = prop(rule, 'Next');
  if (top && !next)
    ctx.report(
      finding(
        C.choiceRule,
        'error',
        `${label(rw)} has no "Next": add the name of the state to run when the rule matches.`,
        opening(rule),
      ),
    );
  if (!top) {
    for (const key of TOP_ONLY) {
      const p = prop(rule, key);
      if (p)
        ctx.report(
          finding(
            C.choiceRule,
            'error',
            `${label(rw)} has "${key}": only top-level Choice rules take "${key}". Move it to the enclosing rule.`,
            atKey(p),
          ),
        );
    }
  }
  checkKind(ctx, next, rw, STRING);
  if (jsonata) {
    // JSONPath operators here are ASL301 (query-language rule); only unknown names are reported.
    checkUnknownFields(ctx, rule, JSONATA_CHOICE_RULE_FIELDS, rw, SKIP_JSONATA_OPTIONS);
    if (top && !hasProp(rule, 'Condition'))
      ctx.report(
        finding(
          C.choiceRule,
          'error',
          `${label(rw)} has no "Condition": in JSONata a rule is "Condition": "{% <boolean expression> %}".`,
          opening(rule),
        ),
      );
    return nested;
  }
  checkUnknownFields(ctx, rule, CHOICE_RULE_FIELDS, rw, top ? SKIP_TOP_OPTIONS : SKIP_NESTED_OPTIONS);
  if (hasProp(rule, 'Condition')) return nested; // ASL302: Condition in a JSONPath state.
  let comparisonCount = 0;
  let logicalCount = 0;
  for (const p of rule.properties) {
    if (COMPARISONS.has(p.key)) comparisonCount++;
    else if (isLogical(p.key)) logicalCount++;
  }
  const variable = prop(rule, 'Variable');
  if (variable) {
    checkKind(ctx, variable, rw, STRING);
    if (comparisonCount !== 1 || logicalCount)
      ctx.report(
        finding(
          C.choiceRule,
          'error',
          comparisonCount === 0 && !logicalCount
            ? `${label(rw)} has "Variable" but no comparison: add one operator such as "StringEquals" or "NumericGreaterThan".`
            : `${label(rw)} must have exactly one comparison with "Variable" (found ${[...comparisonsOf(rule), ...logicalOf(rule)].map((p) => `"${p.key}"`).join(', ')}). Combine comparisons with "And"/"Or".`,
          atKey(variable),
        ),
      );
  } else if (logicalCount !== 1 || comparisonCount) {
    const first = comparisonCount ? comparisonsOf(rule)[0]! : undefined;
    ctx.report(
      finding(
        C.choiceRule,
        'error',
        first
          ? `${label(rw)} has "${first.key}" but no "Variable": add "Variable" with the path to compare.`
          : logicalCount
            ? `${label(rw)} combines ${logicalOf(rule)
                .map((p) => `"${p.key}"`)
                .join(' and ')}: use one of "And", "Or", "Not" per rule and nest the others.`
            : `${label(rw)} has no condition: add "Variable" with a comparison operator, or "And", "Or" or "Not".`,
        first ? atKey(first) : logicalCount > 1 ? atKey(logicalOf(rule)[1]!) : opening(rule),
      ),
    );
  }
  for (const p of rule.properties) {
    const kind = COMPARISONS.get(p.key);
    if (kind === undefined) continue;
    const expected = kind === 'path' || kind === 'timestamp' ? 'string' : kind;
    if (!checkKind(ctx, p, rw, only(expected))) continue;
    if (
      kind === 'timestamp' &&
      p.value.kind === 'string' &&
      !RFC3339_TIMESTAMP.test(p.value.value as string) &&
      !hasPlaceholder(p.value.value as string)
    )
      ctx.report(
        finding(
          C.valueRange,
          'error',
          `${label(rw)}: "${p.key}" needs an RFC 3339 timestamp such as 2026-01-31T23:59:00Z.`,
          atValue(p),
        ),
      );
  }
  for (const p of rule.properties) {
    if (!isLogical(p.key)) continue;
    if (p.key === 'Not') {
      if (checkKind(ctx, p, rw, OBJECT)) (nested ??= []).push(p.value);
      continue;
    }
    if (!checkKind(ctx, p, rw, ARRAY)) continue;
    const inner = p.value.kind === 'array' ? p.value.items : [];
    if (inner.length === 0)
      ctx.report(finding(C.choiceRule, 'error', `${label(rw)}: "${p.key}" needs at least one rule.`, atValue(p)));
    for (let i = inner.length - 1; i >= 0; i--) (nested ??= []).push(inner[i]!);
  }
  return nested;
}

function opening(node: AstNode): { offset: number; length: number; path: string } {
  return { offset: node.offset, length: 1, path: pointerOf(node) };
}
