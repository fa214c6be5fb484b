// Quick Fixes of the document rules: did-you-mean renames for unknown fields (ASL201), Type (ASL203),
// enum values (ASL211) and state names (ASL101/ASL102), in JSON and YAML. Applying the fix must remove
// the finding and leave a valid document.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/lint';
import type { Finding } from '../../../src/core/findings';
import { machine, render, type Lang } from './helpers';

function applyFix(text: string, f: Finding): string {
  const fix = f.fixes?.[0];
  assert.ok(fix, `${f.code} has no fix: ${f.message}`);
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.offset - a.offset))
    out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

function fixOnce(doc: unknown, code: string, lang: Lang): { before: Finding[]; after: Finding[]; fixed: string } {
  const text = render(doc, lang);
  const before = analyze(text, { languageId: lang, crossingRules: false }).findings;
  const f = before.find((x) => x.code === code);
  assert.ok(f, `no ${code} in ${before.map((x) => x.code).join(', ')}`);
  const fixed = applyFix(text, f);
  return { before, after: analyze(fixed, { languageId: lang, crossingRules: false }).findings, fixed };
}

for (const lang of ['asl', 'asl-yaml'] as const) {
  void test(`${lang}: ASL201 fix renames the misspelled field`, () => {
    const { after, fixed } = fixOnce(
      machine({ T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSecond: 30, End: true } }),
      'ASL201',
      lang,
    );
    assert.deepEqual(after, []);
    assert.match(fixed, /TimeoutSeconds/);
  });

  void test(`${lang}: ASL203 fix corrects the Type`, () => {
    const { after } = fixOnce(machine({ A: { Type: 'Success' } }), 'ASL203', lang);
    assert.deepEqual(after, []);
  });

  void test(`${lang}: ASL102 fix points Next at the closest state`, () => {
    const { after } = fixOnce(
      machine({ A: { Type: 'Pass', Next: 'Finsh' }, Finish: { Type: 'Succeed' } }),
      'ASL102',
      lang,
    );
    assert.deepEqual(after, []);
  });

  void test(`${lang}: ASL211 fix corrects an enum value`, () => {
    const doc = machine({
      T: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Retry: [{ ErrorEquals: ['States.ALL'], JitterStrategy: 'FULLL' }],
        End: true,
      },
    });
    const { after } = fixOnce(doc, 'ASL211', lang);
    assert.deepEqual(after, []);
  });
}

void test('no rename fix when the suggested field is already there', () => {
  const text = render(machine({ P: { Type: 'Pass', InputPath: '$', InputPth: '$', End: true } }));
  const f = analyze(text, { crossingRules: false }).findings.find((x) => x.code === 'ASL201');
  assert.ok(f);
  assert.equal(f.fixes, undefined);
});
