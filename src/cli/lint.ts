// `sfn-crossings lint [--format text|json|sarif] PATH...`: exit 0 without errors, 1 with errors,
// 2 for usage errors or unreadable files.
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../core/lint';
import { parseArgs, UsageError } from './args';
import type { CliCommand } from './commands';
import { FileArgumentError, languageForFile, resolveDefinitionFiles } from './files';
import { formatJson, formatSarif, formatText, type FileFindings, type Format } from './report';
import { VERSION } from './version';

export const LINT_USAGE = `usage: sfn-crossings lint [--format text|json|sarif] [--no-document-rules] [--invoker-name NAME] PATH...
  PATH: files, folders (walked for *.asl.json, *.asl.yaml, *.asl.yml) or globs`;

export const lintCommand: CliCommand = async (argv, io) => {
  const args = parseArgs(argv, { values: ['format', 'invoker-name'], flags: ['no-document-rules', 'help'] });
  if (args.flags.has('help')) {
    io.stdout(LINT_USAGE + '\n');
    return 0;
  }
  const format = (args.values.get('format') ?? 'text') as Format;
  if (!['text', 'json', 'sarif'].includes(format))
    throw new UsageError(`--format must be text, json or sarif (got ${format})`);
  if (!args.positionals.length) throw new UsageError('lint needs at least one PATH');
  let files: string[];
  try {
    files = resolveDefinitionFiles(args.positionals, io.cwd);
  } catch (e) {
    if (e instanceof FileArgumentError) throw new UsageError(e.message);
    throw e;
  }
  const results: FileFindings[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      io.stderr(`sfn-crossings: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
    const findings = lint(text, {
      languageId: languageForFile(file),
      documentRules: !args.flags.has('no-document-rules'),
      invokerNames: args.values.has('invoker-name') ? [args.values.get('invoker-name')!] : undefined,
    });
    const rel = path.relative(io.cwd, file);
    results.push({ file: rel.startsWith('..') ? file : rel, findings });
  }
  if (format === 'json') io.stdout(formatJson(results));
  else if (format === 'sarif') io.stdout(formatSarif(results, VERSION));
  else io.stdout(formatText(results));
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
};
