// Lazy loading: nothing is read at import, the file is read once, bundles find dist/catalog/catalog.json, and a
// missing file is reported instead of thrown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import {
  allServices,
  catalogAvailable,
  catalogStatus,
  configureCatalog,
  findOperation,
  findService,
  suggestService,
} from '../../../src/core/catalog/index';
import { serializeCatalog } from '../../../src/core/catalog/format';

const ROOT = path.join(__dirname, '..', '..', '..');
const DATA = path.join(ROOT, 'src', 'core', 'catalog', 'data', 'catalog.json');

void test('the catalog is read on the first query only, from src/core/catalog/data under tsx', () => {
  assert.equal(catalogStatus().loads, 0, 'importing the module must not read the file');
  assert.equal(findService('s3')?.v3, 's3');
  assert.equal(catalogStatus().loads, 1);
  findService('sfn');
  findOperation('s3', 'getObject');
  suggestService('lamda');
  allServices();
  assert.equal(catalogStatus().loads, 1);
  assert.equal(catalogStatus().path, DATA);
  assert.equal(catalogAvailable(), true);
});

void test('configureCatalog loads given text, once, and a missing file is reported, not thrown', () => {
  const tiny = serializeCatalog({
    format: 1,
    source: 'test',
    services: [['demo', 'demo', 'demo-iam', 'Demo', 'Demo', '2024-01-01', 'demo', '', 0, ['DoThing !Name:s Count:i']]],
  });
  try {
    configureCatalog({ text: tiny });
    assert.equal(catalogStatus().loads, 0);
    assert.deepEqual(findOperation('demo', 'doThing')?.required, ['Name']);
    assert.equal(findService('s3'), undefined);
    assert.equal(allServices().length, 1);
    assert.equal(catalogStatus().loads, 1);

    configureCatalog({ path: path.join(os.tmpdir(), 'no-such-dir', 'catalog.json') });
    assert.equal(findService('s3'), undefined);
    assert.equal(catalogAvailable(), false);
    assert.match(catalogStatus().error ?? '', /not found/);

    configureCatalog({ text: '{"format":99,"services":[]}' });
    assert.equal(catalogAvailable(), false);
    assert.match(catalogStatus().error ?? '', /format 1/);
  } finally {
    configureCatalog({});
  }
  assert.equal(findService('s3')?.v3, 's3');
});

void test('a bundle reads catalog.json from the catalog/ folder next to it (dist layout)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-bundle-'));
  try {
    const entry = path.join(dir, 'entry.ts');
    fs.writeFileSync(
      entry,
      `import { findService, findOperation, catalogStatus } from ${JSON.stringify(path.join(ROOT, 'src/core/catalog/index'))};\n` +
        `const op = findOperation('states', 'startExecution');\n` +
        `console.log(JSON.stringify({ v3: findService('cloudwatchlogs')?.v3, op: op?.name, status: catalogStatus() }));\n`,
    );
    await esbuild.build({
      entryPoints: [entry],
      outfile: path.join(dir, 'bundle.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
    });
    fs.mkdirSync(path.join(dir, 'catalog'));
    fs.copyFileSync(DATA, path.join(dir, 'catalog', 'catalog.json'));
    const out = JSON.parse(execFileSync(process.execPath, [path.join(dir, 'bundle.js')], { encoding: 'utf8' })) as {
      v3: string;
      op: string;
      status: { loads: number; path: string };
    };
    assert.equal(out.v3, 'cloudwatch-logs');
    assert.equal(out.op, 'StartExecution');
    assert.equal(out.status.loads, 1);
    assert.equal(out.status.path, path.join(dir, 'catalog', 'catalog.json'));
    const bundleSize = fs.statSync(path.join(dir, 'bundle.js')).size;
    assert.ok(bundleSize < 100_000, `the data must not be inlined into bundles (${bundleSize} bytes)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

void test('build/copy-catalog.js copies the data to dist/catalog/catalog.json', async () => {
  const copy = (await import(path.join(ROOT, 'build', 'copy-catalog.js'))) as { default: () => Promise<void> };
  await copy.default();
  const target = path.join(ROOT, 'dist', 'catalog', 'catalog.json');
  assert.equal(fs.readFileSync(target, 'utf8'), fs.readFileSync(DATA, 'utf8'));
});
