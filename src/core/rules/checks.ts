// Value checks shared by the field rules: JSON types, numbers with ranges (accepting `{% %}` under
// JSONata and deploy-time `${Name}` placeholders), enumerations, unknown fields with did-you-mean, and
// mutually exclusive fields.
import { type AstNode, hasProp, type ObjectNode, prop, type PropertyNode, stringValue } from '../parse/ast';
import { atKey, atValue, finding, type RuleContext } from '../model/rule';
import type { QueryLanguage } from '../model/model';
import { DocumentCodes as C } from './codes';
import { type Label, describe, didYouMean, isJsonataString, label, q, replaceFix } from './util';
import { hasPlaceholder, isPlaceholderValue, isUnquotedPlaceholder } from './placeholders';

/** The largest number of seconds Step Functions takes in TimeoutSeconds, Seconds, IntervalSeconds... */
export const MAX_SECONDS = 99_999_999;

export interface NumberSpec {
  integer?: boolean;
  min?: number;
  /** Exclusive lower bound (e.g. > 0). */
  above?: number;
  max?: number;
}

/** `where` names the object in messages, e.g. `State "A"` or `A Retry entry of state "A"`. */
export function checkNumber(
  ctx: RuleContext,
  p: PropertyNode | undefined,
  where: Label,
  ql: QueryLanguage,
  spec: NumberSpec,
): number | undefined {
  if (!p) return undefined;
  const v = p.value;
  if (ql === 'JSONata' && isJsonataString(v)) return undefined;
  if (v.kind !== 'number') {
    if (placeholderOfOtherType(ctx, p, where, spec.integer ? 'an integer' : 'a number')) return undefined;
    const alt = ql === 'JSONata' ? ' or a {% %} JSONata expression' : '';
    const pathHint =
      ql === 'JSONPath' && v.kind === 'string' && (v.value as string).startsWith('$')
        ? ` To read it from the input use "${p.key}Path".`
        : '';
    ctx.report(
      finding(
        C.valueType,
        'error',
        `${label(where)}: "${p.key}" must be ${spec.integer ? 'an integer' : 'a number'}${alt}, not ${describe(v)}.${pathHint}`,
        atValue(p),
      ),
    );
    return undefined;
  }
  const n = v.value as number;
  const problems: string[] = [];
  if (spec.integer && !Number.isInteger(n)) problems.push('an integer');
  if (spec.above !== undefined && !(n > spec.above)) problems.push(`greater than ${spec.above}`);
  if (spec.min !== undefined && n < spec.min) problems.push(`at least ${spec.min}`);
  if (spec.max !== undefined && n > spec.max) problems.push(`at most ${spec.max}`);
  if (problems.length) {
    ctx.report(
      finding(
        C.valueRange,
        'error',
        `${label(where)}: "${p.key}" is ${n} but must be ${problems.join(' and ')}.`,
        atValue(p),
      ),
    );
    return undefined;
  }
  return n;
}

export type JsonKind = AstNode['kind'];
// Shared kind lists (allocated once, not per call).
export const STRING: readonly JsonKind[] = ['string'];
export const STRING_OR_NULL: readonly JsonKind[] = ['string', 'null'];
export const OBJECT: readonly JsonKind[] = ['object'];
export const ARRAY: readonly JsonKind[] = ['array'];
export const BOOLEAN: readonly JsonKind[] = ['boolean'];

export const NUMBER: readonly JsonKind[] = ['number'];
const ONLY: Record<JsonKind, readonly JsonKind[]> = {
  string: STRING,
  object: OBJECT,
  array: ARRAY,
  boolean: BOOLEAN,
  number: NUMBER,
  null: ['null'],
};
/** The kind list with just this kind (shared lists, not a fresh array per call). */
export function only(kind: JsonKind): readonly JsonKind[] {
  return ONLY[kind];
}

export interface KindOptions {
  ql?: QueryLanguage;
  jsonata?: boolean;
  hint?: string;
}
const NO_KIND_OPTIONS: KindOptions = {};
const JSONATA_ALLOWED: KindOptions = { ql: 'JSONata', jsonata: true };
/** Options that accept a `{% %}` string when the state uses JSONata. */
export function jsonataAllowed(ql: QueryLanguage): KindOptions {
  return ql === 'JSONata' ? JSONATA_ALLOWED : NO_KIND_OPTIONS;
}

/** Reports ASL205 unless the value has one of the kinds (or is `{% %}` under JSONata when allowed). */
export function checkKind(
  ctx: RuleContext,
  p: PropertyNode | undefined,
  where: Label,
  kinds: readonly JsonKind[],
  opts: KindOptions = NO_KIND_OPTIONS,
): boolean {
  if (!p) return false;
  if (kinds.includes(p.value.kind)) return true;
  if (opts.jsonata && opts.ql === 'JSONata' && isJsonataString(p.value)) return true;
  const names = kinds.map((k) =>
    k === 'object' ? 'an object' : k === 'array' ? 'an array' : k === 'null' ? 'null' : `a ${k}`,
  );
  if (placeholderOfOtherType(ctx, p, where, names.join(' or '))) return false;
  if (opts.jsonata && opts.ql === 'JSONata') names.push('a {% %} JSONata expression');
  ctx.report(
    finding(
      C.valueType,
      'error',
      `${label(where)}: "${p.key}" must be ${names.join(' or ')}, not ${describe(p.value)}.${opts.hint ? ` ${opts.hint}` : ''}`,
      atValue(p),
    ),
  );
  return false;
}

