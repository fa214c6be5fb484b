// The validation pipeline: text -> parse -> model -> rules -> findings. Never throws: an unexpected
// failure inside a rule becomes one ASL000 finding and the other rules still run.
import type { Finding, PublicFinding } from './findings';
import { parseDefinition, type LanguageId, type ParsedDocument } from './parse';
import { LineIndex } from './parse/lineIndex';
import { ParseCodes, parseProblem } from './parse/problems';
import { buildModel, type AslModel } from './model/model';
import type { AnyRule, RuleContext } from './model/rule';
import { documentRules } from './rules';
import { crossingRules } from './crossings';
import { DEFAULT_INVOKER_FUNCTION_NAME } from './invokerName';
import type { SubstitutionContext } from './model/substitutions';

export interface AnalyzeOptions {
  languageId?: LanguageId;
  /** Run the whole-document rules (graph, fields, QueryLanguage). Default true. */
  documentRules?: boolean;
  /** Run the crossing rules. Default true. */
  crossingRules?: boolean;
  /** Function names that mark a Lambda task as an invoker call. */
  invokerNames?: string[];
  /** Texts longer than this are not analysed. */
  maxSize?: number;
  /** What the definition's source (a template) knows about its `${...}` placeholders. */
  substitutions?: SubstitutionContext;
}

export interface Analysis {
  parsed: ParsedDocument;
  model: AslModel | undefined;
  findings: Finding[];
  lines: LineIndex;
}

/** Parses without ever throwing (an unexpected failure becomes an ASL000 finding). */
export function parseSafely(text: string, options: AnalyzeOptions = {}): ParsedDocument {
  try {
    return parseDefinition(text, options);
  } catch (e) {
    return { text, languageId: options.languageId ?? 'asl', root: undefined, problems: [internalProblem('parser', e)] };
  }
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeParsed(parseSafely(text, options), options);
}

/** The model and rules over an already parsed document (the editor parses once to sniff plain JSON/YAML). */
export function analyzeParsed(parsed: ParsedDocument, options: AnalyzeOptions = {}): Analysis {
  const text = parsed.text;
  const findings: Finding[] = [...parsed.problems];
  let model: AslModel | undefined;
  try {
    model = buildModel(parsed);
  } catch (e) {
    findings.push(internalProblem('model', e));
  }
  if (model) {
    const ctx: RuleContext = {
      model,
      options: {
        languageId: parsed.languageId,
        invokerNames: options.invokerNames?.length ? options.invokerNames : [DEFAULT_INVOKER_FUNCTION_NAME],
        substitutions: options.substitutions,
      },
      report: (f) => findings.push(f),
    };
    const rules: AnyRule[] = [
      ...(options.documentRules === false ? [] : documentRules),
      ...(options.crossingRules === false ? [] : crossingRules),
    ];
    runRules(ctx, rules, (rule, e) => findings.push(internalProblem(`rule ${rule.id}`, e)));
  }
  const shown = preferSpecific(findings);
  shown.sort((a, b) => a.offset - b.offset || a.code.localeCompare(b.code));
  return { parsed, model, findings: shown, lines: new LineIndex(text) };
}

/**
 * One pass over the states that runs every rule's per-state checks on each state, then each rule's
 * whole-document checks. A rule that throws is reported once (`failed`) and skipped from then on; the
 * other rules still run.
 */
function runRules(ctx: RuleContext, rules: readonly AnyRule[], failed: (rule: AnyRule, e: unknown) => void): void {
  const live: AnyRule[] = [];
  const scratch: unknown[] = [];
  for (const rule of rules) {
    try {
      scratch.push(rule.begin?.(ctx));
      live.push(rule);
    } catch (e) {
      failed(rule, e);
    }
  }
  for (const state of ctx.model.states) {
    for (let r = 0; r < live.length; r++) {
      const rule = live[r]!;
      if (!rule.checkState) continue;
      try {
        rule.checkState(ctx, state, scratch[r]);
      } catch (e) {
        failed(rule, e);
        live.splice(r, 1);
        scratch.splice(r--, 1);
      }
    }
  }
  for (let r = 0; r < live.length; r++) {
    try {
      live[r]!.run?.(ctx, scratch[r]);
    } catch (e) {
      failed(live[r]!, e);
    }
  }
}

/**
 * One problem, one diagnostic: where a crossing rule (XC…) and a document rule (ASL1xx-ASL3xx) report on
 * the very same node, the crossing finding says more (e.g. "Credentials" on a Pass state), so it wins.
 * With the crossing rules off, the generic finding still stands.
 */
function preferSpecific(findings: Finding[]): Finding[] {
  // Most documents have no document-rule finding at all: nothing to compare then.
  if (!findings.some(isDocumentRuleFinding)) return findings;
  const crossingAt = new Set<string>();
  for (const f of findings) if (f.code.startsWith('XC')) crossingAt.add(`${f.offset}:${f.length}:${f.path}`);
  if (!crossingAt.size) return findings;
  return findings.filter((f) => !(isDocumentRuleFinding(f) && crossingAt.has(`${f.offset}:${f.length}:${f.path}`)));
}

/** ASL1xx to ASL9xx (not the ASL0xx parse problems). */
function isDocumentRuleFinding(f: Finding): boolean {
  const c = f.code.charCodeAt(3);
  return f.code.startsWith('ASL') && c >= 49 && c <= 57;
}

function internalProblem(where: string, e: unknown): Finding {
  return parseProblem(
    ParseCodes.internal,
    `Internal error in the ${where} (please report it): ${(e as Error)?.message ?? String(e)}`,
    0,
    0,
  );
}

/** Public shape with 1-based lines and columns. */
export function toPublic(finding: Finding, lines: LineIndex): PublicFinding {
  const start = lines.positionAt(finding.offset);
  const end = lines.positionAt(finding.offset + finding.length);
  return {
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    path: finding.path,
  };
}

/** Validate a definition; returns the findings with 1-based positions. */
export function lint(text: string, options: AnalyzeOptions = {}): PublicFinding[] {
  const analysis = analyze(text, options);
  return analysis.findings.map((f) => toPublic(f, analysis.lines));
}
