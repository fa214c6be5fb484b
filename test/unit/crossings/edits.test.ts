// Text edits behind the fixes: formatting follows the document (indent, CRLF, YAML block vs flow).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { applyEdits, TextEditor } from '../../../src/core/crossings/edits';
import { parseDefinition } from '../../../src/core/parse';
import { type ObjectNode, prop } from '../../../src/core/parse/ast';

function rootOf(text: string, lang: 'asl' | 'asl-yaml') {
  return parseDefinition(text, { languageId: lang }).root as ObjectNode;
}

void test('JSON: insert keeps the indentation and CRLF line ends; remove handles first, middle and last', () => {
  const text = '{\r\n    "A": 1,\r\n    "B": {\r\n        "C": 2\r\n    }\r\n}';
  const root = rootOf(text, 'asl');
  const e = new TextEditor(text, 'asl');
  const out = applyEdits(text, [e.insertProperty(root, 'D', { x: [1] })!]);
  assert.equal(
    out,
    '{\r\n    "A": 1,\r\n    "B": {\r\n        "C": 2\r\n    },\r\n    "D": {\r\n        "x": [\r\n            1\r\n        ]\r\n    }\r\n}',
  );
  for (const key of ['A', 'B']) {
    const removed = applyEdits(text, [e.removeProperty(root, prop(root, key)!)!]);
    assert.deepEqual(Object.keys(JSON.parse(removed)), key === 'A' ? ['B'] : ['A']);
  }
});

void test('YAML: block insert/remove/replace keep valid YAML; flow maps get JSON text', () => {
  const text = 'A: 1\nB:\n  C: 2 # note\n  D: [1, 2]\nE: {f: 1, g: 2}\n';
  const root = rootOf(text, 'asl-yaml');
  const e = new TextEditor(text, 'asl-yaml');
  const b = prop(root, 'B')!.value as ObjectNode;
  const inserted = applyEdits(text, [e.insertProperty(b, 'Z', { y: ['v'] })!]);
  assert.deepEqual(parseYaml(inserted).B, { C: 2, D: [1, 2], Z: { y: ['v'] } });
  const removed = applyEdits(text, [e.removeProperty(b, prop(b, 'C')!)!]);
  assert.deepEqual(parseYaml(removed).B, { D: [1, 2] });
  const flow = prop(root, 'E')!.value as ObjectNode;
  assert.deepEqual(parseYaml(applyEdits(text, [e.removeProperty(flow, prop(flow, 'g')!)!])).E, { f: 1 });
  assert.deepEqual(parseYaml(applyEdits(text, [e.insertProperty(flow, 'h', 'x')!])).E, { f: 1, g: 2, h: 'x' });
  const replaced = applyEdits(text, [e.replace(b, { Q: { R: 1 } })]);
  assert.deepEqual(parseYaml(replaced), { A: 1, B: { Q: { R: 1 } }, E: { f: 1, g: 2 } });
  assert.deepEqual(parseYaml(applyEdits(text, e.wrapInArray(prop(root, 'A')!.value))).A, [1]);
});
