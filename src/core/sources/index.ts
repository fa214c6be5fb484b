// The source-aware entry: what a file is (a plain definition, a CloudFormation/SAM/CDK template...), the
// state machines it holds, and their findings, each in the file where the offending text is.
import type { Finding } from '../findings';
import type { AnalyzeOptions } from '../lint';
import { parseDefinition } from '../parse';
import { SourceCodes, sourceFinding } from './codes';
import { isTemplateRoot, readTemplate, STATE_MACHINE_TYPES } from './cloudformation';
import { analyzeUnit, type UnitAnalysis } from './analyze';
import { languageOfPath } from './paths';
import { parseYamlTemplate } from './templateYaml';
import type * as TerraformReader from './terraform';
import { isServerlessFile, readServerless } from './serverless';
import type { SourceHost, SourceKind, SourceReading } from './types';

export type { DefinitionUnit, SourceHost, SourceKind, SourceReading, SourceProblem } from './types';
export type { UnitAnalysis } from './analyze';
export { analyzeUnit, fileAnalysis, placeFinding } from './analyze';
export { PositionMap } from './positionMap';
export { SourceCodes } from './codes';

/** Text that every template holding a state machine contains (cheap test before parsing). */
export const TEMPLATE_HINT = /AWS::(StepFunctions|Serverless)::StateMachine/;

/**
 * What kind of source a file is, from its name and a cheap look at its text (no parse): a template when it
 * declares a state machine resource, otherwise a plain definition.
 */
export function sourceKindOf(file: string, text: string): SourceKind {
  if (/\.asl\.(json|ya?ml)$/i.test(file)) return 'definition';
  if (/\.tf$/i.test(file)) return text.includes('aws_sfn_state_machine') ? 'terraform' : 'definition';
  if (isServerlessFile(file)) return text.includes('stepFunctions') ? 'serverless' : 'definition';
  if (/\.(json|ya?ml|template)$/i.test(file) && TEMPLATE_HINT.test(text) && /Resources/.test(text)) return 'template';
  return 'definition';
}

/** Reads the state machines of a source file (not analysed yet). A plain definition yields no unit. */
export function readSource(file: string, text: string, host: SourceHost): SourceReading {
  const kind = sourceKindOf(file, text);
  try {
    return readByKind(kind, file, text, host);
  } catch (e) {
    // Never throw from the validator: an unexpected failure is one finding on the source.
    const message = `Internal error while reading the state machines of this file (please report it): ${(e as Error)?.message ?? String(e)}`;
    return {
      kind,
      units: [],
      problems: [{ file, fileText: text, finding: sourceFinding(SourceCodes.unparseable, 'error', message, 0, 0, '') }],
    };
  }
}

function readByKind(kind: SourceKind, file: string, text: string, host: SourceHost): SourceReading {
  if (kind === 'template') return readTemplateFile(file, text, host);
  if (kind === 'terraform') return { kind, ...terraformReader().readTerraform(file, text, host) };
  if (kind === 'serverless') return readServerlessFile(file, text);
  return { kind, units: [], problems: [] };
}

function readTemplateFile(file: string, text: string, host: SourceHost): SourceReading {
  const languageId = looksLikeJson(text) ? 'asl' : languageOfPath(file) === 'asl' ? 'asl' : 'asl-yaml';
  let root;
  let problems: Finding[];
  if (languageId === 'asl') {
    const parsed = parseDefinition(text, { languageId: 'asl' });
    root = parsed.root;
    const syntax = parsed.problems.filter((p) => p.severity === 'error');
    problems = syntax.length
      ? [
          sourceFinding(
            SourceCodes.unparseable,
            'error',
            `The template does not parse as JSON, so its state machines are not checked: ${syntax[0]!.message}`,
            syntax[0]!.offset,
            syntax[0]!.length,
            '',
          ),
        ]
      : [];
    if (syntax.length) root = undefined;
  } else {
    const tree = parseYamlTemplate(text);
    root = tree.root;
    problems = tree.problems;
  }
  const out: SourceReading = {
    kind: 'template',
    units: [],
    problems: problems.map((finding) => ({ file, fileText: text, finding })),
  };
  if (!root) return out;
  if (!isTemplateRoot(root)) {
    if (out.problems.length) return out;
    out.problems.push({
      file,
      fileText: text,
      finding: sourceFinding(
        SourceCodes.badShape,
        'warning',
        `The file names ${[...STATE_MACHINE_TYPES].join(' / ')} but has no Resources object: it is not read as a template.`,
        0,
        1,
        '',
      ),
    });
    return out;
  }
  const read = readTemplate({ file, text, root, languageId }, host);
  out.units = read.units;
  out.problems.push(...read.problems);
  return out;
}

function readServerlessFile(file: string, text: string): SourceReading {
  const json = looksLikeJson(text);
  const tree = json ? undefined : parseYamlTemplate(text, 'serverless file');
  const parsed = json ? parseDefinition(text, { languageId: 'asl' }) : undefined;
  const root = tree ? tree.root : parsed!.problems.some((p) => p.severity === 'error') ? undefined : parsed!.root;
  const problems = (tree?.problems ?? []).map((finding) => ({ file, fileText: text, finding }));
  if (!root && json)
    problems.push({
      file,
      fileText: text,
      finding: sourceFinding(SourceCodes.unparseable, 'error', 'The serverless file does not parse as JSON.', 0, 1, ''),
    });
  const read = readServerless(file, text, root, json ? 'asl' : 'asl-yaml');
  return { kind: 'serverless', units: read.units, problems: [...problems, ...read.problems] };
}

function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
    return c === 123; // {
  }
  return false;
}

/** Findings per file (offsets into that file's text), for one source. */
export interface SourceLint {
  kind: SourceKind;
  /** Each state machine with its analysis. */
  machines: UnitAnalysis[];
  /** File -> its text and findings (the source itself first). */
  files: Map<string, { text: string; findings: Finding[] }>;
}

/** Reads and analyses every state machine of a source (templates: see `readSource`). */
export function lintSource(file: string, text: string, host: SourceHost, options: AnalyzeOptions = {}): SourceLint {
  const reading = readSource(file, text, host);
  const files = new Map<string, { text: string; findings: Finding[] }>();
  files.set(file, { text, findings: [] });
  const add = (f: string, fileText: string, finding: Finding): void => {
    let entry = files.get(f);
    if (!entry) files.set(f, (entry = { text: fileText, findings: [] }));
    entry.findings.push(finding);
  };
  for (const p of reading.problems) add(p.file, p.fileText, p.finding);
  const machines: UnitAnalysis[] = [];
  for (const unit of reading.units) {
    const result = analyzeUnit(unit, options);
    machines.push(result);
    if (!files.has(unit.file)) files.set(unit.file, { text: unit.fileText, findings: [] });
    for (const f of result.findings) add(unit.file, unit.fileText, f);
  }
  for (const entry of files.values())
    entry.findings.sort((a, b) => a.offset - b.offset || a.code.localeCompare(b.code));
  return { kind: reading.kind, machines, files };
}

/** The Terraform reader (and its HCL grammar), loaded on the first .tf file: editors that never open one skip it. */
function terraformReader(): typeof TerraformReader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./terraform') as typeof TerraformReader;
}
