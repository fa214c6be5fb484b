// The real CLI: `node --import tsx src/cli/main.ts policy ...` in a child process, as a user or CI runs it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SM = 'arn:aws:states:us-east-2:111111111111:stateMachine:stateMachineName';
const ROLE = 'arn:aws:iam::111111111111:role/InvokeRole';

function run(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'policy', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDefinition(text: string, name = 'machine.asl.json'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sfn-iam-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const definition = JSON.stringify({
  StartAt: 'CallB',
  States: {
    CallB: {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution.sync:2',
      Credentials: { RoleArn: 'arn:aws:iam::222222222222:role/TargetRole' },
      Parameters: { StateMachineArn: 'arn:aws:states:us-east-2:222222222222:stateMachine:Child' },
      Next: 'Api',
    },
    Api: {
      Type: 'Task',
      Resource: 'arn:aws:states:::apigateway:invoke',
      Parameters: {
        ApiEndpoint: 'abc123.execute-api.eu-west-1.amazonaws.com',
        Method: 'POST',
        Stage: 'prod',
        Path: 'execution',
        AuthType: 'RESOURCE_POLICY',
      },
      End: true,
    },
  },
});

void test('policy FILE prints one JSON object with every document', () => {
  const file = tempDefinition(definition);
  const r = run([file, '--state-machine-arn', SM, '--execution-role-arn', ROLE]);
  assert.equal(r.code, 0, r.stderr);
  const kit = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(kit), [
    'context',
    'executionRole',
    'crossAccount',
    'apiGateway',
    'states',
    'wildcards',
    'notes',
  ]);
  assert.equal(kit.crossAccount[0].trustPolicy.Statement[0].Condition.StringEquals['sts:ExternalId'], SM);
  assert.equal(kit.apiGateway.resourcePolicies[0].policy.Statement[0].Condition.StringEquals['aws:SourceArn'][0], SM);
  assert.equal(kit.executionRole.trustPolicy.Statement[0].Principal.Service, 'states.amazonaws.com');
});

void test('policy --format cloudformation prints templates; YAML definitions work', () => {
  const file = tempDefinition(
    'StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    Parameters:\n      FunctionName: f\n    End: true\n',
    'm.asl.yaml',
  );
  const r = run([
    file,
    '--state-machine-arn',
    SM,
    '--execution-role-arn',
    ROLE,
    '--format',
    'cloudformation',
    '--invoker-arn',
    'arn:aws:lambda:us-east-2:111111111111:function:sfn-crossings-invoker',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.executionRole.Resources.ExecutionRole.Type, 'AWS::IAM::Role');
  assert.equal(out.invokerRole.template.Resources.InvokerRole.Type, 'AWS::IAM::Role');
});

void test('usage errors and unreadable files exit 2 with one line', () => {
  const file = tempDefinition(definition);
  const cases: Array<[string[], RegExp]> = [
    [[file, '--execution-role-arn', ROLE], /--state-machine-arn is required/],
    [[file, '--state-machine-arn', SM], /--execution-role-arn is required/],
    [
      [file, '--state-machine-arn', 'arn:aws:states:us-east-2:1:stateMachine:x', '--execution-role-arn', ROLE],
      /state machine ARN/,
    ],
    [
      [file, '--state-machine-arn', SM, '--execution-role-arn', ROLE, '--format', 'yaml'],
      /--format must be json or cloudformation/,
    ],
    [
      [path.join(os.tmpdir(), 'no-such-definition.asl.json'), '--state-machine-arn', SM, '--execution-role-arn', ROLE],
      /cannot read/,
    ],
    [['--state-machine-arn', SM, '--execution-role-arn', ROLE], /give one definition FILE/],
    [[file, '--bogus'], /unknown option --bogus/],
  ];
  for (const [args, message] of cases) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

void test('policy --help prints the usage', () => {
  const r = run(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /--execution-role-arn/);
});
