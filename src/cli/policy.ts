// `sfn-crossings policy FILE ...`: generates the IAM kit of one definition (execution role policy and trust,
// cross-account kits, API Gateway policies, the invoker's role) and prints it as one JSON object, as IAM policy
// documents (--format json, the default) or as CloudFormation templates (--format cloudformation).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, UsageError, type ParsedArgs } from './args';
import type { CliCommand } from './commands';
import { languageForFile } from './files';
import { analyze } from '../core/lint';
import { generateIamKit, IamContextError, toCloudFormation, type IamContext } from '../core/iam';
import { addRequiredIam, TemplateError } from '../core/iam/templateIam';
import { unifiedDiff } from '../core/iam/lineDiff';

export const POLICY_USAGE = `usage: sfn-crossings policy FILE --state-machine-arn ARN --execution-role-arn ARN [options]
       sfn-crossings policy --template TEMPLATE [--machine LOGICAL_ID] [--write]
  FILE                        an ASL definition (.asl.json, .asl.yaml, .json, .yaml)
  --state-machine-arn ARN     arn:aws:states:<region>:<account>:stateMachine:<name>
                              (or --state-machine-name NAME --region REGION --account ACCOUNT [--partition P])
  --execution-role-arn ARN    the state machine's execution role
  --invoker-arn ARN           the cross-region invoker Lambda (default name: sfn-crossings-invoker)
  --invoker-role-arn ARN      the invoker's execution role (default: sfn-crossings-invoker-role)
  --format json|cloudformation  IAM policy documents (default) or CloudFormation templates
Prints one JSON object with every document; "wildcards" names the state behind each "*".
  --template TEMPLATE         a SAM/CloudFormation template (YAML or JSON): prints the diff that adds the
                              required IAM to it (SAM Policies, the role RoleArn/Role names, or a new role;
                              the API resource policy into the template's own API) and the templates for
                              other accounts; changes nothing unless --write is given
  --machine LOGICAL_ID        the state machine (needed when the template declares several)
  --write                     write the template, and the other-account templates next to it (never
                              overwriting an existing file)`;

const VALUE_OPTIONS = [
  'state-machine-arn',
  'state-machine-name',
  'region',
  'account',
  'partition',
  'execution-role-arn',
  'invoker-arn',
  'invoker-role-arn',
  'format',
  'template',
  'machine',
];

export const policyCommand: CliCommand = async (argv, io) => {
  const args = parseArgs(argv, { values: VALUE_OPTIONS, flags: ['help', 'write'] });
  if (args.flags.has('help')) {
    io.stdout(POLICY_USAGE + '\n');
    return 0;
  }
  if (args.values.has('template')) return templateCommand(args, io);
  if (args.flags.has('write') || args.values.has('machine'))
    throw new UsageError('--write and --machine go with --template');
  if (args.positionals.length !== 1)
    throw new UsageError(
      args.positionals.length === 0 ? 'give one definition FILE' : 'give exactly one definition FILE',
    );
  const format = args.values.get('format') ?? 'json';
  if (format !== 'json' && format !== 'cloudformation')
    throw new UsageError(`--format must be json or cloudformation, not "${format}"`);
  const executionRoleArn = args.values.get('execution-role-arn');
  if (!executionRoleArn) throw new UsageError('--execution-role-arn is required');
  if (!args.values.has('state-machine-arn') && !args.values.has('state-machine-name'))
    throw new UsageError('--state-machine-arn is required (or --state-machine-name with --region and --account)');
  const context: IamContext = { executionRoleArn };
  const set = (key: keyof IamContext, option: string) => {
    const v = args.values.get(option);
    if (v !== undefined) (context as unknown as Record<string, string>)[key] = v;
  };
  set('stateMachineArn', 'state-machine-arn');
  set('stateMachineName', 'state-machine-name');
  set('region', 'region');
  set('account', 'account');
  set('partition', 'partition');
  set('invokerArn', 'invoker-arn');
  set('invokerRoleArn', 'invoker-role-arn');

  const file = path.resolve(io.cwd, args.positionals[0]!);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(
      `sfn-crossings policy: cannot read ${args.positionals[0]}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}\n`,
    );
    return 2;
  }
  const analysis = analyze(text, { languageId: languageForFile(file), documentRules: false, crossingRules: false });
  if (!analysis.model) {
    const why = analysis.findings[0]?.message ?? 'it is not a state machine definition';
    io.stderr(`sfn-crossings policy: ${args.positionals[0]} cannot be read as a definition: ${why}\n`);
    return 1;
  }
  let kit;
  try {
    kit = generateIamKit(analysis.model, context);
  } catch (e) {
    if (e instanceof IamContextError) throw new UsageError(e.message);
    throw e;
  }
  const errors = analysis.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0)
    io.stderr(
      `sfn-crossings policy: warning: ${args.positionals[0]} has ${errors.length} parse problem(s); the documents cover what could be read (run sfn-crossings lint)\n`,
    );
  const output =
    format === 'json'
      ? kit
      : {
          format: 'cloudformation',
          context: kit.context,
          ...toCloudFormation(kit),
          states: kit.states,
          wildcards: kit.wildcards,
          notes: kit.notes,
        };
  io.stdout(JSON.stringify(output, null, 2) + '\n');
  return 0;
};

type Io = Parameters<CliCommand>[1];

/** `policy --template T [--machine ID] [--write]`: the diff that adds the required IAM, written only with --write. */
function templateCommand(args: ParsedArgs, io: Io): number {
  if (args.positionals.length > 0) throw new UsageError('give the template with --template, not a FILE as well');
  const given = args.values.get('template')!;
  const file = path.resolve(io.cwd, given);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    io.stderr(
      `sfn-crossings policy: cannot read ${given}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
    );
    return 2;
  }
  const dir = path.dirname(file);
  let result;
  try {
    result = addRequiredIam(text, {
      ...(args.values.has('machine') ? { machine: args.values.get('machine')! } : {}),
      readFile: (p) => {
        try {
          return fs.readFileSync(path.resolve(dir, p), 'utf8');
        } catch {
          return undefined;
        }
      },
    });
  } catch (e) {
    if (e instanceof TemplateError) {
      io.stderr(`sfn-crossings policy: ${given}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const write = args.flags.has('write');
  io.stdout(
    result.edits.length === 0
      ? `${given}: ${result.machine} already has the required IAM (${result.target}); nothing to change.\n`
      : unifiedDiff(result.before, result.after, given),
  );
  for (const note of result.notes) io.stderr(`note: ${note}\n`);
  for (const other of result.otherTemplates) {
    const target = path.join(dir, other.name);
    if (!write) {
      io.stdout(`\n# For another account: ${other.description}\n# (--write saves it as ${other.name})\n${other.text}`);
      continue;
    }
    if (fs.existsSync(target)) {
      if (fs.readFileSync(target, 'utf8') !== other.text)
        io.stderr(`sfn-crossings policy: ${other.name} exists and differs: left as it is (delete it to regenerate)\n`);
      continue;
    }
    fs.writeFileSync(target, other.text);
    io.stdout(`wrote ${other.name} (${other.description})\n`);
  }
  if (write && result.edits.length > 0) {
    fs.writeFileSync(file, result.after);
    io.stdout(`wrote ${given}: added ${result.added.join(', ')} to ${result.target}\n`);
  }
  return 0;
}
