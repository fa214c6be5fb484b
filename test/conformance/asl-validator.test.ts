// Conformance: the 112 definitions of asl-validator's test suite (<corpus>/asl-validator, see ./corpus.ts).
// Every valid-* must give no error and every invalid-* at least one, except the few files where this
// project deliberately disagrees: those are listed below with the reason, and the test asserts our
// own verdict for them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../src/core/lint';
import { corpusFolder } from './corpus';

const corpusDir = corpusFolder('asl-validator');

interface Disagreement {
  /** The project's verdict: does the file have at least one error? */
  error: boolean;
  /** When `error`, a code prefix one of the errors must have. */
  code?: string;
  reason: string;
}

const DISAGREEMENTS: Record<string, Disagreement> = {
  'invalid-json-surround-syntax-extra-spaces.json': {
    error: false,
    reason:
      'The service accepts whitespace, newlines included, between "{%"/"%}" and the expression (multi-line expressions are deployed by the aws-cdk integration test of aws/aws-cdk#35985, fixing #35912); ' +
      "asl-validator's pattern ^\\{% .+ %\\}$ only rejects this file because '.' does not match the newline.",
  },
  'valid-map-with-item-batcher-jsonata.json': {
    error: true,
    code: 'ASL303',
    reason:
      'The top level is JSONata and a state inside the Map sets "QueryLanguage": "JSONPath"; once the top level is JSONata no state may use JSONPath ' +
      '(AWS "Transforming data with JSONata"; CDK throws for the same definition).',
  },
  'invalid-jsonata-surround-syntax-no-spaces.json': {
    error: false,
    reason:
      'The JSONata docs require the string to begin with "{%" and end with "%}" and state no whitespace rule; AWS\'s own published samples ' +
      'deploy "{%$states.input%}" (../shared/DOMAIN.md section 7, step-functions-workflows-collection).',
  },
  'valid-current-value-predicate.json': {
    error: true,
    code: 'ASL308',
    reason:
      'The filters compare to unquoted words (FooBar, FizzBuzz); Jayway JsonPath, the library Step Functions evaluates paths with, ' +
      'reads a filter operand only as a quoted string, number, boolean, null, path, JSON literal or regex, and rejects a bare word.',
  },
  'valid-path-array-context.json': {
    error: true,
    code: 'ASL307',
    reason:
      '"$[(@.length-1)]" is a Goessner script expression; Jayway JsonPath has none (a bracket holds names, indexes, slices, "*" or ' +
      'a "?(...)" filter), so the path does not compile. Jayway writes the last element as "$[-1]".',
  },
  'valid-task-credentials.json': {
    error: true,
    code: 'XC1',
    reason:
      'Credentials accepts only "RoleArn" or "RoleArn.$" (../shared/DOMAIN.md section 2); CreateStateMachine rejects other keys. ' +
      'asl-validator accepts any payload template there.',
  },
};

void test('the corpus is present', () => {
  const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.json'));
  assert.equal(files.length, 112, `expected the 112 asl-validator definitions in ${corpusDir}, found ${files.length}`);
});

void test('asl-validator corpus: valid-* give no error, invalid-* at least one (listed disagreements excepted)', () => {
  assert.ok(Object.keys(DISAGREEMENTS).length <= 6, 'at most 6 deliberate disagreements');
  const files = fs
    .readdirSync(corpusDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  assert.ok(files.length > 0, `no corpus files in ${corpusDir}`);
  for (const name of Object.keys(DISAGREEMENTS))
    assert.ok(files.includes(name), `disagreement table names a missing file: ${name}`);
  const wrong: string[] = [];
  let agree = 0;
  for (const file of files) {
    const findings = lint(fs.readFileSync(path.join(corpusDir, file), 'utf8'));
    const errors = findings.filter((f) => f.severity === 'error');
    const corpusSaysError = file.startsWith('invalid-');
    if (errors.length > 0 === corpusSaysError) agree++;
    const own = DISAGREEMENTS[file];
    const expectError = own ? own.error : corpusSaysError;
    const summary = errors.map((f) => `${f.code} ${f.path}: ${f.message}`).join('\n      ') || 'no error';
    if (expectError !== errors.length > 0)
      wrong.push(`${file}: expected ${expectError ? 'an error' : 'no error'}, got\n      ${summary}`);
    else if (own?.code && !errors.some((f) => f.code.startsWith(own.code!)))
      wrong.push(`${file}: expected an error ${own.code}*, got\n      ${summary}`);
  }
  console.log(
    `asl-validator corpus: ${agree}/${files.length} agree with the file names; ${Object.keys(DISAGREEMENTS).length} deliberate disagreements:`,
  );
  for (const [file, d] of Object.entries(DISAGREEMENTS))
    console.log(`  ${file}: ${d.error ? 'error' : 'no error'} (${d.reason})`);
  assert.deepEqual(wrong, [], `verdicts differ:\n  ${wrong.join('\n  ')}`);
  assert.equal(agree, files.length - Object.keys(DISAGREEMENTS).length);
});
