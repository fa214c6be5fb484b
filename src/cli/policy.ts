// `sfn-crossings policy FILE ...`: generates the IAM kit of one definition (execution role policy and trust,
// cross-account kits, API Gateway policies, the invoker's role) and prints it as one JSON object, as IAM policy
// documents (--format json, the default) or as CloudFormation templates (--format cloudformation).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, UsageError } from './args';
import type { CliCommand } from './commands';
import { languageForFile } from './files';
import { analyze } from '../core/lint';
import { generateIamKit, IamContextError, toCloudFormation, type IamContext } from '../core/iam';

export const POLICY_USAGE = `usage: sfn-crossings policy FILE --state-machine-arn ARN --execution-role-arn ARN [options]
  FILE                        an ASL definition (.asl.json, .asl.yaml, .json, .yaml)
  --state-machine-arn ARN     arn:aws:states:<region>:<account>:stateMachine:<name>
                              (or --state-machine-name NAME --region REGION --account ACCOUNT [--partition P])
  --execution-role-arn ARN    the state machine's execution role
  --invoker-arn ARN           the cross-region invoker Lambda (default name: sfn-crossings-invoker)
  --invoker-role-arn ARN      the invoker's execution role (default: sfn-crossings-invoker-role)
  --format json|cloudformation  IAM policy documents (default) or CloudFormation templates
Prints one JSON object with every document; "wildcards" names the state behind each "*".`;

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
];

export const policyCommand: CliCommand = async (argv, io) => {
  const args = parseArgs(argv, { values: VALUE_OPTIONS, flags: ['help'] });
  if (args.flags.has('help')) {
    io.stdout(POLICY_USAGE + '\n');
    return 0;
  }
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
