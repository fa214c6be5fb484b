// The seed definitions of the property and robustness tests, all from inside the repository: the project's
// own examples/ (JSON and YAML, as written) and the generated definitions of ./generate.ts in JSON (compact,
// two-space, tab-indented) and YAML. Nothing here reads outside the repository.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { generateDefinitions } from './generate';

export interface SeedText {
  name: string;
  languageId: 'asl' | 'asl-yaml';
  text: string;
}

export const examplesDir = path.resolve(__dirname, '../../../examples');

/** The definitions in examples/, as the files are written. */
export function exampleSeeds(): SeedText[] {
  return fs
    .readdirSync(examplesDir)
    .filter((f) => /\.(json|ya?ml)$/.test(f))
    .sort()
    .map((f) => ({
      name: `examples/${f}`,
      languageId: f.endsWith('.json') ? 'asl' : 'asl-yaml',
      text: fs.readFileSync(path.join(examplesDir, f), 'utf8'),
    }));
}

/** How many definitions the generator contributes to the seeds. */
export const GENERATED_COUNT = 120;

/** The generated definitions as JSON texts in varied layouts. */
export function generatedJsonSeeds(count = GENERATED_COUNT): SeedText[] {
  const indents = [undefined, 2, '\t', 4] as const;
  return generateDefinitions(count).map((d, i) => ({
    name: `${d.name}.asl.json`,
    languageId: 'asl',
    text: JSON.stringify(d.definition, null, indents[i % indents.length]),
  }));
}

/** The generated definitions as YAML texts. */
export function generatedYamlSeeds(count = GENERATED_COUNT): SeedText[] {
  return generateDefinitions(count).map((d) => ({
    name: `${d.name}.asl.yaml`,
    languageId: 'asl-yaml',
    text: stringify(d.definition),
  }));
}

/** Every seed: the examples, then the generated definitions in JSON and in YAML. */
export function allSeeds(count = GENERATED_COUNT): SeedText[] {
  return [...exampleSeeds(), ...generatedJsonSeeds(count), ...generatedYamlSeeds(count)];
}
