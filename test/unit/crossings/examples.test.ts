// examples/ demonstrates every crossing rule documented in docs/rules.md, and crossing-valid is clean.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/lint';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const examples = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.startsWith('crossing-'));
const lang = (f: string) => (/\.ya?ml$/.test(f) ? 'asl-yaml' : 'asl');
const findingsOf = (f: string) =>
  analyze(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'), { languageId: lang(f) }).findings;

void test('every documented crossing code is demonstrated by an example, and every reported code is documented', () => {
  const docs = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
  const documented = new Set([...docs.matchAll(/^### (XC\d{3})$/gm)].map((m) => m[1]!));
  assert.ok(documented.size >= 40, `docs list ${documented.size} crossing codes`);
  const seen = new Set(examples.flatMap((f) => findingsOf(f).map((x) => x.code)).filter((c) => c.startsWith('XC')));
  assert.deepEqual(
    [...documented].filter((c) => !seen.has(c)),
    [],
    'documented but not demonstrated',
  );
  assert.deepEqual(
    [...seen].filter((c) => !documented.has(c)),
    [],
    'reported but not documented',
  );
});

void test('crossing-valid has no finding at all (document rules included)', () => {
  assert.deepEqual(
    findingsOf('crossing-valid.asl.json').map((f) => `${f.code} ${f.message}`),
    [],
  );
});

void test('in the per-rule examples each state named after a code reports that code', () => {
  for (const f of examples.filter((x) => /crossing-(credentials|apigateway|http|invoker|aws-sdk)\./.test(x))) {
    for (const finding of findingsOf(f).filter((x) => x.code.startsWith('XC'))) {
      const state = decodeURIComponent(finding.path.split('/')[2] ?? '');
      assert.ok(
        state.startsWith(finding.code) || (finding.code === 'XC405' && state.startsWith('XC406')),
        `${f}: ${finding.code} reported in "${state}"`,
      );
    }
  }
});
