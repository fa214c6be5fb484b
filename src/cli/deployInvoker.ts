// `sfn-crossings deploy-invoker`: deploys the cross-region invoker Lambda with the calls it may make, taken from
// --calls or from a definition's invoker tasks (--from: refused when its invoker payloads have errors; the role
// policy is scoped from the payloads' literal parameters). The plan, with the role policy diffed against the
// deployed one, is always printed (--yes: on stderr); sensitive calls need an explicit yes (--allow-sensitive).
// Without a TTY it never prompts and writes only with --yes. Exit codes: 0 done, 1 refused definition or AWS/deploy
// failure, 2 usage or local problems.
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
  type AllowedRole,
} from '../core/invoker/protocol';
import { describeTasks, extractInvokerCalls, languageIdForPath } from '../core/invoker/extract';
import { formatFinding, invokerPayloadErrors } from '../core/invoker/gate';
import { describeSensitive, sensitiveCalls } from '../core/invoker/sensitive';

export const DEPLOY_INVOKER_USAGE = `usage: sfn-crossings deploy-invoker --region R [--profile P] [--function-name N] [--role-name N]
         (--calls service:action,... | --from FILE.asl.json) [--endpoint-url URL] [--runtime nodejs22.x]
         [--allowed-regions R1,R2] [--error-names prefixed|plain] [--for-state-machine NAME]
         [--dry-run] [--yes] [--allow-sensitive]
Deploys (or updates) the cross-region invoker Lambda and its role. Calls use SDK v3 names (s3:getObject).
  --from FILE        take the calls and the roles to assume from the definition's invoker tasks (JSON or YAML);
                     refused when its invoker payloads have errors
  --for-state-machine NAME
                     a dedicated invoker for one state machine (function sfn-crossings-invoker-NAME): whoever may
                     invoke an invoker gets its calls, so one per state machine is the strict option
  --dry-run          print the plan (reads AWS, writes nothing)
  --yes              do not ask; required to write when stdin is not a terminal (the plan goes to stderr)
  --allow-sensitive  with --yes: allow calls that return credentials or change IAM/KMS/Organizations
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
      'for-state-machine',
    ],
    flags: ['dry-run', 'yes', 'help', 'allow-sensitive'],
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
  const dedicated = args.values.get('for-state-machine');
  if (dedicated !== undefined && !/^[A-Za-z0-9_-]{1,80}$/.test(dedicated))
    throw new UsageError(`--for-state-machine ${dedicated} is not a state machine name (letters, digits, - and _)`);
  const dedicatedName = dedicated !== undefined ? `${DEFAULT_INVOKER_NAME}-${dedicated}`.slice(0, 64) : undefined;
  const functionName = args.values.get('function-name') ?? dedicatedName ?? DEFAULT_INVOKER_NAME;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(functionName))
    throw new UsageError(`--function-name ${functionName} is not a Lambda function name`);
  const roleName =
    args.values.get('role-name') ?? (dedicatedName ? `${dedicatedName.slice(0, 59)}-role` : DEFAULT_INVOKER_ROLE_NAME);
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
  let assumeRoles: AllowedRole[] = [];
  let taskLines: string[] = [];
  let definition: { text: string; languageId: 'asl' | 'asl-yaml' } | undefined;
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
    const languageId = languageIdForPath(from);
    const invokerNames = [DEFAULT_INVOKER_NAME, functionName];
    const found = extractInvokerCalls(text, { languageId, invokerNames });
    if (found.error) {
      io.stderr(`sfn-crossings deploy-invoker: ${from}: ${found.error}\n`);
      return 2;
    }
    // A definition the linter rejects never shapes what the invoker may do.
    const errors = invokerPayloadErrors(text, { languageId, invokerNames });
    if (errors.length) {
      for (const f of errors) io.stderr(`${formatFinding(from, f)}\n`);
      io.stderr(
        `sfn-crossings deploy-invoker: ${from}: ${errors.length} invoker payload error(s): fix them, then deploy again; nothing was deployed\n`,
      );
      return 1;
    }
    taskLines = describeTasks(found);
    for (const line of taskLines) io.stderr(`${from}: ${line}\n`);
    for (const w of found.warnings) io.stderr(`warning: ${from}: ${w}\n`);
    for (const c of found.calls)
      if (!calls.some((x) => x.service === c.service && x.action === c.action)) calls.push(c);
    assumeRoles = found.roles;
    definition = { text, languageId };
  }
  if (calls.length === 0) {
    throw new UsageError(
      from !== undefined
        ? `${from} has no invoker task with a literal service and action; pass --calls`
        : 'pass --calls service:action,... or --from FILE',
    );
  }
  const dryRun = args.flags.has('dry-run');
  const yes = args.flags.has('yes');
  if (!dryRun && !yes && !io.interactive) {
    io.stderr(
      'sfn-crossings deploy-invoker: not a terminal, so no prompt: pass --yes to deploy, or --dry-run to see the plan\n',
    );
    return 2;
  }
  const sensitive = sensitiveCalls(calls);
  if (sensitive.length && yes && !dryRun && !args.flags.has('allow-sensitive')) {
    io.stderr(
      `sfn-crossings deploy-invoker: sensitive calls need an explicit yes: ${describeSensitive(sensitive)} Pass --allow-sensitive with --yes to deploy them\n`,
    );
    return 2;
  }

  // The AWS SDK loads only now, so --help and usage errors stay fast.
  const [
    { createAwsSession, SessionError },
    { createSdkPorts },
    { deployInvoker, DeployError },
    { readInvokerZip, MissingPackageError },
    { definitionPolicy },
    { planText },
  ] = await Promise.all([
    import('../aws/session'),
    import('../aws/invokerClients'),
    import('../aws/deployInvoker'),
    import('../aws/invokerPackage'),
    import('../aws/definitionPolicy'),
    import('../aws/deployPlanText'),
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
    assumeRoles,
    zip,
    // From a definition: the statements scoped from its invoker calls' literal parameters (as `policy` generates).
    policy: definitionPolicy({
      ...(definition ?? {}),
      invokerNames: [functionName],
      region: session.region,
      functionName,
      roleName,
      calls,
      assumeRoles,
    }),
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
    // The plan (role policy diffed against the deployed one) is always shown; with --yes on stderr, so stdout
    // stays the function ARN for scripts.
    const plan = await deployInvoker(ports, spec, { ...options, dryRun: true });
    const text = planText(plan, { roleName, sensitive });
    if (yes && !dryRun) io.stderr(text);
    else io.stdout(text);
    if (dryRun) return 0;
    if (plan.changes.length === 0) {
      io.stderr('Already up to date: nothing written.\n');
      io.stdout(`${plan.functionArn}\n`);
      return 0;
    }
    if (!yes) {
      if (
        sensitive.length &&
        !(await confirm(
          `Allow these sensitive calls: ${sensitive.map((s) => s.call).join(', ')}? Their results land in the execution history in clear text. [y/N] `,
        ))
      ) {
        io.stderr('nothing deployed\n');
        return 1;
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
