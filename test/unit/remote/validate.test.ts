// ValidateStateMachineDefinition through the real SDK against the fake service: OK and FAIL, warnings, and every
// diagnostic's location mapped back to the right range of the JSON or YAML file it came from.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  definitionForService,
  locateDiagnostics,
  locationSegments,
  type LocatedDiagnostic,
} from '../../../src/aws/sfnDefinition';
import { validationSummary } from '../../../src/aws/sfnResults';
import { parseDefinition, type LanguageId } from '../../../src/core/parse';
import { sfnSetup } from './setup';

async function validateText(text: string, languageId: LanguageId, type: 'STANDARD' | 'EXPRESS' = 'STANDARD') {
  const { ports, fake } = await sfnSetup();
  const parsed = parseDefinition(text, { languageId });
  const prepared = definitionForService(parsed);
  assert.ok(prepared.ok, prepared.ok ? '' : prepared.message);
  const result = await ports.validate({ definition: prepared.definition, type });
  const located = locateDiagnostics(result.diagnostics, parsed, prepared.definition);
  const at = (d: LocatedDiagnostic) => text.slice(d.offset, d.offset + d.length);
  return { result, located, at, fake, sent: prepared.definition };
}

const BROKEN_JSON = `{
  "Comment": "two mistakes",
  "StartAt": "Call",
  "States": {
    "Call": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      "Parameters": { "QueueUrl": "https://sqs.eu-west-1.amazonaws.com/123456789012/q", "MessageBody.$": "$" },
      "Next": "Missing"
    },
    "Fan": {
      "Type": "Parallel",
      "Branches": [
        { "StartAt": "Inner", "States": { "Inner": { "Type": "Pass", "Next": "Nowhere" }, "End2": { "Type": "Succeed" } } }
      ],
      "End": true
    }
  }
}
`;

void test('FAIL: each diagnostic lands on the field it names (JSON), nested branches included', async () => {
  const { result, located, at, fake } = await validateText(BROKEN_JSON, 'asl', 'EXPRESS');
  assert.equal(result.result, 'FAIL');
  assert.deepEqual(fake.operations(), ['states:ValidateStateMachineDefinition']);
  const byLocation = new Map(located.map((d) => [d.location, d]));
  const next = byLocation.get('/States/Call/Next')!;
  assert.equal(next.code, 'MISSING_TRANSITION_TARGET');
  assert.equal(at(next), '"Missing"');
  assert.equal(next.exact, true);
  const resource = byLocation.get('/States/Call/Resource')!;
  assert.match(resource.message, /Express state machine does not support '\.waitForTaskToken'/);
  assert.equal(at(resource), '"arn:aws:states:::sqs:sendMessage.waitForTaskToken"');
  const inner = byLocation.get('/States/Fan/Branches/0/States/Inner/Next')!;
  assert.equal(at(inner), '"Nowhere"');
  assert.equal(inner.pointer, '/States/Fan/Branches/0/States/Inner/Next');
  assert.match(
    validationSummary(result, 'EXPRESS', 'eu-west-1'),
    /^FAIL: the service rejects this definition \(EXPRESS, eu-west-1\); 3 errors$/,
  );
});

void test('the same definition is OK as STANDARD except for its own mistakes; the type reaches the service', async () => {
  const { located } = await validateText(BROKEN_JSON, 'asl', 'STANDARD');
  assert.ok(!located.some((d) => d.location === '/States/Call/Resource'));
  assert.equal(located.length, 2);
});

const BROKEN_YAML = `# a YAML definition
StartAt: First
States:
  First:
    Type: Pass
    Parameters:
      order: $.order
    Next: Later
  Choose:
    Type: Choice
    Choices:
      - Variable: $.x
        NumericEquals: 1
        Next: First
    Default: Ghost
`;

void test('FAIL: YAML is converted to JSON, and diagnostics map back to YAML positions; warnings included', async () => {
  const { result, located, at, sent } = await validateText(BROKEN_YAML, 'asl-yaml');
  assert.equal(JSON.parse(sent).States.First.Next, 'Later', 'the service received the YAML as JSON');
  assert.equal(result.result, 'FAIL');
  const summary = located.map((d) => `${d.severity} ${d.code} ${d.location} -> ${at(d)}`).sort();
  assert.deepEqual(summary, [
    'ERROR MISSING_END_STATE / -> StartAt',
    'ERROR MISSING_TRANSITION_TARGET /States/Choose/Default -> Ghost',
    'ERROR MISSING_TRANSITION_TARGET /States/First/Next -> Later',
    'WARNING NO_DOLLAR /States/First/Parameters/order -> $.order',
  ]);
});

void test('OK: a valid definition passes with no diagnostics', async () => {
  const { result, located } = await validateText('{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}', 'asl');
  assert.equal(result.result, 'OK');
  assert.deepEqual(located, []);
  assert.equal(
    validationSummary(result, 'STANDARD', 'eu-west-1'),
    'OK: the service accepts this definition (STANDARD, eu-west-1)',
  );
});

void test("a JSON syntax error: the service parser's line and column land on the file's character", async () => {
  const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "End": true },\n  }\n}\n';
  const { result, located } = await validateText(text, 'asl');
  assert.equal(result.result, 'FAIL');
  assert.equal(located.length, 1);
  const d = located[0]!;
  assert.equal(d.code, 'INVALID_JSON_DESCRIPTION');
  assert.match(d.location ?? '', /line: 5, column: 3\]$/);
  assert.equal(text[d.offset], '}', 'points at the brace after the trailing comma');
  assert.equal(text.slice(0, d.offset).split('\n').length, 5);
});

void test('locations in JSONPath form and state names that contain the separator', () => {
  const text = JSON.stringify(
    { StartAt: 'a/b', States: { 'a/b': { Type: 'Pass', Next: 'x.y' }, 'x.y': { Type: 'Succeed' } } },
    null,
    2,
  );
  const parsed = parseDefinition(text, { languageId: 'asl' });
  const diags = [
    { severity: 'ERROR', code: 'C1', message: 'm', location: '/States/a/b/Next' },
    { severity: 'ERROR', code: 'C2', message: 'm', location: "$['States']['x.y']" },
    { severity: 'ERROR', code: 'C3', message: 'm', location: '$.States.x.y.Type' },
    { severity: 'WARNING', code: 'C4', message: 'm', location: '/States/a~1b/Missing' },
    { severity: 'ERROR', code: 'C5', message: 'm' },
  ];
  const located = locateDiagnostics(diags, parsed, text);
  const at = (d: LocatedDiagnostic) => text.slice(d.offset, d.offset + d.length);
  assert.deepEqual(
    located.map((d) => [d.code, at(d), d.exact]),
    [
      ['C1', '"x.y"', true],
      ['C2', '"x.y"', true],
      ['C3', '"Succeed"', true],
      ['C4', '"a/b"', false],
      ['C5', '"StartAt"', true],
    ],
  );
  assert.deepEqual(locationSegments('$.States.A[0].B'), { segments: ['States', 'A', '0', 'B'], separator: '.' });
  assert.equal(locationSegments('[Source: (String)"x"; line: 1, column: 2]'), undefined);
});

void test('a YAML file that does not parse is not sent', () => {
  const parsed = parseDefinition('StartAt: A\nStates: [\n', { languageId: 'asl-yaml' });
  const prepared = definitionForService(parsed);
  assert.equal(prepared.ok, false);
  assert.match(prepared.ok ? '' : prepared.message, /YAML cannot be converted to JSON .*fix it first/);
});
