// Offsets to positions for every line-ending style.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../src/core/parse/lineIndex';

function naive(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

test('positions agree with a naive count for \\n, \\r\\n and \\r', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('a', 'b', '\n', '\r', '\r\n', 'é'), { maxLength: 60 }),
      fc.nat(),
      (parts, at) => {
        const text = parts.join('');
        const offset = at % (text.length + 1);
        // An offset between \r and \n belongs to the line the \r ends.
        if (text[offset - 1] === '\r' && text[offset] === '\n') return;
        assert.deepEqual(new LineIndex(text).positionAt(offset), naive(text, offset));
      },
    ),
    { numRuns: 3000, seed: 3 },
  );
});

test('offsetAt inverts positionAt', () => {
  const text = 'ab\r\ncd\ne\rf';
  const idx = new LineIndex(text);
  for (let o = 0; o <= text.length; o++) {
    if (text[o - 1] === '\r' && text[o] === '\n') continue;
    assert.equal(idx.offsetAt(idx.positionAt(o)), o);
  }
  assert.equal(idx.lineCount, 4);
});
