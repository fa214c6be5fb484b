// The committed catalog against its source, and its size budget.
//
// The source (AWS's Smithy models, aws/api-models-aws, about 130 MB) is not part of this repository, so the
// byte-for-byte regeneration runs only where a copy is present: set API_MODELS_AWS to its git directory or checkout
// (the check regenerates at the commit recorded in catalog.json, so a newer copy still compares like with like).
// Without it those two tests are skipped and say why; everything else here runs from committed files only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import { buildCatalog } from '../../../scripts/catalog/generate';
import { readModels } from '../../../scripts/catalog/modelSource';
import type { CatalogFile } from '../../../src/core/catalog/format';

const ROOT = path.join(__dirname, '..', '..', '..');
const DATA = path.join(ROOT, 'src', 'core', 'catalog', 'data', 'catalog.json');
const committed = (): CatalogFile => JSON.parse(fs.readFileSync(DATA, 'utf8')) as CatalogFile;

const MODELS = process.env.API_MODELS_AWS;
const skip = MODELS && fs.existsSync(MODELS) ? false : 'set API_MODELS_AWS to a copy of aws/api-models-aws to run it';

void test('regenerating from the recorded models commit gives the committed file byte for byte', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-gen-'));
  try {
    const script = path.join(ROOT, 'scripts/catalog/generate.ts');
    const rev = committed().models?.commit ?? 'HEAD';
    execFileSync(process.execPath, ['--import', 'tsx', script, '--models', MODELS!, '--rev', rev, '--out', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const fresh = fs.readFileSync(path.join(dir, 'catalog.json'), 'utf8');
    assert.ok(fresh === fs.readFileSync(DATA, 'utf8'), 'catalog.json is stale: run npm run catalog -- --models <dir>');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

void test('the generator reports no warnings: every documented name has a model, names are unique', { skip }, () => {
  const rev = committed().models?.commit;
  assert.deepEqual(buildCatalog(readModels(MODELS!, rev)).warnings, []);
});

void test('the catalog says which models it was built from (repository, commit, date)', () => {
  const file = committed();
  assert.equal(file.models?.repository, 'aws/api-models-aws');
  assert.match(file.models?.commit ?? '', /^[0-9a-f]{40}$/);
  assert.match(file.models?.date ?? '', /^\d{4}-\d{2}-\d{2}T/);
  assert.ok(file.source.includes(file.models!.commit.slice(0, 12)), file.source);
  assert.ok(file.source.includes(file.models!.date.slice(0, 10)), file.source);
});

void test('the catalog fits the .vsix budget', () => {
  const raw = fs.readFileSync(DATA);
  const zipped = zipSync({ 'extension/dist/catalog/catalog.json': raw }, { level: 9 });
  assert.ok(zipped.length <= 1.5 * 1024 * 1024, `catalog takes ${zipped.length} bytes in the zip`);
  assert.ok(raw.length <= 3 * 1024 * 1024, `catalog.json is ${raw.length} bytes`);
});
