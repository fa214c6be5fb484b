// IAM generation in the real editor: the four commands open untitled JSON documents with the expected policies
// (context given as command arguments, or through the sfnCrossings.iam.* settings), never touching the
// definition's file, and the "IAM: N actions" CodeLens sits on each crossing state.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseDocument } from 'yaml';
import { executeCodeActions, extension, openFixture, waitFor, workspaceRoot } from './util';

const KIT = 'examples/iam-kit.asl.json';
const PLAIN = 'hello.asl.json';
const SM = 'arn:aws:states:us-east-1:111111111111:stateMachine:OrderHub';
const ROLE = 'arn:aws:iam::111111111111:role/OrderHubRole';
const CONTEXT = { stateMachineArn: SM, executionRoleArn: ROLE };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const openedResults: vscode.TextDocument[] = [];

async function generate(
  command: string,
  document: vscode.TextDocument,
  context: object | undefined = CONTEXT,
): Promise<{ doc: vscode.TextDocument; json: Json }> {
  const doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>(command, {
    uri: document.uri,
    context,
    noPrompt: true,
  });
  assert.ok(doc, `${command} opened no document`);
  openedResults.push(doc);
  assert.equal(doc.isUntitled, true, 'results open as untitled documents');
  assert.equal(doc.languageId, 'json');
  await waitFor(() => vscode.window.activeTextEditor?.document === doc, {
    message: `${command}'s document to be shown`,
  });
  return { doc, json: JSON.parse(doc.getText()) as Json };
}

const statements = (policy: Json): Json[] => policy.Statement as Json[];
const hasAction = (s: Json, action: string) => (Array.isArray(s.Action) ? s.Action : [s.Action]).includes(action);

