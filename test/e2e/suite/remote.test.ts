// The remote commands in the real editor against the fake AWS server, started inside the extension host (plain
// Node) on 127.0.0.1: Validate with Step Functions (service diagnostics at their ranges in JSON and YAML, beside
// the untouched local ones; OK/FAIL; the type setting; failures), Test this state (CodeLens, the input file created
// on first use through the input box, TRACE for http:invoke, variables, the result view), Pick a deployed state
// machine (its ARNs reach the IAM commands). Credentials come from the environment the suite sets, the endpoint
// from the sfnCrossings.aws.endpointUrl setting (a command argument overrides it), the region from an argument.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeAws } from '../../support/fake-aws';
import { stepFunctionsOf } from '../../support/fake-aws/sfn';
import { diagnosticsFor, fixtureUri, openFixture, waitFor } from './util';

const SERVICE = 'Step Functions (service)';
const REGION = 'eu-west-1';
const ROLE = 'arn:aws:iam::123456789012:role/orders-role';

type Outcome = { ok: boolean; message?: string; result?: unknown; summary?: string; diagnostics?: vscode.Diagnostic[] };
type TestOutcome = Outcome & {
  result?: { status: string; nextState?: string; output?: string; error?: string };
  markdown?: string;
  inputSource?: string;
  view?: vscode.TextDocument;
};

const FILES: Record<string, string> = {
  'remote/broken.asl.json': `{
  "StartAt": "Call",
  "States": {
    "Call": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      "Parameters": { "QueueUrl": "https://sqs.eu-west-1.amazonaws.com/123456789012/q", "MessageBody.$": "$" },
      "Next": "Missing"
    },
    "Done": { "Type": "Succeed" }
  }
}
`,
  'remote/broken.asl.yaml': `StartAt: First
States:
  First:
    Type: Pass
    Next: Later
  Done:
    Type: Succeed
`,
  'remote/good.asl.json': '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } }\n',
  'remote/states.asl.json': JSON.stringify(
    {
      StartAt: 'Shape',
      States: {
        Shape: { Type: 'Pass', Parameters: { 'id.$': '$.order.id' }, ResultPath: '$.shaped', Next: 'Route' },
        Route: {
          Type: 'Choice',
          Choices: [{ Variable: '$.total', NumericGreaterThan: 100, Next: 'CallApi' }],
          Default: 'Price',
        },
        CallApi: {
          Type: 'Task',
          Resource: 'arn:aws:states:::http:invoke',
          Parameters: {
            ApiEndpoint: 'https://api.example.com/orders',
            Method: 'POST',
            Authentication: { ConnectionArn: 'arn:aws:events:eu-west-1:123456789012:connection/api/abc' },
            'RequestBody.$': '$.order',
          },
          Next: 'Price',
        },
        Price: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $states.input.total * $rate %}', Next: 'Wait' },
        Wait: { Type: 'Wait', Seconds: 1, Next: 'Done' },
        Done: { Type: 'Succeed' },
      },
    },
    null,
    2,
  ),
};

let fake: FakeAws;
const savedEnv = { ...process.env };

async function run(command: string, args: object): Promise<Outcome> {
  return (await vscode.commands.executeCommand<Outcome>(command, { region: REGION, ...args }))!;
}

const serviceDiagnostics = (uri: vscode.Uri) => diagnosticsFor(uri, { source: SERVICE });
const localDiagnostics = (uri: vscode.Uri) =>
  diagnosticsFor(uri).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);

