// IAM generation in the real editor: the four commands open untitled JSON documents with the expected policies
// (context given as command arguments, or through the sfnCrossings.iam.* settings), never touching the
// definition's file, and the "IAM: N actions" CodeLens sits on each crossing state.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, openFixture, waitFor } from './util';

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
