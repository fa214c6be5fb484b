// `sfn-crossings lint [--format text|json|sarif] PATH...`: exit 0 without errors, 1 with errors,
// 2 for usage errors or unreadable files.
import * as path from 'path';
import { parseArgs, UsageError } from './args';
import type { CliCommand } from './commands';
import { FileArgumentError } from './files';
import { lintTargets, resolveLintTargets, UnreadableFileError, type FileResult, type LintTarget } from './lintFiles';
import { formatJson, formatSarif, formatText, type FileFindings, type Format } from './report';
import { VERSION } from './version';

export const LINT_USAGE = `usage: sfn-crossings lint [--format text|json|sarif] [--no-document-rules] [--invoker-name NAME] PATH...
  PATH: definition files, CloudFormation/SAM/CDK templates, Terraform files, serverless.yml, folders or
  globs. A folder is walked for all of these (cdk.out included, its asset folders and node_modules/.git
  skipped); a file a template references is checked through it, with its substitutions.`;

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
  let targets: LintTarget[];
  try {
    targets = resolveLintTargets(args.positionals, io.cwd);
  } catch (e) {
    if (e instanceof FileArgumentError) throw new UsageError(e.message);
    throw e;
  }
  let checked: FileResult[];
  try {
    checked = lintTargets(targets, {
      documentRules: !args.flags.has('no-document-rules'),
      invokerNames: args.values.has('invoker-name') ? [args.values.get('invoker-name')!] : undefined,
    });
  } catch (e) {
    if (!(e instanceof UnreadableFileError)) throw e;
    io.stderr(`sfn-crossings: ${e.message}\n`);
    return 2;
  }
  const results: FileFindings[] = checked.map(({ file, findings }) => {
    const rel = path.relative(io.cwd, file);
    return { file: rel.startsWith('..') ? file : rel, findings };
  });
  if (format === 'json') io.stdout(formatJson(results));
  else if (format === 'sarif') io.stdout(formatSarif(results, VERSION));
  else io.stdout(formatText(results));
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
};