suite('remote: Step Functions service', () => {
  suiteSetup(async () => {
    fake = await FakeAws.start();
    // The extension host is this process: the default credential chain reads these.
    process.env.AWS_ACCESS_KEY_ID = fake.credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = fake.credentials.secretAccessKey;
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    delete process.env.AWS_PROFILE;
    await vscode.workspace
      .getConfiguration('sfnCrossings')
      .update('aws.endpointUrl', fake.url, vscode.ConfigurationTarget.Workspace);
    for (const [name, text] of Object.entries(FILES))
      await vscode.workspace.fs.writeFile(fixtureUri(name), new TextEncoder().encode(text));
  });
  suiteTeardown(async () => {
    await vscode.workspace
      .getConfiguration('sfnCrossings')
      .update('aws.endpointUrl', undefined, vscode.ConfigurationTarget.Workspace);
    await fake.close();
    for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_EC2_METADATA_DISABLED']) {
      if (savedEnv[key] === undefined) delete process.env[key];
      else process.env[key] = savedEnv[key];
    }
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Validate with Step Functions (JSON): FAIL, service diagnostics at their fields, local diagnostics untouched', async () => {
    const document = await openFixture('remote/broken.asl.json');
    await waitFor(() => diagnosticsFor(document.uri).length > 0, { message: 'local diagnostics' });
    const localBefore = localDiagnostics(document.uri);
    const outcome = await run('sfnCrossings.validateRemote', { uri: document.uri.toString(), type: 'EXPRESS' });
    assert.equal(outcome.ok, true, outcome.message);
    assert.equal(outcome.result, 'FAIL');
    assert.match(outcome.summary ?? '', /^FAIL: the service rejects this definition \(EXPRESS, eu-west-1\)/);
    const found = serviceDiagnostics(document.uri)
      .map((d) => `${typeof d.code === 'object' ? d.code.value : d.code} ${document.getText(d.range)}`)
      .sort();
    assert.deepEqual(found, [
      'MISSING_TRANSITION_TARGET "Missing"',
      'SCHEMA_VALIDATION_FAILED "arn:aws:states:::sqs:sendMessage.waitForTaskToken"',
    ]);
    assert.deepEqual(localDiagnostics(document.uri), localBefore, 'the local diagnostics are still there, unchanged');
    assert.deepEqual(fake.operations().slice(-1), ['states:ValidateStateMachineDefinition']);
  });

  test('Validate with Step Functions (YAML): converted to JSON, diagnostics at YAML positions; the type from the setting', async () => {
    const document = await openFixture('remote/broken.asl.yaml');
    const outcome = await run('sfnCrossings.validateRemote', { uri: document.uri.toString() });
    assert.equal(outcome.result, 'FAIL');
    const [next] = serviceDiagnostics(document.uri);
    assert.equal(document.getText(next!.range), 'Later');
    assert.equal(next!.range.start.line, 4);

    const json = await openFixture('remote/broken.asl.json');
    const config = vscode.workspace.getConfiguration('sfnCrossings');
    await config.update('remote.stateMachineType', 'STANDARD', vscode.ConfigurationTarget.Workspace);
    const standard = await run('sfnCrossings.validateRemote', { uri: json.uri.toString() });
    assert.equal(standard.diagnostics?.length, 1, 'STANDARD accepts .waitForTaskToken');
    await config.update('remote.stateMachineType', 'EXPRESS', vscode.ConfigurationTarget.Workspace);
    const express = await run('sfnCrossings.validateRemote', { uri: json.uri.toString() });
    assert.equal(express.diagnostics?.length, 2, 'EXPRESS rejects it');
    await config.update('remote.stateMachineType', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('OK: a valid definition; editing a file clears its (now stale) service diagnostics', async () => {
    const good = await openFixture('remote/good.asl.json');
    const ok = await run('sfnCrossings.validateRemote', { uri: good.uri.toString() });
    assert.equal(ok.result, 'OK');
    assert.equal(ok.summary, 'OK: the service accepts this definition (STANDARD, eu-west-1)');
    assert.equal(serviceDiagnostics(good.uri).length, 0);

    const broken = await openFixture('remote/broken.asl.yaml');
    await run('sfnCrossings.validateRemote', { uri: broken.uri.toString() });
    assert.equal(serviceDiagnostics(broken.uri).length, 1);
    const editor = await vscode.window.showTextDocument(broken);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# edited\n'));
    await waitFor(() => serviceDiagnostics(broken.uri).length === 0, {
      message: 'service diagnostics cleared after an edit',
    });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('failures are one plain message and leave every diagnostic as it was: AccessDenied, throttling, unreachable', async () => {
    const document = await openFixture('remote/broken.asl.json');
    await run('sfnCrossings.validateRemote', { uri: document.uri.toString(), type: 'EXPRESS' });
    const serviceBefore = serviceDiagnostics(document.uri).length;
    const localBefore = localDiagnostics(document.uri);

    fake.inject('states:ValidateStateMachineDefinition', { kind: 'accessDenied' });
    const denied = await run('sfnCrossings.validateRemote', { uri: document.uri.toString() });
    assert.equal(denied.ok, false);
    assert.match(
      denied.message ?? '',
      /^access denied: .* is not allowed to call states:ValidateStateMachineDefinition on \*; grant /,
    );

    fake.inject('states:ValidateStateMachineDefinition', { kind: 'throttle', times: 10 });
    const throttled = await run('sfnCrossings.validateRemote', { uri: document.uri.toString() });
    assert.equal(
      throttled.message,
      "Step Functions is throttling states:ValidateStateMachineDefinition (ThrottlingException), even after the SDK's retries: wait a little and run it again",
    );

    const unreachable = await vscode.commands.executeCommand<Outcome>('sfnCrossings.validateRemote', {
      uri: document.uri.toString(),
      region: REGION,
      endpointUrl: 'http://127.0.0.1:9',
    });
    assert.match(unreachable!.message ?? '', /^cannot reach http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)/);

    assert.equal(serviceDiagnostics(document.uri).length, serviceBefore);
    assert.deepEqual(localDiagnostics(document.uri), localBefore);
  });

  test('"Test this state" CodeLens sits on Task, Pass and Choice states only, with the state pointer', async () => {
    const document = await openFixture('remote/states.asl.json');
    const lenses = await waitFor(
      async () => {
        const all = await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          document.uri,
          100,
        );
        const ours = (all ?? []).filter((l) => l.command?.command === 'sfnCrossings.testState');
        return ours.length > 0 && ours;
      },
      { message: 'Test this state lenses' },
    );
    const states = lenses.map((l) => (l.command!.arguments![0] as { state: string }).state);
    assert.deepEqual(states, ['/States/Shape', '/States/Route', '/States/CallApi', '/States/Price']);
    assert.equal(lenses[0]!.command!.title, '$(play) Test this state');
    assert.equal(document.lineAt(lenses[0]!.range.start.line).text.trim().startsWith('"Shape"'), true);
  });

  test('Test this state: on first use the input box answer is saved as .sfn-crossings/inputs/<State>.json, then reused', async () => {
    const document = await openFixture('remote/states.asl.json');
    const inputFile = fixtureUri('.sfn-crossings/inputs/Shape.json');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(inputFile)), 'no saved input yet');
    let settled = false;
    const running = run('sfnCrossings.testState', { uri: document.uri.toString(), state: '/States/Shape' }).finally(
      () => (settled = true),
    );
    // The input box opens pre-filled with {}: accept it, as a user pressing Enter would.
    await waitFor(
      async () => {
        if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return settled;
      },
      { interval: 200, message: 'the input box to be accepted and TestState to answer' },
    );
    const first = (await running) as TestOutcome;
    assert.equal(first.ok, true, first.message);
    assert.equal(first.inputSource, '.sfn-crossings/inputs/Shape.json (created)');
    assert.deepEqual(JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(inputFile))), {});
    // {} has no $.order.id: the state fails, and the view says why.
    assert.equal(first.result!.status, 'FAILED');
    assert.equal(first.result!.error, 'States.Runtime');
    assert.match(first.markdown!, /## Error\n\n- \*\*Error:\*\* States\.Runtime/);

    // The user edits the saved input; the next run uses it without asking.
    await vscode.workspace.fs.writeFile(inputFile, new TextEncoder().encode('{"order": {"id": "o-2"}, "total": 500}'));
    const second = (await run('sfnCrossings.testState', {
      uri: document.uri.toString(),
      state: '/States/Shape',
    })) as TestOutcome;
    assert.equal(second.inputSource, '.sfn-crossings/inputs/Shape.json');
    assert.equal(second.result!.status, 'SUCCEEDED');
    assert.equal(second.result!.nextState, 'Route');
    assert.deepEqual(JSON.parse(second.result!.output!).shaped, { id: 'o-2' });
    const view = second.view!;
    assert.equal(view.uri.scheme, 'sfn-crossings-test');
    assert.equal(view.languageId, 'markdown');
    assert.match(view.getText(), /# TestState: Shape\n/);
    assert.match(view.getText(), /- \*\*Next state:\*\* Route/);
    assert.match(view.getText(), /### After Parameters/);
    assert.ok(
      vscode.window.visibleTextEditors.some((e) => e.document === view),
      'the result view is shown',
    );
  });

  test('Test this state: http:invoke at TRACE shows the HTTP request and response; the role is remembered', async () => {
    stepFunctionsOf(fake.world).httpEndpoints.set('https://api.example.com/orders', {
      status: 201,
      statusText: 'Created',
      body: { accepted: true },
    });
    const document = await openFixture('remote/states.asl.json');
    const outcome = (await run('sfnCrossings.testState', {
      uri: document.uri.toString(),
      state: '/States/CallApi',
      input: { order: { id: 'o-3' } },
      roleArn: ROLE,
    })) as TestOutcome;
    assert.equal(outcome.ok, true, outcome.message);
    assert.equal(outcome.result!.status, 'SUCCEEDED');
    assert.match(outcome.markdown!, /- \*\*Region:\*\* eu-west-1 · \*\*Inspection level:\*\* TRACE/);
    assert.match(outcome.markdown!, /### HTTP request\n\n`POST https:\/\/api\.example\.com\/orders https`/);
    assert.match(outcome.markdown!, /### HTTP response\n\n`https 201 Created`/);
    assert.match(outcome.markdown!, /"accepted": true/);
    // No roleArn this time: the one remembered for the workspace is used (no input box).
    const again = (await run('sfnCrossings.testState', {
      uri: document.uri.toString(),
      state: '/States/CallApi',
      input: '{"order":{}}',
    })) as TestOutcome;
    assert.equal(again.ok, true, again.message);
    assert.equal(again.result!.status, 'SUCCEEDED');
  });

  test('Test this state: variables (JSONata) as an argument; an expired session token fails plainly', async () => {
    const document = await openFixture('remote/states.asl.json');
    const priced = (await run('sfnCrossings.testState', {
      uri: document.uri.toString(),
      state: 'Price',
      input: { total: 10 },
      variables: { rate: 3 },
    })) as TestOutcome;
    assert.equal(priced.ok, true, priced.message);
    assert.equal(priced.result!.output, '30');
    assert.match(priced.markdown!, /### Variables after the state\n\n```json\n\{\n {2}"rate": 3\n\}/);

    fake.inject('states:TestState', {
      kind: 'error',
      code: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
      status: 400,
    });
    const expired = (await run('sfnCrossings.testState', {
      uri: document.uri.toString(),
      state: 'Price',
      input: {},
      variables: {},
    })) as TestOutcome;
    assert.equal(expired.ok, false);
    assert.equal(expired.message, 'the AWS session token has expired: refresh your credentials and try again');
  });

  test('Test this state from the command palette runs the state under the cursor', async () => {
    const document = await openFixture('remote/states.asl.json');
    const editor = await vscode.window.showTextDocument(document);
    const inRoute = document.positionAt(document.getText().indexOf('"NumericGreaterThan"'));
    editor.selection = new vscode.Selection(inRoute, inRoute);
    const outcome = (await run('sfnCrossings.testState', { input: { total: 101 } })) as TestOutcome;
    assert.equal(outcome.ok, true, outcome.message);
    assert.match(outcome.markdown!, /^# TestState: Route\n/);
    assert.equal(outcome.result!.nextState, 'CallApi');
  });

  test('Pick a deployed state machine: its ARN and execution role fill the IAM commands for the open definition', async () => {
    const sfn = stepFunctionsOf(fake.world);
    sfn.addStateMachine({ name: 'other', region: REGION });
    const orders = sfn.addStateMachine({ name: 'orders', region: REGION, roleArn: ROLE });
    const document = await openFixture('remote/states.asl.json');
    let settled = false;
    // No ARN argument: the picker lists the region's machines by name; "orders" comes first: accept it.
    const picking = run('sfnCrossings.pickStateMachine', { uri: document.uri.toString() }).finally(
      () => (settled = true),
    );
    await waitFor(
      async () => {
        if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return settled;
      },
      { interval: 300, message: 'the state machine picker' },
    );
    const picked = (await picking) as Outcome & { machine?: { stateMachineArn: string; executionRoleArn: string } };
    assert.equal(picked.ok, true, picked.message);
    assert.equal(picked.machine!.stateMachineArn, orders.arn);
    assert.equal(picked.machine!.executionRoleArn, ROLE);
    assert.deepEqual(fake.operations().slice(-2), ['states:ListStateMachines', 'states:DescribeStateMachine']);

    const policy = await vscode.commands.executeCommand<vscode.TextDocument | undefined>(
      'sfnCrossings.generateExecutionRolePolicy',
      { uri: document.uri, noPrompt: true },
    );
    assert.ok(policy, 'the IAM command found the context without asking');
    const json = JSON.parse(policy.getText()) as { stateMachineArn?: string; executionRole?: { roleArn?: string } };
    assert.equal(json.stateMachineArn, orders.arn);
    await vscode.window.showTextDocument(policy);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
