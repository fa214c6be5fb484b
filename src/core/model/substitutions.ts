// Deploy-time placeholders (`${Name}`) in definition strings, and what the definition's source knows about
// them. SAM/CloudFormation `DefinitionSubstitutions`, CDK substitutions and Terraform `templatefile()` replace
// `${key}` as plain text before Step Functions sees the definition, so a placeholder is unknown at authoring
// time unless the source (a template) says what it stands for. Rules check only the literal parts around an
// unknown placeholder; a source may resolve a placeholder to a literal value or to a symbol (a resource of
// the same template, a pseudo parameter).

/** What a symbolic placeholder stands for (a resource of the same template, or a pseudo parameter). */
export type SymbolKind =
  | 'apiGatewayRestApi'
  | 'apiGatewayHttpApi'
  | 'lambdaFunction'
  | 'iamRole'
  | 'eventsConnection'
  | 'stateMachine'
  | 'region'
  | 'accountId'
  | 'partition'
  | 'urlSuffix'
  | 'unknown';

export interface PlaceholderSymbol {
  kind: SymbolKind;
  /** The template's logical ID of the resource it refers to (`!Ref Api`, `!GetAtt Fn.Arn`). */
  logicalId?: string;
  /** `Arn`, `RootResourceId`... for `!GetAtt`; undefined for `!Ref`. */
  attribute?: string;
}

/** What the source of a definition says about its placeholders (only the ones left in the text). */
export interface SubstitutionContext {
  /** Where the substitutions come from, e.g. `template.yaml#MyStateMachine` (for messages). */
  origin: string;
  /** Placeholder name (without `${}`) -> its meaning. Names not listed are unknown. */
  symbols: ReadonlyMap<string, PlaceholderSymbol>;
}

/** One piece of a string: literal text or a `${name}` placeholder. */
export type StringPart = { literal: string; offset: number } | { placeholder: string; offset: number };

/** True when a string holds a `${...}` placeholder (fast path for every value). */
export function hasPlaceholder(value: string): boolean {
  const i = value.indexOf('${');
  return i >= 0 && value.indexOf('}', i + 2) > 0;
}

/**
 * Splits a string into literal and placeholder parts. `${!Literal}` (CloudFormation's escape for a literal
 * `${Literal}`) is literal text. Offsets are indexes into `value`.
 */
export function placeholderParts(value: string): StringPart[] {
  const parts: StringPart[] = [];
  let from = 0;
  let i = value.indexOf('${');
  while (i >= 0) {
    const close = value.indexOf('}', i + 2);
    if (close < 0) break;
    if (value.charCodeAt(i + 2) === 33 /* ! */) {
      i = value.indexOf('${', close + 1);
      continue;
    }
    if (i > from) parts.push({ literal: value.slice(from, i), offset: from });
    parts.push({ placeholder: value.slice(i + 2, close), offset: i });
    from = close + 1;
    i = value.indexOf('${', from);
  }
  if (from < value.length) parts.push({ literal: value.slice(from), offset: from });
  return parts;
}

/** True when the whole string is one placeholder (`"${Timeout}"`): its value, even its type, is unknown. */
export function isWholePlaceholder(value: string): boolean {
  return value.startsWith('${') && value.endsWith('}') && value.indexOf('}') === value.length - 1;
}
