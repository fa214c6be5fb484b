// The bundled examples of the document rules (`npm run demo` lints examples/): the valid order
// pipeline lints clean with every rule, the broken ones show the mistakes they were written for.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../../src/core/lint';

const examples = path.resolve(__dirname, '../../../examples');
const read = (name: string): string => fs.readFileSync(path.join(examples, name), 'utf8');

void test('examples/order-pipeline.asl.json has no findings at all', () => {
  assert.deepEqual(lint(read('order-pipeline.asl.json')), []);
});

void test('examples/order-pipeline-broken.asl.json shows its eleven JSONPath mistakes', () => {
  const codes = lint(read('order-pipeline-broken.asl.json'))
    .filter((f) => f.code.startsWith('ASL'))
    .map((f) => f.code)
    .sort();
  assert.deepEqual(codes, [
    'ASL102',
    'ASL102',
    'ASL103',
    'ASL104',
    'ASL108',
    'ASL108',
    'ASL201',
    'ASL208',
    'ASL209',
    'ASL308',
    'ASL309',
  ]);
});

void test('examples/inventory-sync-jsonata-broken.asl.yaml shows its QueryLanguage mistakes', () => {
  const codes = lint(read('inventory-sync-jsonata-broken.asl.yaml'), { languageId: 'asl-yaml' })
    .filter((f) => f.code.startsWith('ASL'))
    .map((f) => f.code)
    .sort();
  assert.deepEqual(codes, ['ASL204', 'ASL207', 'ASL301', 'ASL301', 'ASL303', 'ASL304', 'ASL305', 'ASL306']);
});
