// Every source-reading code (SRC0xx) has its section in docs/rules.md, where ruleDocUrl() links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceCodes } from '../../../src/core/sources';

test('docs/rules.md documents every SRC code', () => {
  const text = fs.readFileSync(path.resolve(__dirname, '../../../docs/rules.md'), 'utf8');
  assert.match(text, /^## Source findings$/m);
  for (const code of Object.values(SourceCodes)) assert.match(text, new RegExp(`^### ${code}$`, 'm'));
});
