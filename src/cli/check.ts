// `sfn-crossings check FILE`: checks both sides of every crossing of a definition against the live accounts with
// read-only calls (src/core/check over src/aws/check) and prints each result with its fix, as text or JSON.
// Exit codes: 0 every check passes (or could not be made), 1 a check fails, 2 usage or credential errors.
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs, UsageError } from './args';
import type { CliCommand } from './commands';
import { languageForFile } from './files';
import { analyze } from '../core/lint';

export const CHECK_USAGE = `usage: sfn-crossings check FILE [--state-machine-arn ARN | --execution-role-arn ARN --region R]
         [--profile P] [--account-profile ACCOUNT=PROFILE ...] [--region R] [--endpoint-url URL]
         [--invoker-arn ARN] [--format text|json]
Checks both sides of every crossing against AWS with read-only calls: Credentials roles (existence, trust with
sts:ExternalId, permissions incl. .sync polling), the execution role, apigateway:invoke APIs and their resource
policies, http:invoke connections, the cross-region invoker, and drift from the deployed definition.
  --state-machine-arn ARN        the deployed state machine (its role, the ExternalId and the drift check)
  --execution-role-arn ARN       the execution role (default: the deployed state machine's)
  --profile P                    credentials of the state machine's account (default: the standard chain)
  --account-profile ACCOUNT=P    credentials of another account (repeat per account); SSO profiles work
  --region R                     default: the state machine ARN's, else the profile's, else AWS_REGION
  --endpoint-url URL             send the calls there (LocalStack); default AWS_ENDPOINT_URL
  --format json                  one JSON document with every result and its fix
Accounts without credentials are "not checked", never guessed. Nothing is changed in any account.
Exit codes: 0 all checks pass, 1 a check fails, 2 usage or credential errors.
`;

/** Takes every `--account-profile` out of argv (the common parser keeps one value per option). */
function takeAccountProfiles(argv: string[]): { rest: string[]; entries: string[] } {
  const rest: string[] = [];
  const entries: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--account-profile') {
      const v = argv[++i];
      if (v === undefined || v === '') throw new UsageError('--account-profile needs a value');
      entries.push(v);
    } else if (a.startsWith('--account-profile=')) entries.push(a.slice('--account-profile='.length));
    else rest.push(a);
  }
  return { rest, entries };
}

export const checkCommand: CliCommand = async (argv, io) => {
  const { rest, entries } = takeAccountProfiles(argv);
  const args = parseArgs(rest, {
    values: ['state-machine-arn', 'execution-role-arn', 'profile', 'region', 'endpoint-url', 'invoker-arn', 'format'],
    flags: ['help'],
  });
  if (args.flags.has('help')) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError('check needs exactly one definition FILE');
  const format = args.values.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got ${format})`);
  const smArn = args.values.get('state-machine-arn');
  const roleArn = args.values.get('execution-role-arn');
  if (!smArn && !roleArn) throw new UsageError('give --state-machine-arn (or --execution-role-arn with --region)');

  const { parseAccountProfiles, createCheckAccounts } = await import('../aws/check/accounts');
  const accountProfiles = parseAccountProfiles(entries);
  if ('error' in accountProfiles) throw new UsageError(accountProfiles.error as string);

  const path = resolve(io.cwd, args.positionals[0]!);
  const shown = relative(io.cwd, path).startsWith('..') ? path : relative(io.cwd, path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    io.stderr(
      `sfn-crossings check: cannot read ${args.positionals[0]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
    );
    return 2;
  }
  const analysis = analyze(text, { languageId: languageForFile(path), documentRules: false, crossingRules: false });
  if (!analysis.model) {
    io.stderr(
      `sfn-crossings check: ${shown} cannot be read as a definition: ${analysis.findings[0]?.message ?? 'no StartAt/States'}\n`,
    );
    return 2;
  }

  const [
    { runChecks, CheckUsageError },
    { SessionError },
    { formatText, exitCodeOf },
    { parseStateMachineArn, parseRoleArn },
  ] = await Promise.all([
    import('../core/check/run'),
    import('../aws/session'),
    import('../core/check/report'),
    import('../core/iam/arn'),
  ]);
  const sm = smArn ? parseStateMachineArn(smArn) : undefined;
  const region = args.values.get('region') ?? sm?.region;
  let accounts;
  try {
    accounts = await createCheckAccounts({
      profile: args.values.get('profile'),
      accountProfiles: accountProfiles as Record<string, string>,
      region,
      endpointUrl: args.values.get('endpoint-url'),
      env: io.env,
    });
  } catch (e) {
    if (e instanceof SessionError) {
      io.stderr(`sfn-crossings check: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  // Without working credentials for the state machine's own account nothing meaningful can be checked.
  const home = sm?.account ?? (roleArn ? parseRoleArn(roleArn)?.account : undefined);
  if (home) {
    const ports = await accounts.forAccount(home);
    if ('missing' in ports) {
      io.stderr(`sfn-crossings check: account ${home}: ${ports.missing}\n`);
      return 2;
    }
  }
  let report;
  try {
    report = await runChecks(
      analysis.model,
      {
        ...(smArn ? { stateMachineArn: smArn } : {}),
        ...(roleArn ? { executionRoleArn: roleArn } : {}),
        ...(region ? { region } : {}),
        ...(args.values.get('invoker-arn') ? { invokerArn: args.values.get('invoker-arn')! } : {}),
      },
      accounts,
      accounts.configured(),
    );
  } catch (e) {
    if (e instanceof CheckUsageError) throw new UsageError(e.message);
    throw e;
  }
  if (format === 'json') io.stdout(JSON.stringify({ file: shown, ...report }, null, 2) + '\n');
  else io.stdout(formatText(report, shown));
  return exitCodeOf(report);
};
