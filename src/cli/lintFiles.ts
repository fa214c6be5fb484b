// What `sfn-crossings lint` reads: the PATH arguments expanded (folders walked for definitions,
// CloudFormation/SAM/CDK templates and Terraform files; node_modules, .git and cdk.out asset folders
// skipped), and each file linted as what it is, with a template's referenced definition files checked
// through the template (with its substitutions) instead of on their own.
import * as fs from 'fs';
import * as path from 'path';
import type { PublicFinding } from '../core/findings';
import { lint, toPublic, type AnalyzeOptions } from '../core/lint';
import { LineIndex } from '../core/parse/lineIndex';
import { looksLikeStateMachine } from '../core/model/model';
import { parseSafely } from '../core/lint';
import { lintSource, sourceKindOf, type SourceHost } from '../core/sources';
import { expandPathArguments, languageForFile } from './files';

/** Files a folder walk considers; each is then sniffed for what it is. */
const WALK_PATTERNS = ['**/*.asl.{json,yaml,yml}', '**/*.{json,yaml,yml,template}', '**/*.tf'];
const IGNORED = ['**/node_modules/**', '**/.git/**', '**/cdk.out/asset.*/**', '**/.aws-sam/**', '**/.terraform/**'];
/** Files larger than this found by a walk are not read (lock files, data). */
const MAX_WALKED_SIZE = 5_000_000;

export interface LintTarget {
  file: string;
  /** Named on the command line (linted whatever it is) or found by a walk (linted only if it is a source). */
  explicit: boolean;
}

export function resolveLintTargets(args: string[], cwd: string): LintTarget[] {
  const out = new Map<string, boolean>();
  expandPathArguments(args, cwd, WALK_PATTERNS, IGNORED, (f, explicit) => out.set(f, explicit || out.get(f) === true));
  return [...out].map(([file, explicit]) => ({ file, explicit })).sort((a, b) => a.file.localeCompare(b.file));
}

export interface FileResult {
  file: string;
  findings: PublicFinding[];
}

export class UnreadableFileError extends Error {}

/** Lints every target; a file referenced by a linted template is reported once, through the template. */
export function lintTargets(targets: LintTarget[], options: AnalyzeOptions): FileResult[] {
  const texts = new Map<string, string | undefined>();
  const read = (file: string): string | undefined => {
    if (!texts.has(file)) {
      try {
        texts.set(file, fs.readFileSync(file, 'utf8'));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
  const host: SourceHost = {
    readFile: (f) => read(path.normalize(f)),
    listFiles: (dir) => {
      try {
        return fs.readdirSync(dir).map((n) => path.join(dir, n));
      } catch {
        return [];
      }
    },
  };
  const results = new Map<string, FileResult>();
  const viaTemplate = new Set<string>();
  const definitions: Array<{ file: string; text: string }> = [];
  for (const { file, explicit } of targets) {
    if (!explicit && !isSmallFile(file)) continue;
    const text = read(file);
    if (text === undefined) {
      if (explicit) throw new UnreadableFileError(`cannot read ${file}`);
      continue;
    }
    const kind = sourceKindOf(file, text);
    if (kind === 'definition') {
      if (/\.tf$/i.test(file)) continue; // Terraform without a state machine
      if (explicit || isWalkedDefinition(file, text)) definitions.push({ file, text });
      continue;
    }
    const source = lintSource(file, text, host, options);
    for (const [f, entry] of source.files) {
      const target = path.normalize(f);
      if (target !== file) viaTemplate.add(target);
      const lines = new LineIndex(entry.text);
      const r = results.get(target) ?? { file: target, findings: [] };
      r.findings.push(...entry.findings.map((x) => toPublic(x, lines)));
      results.set(target, r);
    }
  }
  for (const { file, text } of definitions) {
    if (viaTemplate.has(file)) continue;
    results.set(file, { file, findings: lint(text, { ...options, languageId: languageForFile(file) }) });
  }
  return [...results.values()].sort((a, b) => a.file.localeCompare(b.file));
}

function isSmallFile(file: string): boolean {
  try {
    return fs.statSync(file).size <= MAX_WALKED_SIZE;
  } catch {
    return false;
  }
}

/** A walked file is a definition when it is named `*.asl.*`, or is JSON/YAML whose root has StartAt and States. */
function isWalkedDefinition(file: string, text: string): boolean {
  if (/\.asl\.(json|ya?ml)$/i.test(file)) return true;
  if (!/\.(json|ya?ml)$/i.test(file) || !text.includes('StartAt') || !text.includes('States')) return false;
  return looksLikeStateMachine(parseSafely(text, { languageId: languageForFile(file) }).root);
}
