// Plants one mistake inside every inline definition (Definition, DefinitionString) of the corpus's real
// SAM/CloudFormation templates and checks that it is reported on the exact template line where it was
// planted: the StartAt state name is renamed to one no state has (ASL101, "StartAt names no state").
// The expected line comes from searching the planted name in the edited template, not from the tool.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { lintSource, readSource, type SourceHost } from '../../src/core/sources';
import { LineIndex } from '../../src/core/parse/lineIndex';
import { prop } from '../../src/core/parse/ast';
import { corpusFolder } from './corpus';

const PLANTED = 'PlantedNoSuchState';

const host: SourceHost = {
  readFile: (f) => {
    try {
      return fs.readFileSync(f, 'utf8');
    } catch {
      return undefined;
    }
  },
};

test('a mistake planted in each inline template definition of the corpus is reported on its template line', () => {
  const root = corpusFolder('aws-samples-workflows');
  const templates = globSync('**/*.{yaml,yml,json,template}', {
    cwd: root,
    absolute: true,
    ignore: ['**/*.asl.*'],
  }).sort();
  let planted = 0;
  const failures: string[] = [];
  for (const file of templates) {
    const text = fs.readFileSync(file, 'utf8');
    const reading = readSource(file, text, host);
    for (const unit of reading.units) {
      if (unit.file !== file) continue; // DefinitionUri: the definition is not in the template
      const startAt = prop(unit.parsed.root, 'StartAt')?.value;
      if (startAt?.kind !== 'string' || !/^[A-Za-z0-9 _-]+$/.test(startAt.value as string)) continue;
      // The state name's characters in the template (inside the quotes when the node is quoted).
      const name = startAt.value as string;
      const inner = unit.parsed.text.slice(startAt.offset, startAt.offset + startAt.length).indexOf(name);
      if (inner < 0) continue;
      const from = unit.map ? unit.map.start(startAt.offset + inner) : startAt.offset + inner;
      const to = unit.map ? unit.map.end(startAt.offset + inner + name.length) : from + name.length;
      if (text.slice(from, to) !== name) {
        failures.push(`${path.relative(root, file)} ${unit.name}: StartAt "${name}" not found at its mapped place`);
        continue;
      }
      const edited = text.slice(0, from) + PLANTED + text.slice(to);
      const expectedLine = new LineIndex(edited).positionAt(edited.indexOf(PLANTED)).line + 1;
      const result = lintSource(file, edited, host);
      const lines = new LineIndex(edited);
      const reported = result.files
        .get(file)!
        .findings.filter((f) => f.code === 'ASL101' && f.path.endsWith('/StartAt'))
        .map((f) => lines.positionAt(f.offset).line + 1);
      planted++;
      if (!reported.includes(expectedLine))
        failures.push(
          `${path.relative(root, file)} ${unit.name}: expected ASL101 on line ${expectedLine}, got [${reported}]`,
        );
    }
  }
  assert.deepEqual(failures, []);
  // The corpus holds inline definitions (Definition or DefinitionString) in 6 templates: all must be found.
  assert.ok(planted >= 6, `only ${planted} inline definitions found`);
  console.log(`planted and found ${planted} mistakes in inline template definitions`);
});