suite('iam: commands', () => {
  suiteSetup(async () => {
    await extension().activate();
  });
  const opened = openedResults;
  teardown(async () => {
    // Untitled results are dirty: revert them so closing never asks to save.
    for (const doc of opened.splice(0)) {
      if (doc.isClosed) continue;
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Generate execution role policy: trust with aws:SourceArn, sts:AssumeRole on the target role, the file untouched', async () => {
    const document = await openFixture(KIT);
    const before = document.getText();
    const { json } = await generate('sfnCrossings.generateExecutionRolePolicy', document);
    assert.equal(json.stateMachineArn, SM);
    const trust = statements(json.executionRole.trustPolicy)[0]!;
    assert.deepEqual(trust.Principal, { Service: 'states.amazonaws.com' });
    assert.deepEqual(trust.Condition, {
      ArnLike: { 'aws:SourceArn': SM },
      StringEquals: { 'aws:SourceAccount': '111111111111' },
    });
    const assume = statements(json.executionRole.policy).find((s) => hasAction(s, 'sts:AssumeRole'));
    assert.equal(assume?.Resource, 'arn:aws:iam::222222222222:role/FulfilmentStarter');
    assert.equal(json.cloudFormation.Resources.ExecutionRole.Type, 'AWS::IAM::Role');
    assert.equal(document.getText(), before);
    assert.equal(document.isDirty, false);
  });

  test('Generate cross-account roles reads the context from the sfnCrossings.iam settings', async () => {
    const config = vscode.workspace.getConfiguration('sfnCrossings.iam');
    await config.update('stateMachineArn', SM, vscode.ConfigurationTarget.Workspace);
    await config.update('executionRoleArn', ROLE, vscode.ConfigurationTarget.Workspace);
    try {
      const document = await openFixture(KIT);
      const { json } = await generate('sfnCrossings.generateCrossAccountRoles', document, undefined);
      const [target] = json.targetRoles as Json[];
      assert.equal(target!.roleArn, 'arn:aws:iam::222222222222:role/FulfilmentStarter');
      assert.deepEqual(statements(target!.trustPolicy)[0]!.Condition, { StringEquals: { 'sts:ExternalId': SM } });
      assert.deepEqual(statements(target!.trustPolicy)[0]!.Principal, { AWS: ROLE });
      const polling = statements(target!.policy).find((s) => hasAction(s, 'states:DescribeExecution'));
      assert.equal(polling?.Resource, 'arn:aws:states:us-east-1:222222222222:execution:Fulfilment:*');
    } finally {
      await config.update('stateMachineArn', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('executionRoleArn', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('Generate API Gateway policies: resource policy naming the state machine, account-B OpenAPI', async () => {
    const document = await openFixture(KIT);
    const { json } = await generate('sfnCrossings.generateApiGatewayPolicies', document);
    const [rp] = json.resourcePolicies as Json[];
    const s = statements(rp!.policy)[0]!;
    assert.deepEqual(s.Principal, { Service: 'states.amazonaws.com' });
    assert.equal(s.Resource, 'arn:aws:execute-api:eu-west-1:333333333333:a1b2c3d4e5/prod/POST/execution');
    assert.deepEqual(s.Condition, { StringEquals: { 'aws:SourceArn': [SM] } });
    assert.match(rp!.reminder, /AWS_IAM/);
    const [integration] = json.startExecutionIntegrations as Json[];
    assert.equal(
      integration!.openApi.paths['/execution'].post['x-amazon-apigateway-integration'].uri,
      'arn:aws:apigateway:eu-west-1:states:action/StartExecution',
    );
  });

  test('Generate invoker role: exactly the invoker calls, scoped to the called region', async () => {
    const document = await openFixture(KIT);
    const { json, doc } = await generate('sfnCrossings.generateInvokerRole', document, {
      ...CONTEXT,
      invokerArn: 'arn:aws:lambda:us-east-1:111111111111:function:sfn-crossings-invoker',
    });
    assert.ok(json.invokerRole, `no invokerRole in ${doc.uri.toString()}: ${doc.getText().slice(0, 400)}`);
    assert.equal(json.invokerRole.allowedCalls, 'dynamodb:getItem');
    const get = statements(json.invokerRole.policy).find((s) => hasAction(s, 'dynamodb:GetItem'));
    assert.equal(get?.Resource, 'arn:aws:dynamodb:us-west-2:111111111111:table/Prices');
  });

  test('a definition without the crossing opens nothing', async () => {
    const document = await openFixture(PLAIN);
    const result = await vscode.commands.executeCommand('sfnCrossings.generateCrossAccountRoles', {
      uri: document.uri,
      context: CONTEXT,
      noPrompt: true,
    });
    assert.equal(result, undefined);
  });
});

suite('iam: CodeLens', () => {
  suiteSetup(async () => {
    await extension().activate();
  });
  test('"IAM: N actions" above each crossing state, opening the matching documents', async () => {
    const document = await openFixture(KIT);
    const lenses = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          document.uri,
          10,
        );
        const ours = (found ?? []).filter((l) => l.command?.title.startsWith('IAM:'));
        return ours.length >= 4 && ours;
      },
      { message: 'four IAM CodeLenses' },
    );
    const byLine = new Map(
      lenses.map((l) => [
        document
          .lineAt(l.range.start.line)
          .text.trim()
          .replace(/": \{$/, '')
          .replace(/^"/, ''),
        l.command!,
      ]),
    );
    assert.equal(byLine.get('Fulfil in account B')?.title, 'IAM: 4 actions');
    assert.equal(byLine.get('Fulfil in account B')?.command, 'sfnCrossings.generateCrossAccountRoles');
    assert.equal(byLine.get('Notify partner API')?.title, 'IAM: 1 action');
    assert.equal(byLine.get('Charge card')?.title, 'IAM: 4 actions');
    assert.equal(byLine.get('Read price in us-west-2')?.command, 'sfnCrossings.generateInvokerRole');
    assert.match(byLine.get('Fulfil in account B')!.tooltip ?? '', /sts:AssumeRole/);
  });

  test('the sfnCrossings.iam.codeLens setting turns the lenses off', async () => {
    const document = await openFixture(KIT);
    const config = vscode.workspace.getConfiguration('sfnCrossings.iam');
    await config.update('codeLens', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(
        async () => {
          const found = await vscode.commands.executeCommand<vscode.CodeLens[]>(
            'vscode.executeCodeLensProvider',
            document.uri,
            10,
          );
          return !(found ?? []).some((l) => l.command?.title.startsWith('IAM:'));
        },
        { message: 'the IAM CodeLenses to go away' },
      );
    } finally {
      await config.update('codeLens', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

// "Add the required IAM to this template" in the real editor: the Quick Fix on a SAM YAML template and on a
// CloudFormation JSON template, applied (without the preview: the UI scene "iam" screenshots the preview), saved,
// re-read from disk: the template parses with its tags, the role has the actions, a second run changes nothing.
const SAM_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  # the worker
  Worker:
    Type: AWS::Serverless::Function
    Properties: { Handler: index.handler, Runtime: nodejs20.x, CodeUri: src/ }
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionSubstitutions:
        WorkerArn: !GetAtt Worker.Arn
      Policies:
        - AWSXrayWriteOnlyAccess   # mine
      Definition:
        StartAt: Work
        States:
          Work:
            Type: Task
            Resource: arn:aws:states:::lambda:invoke
            Parameters: { FunctionName: '\${WorkerArn}', Payload.$: $ }
            End: true
`;
const CFN_TEMPLATE = JSON.stringify(
  {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      Jobs: { Type: 'AWS::SQS::Queue' },
      Machine: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: {
          DefinitionString: {
            'Fn::Sub':
              '{"StartAt":"Send","States":{"Send":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"${Jobs}","MessageBody.$":"$"},"End":true}}}',
          },
        },
      },
    },
  },
  null,
  2,
);

/** The short tags these templates use, read as CloudFormation's long form (errors if any other tag is unknown). */
const CFN_TAGS = [
  { tag: '!Ref', resolve: (s: string) => ({ Ref: s }) },
  { tag: '!Sub', resolve: (s: string) => ({ 'Fn::Sub': s }) },
  { tag: '!GetAtt', resolve: (s: string) => ({ 'Fn::GetAtt': s.split('.') }) },
];

suite('iam: add the required IAM to a template', () => {
  suiteSetup(async () => {
    await extension().activate();
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function writeTemplate(name: string, text: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.joinPath(workspaceRoot(), name);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    return openFixture(name);
  }

  async function quickFixAndApply(document: vscode.TextDocument, line: string) {
    const at = document.getText().indexOf(line);
    assert.ok(at >= 0, `${line} is in the template`);
    const range = new vscode.Range(document.positionAt(at), document.positionAt(at + line.length));
    const fix = await waitFor(
      async () =>
        (await executeCodeActions(document.uri, range, vscode.CodeActionKind.QuickFix)).find(
          (a) => a.title === 'Add the required IAM to this template',
        ),
      { message: 'the "Add the required IAM to this template" Quick Fix' },
    );
    const [args] = fix.command!.arguments as [Record<string, unknown>];
    assert.equal(args.machine, 'Machine');
    const outcome = await vscode.commands.executeCommand<{ applied: boolean; otherDocuments: unknown[] }>(
      fix.command!.command,
      { ...args, confirm: false },
    );
    return outcome;
  }

  async function savedText(document: vscode.TextDocument): Promise<string> {
    if (document.isDirty) assert.ok(await document.save(), 'the template was saved');
    const onDisk = Buffer.from(await vscode.workspace.fs.readFile(document.uri)).toString('utf8');
    assert.equal(onDisk, document.getText(), 'the file on disk is the edited text');
    return onDisk;
  }

  test('SAM YAML: the Quick Fix adds the statements to Policies; tags and comments intact; second run a no-op', async () => {
    const document = await writeTemplate('iam-template-sam.yaml', SAM_TEMPLATE);
    const outcome = await quickFixAndApply(document, 'Machine:');
    assert.equal(outcome.applied, true);
    const saved = await savedText(document);
    const doc = parseDocument(saved, { customTags: CFN_TAGS });
    assert.deepEqual(doc.errors, []);
    assert.match(saved, /# the worker/);
    assert.match(saved, /WorkerArn: !GetAtt Worker\.Arn/);
    assert.match(saved, /- AWSXrayWriteOnlyAccess {3}# mine/);
    const policies = (doc.toJS() as Json).Resources.Machine.Properties.Policies as Json[];
    assert.equal(policies[0], 'AWSXrayWriteOnlyAccess');
    const statement = policies[1]!.Statement[0] as Json;
    assert.equal(statement.Action, 'lambda:InvokeFunction');
    assert.deepEqual(statement.Resource[0], {
      'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Worker}',
    });
    assert.match(saved, /- !Sub arn:\$\{AWS::Partition\}:lambda:/, 'the short !Sub tag is kept');
    const again = await quickFixAndApply(document, 'Machine:');
    assert.equal(again.applied, false);
    assert.equal(document.isDirty, false);
    assert.equal(document.getText(), saved);
  });

  test('CloudFormation JSON: a new role with the statements, RoleArn set; the JSON parses; second run a no-op', async () => {
    const document = await writeTemplate('iam-template-cfn.json', CFN_TEMPLATE);
    const outcome = await quickFixAndApply(document, '"Machine"');
    assert.equal(outcome.applied, true);
    const saved = JSON.parse(await savedText(document)) as Json;
    assert.deepEqual(saved.Resources.Machine.Properties.RoleArn, { 'Fn::GetAtt': ['MachineRole', 'Arn'] });
    const role = saved.Resources.MachineRole as Json;
    assert.equal(role.Type, 'AWS::IAM::Role');
    const statement = role.Properties.Policies[0].PolicyDocument.Statement[0] as Json;
    assert.equal(statement.Action, 'sqs:SendMessage');
    assert.deepEqual(statement.Resource, {
      'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Jobs.QueueName}',
    });
    assert.ok(role.Properties.AssumeRolePolicyDocument.Statement[0].Condition, 'the trust policy has a condition');
    const again = await quickFixAndApply(document, '"Machine"');
    assert.equal(again.applied, false);
    assert.equal(document.isDirty, false);
  });
});
