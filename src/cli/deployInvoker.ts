// `sfn-crossings deploy-invoker`: deploys the cross-region invoker Lambda with the calls it may make, taken from
// --calls or from a definition's invoker tasks (--from). --dry-run prints the plan; without a TTY it never prompts
// and writes only with --yes. Exit codes: 0 done, 1 AWS/deploy failure, 2 usage or local problems.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs, UsageError } from './args';
import type { CliCommand } from './commands';
import {
  DEFAULT_INVOKER_NAME,
  DEFAULT_INVOKER_ROLE_NAME,
  isRegionName,
  parseAllowedCalls,
  type AllowedCall,
} from '../core/invoker/protocol';
import { extractInvokerCalls, languageIdForPath } from '../core/invoker/extract';

export const DEPLOY_INVOKER_USAGE = `usage: sfn-crossings deploy-invoker --region R [--profile P] [--function-name N] [--role-name N]
         (--calls service:action,... | --from FILE.asl.json) [--endpoint-url URL] [--runtime nodejs22.x]
         [--allowed-regions R1,R2] [--error-names prefixed|plain] [--dry-run] [--yes]
Deploys (or updates) the cross-region invoker Lambda and its role. Calls use SDK v3 names (s3:getObject).
  --from FILE        take the calls from the definition's invoker tasks (JSON or YAML)
  --dry-run          print the plan (reads AWS, writes nothing)
  --yes              do not ask; required to write when stdin is not a terminal
  --endpoint-url URL send every AWS call there (LocalStack); default AWS_ENDPOINT_URL
Prints the function ARN on stdout; progress goes to stderr.
`;

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export const deployInvokerCommand: CliCommand = async (argv, io) => {
  const args = parseArgs(argv, {
    values: [
      'region',
      'profile',
      'function-name',
      'role-name',
      'calls',
      'from',
      'endpoint-url',
      'runtime',
      'allowed-regions',
      'error-names',
    ],
    flags: ['dry-run', 'yes', 'help'],
  });
  if (args.flags.has('help')) {
    io.stdout(DEPLOY_INVOKER_USAGE);
    return 0;
  }
  if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const region = args.values.get('region');
  if (region !== undefined && !isRegionName(region)) throw new UsageError(`--region ${region} is not a region name`);
  const runtime = args.values.get('runtime') ?? 'nodejs22.x';
  if (!/^nodejs\d+\.x$/.test(runtime))
    throw new UsageError(`--runtime ${runtime} is not a Node.js runtime (e.g. nodejs22.x)`);
  const functionName = args.values.get('function-name') ?? DEFAULT_INVOKER_NAME;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(functionName))
    throw new UsageError(`--function-name ${functionName} is not a Lambda function name`);
  const roleName = args.values.get('role-name') ?? DEFAULT_INVOKER_ROLE_NAME;
  if (!/^[\w+=,.@-]{1,64}$/.test(roleName)) throw new UsageError(`--role-name ${roleName} is not an IAM role name`);
  const errorNames = args.values.get('error-names') ?? 'prefixed';
  if (errorNames !== 'prefixed' && errorNames !== 'plain') throw new UsageError('--error-names is prefixed or plain');
  const allowedRegions = (args.values.get('allowed-regions') ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  for (const r of allowedRegions)
    if (!isRegionName(r)) throw new UsageError(`--allowed-regions: ${r} is not a region name`);

  const calls: AllowedCall[] = [];
  let assumeRoleArns: string[] = [];
  const callsText = args.values.get('calls');
  if (callsText !== undefined) {
    const parsed = parseAllowedCalls(callsText);
    if (parsed.errors.length) throw new UsageError(`--calls: ${parsed.errors.join('; ')}`);
    calls.push(...parsed.calls);
  }
  const from = args.values.get('from');
  if (from !== undefined) {
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, from), 'utf8');
    } catch (e) {
      io.stderr(
        `sfn-crossings deploy-invoker: cannot read ${from}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
      );
      return 2;
    }
    const found = extractInvokerCalls(text, {
      languageId: languageIdForPath(from),
      invokerNames: [DEFAULT_INVOKER_NAME, functionName],
    });
    if (found.error) {
      io.stderr(`sfn-crossings deploy-invoker: ${from}: ${found.error}\n`);
      return 2;
    }
    for (const w of found.warnings) io.stderr(`warning: ${from}: ${w}\n`);
    for (const c of found.calls)
      if (!calls.some((x) => x.service === c.service && x.action === c.action)) calls.push(c);
    assumeRoleArns = found.assumeRoleArns;
  }
  if (calls.length === 0) {
    throw new UsageError(
      from !== undefined
        ? `${from} has no invoker task with a literal service and action; pass --calls`
        : 'pass --calls service:action,... or --from FILE',
    );
  }
  const dryRun = args.flags.has('dry-run');
  if (!dryRun && !args.flags.has('yes') && !io.interactive) {
    io.stderr(
      'sfn-crossings deploy-invoker: not a terminal, so no prompt: pass --yes to deploy, or --dry-run to see the plan\n',
    );
    return 2;
  }

  // The AWS SDK loads only now, so --help and usage errors stay fast.
  const [
    { createAwsSession, SessionError },
    { createSdkPorts },
    { deployInvoker, DeployError },
    { readInvokerZip, MissingPackageError },
  ] = await Promise.all([
    import('../aws/session'),
    import('../aws/invokerClients'),
    import('../aws/deployInvoker'),
    import('../aws/invokerPackage'),
  ]);
  let zip: Uint8Array;
  let session;
  try {
    zip = (await readInvokerZip()).zip;
    session = await createAwsSession({
      profile: args.values.get('profile'),
      region,
      endpointUrl: args.values.get('endpoint-url'),
      env: io.env,
    });
  } catch (e) {
    if (e instanceof SessionError || e instanceof MissingPackageError) {
      io.stderr(`sfn-crossings deploy-invoker: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const ports = createSdkPorts(session);
  const spec = {
    region: session.region,
    functionName,
    roleName,
    runtime,
    calls,
    allowedRegions,
    errorNames: errorNames as 'prefixed' | 'plain',
    assumeRoleArns,
    zip,
  };
  const controller = new AbortController();
  const onSigint = () => {
    io.stderr('\ncancelling after the current step...\n');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  const options = {
    signal: controller.signal,
    onProgress: (p: { step: string; message: string }) => io.stderr(`- ${p.message}\n`),
    ...(session.profile ? { profile: session.profile } : {}),
    ...(session.endpoint ? { endpoint: session.endpoint } : {}),
  };
  try {
    const interactiveConfirm = !dryRun && !args.flags.has('yes');
    if (dryRun || interactiveConfirm) {
      const plan = await deployInvoker(ports, spec, { ...options, dryRun: true });
      io.stdout(
        `Plan for ${plan.functionArn} (account ${plan.account}):\n` +
          (plan.changes.length ? plan.changes.map((c) => `  + ${c}\n`).join('') : '  nothing to change\n') +
          `Allowed calls (ALLOWED_CALLS): ${plan.environment.ALLOWED_CALLS}\n` +
          `Role policy ${roleName}/sfn-crossings-invoker:\n${JSON.stringify(plan.policy, null, 2)}\n`,
      );
      if (dryRun) return 0;
      if (plan.changes.length === 0) {
        io.stdout(`${plan.functionArn}\n`);
        return 0;
      }
      if (!(await confirm(`Apply ${plan.changes.length} change(s) in account ${plan.account}? [y/N] `))) {
        io.stderr('nothing deployed\n');
        return 1;
      }
    }
    const result = await deployInvoker(ports, spec, options);
    io.stderr(
      result.changes.length
        ? `Deployed (${result.changes.length} change(s)).\n`
        : 'Already up to date: nothing written.\n',
    );
    io.stdout(`${result.functionArn}\n`);
    return 0;
  } catch (e) {
    if (e instanceof DeployError) {
      io.stderr(`sfn-crossings deploy-invoker: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
};
