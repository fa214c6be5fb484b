// "Deploy cross-region invoker" in the real editor against the fake AWS server (started inside the extension host
// on 127.0.0.1): the calls come from the open definition, the deployment goes through the real SDK with progress
// reported, the function ARN is written into the invoker tasks as one undoable edit, and a redeploy writes nothing.
// The plan carries the role policy as a diff against the deployed one; a definition with invoker-payload errors is
// refused before any AWS call.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeAws } from '../../support/fake-aws';
import { fixtureUri, openFixture, waitForDiagnostics } from './util';

type Outcome = {
  functionArn?: string;
  changes?: string[];
  error?: string;
  wroteArn?: boolean;
  progress?: string[];
  plan?: string;
  findings?: string[];
};

const FILE = 'invoker/cross-region.asl.json';
const WILDCARD_FILE = 'invoker/wildcard-role.asl.json';
const WILDCARD_DEFINITION = JSON.stringify(
  {
    StartAt: 'Read',
    States: {
      Read: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: {
          FunctionName: 'sfn-crossings-invoker',
          Payload: {
            service: 's3',
            action: 'getObject',
            region: 'us-west-2',
            parameters: { Bucket: 'reports', Key: 'a.json' },
            assumeRoleArn: '*',
          },
        },
        End: true,
      },
    },
  },
  null,
  2,
);
const DEFINITION = JSON.stringify(
  {
    StartAt: 'ReadReport',
    States: {
      ReadReport: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: {
          FunctionName: 'sfn-crossings-invoker',
          Payload: {
            service: 's3',
            action: 'getObject',
            region: 'us-west-2',
            parameters: { Bucket: 'reports', 'Key.$': '$.key' },
          },
        },
        Next: 'Record',
      },
      Record: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: {
          FunctionName: 'sfn-crossings-invoker',
          Payload: {
            service: 'dynamodb',
            action: 'putItem',
            region: 'us-east-1',
            parameters: { TableName: 'Reports', Item: {} },
          },
        },
        End: true,
      },
    },
  },
  null,
  2,
);

let fake: FakeAws;
const savedEnv = { ...process.env };

