// The document rules never throw: structural mutations of valid definitions (the project's examples and
// generated ones, see test/support/seeds; any JSON value put at any node, keys renamed, nodes deleted) always
// come back as findings, never as an internal error (ASL000).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { lint } from '../../../src/core/lint';
import { exampleSeeds, generatedJsonSeeds, GENERATED_COUNT } from '../../support/seeds';

// Seeds from inside the repository: every example (JSON and YAML) and the generated definitions.
const examples = exampleSeeds();
const generated = generatedJsonSeeds();
const seeds: unknown[] = generated.map((s) => JSON.parse(s.text) as unknown);
for (const s of examples)
  try {
    seeds.push(s.languageId === 'asl' ? JSON.parse(s.text) : parseYaml(s.text));
  } catch {
    // an example that is not plain JSON/YAML on purpose (comments, a syntax mistake): skip
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

void test('the generated seeds are valid definitions: no error on any of them', () => {
  assert.equal(generated.length, GENERATED_COUNT);
  const wrong = generated
    .map((s) => ({ name: s.name, errors: lint(s.text).filter((f) => f.severity === 'error') }))
    .filter((r) => r.errors.length)
    .map((r) => `${r.name}: ${r.errors.map((f) => `${f.code} ${f.path} ${f.message}`).join('; ')}`);
  assert.deepEqual(wrong, [], 'a generated seed is invalid (a generator bug, or a rule that flags valid ASL)');
});

void test('document rules never throw on 3,000 structurally mutated definitions', () => {
  assert.ok(seeds.length > 100, `seeds are needed (got ${seeds.length})`);
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
