// QueryLanguage rules: JSONPath fields in JSONata states (ASL301), JSONata fields in JSONPath states
// (ASL302), a JSONPath state under a JSONata machine (ASL303), QueryLanguage on processors (ASL304).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, expectAt, machine, none, one } from './helpers';

const LAMBDA = 'arn:aws:states:::lambda:invoke';

void test('ASL301: Parameters and ResultPath in a state that inherits JSONata', () => {
  const r = check(
    machine(
      { T: { Type: 'Task', Resource: LAMBDA, Parameters: { FunctionName: 'f' }, ResultPath: '$.r', End: true } },
      { QueryLanguage: 'JSONata' },
    ),
  );
  const f = expectAt(r.findings, r.text, { code: 'ASL301', path: '/States/T/Parameters', needle: '"Parameters"' });
  assert.match(f.message, /Arguments/);
  expectAt(r.findings, r.text, { code: 'ASL301', path: '/States/T/ResultPath', needle: '"ResultPath"' });
});

void test('ASL301: JSONPath Choice rules and Catch ResultPath in a JSONata state', () => {
  const r = check(
    machine(
      {
        T: {
          Type: 'Task',
          Resource: LAMBDA,
          Next: 'C',
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'C' }],
        },
        C: { Type: 'Choice', Choices: [{ Variable: '$.x', NumericEquals: 1, Next: 'D' }], Default: 'D' },
        D: { Type: 'Succeed' },
      },
      { QueryLanguage: 'JSONata' },
    ),
  );
  expectAt(r.findings, r.text, { code: 'ASL301', path: '/States/T/Catch/0/ResultPath', needle: '"ResultPath"' });
  expectAt(r.findings, r.text, { code: 'ASL301', path: '/States/C/Choices/0/Variable', needle: '"Variable"' });
  expectAt(r.findings, r.text, {
    code: 'ASL301',
    path: '/States/C/Choices/0/NumericEquals',
    needle: '"NumericEquals"',
  });
});

void test('ASL302: Arguments and Output in a JSONPath state', () => {
  const r = check(
    machine({
      T: {
        Type: 'Task',
        Resource: LAMBDA,
        Arguments: { FunctionName: 'f' },
        Output: '{% $states.result %}',
        End: true,
      },
    }),
  );
  const f = expectAt(r.findings, r.text, { code: 'ASL302', path: '/States/T/Arguments', needle: '"Arguments"' });
  assert.match(f.message, /QueryLanguage/);
  expectAt(r.findings, r.text, { code: 'ASL302', path: '/States/T/Output', needle: '"Output"' });
});

void test('ASL302 (warning): a {% %} string in a JSONPath payload stays literal', () => {
  const r = check(machine({ P: { Type: 'Pass', Parameters: { id: '{% $states.input.id %}' }, End: true } }));
  expectAt(r.findings, r.text, {
    code: 'ASL302',
    severity: 'warning',
    path: '/States/P/Parameters/id',
    needle: '"{% $states.input.id %}"',
  });
});

void test('ASL303: a state that goes back to JSONPath under a JSONata machine', () => {
  const r = check(machine({ P: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } }, { QueryLanguage: 'JSONata' }));
  expectAt(r.findings, r.text, { code: 'ASL303', path: '/States/P/QueryLanguage', needle: '"JSONPath"' });
  // The other way round is the supported migration path.
  none(check(machine({ P: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% 1 %}', End: true } })).findings);
});

void test('ASL304: QueryLanguage on an ItemProcessor', () => {
  const r = check(
    machine({
      M: {
        Type: 'Map',
        QueryLanguage: 'JSONata',
        End: true,
        ItemProcessor: { QueryLanguage: 'JSONata', StartAt: 'I', States: { I: { Type: 'Succeed' } } },
      },
    }),
  );
  const f = expectAt(r.findings, r.text, {
    code: 'ASL304',
    path: '/States/M/ItemProcessor/QueryLanguage',
    needle: '"QueryLanguage"',
    nth: 2,
  });
  assert.match(f.message, /Map state "M"/);
  assert.equal(r.findings.length, 1, 'no unknown-field duplicate for QueryLanguage');
});

void test('ASL211: an unknown QueryLanguage value', () => {
  const r = check(machine({ P: { Type: 'Pass', End: true } }, { QueryLanguage: 'JSONATA' }));
  const f = one(r.findings, 'ASL211');
  assert.match(f.message, /Did you mean "JSONata"\?/);
});

void test('a field the state type never accepts is only ASL201, not also ASL301/ASL302', () => {
  let r = check(machine({ P: { Type: 'Pass', Arguments: { a: 1 }, End: true } }));
  assert.deepEqual(
    r.findings.map((f) => f.code),
    ['ASL201'],
  );
  r = check(machine({ F: { Type: 'Fail', ResultPath: '$.x' } }, { QueryLanguage: 'JSONata' }));
  assert.deepEqual(
    r.findings.map((f) => f.code),
    ['ASL201'],
  );
});
