// The invoker's output conversion under Step Functions' payload limit: a stream without a declared length is read
// only until the limit is passed (then destroyed), a declared length over the limit is refused before reading.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { ResultTooLargeError, toPlainLimited } from '../../../src/invoker/output';

const LIMIT = 256 * 1024;

/** An endless stream of 16 KiB chunks that counts what was pulled from it. */
function endless(): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  const chunk = Buffer.alloc(16 * 1024, 'x');
  const stream = new Readable({
    read() {
      pulled += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

void test('an unbounded stream is read only until the limit is passed, then destroyed', async () => {
  const { stream, pulled } = endless();
  await assert.rejects(toPlainLimited({ Body: stream }, LIMIT), (e: unknown) => {
    assert.ok(e instanceof ResultTooLargeError);
    assert.ok(e.seen > LIMIT && e.seen <= LIMIT + 16 * 1024, `counted ${e.seen}`);
    return true;
  });
  assert.equal(stream.destroyed, true);
  // The stream's own read-ahead (highWaterMark) is all that was pulled beyond the limit.
  assert.ok(pulled() < LIMIT + 128 * 1024, `pulled ${pulled()}`);
});

void test('a declared ContentLength over the limit is refused before any byte is read', async () => {
  const { stream, pulled } = endless();
  await assert.rejects(toPlainLimited({ ContentLength: 20 * 1024 * 1024, Body: stream }, LIMIT), (e: unknown) => {
    assert.ok(e instanceof ResultTooLargeError);
    assert.equal(e.declared, 20 * 1024 * 1024);
    return true;
  });
  assert.equal(pulled(), 0);
});

void test('many small members add up: the JSON size of the whole result counts', async () => {
  const items = Array.from({ length: 3000 }, (_, i) => ({ id: `item-${i}`, text: 'y'.repeat(100) }));
  await assert.rejects(toPlainLimited({ Items: items }, LIMIT), ResultTooLargeError);
  const fits = (await toPlainLimited({ Items: items.slice(0, 100), $metadata: { httpStatusCode: 200 } }, LIMIT)) as {
    Items: unknown[];
  };
  assert.equal(fits.Items.length, 100);
  assert.equal('$metadata' in fits, false);
});

void test('binary members count their bytes', async () => {
  await assert.rejects(toPlainLimited({ Payload: new Uint8Array(LIMIT + 1) }, LIMIT), ResultTooLargeError);
  assert.deepEqual(await toPlainLimited({ Payload: new TextEncoder().encode('{"a":1}') }, LIMIT), {
    Payload: { a: 1 },
  });
});
