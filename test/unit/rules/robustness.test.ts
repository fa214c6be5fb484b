// The document rules never throw: structural mutations of real definitions (any JSON value put at any
// node, keys renamed, nodes deleted) always come back as findings, never as an internal error (ASL000).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { lint } from '../../../src/core/lint';

const corpusDir = path.resolve(__dirname, '../../../../shared/corpus/asl-validator');
const examplesDir = path.resolve(__dirname, '../../../examples');
const seeds: unknown[] = [];
for (const dir of [corpusDir, examplesDir])
  if (fs.existsSync(dir))
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      try {
        seeds.push(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      } catch {
        // not JSON (comments...): skip
      }
    }

type Json = unknown;
/** All container nodes of a value with their paths. */
function containers(
  v: Json,
  out: Array<Record<string, unknown> | unknown[]> = [],
): Array<Record<string, unknown> | unknown[]> {
  if (v && typeof v === 'object') {
    out.push(v as Record<string, unknown>);
    for (const c of Object.values(v)) containers(c, out);
  }
  return out;
}

const interesting = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '$',
    '$$',
    '$.',
    '$[',
    '{%',
    '%}',
    '{% %}',
    '{% ( %}',
    'States.',
    'States.Format(',
    "States.Array('",
    'arn:',
    '${',
    '',
    'States.ALL',
    'JSONata',
    'JSONPath',
  ),
  fc.constantFrom(null, true, -1, 0, 1e308, 1.5, [], {}, [[]], [{}]),
);

void test('document rules never throw on 3,000 structurally mutated definitions', () => {
  assert.ok(seeds.length > 50, 'corpus seeds are needed');
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: seeds.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('set', 'rename', 'delete'), interesting), {
        minLength: 1,
        maxLength: 5,
      }),
      fc.boolean(),
      (seed, edits, yaml) => {
        const doc = structuredClone(seeds[seed]);
        for (const [at, keyAt, op, value] of edits) {
          const nodes = containers(doc);
          const target = nodes[at % nodes.length]!;
          const keys = Object.keys(target);
          if (!keys.length) continue;
          const key = keys[keyAt % keys.length]!;
          const t = target as Record<string, unknown>;
          if (op === 'set') t[key] = structuredClone(value);
          else if (op === 'delete') delete t[key];
          else if (!Array.isArray(target)) {
            t[typeof value === 'string' ? value : `${key}x`] = t[key];
            delete t[key];
          }
        }
        const text = yaml ? JSON.stringify(doc) : JSON.stringify(doc, null, 1);
        const findings = lint(text, { languageId: yaml ? 'asl-yaml' : 'asl' });
        for (const f of findings) {
          assert.notEqual(f.code, 'ASL000', `internal error: ${f.message}\n${text}`);
          assert.ok(f.line >= 1 && f.column >= 1 && f.message.length > 0);
        }
      },
    ),
    { numRuns: 3000, seed: 20261121 },
  );
});
