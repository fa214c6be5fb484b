// TestState through the real SDK against the fake service: the state sent alone (with its inherited
// QueryLanguage), output and next state, DEBUG data flow, TRACE HTTP request/response for http:invoke, variables,
// caught errors, and the Markdown view users read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testStateMarkdown, testStateSummary } from '../../../src/aws/sfnResults';
import {
  findState,
  inputFileName,
  planTestState,
  referencedVariables,
  variablesFileName,
  type TestStatePlan,
} from '../../../src/aws/sfnTestState';
import { analyze } from '../../../src/core/lint';
import { sfnSetup } from './setup';

const ROLE = 'arn:aws:iam::123456789012:role/sfn-test-role';

const DEFINITION = JSON.stringify(
  {
    StartAt: 'Shape',
    States: {
      Shape: { Type: 'Pass', Parameters: { 'id.$': '$.order.id', fixed: 1 }, ResultPath: '$.shaped', Next: 'Route' },
      Route: {
        Type: 'Choice',
        Choices: [{ Variable: '$.total', NumericGreaterThan: 100, Next: 'CallApi' }],
        Default: 'Done',
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
        Catch: [{ ErrorEquals: ['States.Http.StatusCode.500'], ResultPath: '$.failure', Next: 'Done' }],
        Next: 'Done',
      },
      Done: { Type: 'Succeed' },
    },
  },
  null,
  2,
);

function plan(text: string, ref: string): TestStatePlan {
  const analysis = analyze(text, { languageId: 'asl' });
  const state = findState(analysis.model!, ref);
  assert.ok(state, `state ${ref}`);
  const p = planTestState(state);
  assert.ok(!('error' in p), 'error' in p ? p.error : '');
  return p;
}

