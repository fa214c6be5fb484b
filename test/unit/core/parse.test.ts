// Named bad inputs: each gives one clear parse finding and never an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint';

const valid = '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}';

const cases: Array<{ name: string; text: string; languageId?: 'asl' | 'asl-yaml'; code: string; maxSize?: number }> = [
  { name: 'empty file', text: '', code: 'ASL009' },
  { name: 'whitespace only', text: '  \n\t', code: 'ASL009' },
  { name: 'truncated JSON', text: valid.slice(0, 30), code: 'ASL001' },
  { name: 'line comment', text: '// hi\n' + valid, code: 'ASL002' },
  { name: 'block comment', text: valid.replace('{"StartAt"', '{/* c */"StartAt"'), code: 'ASL002' },
  { name: 'trailing comma', text: valid.replace('"End":true}', '"End":true,}'), code: 'ASL003' },
  { name: 'duplicate keys', text: valid.replace('"Type":"Pass"', '"Type":"Pass","Type":"Pass"'), code: 'ASL004' },
  { name: 'BOM', text: '\uFEFF' + valid, code: 'ASL005' },
  { name: 'array root', text: '[' + valid + ']', code: 'ASL006' },
  { name: 'string root', text: '"StartAt"', code: 'ASL006' },
  { name: '5,000-deep nesting', text: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000), code: 'ASL007' },
  { name: '5,000-deep arrays', text: '['.repeat(5000), code: 'ASL007' },
  { name: 'over the size limit', text: valid + ' '.repeat(2000), code: 'ASL008', maxSize: 1000 },
  { name: 'YAML syntax error', text: 'StartAt: A\nStates:\n  A: [unclosed', languageId: 'asl-yaml', code: 'ASL001' },
  { name: 'YAML duplicate keys', text: 'StartAt: A\nStartAt: B\nStates: {}', languageId: 'asl-yaml', code: 'ASL004' },
  { name: 'YAML scalar root', text: 'just text', languageId: 'asl-yaml', code: 'ASL006' },
];

for (const c of cases) {
  test(`bad input: ${c.name} gives ${c.code}`, () => {
    const findings = lint(c.text, { languageId: c.languageId, maxSize: c.maxSize });
    const parse = findings.filter((f) => f.code === c.code);
    assert.equal(parse.length >= 1, true, `expected ${c.code}, got ${JSON.stringify(findings.map((f) => f.code))}`);
    const first = parse[0]!;
    assert.ok(first.message.length > 20, 'message says what is wrong');
    assert.ok(first.line >= 1 && first.column >= 1);
  });
}

test('the comment finding covers exactly the comment', () => {
  const text = '{/* c */"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}';
  const f = lint(text).find((x) => x.code === 'ASL002')!;
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [1, 2, 1, 9]);
});

test('the duplicate-key finding points at the second key and names its path', () => {
  const text = '{\n "StartAt": "A",\n "StartAt": "B",\n "States": {"A": {"Type": "Pass", "End": true}}\n}';
  const f = lint(text).find((x) => x.code === 'ASL004')!;
  assert.equal(f.line, 3);
  assert.equal(f.path, '/StartAt');
});

test('JSON pointers escape ~ and / in state names', () => {
  const text = '{"StartAt":"a/b~c","States":{"a/b~c":{"Type":"Pass","End":true,"Bogus":1}}}';
  const paths = lint(text).map((f) => f.path);
  assert.ok(paths.includes('/States/a~1b~0c/Bogus'), JSON.stringify(paths));
});

test('YAML positions are 1-based lines of the YAML text', () => {
  const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n    End: true\n';
  const f = lint(text, { languageId: 'asl-yaml' }).find((x) => x.code === 'ASL004')!;
  assert.deepEqual([f.line, f.column, f.path], [6, 5, '/States/A/End']);
});
