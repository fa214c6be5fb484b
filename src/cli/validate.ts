// `sfn-crossings validate --remote`: asks the Step Functions service (ValidateStateMachineDefinition) about each
// definition file (YAML converted to JSON first) and prints its diagnostics at their file positions, then OK or
// FAIL per file. Exit codes: 0 every file OK, 1 a file FAILs, 2 usage, unreadable files or AWS failures (one line).
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs, UsageError } from './args';
import type { CliCommand } from './commands';
import { languageForFile } from './files';
import { parseDefinition } from '../core/parse';
import { LineIndex } from '../core/parse/lineIndex';
import { STATE_MACHINE_TYPES, type StateMachineType } from '../aws/sfnDefinition';

export const VALIDATE_USAGE = `usage: sfn-crossings validate --remote [--region R] [--profile P] [--endpoint-url URL]
         [--type STANDARD|EXPRESS] [--errors-only] [--format text|json] FILE...
Validates definitions with the Step Functions service (ValidateStateMachineDefinition). Local checks without
AWS: sfn-crossings lint FILE.
  --remote           required: the definition is sent to AWS (nothing else is: no execution, no resource)
  --region R         default: the profile's region, else AWS_REGION
  --profile P        a named profile (SSO included); default: the standard credential chain
  --endpoint-url URL send the calls there (LocalStack); default AWS_ENDPOINT_URL
  --type T           STANDARD (default) or EXPRESS: some integrations are STANDARD-only
  --errors-only      do not ask for warnings
  --format json      one JSON document: region, type, and per file its result and diagnostics (line, column)
Exit codes: 0 OK, 1 a definition FAILs, 2 usage, unreadable file or AWS failure.
`;

interface FileReport {
  file: string;
  result: 'OK' | 'FAIL';
  diagnostics: { line: number; column: number; severity: string; code: string; message: string; location?: string }[];
  truncated: boolean;
}

export const validateCommand: CliCommand = async (argv, io) => {
  const args = parseArgs(argv, {
    values: ['region', 'profile', 'endpoint-url', 'type', 'format'],
    flags: ['remote', 'errors-only', 'help'],
  });
  if (args.flags.has('help')) {
    io.stdout(VALIDATE_USAGE);
    return 0;
  }
  if (!args.flags.has('remote'))
    throw new UsageError(
      'validate asks the Step Functions service: pass --remote (local checks: sfn-crossings lint FILE)',
    );
  if (!args.positionals.length) throw new UsageError('validate needs at least one FILE');
  const type = (args.values.get('type') ?? 'STANDARD').toUpperCase() as StateMachineType;
  if (!STATE_MACHINE_TYPES.includes(type))
    throw new UsageError(`--type must be STANDARD or EXPRESS (got ${args.values.get('type')})`);
  const format = args.values.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got ${format})`);

  const files: { path: string; shown: string; text: string }[] = [];
  for (const arg of args.positionals) {
    const path = resolve(io.cwd, arg);
    const shown = relative(io.cwd, path).startsWith('..') ? path : relative(io.cwd, path);
    try {
      files.push({ path, shown, text: await readFile(path, 'utf8') });
    } catch (e) {
      io.stderr(
        `sfn-crossings validate: cannot read ${arg}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
      );
      return 2;
    }
  }

  // The AWS SDK loads only now, so --help and usage errors stay fast (main.ts silences its Node.js notice).
  const [
    { createAwsSession, SessionError },
    { createSfnPorts, SfnCallError },
    { definitionForService, locateDiagnostics },
    { validationSummary },
  ] = await Promise.all([
    import('../aws/session'),
    import('../aws/sfnClient'),
    import('../aws/sfnDefinition'),
    import('../aws/sfnResults'),
  ]);
  let session;
  try {
    session = await createAwsSession({
      profile: args.values.get('profile'),
      region: args.values.get('region'),
      endpointUrl: args.values.get('endpoint-url'),
      env: io.env,
    });
  } catch (e) {
    if (e instanceof SessionError) {
      io.stderr(`sfn-crossings validate: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const ports = createSfnPorts(session);
  const reports: FileReport[] = [];
  for (const f of files) {
    const parsed = parseDefinition(f.text, { languageId: languageForFile(f.path) });
    const prepared = definitionForService(parsed);
    if (!prepared.ok) {
      io.stderr(`sfn-crossings validate: ${f.shown}: ${prepared.message}\n`);
      return 2;
    }
    let result;
    try {
      result = await ports.validate({
        definition: prepared.definition,
        type,
        severity: args.flags.has('errors-only') ? 'ERROR' : 'WARNING',
      });
    } catch (e) {
      if (e instanceof SfnCallError) {
        io.stderr(`sfn-crossings validate: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    const lines = new LineIndex(f.text);
    // The service's order means nothing (AWS says so): print in file order.
    const located = locateDiagnostics(result.diagnostics, parsed, prepared.definition).sort(
      (a, b) => a.offset - b.offset,
    );
    const report: FileReport = {
      file: f.shown,
      result: result.result,
      truncated: result.truncated,
      diagnostics: located.map((d) => {
        const p = lines.positionAt(d.offset);
        return {
          line: p.line + 1,
          column: p.character + 1,
          severity: d.severity,
          code: d.code,
          message: d.message,
          ...(d.location ? { location: d.location } : {}),
        };
      }),
    };
    reports.push(report);
    if (format === 'text') {
      for (const d of report.diagnostics) {
        const where = d.location && !d.location.startsWith('[') ? ` (at ${d.location})` : '';
        io.stdout(
          `${f.shown}:${d.line}:${d.column}: ${d.severity.toLowerCase()} ${d.code} ${d.message.replace(/\s+/g, ' ').trim()}${where}\n`,
        );
      }
      io.stdout(`${f.shown}: ${validationSummary(result, type, session.region)}\n`);
    }
  }
  if (format === 'json') io.stdout(JSON.stringify({ region: session.region, type, files: reports }, null, 2) + '\n');
  return reports.every((r) => r.result === 'OK') ? 0 : 1;
};
