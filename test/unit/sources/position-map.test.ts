// Position maps from an analysed text back to its file: escaped JSON strings, YAML block and quoted
// scalars, substituted placeholders (a range inside a substituted value covers the placeholder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYamlTemplate } from '../../../src/core/sources/templateYaml';
import { alignScalar, PositionMap } from '../../../src/core/sources/positionMap';
import { substitute } from '../../../src/core/sources/textBuilder';
import { propValue, type ScalarNode } from '../../../src/core/parse/ast';

/** Every non-space character of the value maps to the same character in the file. */
function assertAligned(value: string, text: string, map: PositionMap): void {
  for (let i = 0; i < value.length; i++) {
    if (/\s/.test(value[i]!)) continue;
    const at = map.start(i);
    const raw = text.slice(at, map.end(i + 1));
    if (raw.length === 1) assert.equal(raw, value[i], `character ${i} (${value[i]}) mapped to ${raw}`);
    else
      assert.ok(raw.startsWith('\\') || raw === "''", `character ${i} (${value[i]}) mapped to "${raw}", not an escape`);
  }
}

test('a JSON string with escapes', () => {
  const value = 'a "quoted" \\ tab\there \u00e9 end';
  const text = `{"k": ${JSON.stringify(value).replace('é', '\\u00e9')}}`;
  const from = text.indexOf('"', 5);
  const map = alignScalar(value, text, from, text.length - 1);
  assertAligned(value, text, map);
  assert.equal(text.slice(map.start(value.indexOf('é')), map.end(value.indexOf('é') + 1)), '\\u00e9');
});

test('YAML block literal, folded, plain multi-line and single-quoted scalars', () => {
  const text = `a: |-
    {"StartAt": "X",
      "States": {}}
b: >
  folded line one
  and two
c: plain text
  continued
d: 'it''s'
`;
  const root = parseYamlTemplate(text).root;
  for (const key of ['a', 'b', 'c', 'd']) {
    const node = propValue(root, key)!;
    assert.equal(node.kind, 'string');
    const value = (node as ScalarNode).value as string;
    assertAligned(value, text, alignScalar(value, text, node.offset, node.offset + node.length));
  }
});

test('a substituted value maps onto its placeholder; text around it keeps its offsets', () => {
  const text = '{"Next": "${Target}", "Seconds": 5}';
  const out = substitute({ text, map: PositionMap.shifted(text.length, 100) }, (name) =>
    name === 'Target' ? { text: 'SomeLongerName' } : undefined,
  );
  assert.equal(out.text, '{"Next": "SomeLongerName", "Seconds": 5}');
  const inside = out.text.indexOf('Longer');
  assert.deepEqual(out.map.range(inside, 3), { offset: 100 + text.indexOf('${'), length: '${Target}'.length });
  const seconds = out.text.indexOf('Seconds');
  assert.deepEqual(out.map.range(seconds, 7), { offset: 100 + text.indexOf('Seconds'), length: 7 });
});