void test('Pass (JSONPath): output, next state and the DEBUG data flow', async () => {
  const { ports } = await sfnSetup();
  const p = plan(DEFINITION, 'Shape');
  assert.equal(p.inspectionLevel, 'DEBUG');
  assert.equal(p.needsRole, false);
  const input = JSON.stringify({ order: { id: 'o-1' }, total: 5 });
  const r = await ports.testState({ definition: p.definition, input, inspectionLevel: p.inspectionLevel });
  assert.equal(r.status, 'SUCCEEDED');
  assert.equal(r.nextState, 'Route');
  assert.deepEqual(JSON.parse(r.output!), { order: { id: 'o-1' }, total: 5, shaped: { id: 'o-1', fixed: 1 } });
  assert.deepEqual(JSON.parse(String(r.inspectionData!.afterParameters)), { id: 'o-1', fixed: 1 });
  const md = testStateMarkdown(r, {
    stateName: 'Shape',
    region: 'eu-west-1',
    inspectionLevel: 'DEBUG',
    inputSource: '.sfn-crossings/inputs/Shape.json',
  });
  assert.match(md, /^# TestState: Shape\n/);
  assert.match(md, /- \*\*Status:\*\* SUCCEEDED\n- \*\*Next state:\*\* Route/);
  assert.match(md, /## Output\n\n```json\n\{\n {2}"order"/);
  assert.match(md, /### After Parameters\n\n```json\n\{\n {2}"id": "o-1",\n {2}"fixed": 1\n\}/);
});

void test('Choice: the next state follows the input', async () => {
  const { ports } = await sfnSetup();
  const p = plan(DEFINITION, 'Route');
  const big = await ports.testState({ definition: p.definition, input: '{"total": 250}', inspectionLevel: 'DEBUG' });
  assert.equal(big.nextState, 'CallApi');
  const small = await ports.testState({ definition: p.definition, input: '{"total": 3}', inspectionLevel: 'DEBUG' });
  assert.equal(small.nextState, 'Done');
  assert.equal(testStateSummary(small, 'Route'), 'TestState Route: SUCCEEDED, next state Done');
});

void test('http:invoke runs at TRACE: the HTTP request and response are shown, the connection secret is not', async () => {
  const { ports, sfn } = await sfnSetup();
  sfn.httpEndpoints.set('https://api.example.com/orders', {
    status: 201,
    statusText: 'Created',
    body: { accepted: true, ref: 'A-7' },
  });
  const p = plan(DEFINITION, 'CallApi');
  assert.equal(p.inspectionLevel, 'TRACE');
  assert.equal(p.needsRole, true);
  const r = await ports.testState({
    definition: p.definition,
    input: '{"order":{"id":"o-9"}}',
    roleArn: ROLE,
    inspectionLevel: p.inspectionLevel,
  });
  assert.equal(r.status, 'SUCCEEDED');
  assert.equal(r.nextState, 'Done');
  assert.deepEqual(JSON.parse(r.output!).ResponseBody, { accepted: true, ref: 'A-7' });
  const request = r.inspectionData!.request as Record<string, string>;
  assert.equal(request.method, 'POST');
  assert.equal(request.url, 'https://api.example.com/orders');
  assert.deepEqual(JSON.parse(request.body!), { id: 'o-9' });
  assert.equal(sfn.httpRequests.length, 1);
  const md = testStateMarkdown(r, {
    stateName: 'CallApi',
    region: 'eu-west-1',
    inspectionLevel: 'TRACE',
    inputSource: 'argument',
  });
  assert.match(md, /### HTTP request\n\n`POST https:\/\/api\.example\.com\/orders https`/);
  assert.match(md, /### HTTP response\n\n`https 201 Created`/);
  assert.match(md, /"ref": "A-7"/);
  assert.ok(!md.includes('fake-connection-token'), 'the connection secret must not be shown');
  assert.match(md, /Authorization: \*\*\*\*\*/);
});

void test('an HTTP 500 caught by the state: CAUGHT_ERROR, the Catch next state, and the error in the view', async () => {
  const { ports, sfn } = await sfnSetup();
  sfn.httpEndpoints.set('https://api.example.com/orders', {
    status: 500,
    statusText: 'Internal Server Error',
    body: { message: 'boom' },
  });
  const p = plan(DEFINITION, 'CallApi');
  const r = await ports.testState({
    definition: p.definition,
    input: '{"order":{}}',
    roleArn: ROLE,
    inspectionLevel: 'TRACE',
  });
  assert.equal(r.status, 'CAUGHT_ERROR');
  assert.equal(r.nextState, 'Done');
  assert.equal(r.error, 'States.Http.StatusCode.500');
  assert.equal(JSON.parse(r.output!).failure.Error, 'States.Http.StatusCode.500');
  const md = testStateMarkdown(r, {
    stateName: 'CallApi',
    region: 'eu-west-1',
    inspectionLevel: 'TRACE',
    inputSource: 'argument',
  });
  assert.match(md, /## Error\n\n- \*\*Error:\*\* States\.Http\.StatusCode\.500/);
  assert.match(md, /### Error details\n\n```json\n\{\n {2}"catchIndex": 0\n\}/);
  assert.match(md, /`https 500 Internal Server Error`/);
});

void test('variables (JSONata, QueryLanguage inherited from the root) are detected, sent and shown', async () => {
  const { ports } = await sfnSetup();
  const text = JSON.stringify({
    QueryLanguage: 'JSONata',
    StartAt: 'Price',
    States: {
      Price: {
        Type: 'Pass',
        Assign: { lastPrice: '{% $states.input.price * $rate %}' },
        Output:
          '{% { "price": $states.input.price * $rate, "currency": $currency, "count": $count($states.input.items) } %}',
        End: true,
      },
    },
  });
  const p = plan(text, 'Price');
  assert.equal(JSON.parse(p.definition).QueryLanguage, 'JSONata', 'the inherited QueryLanguage is kept');
  assert.deepEqual(p.variables, ['currency', 'rate']);
  const r = await ports.testState({
    definition: p.definition,
    input: '{"price": 10, "items": [1, 2]}',
    variables: '{"rate": 1.5, "currency": "EUR"}',
    inspectionLevel: 'DEBUG',
  });
  assert.equal(r.status, 'SUCCEEDED');
  assert.deepEqual(JSON.parse(r.output!), { price: 15, currency: 'EUR', count: 2 });
  assert.deepEqual(JSON.parse(String(r.inspectionData!.variables)), { rate: 1.5, currency: 'EUR', lastPrice: 15 });
  const md = testStateMarkdown(r, {
    stateName: 'Price',
    region: 'eu-west-1',
    inspectionLevel: 'DEBUG',
    inputSource: 'argument',
  });
  assert.match(md, /### Variables after the state\n\n```json\n\{\n {2}"rate": 1\.5/);
});

void test('variables in JSONPath `.$` values; JSONata locals and functions are not variables', () => {
  const analysis = analyze(
    JSON.stringify({
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Parameters: { 'who.$': '$user.name', 'all.$': '$', 'ctx.$': '$$.Execution.Id' }, End: true },
        B: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% ($x := 2; $sum([$x, $limit])) %}', End: true },
      },
    }),
    { languageId: 'asl' },
  );
  assert.deepEqual(referencedVariables(findState(analysis.model!, 'A')!.node!), ['user']);
  assert.deepEqual(referencedVariables(findState(analysis.model!, 'B')!.node!), ['limit']);
});

void test('saved input files: one per state, names made safe, never outside the inputs folder', () => {
  assert.equal(inputFileName('Call API'), '.sfn-crossings/inputs/Call API.json');
  assert.equal(inputFileName('a/b:c'), '.sfn-crossings/inputs/a_b_c.json');
  assert.equal(inputFileName('../../etc'), '.sfn-crossings/inputs/__.._etc.json');
  assert.equal(variablesFileName('Price'), '.sfn-crossings/inputs/Price.variables.json');
});

void test('a Map state is refused with a plain reason; a Task without a role gets the service message', async () => {
  const analysis = analyze(
    JSON.stringify({
      StartAt: 'M',
      States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true } },
    }),
    {
      languageId: 'asl',
    },
  );
  const refused = planTestState(findState(analysis.model!, 'M')!);
  assert.ok('error' in refused);
  assert.match(refused.error, /TestState runs Task, Pass, Choice, Wait, Succeed and Fail states; M is a Map/);
  const { ports } = await sfnSetup();
  const p = plan(DEFINITION, 'CallApi');
  await assert.rejects(
    ports.testState({ definition: p.definition, input: '{}', inspectionLevel: 'TRACE' }),
    (e: Error) => {
      assert.equal(e.name, 'SfnCallError');
      assert.match(
        e.message,
        /^states:TestState failed: ValidationException: A roleArn is required to test a Task state$/,
      );
      return true;
    },
  );
});
