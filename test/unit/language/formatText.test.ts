// The formatter's text functions: JSON and YAML keep key order and comments, a broken YAML document is
// left alone, range formatting touches only the lines asked for, and lineEdits always rebuilds the target.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatJson, formatYaml, lineEdits, type TextEdit } from '../../../src/extension/language/formatText';

const options = { tabSize: 2, insertSpaces: true, eol: '\n' as const };

function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((x, y) => y.offset - x.offset))
    out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return out;
}

test('JSON: reindents, keeps key order and comments', () => {
  const text = '{"StartAt":"B",\n// the first state\n"States":{"B":{"Type":"Pass","End":true}}}\n';
  const out = apply(text, formatJson(text, options));
  assert.equal(
    out,
    '{\n  "StartAt": "B",\n  // the first state\n  "States": {\n    "B": {\n      "Type": "Pass",\n      "End": true\n    }\n  }\n}\n',
  );
});

test('JSON: range formatting changes only the selected part', () => {
  const text = '{"StartAt":"B",\n"States":{"B":{"Type":"Pass","End":true}}}';
  const at = text.indexOf('{"Type"');
  const out = apply(text, formatJson(text, options, { offset: at, length: text.indexOf('}}}') + 1 - at }));
  assert.ok(out.startsWith('{"StartAt":"B",\n"States":{'), out);
  assert.match(out, /"Type": "Pass",/);
});

test('YAML: reindents, keeps comments, quotes, key order and block scalars', () => {
  const text = [
    '# machine',
    'StartAt:   A   # first',
    'States:',
    '    A:',
    '        Type: Pass',
    '        Parameters: {a: 1, "b.$": \'$.x\'}',
    '        Result: |',
    '          two',
    '          lines',
    '        End: true',
    '',
  ].join('\n');
  const out = apply(text, formatYaml(text, options));
  assert.equal(
    out,
    [
      '# machine',
      'StartAt: A # first',
      'States:',
      '  A:',
      '    Type: Pass',
      '    Parameters: { a: 1, "b.$": \'$.x\' }',
      '    Result: |',
      '      two',
      '      lines',
      '    End: true',
      '',
    ].join('\n'),
  );
});

test('YAML: a document with a syntax error is not rewritten', () => {
  assert.deepEqual(formatYaml('StartAt: A\nStates:\n  A: [unclosed\n', options), []);
});

test('YAML: range formatting keeps the lines outside the range', () => {
  const text = 'StartAt:    A\nStates:\n  A:\n    Type:    Pass\n    End: true\n';
  const at = text.indexOf('Type');
  const out = apply(text, formatYaml(text, options, { offset: at, length: 4 }));
  assert.equal(out, 'StartAt:    A\nStates:\n  A:\n    Type: Pass\n    End: true\n');
});

test('lineEdits turns any text into any other, line by line', () => {
  const line = fc.constantFrom('a', 'b', 'c', '', '  x');
  const text = fc.array(line, { maxLength: 8 }).map((l) => l.join('\n'));
  fc.assert(
    fc.property(text, text, (before, after) => {
      assert.equal(apply(before, lineEdits(before, after, '\n')), after);
    }),
    { numRuns: 2000 },
  );
});