suite('invoker: Deploy cross-region invoker', () => {
  suiteSetup(async () => {
    fake = await FakeAws.start({ pendingReads: 0, roleUnassumableForCreateCalls: 1 });
    // The extension host is this process: the default credential chain reads these.
    process.env.AWS_ACCESS_KEY_ID = fake.credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = fake.credentials.secretAccessKey;
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    await vscode.workspace.fs.writeFile(fixtureUri(FILE), new TextEncoder().encode(DEFINITION));
    await vscode.workspace.fs.writeFile(fixtureUri(WILDCARD_FILE), new TextEncoder().encode(WILDCARD_DEFINITION));
  });
  suiteTeardown(async () => {
    await fake.close();
    for (const key of [
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_EC2_METADATA_DISABLED',
      'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
    ]) {
      if (savedEnv[key] === undefined) delete process.env[key];
      else process.env[key] = savedEnv[key];
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('deploys with the calls of the open definition, shows progress, writes the ARN as one undoable edit', async () => {
    const document = await openFixture(FILE);
    const outcome = (await vscode.commands.executeCommand<Outcome>('sfnCrossings.deployInvoker', {
      profile: '',
      region: 'eu-west-1',
      endpointUrl: fake.url,
      yes: true,
      arnAction: 'write',
    }))!;
    assert.equal(outcome.error, undefined);
    const arn = 'arn:aws:lambda:eu-west-1:123456789012:function:sfn-crossings-invoker';
    assert.equal(outcome.functionArn, arn);
    assert.ok(fake.writes().includes('lambda:CreateFunction'), fake.operations().join(', '));
    assert.deepEqual(fake.world.functions.get(`eu-west-1|sfn-crossings-invoker`)!.environment, {
      ALLOWED_CALLS: 'dynamodb:putItem,s3:getObject',
    });
    assert.ok(
      outcome.progress!.some((m) => /Checking credentials/.test(m)),
      outcome.progress!.join(' | '),
    );
    assert.ok(
      outcome.progress!.some((m) => /to propagate in IAM/.test(m)),
      outcome.progress!.join(' | '),
    );
    assert.equal(outcome.wroteArn, true);
    // The plan (logged with `yes`, shown in the confirmation otherwise) has the role policy as it will be written,
    // scoped from the definition's literal parameters.
    assert.match(outcome.plan ?? '', /Role policy sfn-crossings-invoker-role\/sfn-crossings-invoker \(new\):\n\+ \{/);
    assert.match(outcome.plan ?? '', /^\+ +"Resource": "arn:aws:dynamodb:us-east-1:123456789012:table\/Reports"/m);
    const written = JSON.parse(document.getText());
    assert.equal(written.States.ReadReport.Parameters.FunctionName, arn);
    assert.equal(written.States.Record.Parameters.FunctionName, arn);
    assert.equal(document.isDirty, true, "the edit is not saved behind the user's back");
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), DEFINITION, 'one undo restores the definition');
  });

  test('a redeploy with nothing changed writes nothing', async () => {
    await openFixture(FILE);
    fake.clearRequests();
    const outcome = (await vscode.commands.executeCommand<Outcome>('sfnCrossings.deployInvoker', {
      profile: '',
      region: 'eu-west-1',
      endpointUrl: fake.url,
      yes: true,
      arnAction: 'none',
    }))!;
    assert.equal(outcome.error, undefined);
    assert.deepEqual(outcome.changes, []);
    assert.deepEqual(fake.writes(), []);
  });

  test('another call widens the policy: the plan shows the role policy diff against the deployed one', async () => {
    await openFixture(FILE);
    const outcome = (await vscode.commands.executeCommand<Outcome>('sfnCrossings.deployInvoker', {
      profile: '',
      region: 'eu-west-1',
      endpointUrl: fake.url,
      calls: ['s3:getObject', 'dynamodb:putItem', 'sqs:sendMessage'],
      yes: true,
      arnAction: 'none',
    }))!;
    assert.equal(outcome.error, undefined);
    assert.match(outcome.plan ?? '', /\(changed: \+\d+ -\d+ lines\)/);
    assert.match(outcome.plan ?? '', /^\+ +"Action": "sqs:SendMessage",$/m);
    assert.match(outcome.plan ?? '', /^ {3,}"Action": "dynamodb:PutItem",$/m, 'unchanged lines are shown as context');
  });

  test('a definition whose invoker payload has errors ("assumeRoleArn": "*") is refused before any AWS call', async () => {
    await openFixture(WILDCARD_FILE);
    fake.clearRequests();
    const outcome = (await vscode.commands.executeCommand<Outcome>('sfnCrossings.deployInvoker', {
      profile: '',
      region: 'eu-west-1',
      endpointUrl: fake.url,
      yes: true,
      arnAction: 'none',
    }))!;
    assert.match(outcome.error ?? '', /invoker payloads have 1 error\(s\), so nothing was deployed: XC411/);
    assert.match(outcome.findings?.[0] ?? '', /wildcard-role\.asl\.json:\d+:\d+: error XC411/);
    assert.deepEqual(fake.requests, []);
    // The editor shows the same finding on the definition.
    const document = await openFixture(WILDCARD_FILE);
    const [diagnostic] = await waitForDiagnostics(document.uri, 'XC411');
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Error);
  });

  test('AccessDenied comes back as a message naming the action', async () => {
    await openFixture(FILE);
    fake.inject('iam:GetRole', { kind: 'accessDenied' });
    const outcome = (await vscode.commands.executeCommand<Outcome>('sfnCrossings.deployInvoker', {
      profile: '',
      region: 'eu-west-1',
      endpointUrl: fake.url,
      yes: true,
      arnAction: 'none',
    }))!;
    assert.match(outcome.error ?? '', /not allowed to call iam:GetRole/);
  });
});
