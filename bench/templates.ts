// Template benchmark: linting one SAM template of 500 resources holding 50 state machines (25 inline
// `Definition` objects in YAML, 25 `DefinitionString: !Sub` JSON blocks with substitutions) against
// linting the same 50 definitions as 50 separate texts. Both in memory (no disk), on the built dist/core.js.
import { stringify } from 'yaml';
import type * as Core from '../src/core/index';
import { mixedDefinition } from './generate';
import { measurePair, ms } from './measure';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lint, lintSource } = require('../dist/core.js') as typeof Core;

const MACHINES = 50;
const RESOURCES = 500;
const STATES = 40;

export interface TemplateBench {
  template: string;
  definitions: Array<{ text: string; languageId: 'asl' | 'asl-yaml' }>;
}

/** The template and, for each of its state machines, the same definition as a file of its own. */
export function templateBench(): TemplateBench {
  const resources: Record<string, unknown> = {};
  const definitions: TemplateBench['definitions'] = [];
  const blocks: string[] = [];
  for (let i = 0; i < RESOURCES - MACHINES; i++)
    resources[`Fn${i}`] = {
      Type: 'AWS::Serverless::Function',
      Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', MemorySize: 128, Timeout: 30 },
    };
  let text = stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }, { lineWidth: 0 });
  for (let m = 0; m < MACHINES; m++) {
    const definition = JSON.parse(mixedDefinition(STATES)) as Record<string, unknown>;
    if (m % 2 === 0) {
      // Inline YAML Definition.
      const yaml = stringify(definition, { lineWidth: 0 });
      definitions.push({ text: yaml, languageId: 'asl-yaml' });
      blocks.push(
        `  Machine${m}:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n` +
          indent(yaml, 8),
      );
    } else {
      // DefinitionString: !Sub with a substitution in the Comment.
      const json = JSON.stringify({ ...definition, Comment: 'machine ${Name}' }, null, 2);
      definitions.push({ text: json.replace('${Name}', `Machine${m}`), languageId: 'asl' });
      blocks.push(
        `  Machine${m}:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Sub\n        - |\n` +
          indent(json, 10) +
          `        - Name: Machine${m}\n`,
      );
    }
  }
  text += blocks.join('');
  return { template: text, definitions };
}

function indent(s: string, n: number): string {
  const pad = ' '.repeat(n);
  return (
    s
      .split('\n')
      .filter((l) => l.length)
      .map((l) => pad + l)
      .join('\n') + '\n'
  );
}

export function runTemplateBench(out: (s?: string) => void): void {
  const { template, definitions } = templateBench();
  const host = { readFile: () => undefined };
  const check = lintSource('template.yaml', template, host);
  const inTemplate = [...check.files.values()].flatMap((f) => f.findings);
  if (check.machines.length !== MACHINES || inTemplate.some((f) => f.severity === 'error'))
    throw new Error(
      `template bench: expected ${MACHINES} valid machines, got ${check.machines.length} and ${inTemplate.length} findings (${inTemplate[0]?.code} ${inTemplate[0]?.message})`,
    );
  const [files, tpl] = measurePair(
    () => {
      for (const d of definitions) lint(d.text, { languageId: d.languageId });
    },
    () => lintSource('template.yaml', template, host),
    { budgetMs: 6000, minRuns: 10, maxRuns: 60 },
  );
  out();
  out(
    `One ${RESOURCES}-resource template with ${MACHINES} state machines (${(template.length / 1e6).toFixed(2)} MB, ${STATES} states each; half inline YAML, half DefinitionString !Sub) vs the same ${MACHINES} definitions as separate texts:`,
  );
  out();
  out(`| template | separate files | template / files (target under 2×) |`);
  out(`|---:|---:|---:|`);
  out(`| ${ms(tpl.median)} | ${ms(files.median)} | ${(tpl.median / files.median).toFixed(2)}× |`);
}

// `node --import tsx bench/templates.ts`: this section alone (after `npm run build`).
if (require.main === module) runTemplateBench((s = '') => console.log(s));
