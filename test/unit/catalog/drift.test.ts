// The committed catalog is exactly what the generator produces from the installed API models, and it fits the
// size budget of the .vsix (at most 1.5 MB compressed inside the zip).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import { buildCatalog } from '../../../scripts/catalog/generate';

const ROOT = path.join(__dirname, '..', '..', '..');
const DATA = path.join(ROOT, 'src', 'core', 'catalog', 'data', 'catalog.json');

void test('regenerating into a temporary folder gives the committed file byte for byte', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-gen-'));
  try {
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/catalog/generate.ts'), '--out', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const fresh = fs.readFileSync(path.join(dir, 'catalog.json'), 'utf8');
    assert.ok(
      fresh === fs.readFileSync(DATA, 'utf8'),
      'src/core/catalog/data/catalog.json is stale: run npm run catalog',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

void test('the generator reports no warnings: every documented name has a model, names are unique', () => {
  assert.deepEqual(buildCatalog().warnings, []);
});

void test('the catalog fits the .vsix budget', () => {
  const raw = fs.readFileSync(DATA);
  const zipped = zipSync({ 'extension/dist/catalog/catalog.json': raw }, { level: 9 });
  assert.ok(zipped.length <= 1.5 * 1024 * 1024, `catalog takes ${zipped.length} bytes in the zip`);
  assert.ok(raw.length <= 3 * 1024 * 1024, `catalog.json is ${raw.length} bytes`);
});
