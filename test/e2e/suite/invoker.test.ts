// "Deploy cross-region invoker" in the real editor against the fake AWS server (started inside the extension host
// on 127.0.0.1): the calls come from the open definition, the deployment goes through the real SDK with progress
// reported, the function ARN is written into the invoker tasks as one undoable edit, and a redeploy writes nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeAws } from '../../support/fake-aws';
import { fixtureUri, openFixture } from './util';

type Outcome = { functionArn?: string; changes?: string[]; error?: string; wroteArn?: boolean; progress?: string[] };

const FILE = 'invoker/cross-region.asl.json';
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
