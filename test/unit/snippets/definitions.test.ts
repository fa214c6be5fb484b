// The whole-definition snippets (scripts/snippets/definitions.ts) as shipped in snippets/asl.json and
// snippets/asl-yaml.json: expanded with their defaults, each one IS the whole file and has no finding at all
// (this project's validator and asl-validator); the JSON and YAML forms are the same machine; the state
// names are tab stops that StartAt and Next mirror, so renaming one while typing keeps the machine valid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { parse as parseYaml } from 'yaml';
import { lint } from '../../../src/core/lint';
import { DEFINITION_SNIPPETS } from '../../../scripts/snippets/definitions';
import type { SnippetFile } from '../../../scripts/snippets/generate';
import { expandSnippet } from './expand';

const aslValidator = createRequire(__filename)('asl-validator') as (d: unknown) => {
  isValid: boolean;
  errorsText: (separator?: string) => string;
};
const root = path.resolve(__dirname, '../../..');
const read = (rel: string) => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')) as SnippetFile;
const files = { asl: read('snippets/asl.json'), 'asl-yaml': read('snippets/asl-yaml.json') } as const;

for (const spec of DEFINITION_SNIPPETS) {
  void test(`${spec.prefix}: a whole valid definition in JSON and YAML, without any finding`, () => {
    const parsed: unknown[] = [];
    for (const languageId of ['asl', 'asl-yaml'] as const) {
      const entry = files[languageId][spec.name];
      assert.ok(entry, `${spec.name} is missing from the ${languageId} snippets`);
      assert.equal(entry.prefix, spec.prefix);
      const text = expandSnippet(entry.body).text;
      const findings = lint(text, { languageId });
      assert.deepEqual(
        findings.map((f) => `${f.code} ${f.message}`),
        [],
        `${spec.prefix} (${languageId})\n${text}`,
      );
      const definition = languageId === 'asl' ? JSON.parse(text) : parseYaml(text);
      const result = aslValidator(structuredClone(definition));
      assert.ok(result.isValid, `${spec.prefix} (${languageId}): ${result.errorsText('; ')}`);
      assert.equal((definition as { QueryLanguage?: string }).QueryLanguage ?? 'JSONPath', spec.queryLanguage);
      parsed.push(definition);
    }
    assert.deepEqual(parsed[1], parsed[0], 'the YAML form differs from the JSON form');
  });

  void test(`${spec.prefix}: state names are tab stops mirrored by StartAt and Next`, () => {
    for (const languageId of ['asl', 'asl-yaml'] as const) {
      const body = files[languageId][spec.name]!.body;
      const renamed = expandSnippet(
        body
          .join('\n')
          .replace(/\$\{2:FirstState\}/, '${2:Begin}')
          .split('\n'),
      ).text;
      const definition = (languageId === 'asl' ? JSON.parse(renamed) : parseYaml(renamed)) as {
        StartAt: string;
        States: Record<string, { Next?: string }>;
      };
      assert.equal(definition.StartAt, 'Begin');
      assert.deepEqual(Object.keys(definition.States), ['Begin', 'Done']);
      assert.equal(definition.States.Begin?.Next, 'Done');
      assert.ok(expandSnippet(body).tabstops.has(0), 'no final $0');
    }
  });
}
