// The strict fast path and jsonc-parser's tolerant path must build the same tree for valid JSON,
// and the fast path must give up on anything Step Functions would reject.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { pointerOf, type AstNode } from '../../../src/core/parse/ast';
import { parseWithRecovery } from '../../../src/core/parse/json';
import { parseStrictJson } from '../../../src/core/parse/strictJson';
import { exampleSeeds, generatedJsonSeeds } from '../../support/seeds';

function shape(node: AstNode | undefined): unknown {
  if (!node) return undefined;
  const base = { kind: node.kind, offset: node.offset, length: node.length, pointer: pointerOf(node) };
  if (node.kind === 'object')
    return { ...base, props: node.properties.map((p) => [p.key, p.keyOffset, p.keyLength, shape(p.value)]) };
  if (node.kind === 'array') return { ...base, items: node.items.map(shape) };
  return { ...base, value: node.value };
}

// The JSON examples as written, and the generated definitions in four layouts (compact, 2 spaces, tab, 4 spaces)
// with escapes and non-ASCII state names.
const definitions = [...exampleSeeds().filter((s) => s.languageId === 'asl'), ...generatedJsonSeeds()];

test('same tree as jsonc-parser on every example and generated definition', () => {
  assert.ok(definitions.length > 100, `definitions present (got ${definitions.length})`);
  let compared = 0;
  for (const { name, text } of definitions) {
    const fast = parseStrictJson(text);
    const slow = parseWithRecovery(text);
    if (slow.problems.some((p) => p.code !== 'ASL004')) continue;
    assert.ok(fast, `${name}: the fast path gave up on valid JSON`);
    assert.deepEqual(shape(fast.root), shape(slow.root), name);
    assert.deepEqual(fast.problems, slow.problems, name);
    compared++;
  }
  assert.ok(compared > 100, `only ${compared} definitions were valid JSON`);
});

test('same tree as jsonc-parser on generated JSON values', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, pretty) => {
      const text = JSON.stringify(value, null, pretty ? 2 : undefined);
      const fast = parseStrictJson(text);
      assert.ok(fast, text);
      assert.deepEqual(shape(fast.root), shape(parseWithRecovery(text).root));
    }),
    { numRuns: 2000, seed: 42 },
  );
});

// Objects written member by member from a three-key alphabet, nested: duplicate keys in the same
// object, in nested objects and in siblings, which JSON.stringify of a JavaScript value never produces.
type Tree = string | number | [string, Tree][];
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Tree>(1, 'x', '\\"', 'a\\u0062'),
    fc.array(fc.tuple(fc.constantFrom('a', 'b', '\\u0061', 'c'), tie('node')), { maxLength: 5 }),
  ),
})).node;
const write = (t: Tree): string =>
  Array.isArray(t)
    ? `{${t.map(([k, v]) => `"${k}": ${write(v)}`).join(', ')}}`
    : typeof t === 'number'
      ? '1'
      : `"${t}"`;

test('reports the same duplicate keys as jsonc-parser, nested or not', () => {
  fc.assert(
    fc.property(tree, (t) => {
      const text = write(t);
      const fast = parseStrictJson(text);
      assert.ok(fast, text);
      assert.deepEqual(fast.problems, parseWithRecovery(text).problems, text);
    }),
    { numRuns: 3000, seed: 7 },
  );
  const named = parseStrictJson('{"a": {"a": 1}, "a": 2, "b": {"b": {"b": 1}, "c": 1}}')!;
  assert.deepEqual(
    named.problems.map((p) => p.path),
    ['/a'],
  );
});

test('gives up on what Step Functions rejects', () => {
  for (const text of [
    '{"a":1,}',
    '[1,]',
    '{/*c*/}',
    '// c\n{}',
    '{"a":01}',
    '{"a":1}x',
    "{'a':1}",
    '{"a":"\u0001"}',
    '{"a":tru}',
    '',
    '{"a":"\\x"}',
  ]) {
    assert.equal(parseStrictJson(text), undefined, text);
  }
});
