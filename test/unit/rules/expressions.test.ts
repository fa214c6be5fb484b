// Expression rules: JSONata delimiters (ASL305) and syntax (ASL306), JSONPath syntax (ASL307),
// intrinsic functions (ASL308), variables as ResultPath (ASL309), `.$` values (ASL310), duplicate
// payload fields after `.$` removal (ASL210).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, expectAt, machine, none, one } from './helpers';

const jsonataPass = (output: unknown): Record<string, unknown> =>
  machine({ P: { Type: 'Pass', Output: output, End: true } }, { QueryLanguage: 'JSONata' });
const pass = (fields: Record<string, unknown>): Record<string, unknown> =>
  machine({ P: { Type: 'Pass', ...fields, End: true } });

void test('ASL305: delimiters (no closing, no opening, empty)', () => {
  for (const s of ['{% 1 + 2 %', '1 + 2 %}', '{%  %}']) {
    const r = check(jsonataPass(s));
    const f = one(r.findings, 'ASL305');
    assert.equal(f.path, '/States/P/Output', s);
  }
  none(check(jsonataPass('{%\n  $states.input\n%}')).findings);
  // Issue 14, class 3: no whitespace rule (AWS samples deploy "{%$states.input%}").
  none(check(jsonataPass({ a: '{%$states.input%}', b: '{%1 + 2 %}', c: '{% $x%}' })).findings);
});

void test('ASL306: a JSONata syntax error points inside the string', () => {
  const r = check(jsonataPass({ total: '{% $sum($states.input.items %}' }));
  const f = one(r.findings, 'ASL306');
  assert.equal(f.path, '/States/P/Output/total');
  assert.match(f.message, /Expected "\)"/);
  const r2 = check(jsonataPass('{% 10 + * 2 %}'));
  expectAt(r2.findings, r2.text, { code: 'ASL306', path: '/States/P/Output', needle: '2', after: '10 + *' });
});

void test('ASL306: Comment and plain strings are never parsed as JSONata', () => {
  none(
    check(
      machine(
        { P: { Type: 'Pass', Comment: '{% not an expression', Output: { a: 'plain', b: '50%' }, End: true } },
        { QueryLanguage: 'JSONata' },
      ),
    ).findings,
  );
});

void test('ASL307: bad paths in InputPath, ResultPath, ItemsPath and .$ values, ranged inside the string', () => {
  let r = check(pass({ InputPath: '$.a..' }));
  expectAt(r.findings, r.text, { code: 'ASL307', path: '/States/P/InputPath', needle: '..', after: '"$.a' });
  r = check(pass({ ResultPath: '$.items[*]' }));
  const f = expectAt(r.findings, r.text, { code: 'ASL307', path: '/States/P/ResultPath', needle: '[*]' });
  assert.match(f.message, /reference path/);
  r = check(pass({ Parameters: { 'id.$': 'id' } }));
  expectAt(r.findings, r.text, { code: 'ASL307', path: '/States/P/Parameters/id.$', needle: 'id', after: '"id.$": "' });
  r = check(
    machine({
      C: {
        Type: 'Choice',
        Choices: [{ Variable: 'States.ArrayLength($.a)', NumericEquals: 1, Next: 'D' }],
        Default: 'D',
      },
      D: { Type: 'Succeed' },
    }),
  );
  one(r.findings, 'ASL307');
});

void test('ASL307: accepted path forms (context, variables, filters, slices, negative index, hyphens)', () => {
  const r = check(
    pass({
      InputPath: '$$.Execution.Input',
      OutputPath: "$.books[?(@.price < 10)]['title']",
      ResultPath: "$.out['a b'][0]",
      Parameters: {
        'a.$': '$.list[1:3]',
        'b.$': '$.list[-1]',
        'c.$': '$myVar.field',
        'd.$': '$.input-foo',
        'e.$': '$..price',
        'f.$': '$',
      },
    }),
  );
  none(r.findings);
});

void test('ASL308: intrinsic functions: argument count, argument types, unknown names, Format placeholders', () => {
  const bad: Array<[string, RegExp]> = [
    ["States.MathAdd(1,'-1')", /argument 2 of States.MathAdd/],
    ['States.ArrayLength($.a, $.b)', /takes 1 argument/],
    ['States.Formatt($.a)', /did you mean "States.Format"/],
    ["States.Format('{} and {}', $.a)", /2 "\{\}" placeholders but 1/],
    ["States.Hash($.a, 'SHA-999')", /MD5/],
    ['States.UUID(', /not closed/],
  ];
  for (const [value, message] of bad) {
    const r = check(pass({ Parameters: { 'x.$': value } }));
    assert.match(one(r.findings, 'ASL308').message, message, value);
  }
  const r = check(pass({ Parameters: { 'x.$': "States.MathAdd(1,'-1')" } }));
  expectAt(r.findings, r.text, { code: 'ASL308', path: '/States/P/Parameters/x.$', needle: "'-1'" });
  none(
    check(
      pass({ Parameters: { 'x.$': "States.Format('{} of {}', States.MathAdd($.i, 1), States.ArrayLength($.items))" } }),
    ).findings,
  );
});

void test('ASL305: a JSONata Choice Condition without delimiters', () => {
  const r = check(
    machine(
      {
        C: { Type: 'Choice', Choices: [{ Condition: '$states.input.ok', Next: 'D' }], Default: 'D' },
        D: { Type: 'Succeed' },
      },
      { QueryLanguage: 'JSONata' },
    ),
  );
  expectAt(r.findings, r.text, { code: 'ASL305', path: '/States/C/Choices/0/Condition', needle: '"$states.input.ok"' });
});

void test('YAML: ranges inside plain and quoted scalars', () => {
  const text = [
    'StartAt: P',
    'States:',
    '  P:',
    '    Type: Pass',
    '    InputPath: $.a[*',
    '    Parameters:',
    '      n.$: "States.MathAdd(1, \'x\')"',
    '    End: true',
    '',
  ].join('\n');
  const r = check(text, 'asl-yaml');
  const path = one(r.findings, 'ASL307');
  assert.deepEqual([path.line, path.column, path.endColumn], [5, 19, 20]);
  const intrinsic = one(r.findings, 'ASL308');
  assert.deepEqual([intrinsic.line, intrinsic.column, intrinsic.endColumn], [7, 31, 34]);
});
