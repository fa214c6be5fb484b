// Test helpers for the whole-document rules: render a definition, lint it with the document rules
// only, and locate the exact range a finding must cover.
import * as assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { lint } from '../../../src/core/lint';
import type { PublicFinding } from '../../../src/core/findings';

export type Lang = 'asl' | 'asl-yaml';

export function machine(states: Record<string, unknown>, root: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...root, StartAt: Object.keys(states)[0], States: states };
}

export function render(doc: unknown, lang: Lang = 'asl'): string {
  return lang === 'asl' ? JSON.stringify(doc, null, 2) : stringify(doc);
}

/** Document-rule findings of a definition (object or text). */
export function check(doc: unknown, lang: Lang = 'asl'): { text: string; findings: PublicFinding[] } {
  const text = typeof doc === 'string' ? doc : render(doc, lang);
  return { text, findings: lint(text, { languageId: lang, crossingRules: false }) };
}

export function describeAll(findings: PublicFinding[]): string {
  return findings.map((f) => `${f.code} ${f.severity} ${f.path} ${f.message}`).join('\n  ') || 'none';
}

/** The single finding with this code (fails otherwise). */
export function one(findings: PublicFinding[], code: string): PublicFinding {
  const hits = findings.filter((f) => f.code === code);
  assert.equal(hits.length, 1, `expected one ${code}, got:\n  ${describeAll(findings)}`);
  return hits[0]!;
}

export function none(findings: PublicFinding[], code?: string): void {
  const hits = findings.filter((f) => (code ? f.code === code : true));
  assert.equal(hits.length, 0, `expected no ${code ?? 'finding'}, got:\n  ${describeAll(hits)}`);
}

/** 1-based position of the `nth` occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, nth = 1, after?: string): { line: number; column: number } {
  let at = -1;
  if (after !== undefined) {
    const a = text.indexOf(after);
    assert.ok(a >= 0, `${JSON.stringify(after)} not found`);
    at = a + after.length - 1;
  }
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${JSON.stringify(needle)} not found (occurrence ${nth})`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** Asserts code, severity, path and that the range covers exactly `needle` (its `nth` occurrence). */
export function expectAt(
  findings: PublicFinding[],
  text: string,
  expected: {
    code: string;
    severity?: 'error' | 'warning' | 'info';
    path: string;
    needle: string;
    nth?: number;
    after?: string;
  },
): PublicFinding {
  const f = findings.find((x) => x.code === expected.code && x.path === expected.path);
  assert.ok(f, `expected ${expected.code} at ${expected.path}, got:\n  ${describeAll(findings)}`);
  assert.equal(f.severity, expected.severity ?? 'error');
  const start = positionOf(text, expected.needle, expected.nth, expected.after);
  const endText = text.slice(
    0,
    text
      .split('\n')
      .slice(0, start.line - 1)
      .join('\n').length +
      (start.line > 1 ? 1 : 0) +
      start.column -
      1 +
      expected.needle.length,
  );
  const endLine = endText.split('\n').length;
  const endColumn = endText.length - endText.lastIndexOf('\n');
  assert.deepEqual(
    { line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn },
    { line: start.line, column: start.column, endLine, endColumn },
    `range of ${expected.code}: ${f.message}`,
  );
  return f;
}
