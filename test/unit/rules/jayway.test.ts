// Issue 14, class 2: JSONPath as the service parses it (Jayway JsonPath). A dot before a bracket, names
// with any non-blank character, filters with quoted literals are accepted in every path-taking place
// (path fields, `.$` values, Choice Variable, intrinsic arguments); what Jayway rejects is reported.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkPath } from '../../../src/core/rules/jsonpath';
import { check, machine, none, one } from './helpers';

const PATH = { kind: 'path' as const, variables: true, context: true };
const REF = { kind: 'reference' as const, variables: true, context: true };

void test('Jayway: a dot before a bracket, in paths and reference paths', () => {
  for (const p of [
    '$.[1]',
    '$.orders.[2].total',
    "$.rows.[*].['left','right']",
    '$.[?(@.size >= 3)]',
    "$.docs.['a b']",
    '$..[0]',
    '$.items.length()',
    '$.a-b.c:d',
    "$.list[?(@.kind == 'x' && !(@.n < 2) || @.tags anyof ['a'])]",
    '$.list[?(@.name =~ /^ab.*/i)]',
    '$.list[?(@.flag)]',
    '$.list[?(!@.flag)]',
    '$.list[?(@.n == -1.5e3)]',
    '$.list[?(@.n in [1, 2])]',
    '$.list[?(@.x == $.limit)]',
    '$.list[?(@.ok == true)]',
    '$.trailing.blank ',
  ])
    assert.equal(checkPath(p, PATH), undefined, p);
  for (const p of ['$.[1]', '$.orders.[2].total', "$.docs.['a b']", '$$.Map.Item.[0]'])
    assert.equal(checkPath(p, REF), undefined, p);
});

void test('Jayway: rejected forms, with where the problem is', () => {
  const cases: Array<[string, RegExp, string]> = [
    ['$.list[?(@.Name==Receipt)]', /quote text/, 'Receipt'],
    ['$.list[?(@.n = 2)]', /not a filter operator/, '='],
    ['$.a b', /blank/, ' '],
    ['$.a.', /field name is expected/, '.'],
    ['$.a...b', /unexpected "\."/, '.'],
    ['$[(@.length-1)]', /not an index/, '[(@.length-1)]'],
    ['$.a[1x]', /cannot appear in an index/, 'x'],
    ["$.a['x'", /not closed/, '['],
    ["$.a['x", /not closed/, "'x"],
    ['$.a[?(@.b > 1]', /not closed/, '('],
    ['$.a[?(@.b > "x)]', /not closed/, '('],
  ];
  for (const [p, message, at] of cases) {
    const problem = checkPath(p, PATH);
    assert.ok(problem, p);
    assert.match(problem.message, message, p);
    assert.equal(p.slice(problem.index, problem.index + problem.length), at, p);
  }
  assert.match(checkPath('$.[*]', REF)?.message ?? '', /reference path/);
  assert.match(checkPath('$.[?(@.a)]', REF)?.message ?? '', /reference path/);
  assert.match(checkPath("$.['a','b']", REF)?.message ?? '', /reference path/);
});

void test('ASL307: the same grammar in ResultSelector, Choice Variable and intrinsic arguments', () => {
  const ok = check(
    machine({
      T: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        ResultSelector: { 'first.$': '$.Payload.[0]', 'pairs.$': "$.[*].['bucket', 'key']" },
        Next: 'C',
      },
      C: {
        Type: 'Choice',
        Choices: [{ Variable: '$.first.[0].state', StringEquals: 'done', Next: 'P' }],
        Default: 'P',
      },
      P: { Type: 'Pass', Parameters: { 'n.$': 'States.ArrayLength($.pairs.[?(@.key)])' }, End: true },
    }),
  );
  none(ok.findings);
  const bad = check(machine({ P: { Type: 'Pass', Parameters: { 'r.$': '$.items[?(@.Name==Receipt)]' }, End: true } }));
  const f = one(bad.findings, 'ASL307');
  assert.equal(f.severity, 'error');
  assert.equal(f.path, '/States/P/Parameters/r.$');
  const badArg = check(
    machine({ P: { Type: 'Pass', Parameters: { 'r.$': 'States.ArrayLength($.a[?(@.b==c)])' }, End: true } }),
  );
  one(badArg.findings, 'ASL308');
});
