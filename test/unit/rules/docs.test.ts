// Every document-rule code has its section in docs/rules.md (heading `### ASL101 ...`, anchor #asl101),
// and every code the rules report is a known one.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentCodes, documentCodeTitles } from '../../../src/core/rules/codes';

const rulesDoc = path.resolve(__dirname, '../../../docs/rules.md');

void test('docs/rules.md has a "Document rules" section with one heading per code', () => {
  const text = fs.readFileSync(rulesDoc, 'utf8');
  assert.match(text, /^# Rules$/m);
  assert.match(text, /^## Document rules$/m);
  for (const code of Object.values(DocumentCodes)) {
    assert.match(text, new RegExp(`^### ${code}\\b`, 'm'), `docs/rules.md lacks "### ${code}"`);
    assert.ok(documentCodeTitles[code], `no title for ${code}`);
  }
});

void test('codes are unique and follow the ASL1xx/2xx/3xx scheme', () => {
  const codes = Object.values(DocumentCodes);
  assert.equal(new Set(codes).size, codes.length);
  for (const c of codes) assert.match(c, /^ASL[123]\d\d$/);
});
