// The shipped snippets (snippets/asl.json, snippets/asl-yaml.json), expanded as the editor would with their
// defaults: each one, placed in a minimal state machine, passes this project's validator (no error) and
// asl-validator 4.0.0; every choice of every choice list validates too; YAML twins parse to the same
// structure as their JSON twins; the files are exactly what the generator makes from the catalog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { parse as parseYaml } from 'yaml';
import { lint } from '../../../src/core/lint';
import type { PublicFinding } from '../../../src/core/findings';
import { SNIPPETS, type SnippetSpec } from '../../../scripts/snippets/catalog';
import { DEFINITION_SNIPPETS } from '../../../scripts/snippets/definitions';
import { generatedFiles, type SnippetFile } from '../../../scripts/snippets/generate';
import { expandSnippet } from './expand';
import { jsonMachine, yamlMachine } from './machine';

type AslValidator = (
  definition: unknown,
  options?: { checkPaths?: boolean; checkArn?: boolean },
) => {
  isValid: boolean;
  errorsText: (separator?: string) => string;
};
const aslValidator = createRequire(__filename)('asl-validator') as AslValidator;

const root = path.resolve(__dirname, '../../..');
const readSnippets = (rel: string): SnippetFile =>
  JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')) as SnippetFile;
const jsonFile = readSnippets('snippets/asl.json');
const yamlFile = readSnippets('snippets/asl-yaml.json');

const errorsOf = (findings: PublicFinding[]) => findings.filter((f) => f.severity === 'error');
const show = (findings: PublicFinding[]) =>
  findings.map((f) => `${f.line}:${f.column} ${f.code} ${f.message}`).join('\n');

/** Lints one placed snippet (and, unless told not to, runs asl-validator); returns the parsed definition. */
function assertValid(spec: SnippetSpec, form: 'JSON' | 'YAML', text: string, { aslValidatorToo = true } = {}): unknown {
  const findings = lint(text, { languageId: form === 'JSON' ? 'asl' : 'asl-yaml' });
  assert.deepEqual(
    errorsOf(findings),
    [],
    `${spec.prefix} (${form}): sfn-crossings reports errors:\n${show(errorsOf(findings))}\n---\n${text}`,
  );
  const definition = form === 'JSON' ? JSON.parse(text) : parseYaml(text);
  if (!aslValidatorToo) return definition;
  const result = aslValidator(structuredClone(definition));
  assert.ok(
    result.isValid,
    `${spec.prefix} (${form}): asl-validator rejects it: ${result.errorsText('; ')}\n---\n${text}`,
  );
  return definition;
}

void test('the snippet files are generated from the catalog and up to date (npm run snippets)', async () => {
  for (const [rel, content] of Object.entries(await generatedFiles())) {
    assert.equal(fs.readFileSync(path.join(root, rel), 'utf8'), content, `${rel} is stale: run npm run snippets`);
  }
});

void test('at least 14 snippets produce states, in both forms, with unique prefixes and a when-to-use description', () => {
  const states = SNIPPETS.filter((s) => s.kind === 'state');
  assert.ok(states.length >= 14, `only ${states.length} state snippets`);
  assert.deepEqual(Object.keys(jsonFile).sort(), Object.keys(yamlFile).sort());
  assert.equal(Object.keys(jsonFile).length, SNIPPETS.length + DEFINITION_SNIPPETS.length);
  const prefixes = SNIPPETS.map((s) => s.prefix);
  assert.equal(new Set(prefixes).size, prefixes.length, 'duplicate prefix');
  for (const spec of SNIPPETS) {
    assert.equal(jsonFile[spec.name]?.prefix, spec.prefix);
    assert.equal(yamlFile[spec.name]?.prefix, spec.prefix);
    assert.ok(spec.description.length >= 60, `${spec.prefix}: the description should say when to use it`);
  }
  // Both query languages are covered, and every family has a JSONata form.
  for (const family of ['sfnx-invoker', 'sfnx-xaccount', 'sfnx-apigw', 'sfnx-http']) {
    const langs = new Set(states.filter((s) => s.prefix.startsWith(family)).map((s) => s.queryLanguage));
    assert.deepEqual([...langs].sort(), ['JSONPath', 'JSONata'], family);
  }
});

void test('snippets have tab stops, a final $0, and choices where the value is an enum', () => {
  for (const spec of SNIPPETS) {
    for (const [form, file] of [
      ['JSON', jsonFile],
      ['YAML', yamlFile],
    ] as const) {
      const { tabstops } = expandSnippet(file[spec.name]!.body);
      assert.ok(tabstops.has(0), `${spec.prefix} (${form}) has no $0`);
      if (spec.kind === 'state')
        assert.ok(tabstops.has(1) && tabstops.size >= 3, `${spec.prefix} (${form}) has too few tab stops`);
    }
  }
  const authChoices = expandSnippet(jsonFile['API Gateway: apigateway:invoke (JSONata)']!.body).choices;
  assert.ok([...authChoices.values()].some((c) => c.join() === 'NO_AUTH,IAM_ROLE,RESOURCE_POLICY'));
});

for (const spec of SNIPPETS) {
  void test(`${spec.prefix}: JSON and YAML forms, expanded with their defaults, are valid and identical`, () => {
    const json = expandSnippet(jsonFile[spec.name]!.body).text;
    const yaml = expandSnippet(yamlFile[spec.name]!.body).text;
    const jsonDefinition = assertValid(spec, 'JSON', jsonMachine(spec, json));
    const yamlDefinition = assertValid(spec, 'YAML', yamlMachine(spec, yaml));
    assert.deepEqual(yamlDefinition, jsonDefinition, `${spec.prefix}: the YAML twin differs from the JSON form`);
    assert.deepEqual(parseYaml(yaml), JSON.parse(`{${json}}`));
  });

  // asl-validator knows no enum of these integrations (and rebuilds its schemas on every call): our validator only.
  void test(`${spec.prefix}: every option of every choice gives a valid state`, () => {
    for (const [form, file] of [
      ['JSON', jsonFile],
      ['YAML', yamlFile],
    ] as const) {
      const { choices } = expandSnippet(file[spec.name]!.body);
      for (const [tabstop, options] of choices) {
        options.forEach((_, index) => {
          const text = expandSnippet(file[spec.name]!.body, { choose: { [tabstop]: index } }).text;
          assertValid(spec, form, form === 'JSON' ? jsonMachine(spec, text) : yamlMachine(spec, text), {
            aslValidatorToo: false,
          });
        });
      }
    }
  });
}

void test('the expander reads the editor syntax: nested defaults, mirrors, choices, escapes', () => {
  const e = expandSnippet(['"${1:arn:aws:iam::${2:222222222222}:role/${3:R\\}}}": "${2}\\$.x ${4|A\\,B,C|}"$0']);
  assert.equal(e.text, '"arn:aws:iam::222222222222:role/R}": "222222222222$.x A,B"');
  assert.deepEqual([...e.tabstops].sort(), [0, 1, 2, 3, 4]);
  assert.equal(expandSnippet('${1|x,y|}', { choose: { 1: 1 } }).text, 'y');
  assert.throws(() => expandSnippet('"{% $states.input %}"'), /unescaped "\$"/);
});