export function checkEnum(
  ctx: RuleContext,
  p: PropertyNode | undefined,
  where: Label,
  allowed: readonly string[],
  ql?: QueryLanguage,
): void {
  if (!p) return;
  const v = p.value;
  if (ql === 'JSONata' && isJsonataString(v)) return;
  if (v.kind === 'string' && allowed.includes(v.value as string)) return;
  if (v.kind === 'string' && hasPlaceholder(v.value as string)) return; // filled in at deploy time
  const near = v.kind === 'string' ? didYouMean(v.value as string, allowed) : undefined;
  const hint = near ? ` Did you mean "${near}"?` : '';
  const fix = near ? replaceFix(ctx.model.parsed.text, v.offset, v.length, near, `Change to "${near}"`) : undefined;
  ctx.report(
    finding(
      C.enumValue,
      'error',
      `${label(where)}: "${p.key}" must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, not ${describe(v)}.${hint}`,
      atValue(p),
      fix ? { fixes: [fix] } : {},
    ),
  );
}

/**
 * A `${Name}` placeholder where another type is expected (issue 14, class 1). Unquoted in YAML it is
 * replaced before parsing and may become any type: nothing to say. Quoted, it stays a string after the
 * replace ("30", not 30), which Step Functions rejects: a warning that says why, as the value is unknown
 * here. Returns true when the value is a placeholder (handled).
 */
function placeholderOfOtherType(ctx: RuleContext, p: PropertyNode, where: Label, expected: string): boolean {
  if (!isPlaceholderValue(p.value)) return false;
  if (isUnquotedPlaceholder(ctx.model.parsed.text, p.value)) return true;
  const placeholder = stringValue(p.value) ?? '';
  ctx.report(
    finding(
      C.valueType,
      'warning',
      `${label(where)}: "${p.key}" must be ${expected}; the quoted placeholder ${q(placeholder)} stays a string after the deploy-time substitution. In YAML write it unquoted (${p.key}: ${placeholder}); otherwise write the value itself.`,
      atValue(p),
    ),
  );
  return true;
}

export interface UnknownFieldOptions {
  severity?: 'error' | 'warning';
  skip?: ReadonlySet<string>;
  candidates?: Iterable<string>;
  /** Why a known-elsewhere field is not accepted here (e.g. "only Task states take it"). */
  explain?: (key: string) => string | undefined;
}
const NO_UNKNOWN_FIELD_OPTIONS: UnknownFieldOptions = {};

/** ASL201 for every key of `node` not in `allowed` (keys in `skip` are checked elsewhere). */
export function checkUnknownFields(
  ctx: RuleContext,
  node: ObjectNode,
  allowed: ReadonlySet<string>,
  where: Label,
  opts: UnknownFieldOptions = NO_UNKNOWN_FIELD_OPTIONS,
): void {
  for (const p of node.properties) {
    if (allowed.has(p.key) || opts.skip?.has(p.key)) continue;
    const why = opts.explain?.(p.key);
    if (why) {
      ctx.report(
        finding(
          C.unknownField,
          opts.severity ?? 'error',
          `${label(where)} does not accept the field ${q(p.key)}: ${why}. Remove it.`,
          atKey(p),
        ),
      );
      continue;
    }
    const near = didYouMean(p.key, opts.candidates ?? allowed);
    const fix =
      near && !hasProp(node, near)
        ? replaceFix(ctx.model.parsed.text, p.keyOffset, p.keyLength, near, `Rename to "${near}"`)
        : undefined;
    ctx.report(
      finding(
        C.unknownField,
        opts.severity ?? 'error',
        `${label(where)} does not accept the field ${q(p.key)}.${near ? ` Did you mean "${near}"?` : ' Remove it.'}`,
        atKey(p),
        fix ? { fixes: [fix], data: { suggestion: near } } : near ? { data: { suggestion: near } } : {},
      ),
    );
  }
}

/** ASL204 on every field of a group after the first one present. */
export function checkExclusive(ctx: RuleContext, node: ObjectNode, fields: readonly string[], where: Label): void {
  let count = 0;
  for (const f of fields) if (hasProp(node, f)) count++;
  if (count < 2) return;
  const present = fields
    .map((f) => prop(node, f))
    .filter((p): p is PropertyNode => !!p)
    .sort((a, b) => a.keyOffset - b.keyOffset);
  const [first, ...rest] = present;
  for (const p of rest) {
    ctx.report(
      finding(
        C.exclusiveFields,
        'error',
        `${label(where)} has both "${first!.key}" and "${p.key}": ${fields.length > 2 ? `only one of ${fields.map((f) => `"${f}"`).join(', ')} is allowed` : 'they are mutually exclusive'}. Keep one.`,
        atKey(p),
      ),
    );
  }
}
