// The JSONPath and intrinsic-function checkers on their own: accepted and rejected forms, and the
// index of the problem inside the string.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkPath } from '../../../src/core/rules/jsonpath';
import { checkIntrinsic } from '../../../src/core/rules/intrinsics';
import { checkJsonataString } from '../../../src/core/rules/jsonataCheck';
import fc from 'fast-check';

const PATH = { kind: 'path' as const, variables: true, context: true };
const REF = { kind: 'reference' as const, variables: true, context: true };

void test('paths: accepted', () => {
  for (const p of [
    '$',
    '$$',
    '$.a',
    '$.a.b[0]',
    "$['a b'].c",
    '$.a[-2]',
    '$.a[1:]',
    '$.a[0,1]',
    '$..a',
    '$.a.*',
    '$.a[?(@.b == "x]")]',
    '$v',
    '$v.a',
    '$$.Map.Item.Value',
  ])
    assert.equal(checkPath(p, PATH), undefined, p);
  for (const p of ['$', '$.a', '$.a[0]', "$['a']", '$$.Execution.Id', '$v.a'])
    assert.equal(checkPath(p, REF), undefined, p);
});

void test('paths: rejected, with the index of the problem', () => {
  assert.deepEqual(checkPath('a.b', PATH), { message: 'a path must start with "$"', index: 0, length: 3 });
  assert.equal(checkPath('$...', PATH)?.index, 3);
  assert.equal(checkPath('$.a[', PATH)?.index, 3);
  assert.equal(checkPath('$.a[]', PATH)?.message, 'empty "[]"');
  assert.match(checkPath('$.a[*]', REF)?.message ?? '', /reference path/);
  assert.match(checkPath('$..a', REF)?.message ?? '', /deep scan/);
  assert.match(checkPath('$v', { kind: 'reference', variables: false, context: false })?.message ?? '', /variable/);
});

void test('intrinsics: accepted and rejected', () => {
  for (const s of [
    'States.UUID()',
    "States.Format('a {} b', $.x)",
    "States.Format('it\\'s {}', $.x)",
    'States.Array()',
    'States.MathRandom(1, 10, $.seed)',
    "States.ArrayGetItem($.a[?(@.k == 'v')].x, 0)",
  ])
    assert.equal(checkIntrinsic(s), undefined, s);
  assert.match(checkIntrinsic('States.MathAdd(1, 2.5)')?.message ?? '', /integer/);
  assert.match(checkIntrinsic('States.JsonMerge($.a, $.b, 1)')?.message ?? '', /boolean/);
  assert.match(checkIntrinsic('States.UUID() x')?.message ?? '', /after the intrinsic/);
  assert.match(checkIntrinsic('States.Format("x")')?.message ?? '', /single quotes/);
  assert.equal(checkIntrinsic("States.Format('x', bad)")?.index, 19);
});

void test('jsonata strings: delimiters and syntax errors with positions', () => {
  assert.equal(checkJsonataString('plain'), undefined);
  assert.equal(checkJsonataString('{% $a.b %}'), undefined);
  assert.equal(checkJsonataString('{% 1 +  %}')?.kind, 'syntax');
  assert.equal(checkJsonataString('{%1%}'), undefined);
  assert.equal(checkJsonataString('{%1 +%}')?.kind, 'syntax');
  const p = checkJsonataString('{% $.x[?(@.y)] %}');
  assert.equal(p?.kind, 'syntax');
  assert.equal('{% $.x[?(@.y)] %}'[p!.index], '?');
});

void test('the checkers never throw and keep problem ranges inside the string', () => {
  const alphabet = fc.constantFrom(...'$.[]()\'",:?@*States.Format MathAdd 0123-{}%\\ab'.split(''));
  const text = fc.oneof(
    fc.string(),
    fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
    fc.array(alphabet, { maxLength: 40 }).map((a) => `States.${a.join('')}`),
    fc.array(alphabet, { maxLength: 40 }).map((a) => `{% ${a.join('')} %}`),
  );
  fc.assert(
    fc.property(text, fc.boolean(), (s, ref) => {
      for (const p of [
        checkPath(s, ref ? REF : PATH),
        s.startsWith('States.') ? checkIntrinsic(s) : undefined,
        checkJsonataString(s),
      ]) {
        if (!p) continue;
        assert.ok(p.index >= 0 && p.index <= Math.max(0, s.length - 1), `${JSON.stringify(s)}: index ${p.index}`);
        assert.ok(p.length >= 1 && p.message.length > 0);
      }
    }),
    { numRuns: 5000, seed: 7 },
  );
});
