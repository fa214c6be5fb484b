// Test helpers for the crossing rules: build a one-state machine, analyse it (crossing rules only), apply a fix
// and check that it removed what it fixed without breaking the document.
import * as assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { analyze, type Analysis } from '../../../src/core/lint';
import type { Finding, Fix } from '../../../src/core/findings';
import { applyEdits } from '../../../src/core/crossings/edits';

export type Lang = 'asl' | 'asl-yaml';

export function machine(states: Record<string, unknown>, root: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...root, StartAt: Object.keys(states)[0], States: states };
}

/** One Task state named `T` (End: true) with the given fields. */
export function task(fields: Record<string, unknown>, root: Record<string, unknown> = {}): Record<string, unknown> {
  return machine({ T: { Type: 'Task', ...fields, End: true } }, root);
}

export function render(doc: unknown, lang: Lang = 'asl'): string {
  return lang === 'asl' ? JSON.stringify(doc, null, 2) : stringify(doc);
}

export function run(text: string, lang: Lang = 'asl', invokerNames?: string[]): Analysis {
  return analyze(text, { languageId: lang, documentRules: false, ...(invokerNames ? { invokerNames } : {}) });
}

export function lint(doc: unknown, lang: Lang = 'asl'): { text: string; findings: Finding[] } {
  const text = render(doc, lang);
  return { text, findings: run(text, lang).findings };
}

/** Crossing codes (XC...) of a document's findings. */
export function codes(doc: unknown, lang: Lang = 'asl'): string[] {
  return lint(doc, lang).findings.map((f) => f.code);
}

export function only(findings: Finding[], code: string): Finding {
  const hits = findings.filter((f) => f.code === code);
  assert.equal(
    hits.length,
    1,
    `expected one ${code}, got ${findings.map((f) => `${f.code} ${f.message}`).join(' | ') || 'none'}`,
  );
  return hits[0]!;
}

/** The text a finding points at. */
export function at(text: string, f: Finding): string {
  return text.slice(f.offset, f.offset + f.length);
}

/**
 * Applies a fix and checks the result: still parses, and has fewer findings of the fixed code. Returns the new
 * text and findings.
 */
export function applyFix(
  text: string,
  f: Finding,
  fix: Fix,
  lang: Lang = 'asl',
): { text: string; findings: Finding[] } {
  const out = applyEdits(text, fix.edits);
  const findings = run(out, lang).findings;
  const parseProblems = findings.filter((x) => x.code.startsWith('ASL0'));
  assert.deepEqual(
    parseProblems.map((p) => p.message),
    [],
    `fix "${fix.title}" broke the document:\n${out}`,
  );
  const before = run(text, lang).findings.filter((x) => x.code === f.code).length;
  const after = findings.filter((x) => x.code === f.code).length;
  assert.ok(after < before, `fix "${fix.title}" did not remove ${f.code}:\n${out}`);
  return { text: out, findings };
}

/** Applies the one (or the preferred) fix of the only finding with `code`. */
export function fixOnly(
  doc: unknown,
  code: string,
  lang: Lang = 'asl',
): { text: string; findings: Finding[]; fix: Fix } {
  const { text, findings } = lint(doc, lang);
  const f = only(findings, code);
  assert.ok(f.fixes?.length, `${code} has no fix`);
  const fix = f.fixes.find((x) => x.preferred) ?? f.fixes[0]!;
  return { ...applyFix(text, f, fix, lang), fix };
}

export const LANGS: Lang[] = ['asl', 'asl-yaml'];
