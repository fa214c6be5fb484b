// The expectations file of a real-world corpus (format in ./README.md and ./run.mjs): loading, comparing the
// CLI's findings with it (a readable per-file diff), merging new findings in for the write mode (existing
// reasons and evidence kept, new entries UNTRIAGED) and listing the entries that still need triage.
import * as fs from 'node:fs';
import type { Severity } from '../../src/core/findings';

export const UNTRIAGED = 'UNTRIAGED';

/** One expected finding; matched against the CLI's findings by code, severity and path. */
export interface Expectation {
  code: string;
  severity: Severity;
  /** JSON pointer of the node, as the CLI prints it. */
  path: string;
  /** Why the finding is right (a true problem of the sample) or a known defect of a rule; UNTRIAGED until triaged. */
  reason: string;
  /** Where the reason can be checked: an AWS documentation page, the sample's own template, the service's behaviour. */
  evidence: string;
}

export interface ExpectationsFile {
  /** The corpus folder the file paths are relative to. */
  corpus: string;
  /** Corpus-relative file path ('/' separators) -> its expected findings; a file not listed has none. */
  files: Record<string, Expectation[]>;
}

/** A finding as the CLI's JSON output gives it (more fields are ignored). */
export interface ActualFinding {
  file: string;
  code: string;
  severity: Severity;
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export function readExpectations(file: string, corpus: string): ExpectationsFile {
  if (!fs.existsSync(file)) return { corpus, files: {} };
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as ExpectationsFile;
  if (!parsed || typeof parsed.files !== 'object' || parsed.files === null)
    throw new Error(`${file}: expected { "corpus": ..., "files": { "<path>": [ ... ] } }`);
  return parsed;
}

export function writeExpectations(file: string, expectations: ExpectationsFile): void {
  fs.writeFileSync(file, JSON.stringify(expectations, null, 2) + '\n');
}

const keyOf = (f: { code: string; severity: string; path: string }) => `${f.code} ${f.severity} ${f.path}`;

/** The CLI's findings grouped by file. */
export function groupByFile(findings: ActualFinding[]): Map<string, ActualFinding[]> {
  const out = new Map<string, ActualFinding[]>();
  for (const f of findings) {
    const file = f.file.split('\\').join('/');
    const list = out.get(file) ?? [];
    list.push({ ...f, file });
    out.set(file, list);
  }
  return out;
}

/**
 * Pairs each actual finding with an expected entry of the same code, severity and path (as a multiset: two
 * equal findings need two entries). Returns the pairs, the actual findings left over and the entries left over.
 */
function pair(
  expected: Expectation[],
  actual: ActualFinding[],
): { matched: Array<[ActualFinding, Expectation]>; extra: ActualFinding[]; missing: Expectation[] } {
  const pool = new Map<string, Expectation[]>();
  for (const e of expected) pool.set(keyOf(e), [...(pool.get(keyOf(e)) ?? []), e]);
  const matched: Array<[ActualFinding, Expectation]> = [];
  const extra: ActualFinding[] = [];
  for (const a of actual) {
    const e = pool.get(keyOf(a))?.shift();
    if (e) matched.push([a, e]);
    else extra.push(a);
  }
  return { matched, extra, missing: [...pool.values()].flat() };
}

export interface FileDiff {
  file: string;
  /** Findings the CLI reports that the file does not expect. */
  extra: ActualFinding[];
  /** Expected findings the CLI no longer reports. */
  missing: Expectation[];
}

/** Every file whose findings differ from its expectations, sorted by path. */
export function diffExpectations(expectations: ExpectationsFile, actual: ActualFinding[]): FileDiff[] {
  const byFile = groupByFile(actual);
  const files = [...new Set([...Object.keys(expectations.files), ...byFile.keys()])].sort();
  const diffs: FileDiff[] = [];
  for (const file of files) {
    const { extra, missing } = pair(expectations.files[file] ?? [], byFile.get(file) ?? []);
    if (extra.length || missing.length) diffs.push({ file, extra, missing });
  }
  return diffs;
}

/** The diff as people read it: one block per file, `+` for a new finding, `-` for a missing one. */
export function formatDiff(diffs: FileDiff[]): string {
  return diffs
    .map((d) =>
      [
        d.file,
        ...d.extra.map(
          (f) =>
            `  + ${f.code} ${f.severity} ${f.path}${f.line ? ` (line ${f.line})` : ''}: ${f.message} [not expected]`,
        ),
        ...d.missing.map((e) => `  - ${e.code} ${e.severity} ${e.path} [expected, not reported; reason: ${e.reason}]`),
      ].join('\n'),
    )
    .join('\n');
}

/**
 * The write mode: the expectations the current findings call for. Entries that still match keep their
 * reason and evidence; new findings become UNTRIAGED entries with empty evidence; entries nothing matches
 * any more are dropped (the diff printed before writing shows them).
 */
export function mergeExpectations(expectations: ExpectationsFile, actual: ActualFinding[]): ExpectationsFile {
  const byFile = groupByFile(actual);
  const files: Record<string, Expectation[]> = {};
  for (const file of [...byFile.keys()].sort()) {
    const findings = byFile.get(file)!;
    const { matched } = pair(expectations.files[file] ?? [], findings);
    const kept = new Map(matched);
    files[file] = findings.map((f) => {
      const e = kept.get(f);
      return {
        code: f.code,
        severity: f.severity,
        path: f.path,
        reason: e?.reason ?? UNTRIAGED,
        evidence: e?.evidence ?? '',
      };
    });
  }
  return { corpus: expectations.corpus, files };
}

/** Entries not triaged yet: reason UNTRIAGED or empty, or no evidence. */
export function untriaged(expectations: ExpectationsFile): Array<{ file: string; entry: Expectation }> {
  return Object.entries(expectations.files).flatMap(([file, entries]) =>
    entries
      .filter((e) => !e.reason?.trim() || e.reason.trim() === UNTRIAGED || !e.evidence?.trim())
      .map((entry) => ({ file, entry })),
  );
}
