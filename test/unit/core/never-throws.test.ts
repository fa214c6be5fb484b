// Property test: mutated and truncated definitions (seeds: examples/ and test/support/seeds) always come
// back as findings, never exceptions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint } from '../../../src/core/lint';
import { allSeeds } from '../../support/seeds';

// Seeds from inside the repository: the examples and the generated definitions, in JSON and YAML.
const seeds: string[] = allSeeds().map((s) => s.text);
seeds.push('{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}');

const mutation = fc.record({
  seed: fc.integer({ min: 0, max: seeds.length - 1 }),
  cut: fc.nat(),
  edits: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 6 })), { maxLength: 4 }),
  yaml: fc.boolean(),
});

test('lint never throws on 10,000 mutated and truncated definitions', () => {
  assert.ok(seeds.length > 200, `seeds are needed (got ${seeds.length})`);
  let runs = 0;
  fc.assert(
    fc.property(mutation, ({ seed, cut, edits, yaml }) => {
      let text = seeds[seed]!;
      for (const [at, del, ins] of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + ins + text.slice(i + del);
      }
      text = text.slice(0, cut % (text.length + 1) || text.length);
      const findings = lint(text, { languageId: yaml ? 'asl-yaml' : 'asl' });
      runs++;
      assert.ok(Array.isArray(findings));
      for (const f of findings) {
        assert.ok(f.line >= 1 && f.column >= 1 && typeof f.code === 'string' && f.message.length > 0);
        assert.notEqual(f.code, 'ASL000', `internal error: ${f.message}`);
      }
    }),
    { numRuns: 10_000, seed: 20261121 },
  );
  assert.equal(runs, 10_000);
});

test('lint never throws on arbitrary strings', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), fc.boolean(), (text, yaml) => {
      const findings = lint(text, { languageId: yaml ? 'asl-yaml' : 'asl' });
      assert.ok(
        findings.every((f) => f.code !== 'ASL000'),
        JSON.stringify(findings),
      );
    }),
    { numRuns: 2000, seed: 7 },
  );
});
