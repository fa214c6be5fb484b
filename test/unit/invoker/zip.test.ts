// The invoker package: a deterministic zip (same input -> same bytes -> same CodeSha256), small, that the
// Lambda runtime can load (index.js exporting handler, no bundled AWS SDK).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { bundleInvoker, zipInvokerCode } from './buildInvoker';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

void test('building and zipping twice gives the same bytes', async () => {
  const a = zipInvokerCode(await bundleInvoker());
  const b = zipInvokerCode(await bundleInvoker());
  assert.equal(sha256(a), sha256(b));
});

void test('the zip does not depend on the time zone or the clock', async () => {
  const code = await bundleInvoker();
  const before = sha256(zipInvokerCode(code));
  const tz = process.env.TZ;
  try {
    process.env.TZ = 'Pacific/Kiritimati';
    assert.equal(sha256(zipInvokerCode(code)), before);
    process.env.TZ = 'America/Los_Angeles';
    assert.equal(sha256(zipInvokerCode(code)), before);
  } finally {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
});

void test('the zip holds only index.js, stays at most 20 KB, and does not bundle the AWS SDK', async () => {
  const zip = zipInvokerCode(await bundleInvoker());
  assert.ok(zip.length <= 20 * 1024, `invoker.zip is ${zip.length} bytes`);
  const files = unzipSync(zip);
  assert.deepEqual(Object.keys(files), ['index.js']);
  const code = Buffer.from(files['index.js']!).toString('utf8');
  assert.doesNotMatch(code, /SignatureV4|@smithy\/core/);
});

void test('the unzipped bundle loads under plain Node and exports handler', async () => {
  const files = unzipSync(zipInvokerCode(await bundleInvoker()));
  const dir = mkdtempSync(join(tmpdir(), 'invoker-'));
  writeFileSync(join(dir, 'index.js'), files['index.js']!);
  const mod = (await import(join(dir, 'index.js'))) as { handler?: unknown; default?: { handler?: unknown } };
  const handler = (mod.handler ?? mod.default?.handler) as (e: unknown) => Promise<unknown>;
  assert.equal(typeof handler, 'function');
  await assert.rejects(handler({ service: 's3' }), { name: 'Invoker.InvalidInput' });
  await assert.rejects(handler({ service: 's3', action: 'getObject', region: 'eu-west-1' }), {
    name: 'Invoker.CallNotAllowed',
  });
});
