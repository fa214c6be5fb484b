// Every Quick Fix the crossing rules offer on the examples, in JSON, YAML and CRLF JSON: applying it keeps the
// document parseable and removes (at least) one finding of the code it fixes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { analyze } from '../../../src/core/lint';
import { applyEdits } from '../../../src/core/crossings/edits';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
type Lang = 'asl' | 'asl-yaml';

function variants(file: string): Array<[string, string, Lang]> {
  const raw = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
  if (/\.ya?ml$/.test(file))
    return [
      ['yaml', raw, 'asl-yaml'],
      ['json', JSON.stringify(parse(raw), null, 2), 'asl'],
    ];
  return [
    ['json', raw, 'asl'],
    ['yaml', stringify(JSON.parse(raw)), 'asl-yaml'],
    ['crlf json', raw.replace(/\n/g, '\r\n'), 'asl'],
  ];
}

const files = fs.readdirSync(EXAMPLES).filter((f) => f.startsWith('crossing-') || f.startsWith('seed-'));

for (const file of files) {
  void test(`every fix on ${file} applies cleanly (JSON, YAML, CRLF)`, () => {
    let applied = 0;
    for (const [label, text, lang] of variants(file)) {
      const before = analyze(text, { languageId: lang }).findings;
      for (const f of before) {
        for (const fix of f.fixes ?? []) {
          applied++;
          const out = applyEdits(text, fix.edits);
          const after = analyze(out, { languageId: lang }).findings;
          const broken = after.filter((x) => x.code.startsWith('ASL0'));
          assert.deepEqual(
            broken.map((x) => x.message),
            [],
            `${label}: "${fix.title}" (${f.code}) broke the document`,
          );
          const count = (list: typeof before) => list.filter((x) => x.code === f.code).length;
          assert.ok(count(after) < count(before), `${label}: "${fix.title}" did not remove ${f.code}`);
        }
      }
    }
    if (!file.includes('valid')) assert.ok(applied > 0, `${file} offers no fix`);
  });
}
