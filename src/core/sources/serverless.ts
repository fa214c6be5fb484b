// Finds the state machines of a Serverless Framework service (`serverless.yml`, serverless-step-functions
// plugin): `stepFunctions.stateMachines.<name>.definition`, read like an inline CloudFormation definition.
// `Fn::GetAtt`/`Ref` of the service's functions and resources are understood; Serverless variables
// (`${self:...}`, `${sls:...}`, `${env:...}`) stay placeholders, unknown at authoring time.
import { pointerOf, prop, propValue, type AstNode, type ObjectNode } from '../parse/ast';
import type { LanguageId } from '../parse';
import { SourceCodes, sourceFinding } from './codes';
import { variableResolver, type ReadingEnv } from './intrinsics';
import { basenameOf } from './paths';
import { rerootDefinition } from './reroot';
import { TemplateSymbols } from './symbols';
import type { DefinitionUnit, SourceProblem } from './types';

export function isServerlessFile(file: string): boolean {
  return /(^|[\\/])serverless\.(ya?ml|json)$/i.test(file);
}

export function readServerless(
  file: string,
  text: string,
  root: AstNode | undefined,
  languageId: LanguageId,
): { units: DefinitionUnit[]; problems: SourceProblem[] } {
  const units: DefinitionUnit[] = [];
  const problems: SourceProblem[] = [];
  const machines = propValue(propValue(root, 'stepFunctions'), 'stateMachines');
  if (machines?.kind !== 'object') return { units, problems };
  const symbols = new TemplateSymbols(serviceResources(root), undefined);
  for (const machine of machines.properties) {
    const env: ReadingEnv = { text, symbols, found: new Map(), problems: [] };
    const definition = prop(machine.value, 'definition')?.value;
    if (definition?.kind !== 'object') {
      const at = definition ?? machine.value;
      problems.push({
        file,
        fileText: text,
        finding: sourceFinding(
          SourceCodes.badShape,
          'warning',
          `stepFunctions.stateMachines.${machine.key} has no definition object: it is not checked.`,
          at.offset,
          at.length,
          pointerOf(at),
        ),
      });
      continue;
    }
    const parseProblems = [...env.problems];
    const defRoot = rerootDefinition(definition, env, variableResolver(undefined, env), parseProblems);
    units.push({
      name: machine.key,
      source: file,
      file,
      fileText: text,
      parsed: { text, languageId, root: defRoot, problems: parseProblems },
      pointerPrefix: pointerOf(definition),
      substitutions: { origin: `${basenameOf(file)}#${machine.key}`, symbols: env.found },
      editable: true,
      range: { offset: definition.offset, length: definition.length },
    });
    for (const f of env.problems) problems.push({ file, fileText: text, finding: f });
  }
  return { units, problems };
}

/**
 * The service's functions (as Lambda functions, under their own names, which the plugin's `Fn::GetAtt`
 * uses) and its `resources.Resources` (CloudFormation), as one Resources object for the symbol table.
 */
function serviceResources(root: AstNode | undefined): ObjectNode | undefined {
  const out: ObjectNode = {
    kind: 'object',
    offset: 0,
    length: 0,
    parent: undefined,
    key: undefined,
    properties: [],
    index: undefined,
    keyLengths: -1,
    cachedPointer: undefined,
  };
  const functions = propValue(root, 'functions');
  if (functions?.kind === 'object')
    for (const f of functions.properties)
      out.properties.push({
        key: f.key,
        keyOffset: f.keyOffset,
        keyLength: f.keyLength,
        value: {
          kind: 'object',
          offset: 0,
          length: 0,
          parent: out,
          key: f.key,
          properties: [
            {
              key: 'Type',
              keyOffset: 0,
              keyLength: 0,
              value: {
                kind: 'string',
                value: 'AWS::Lambda::Function',
                offset: 0,
                length: 0,
                parent: undefined,
                key: 'Type',
              },
            },
          ],
          index: undefined,
          keyLengths: -1,
          cachedPointer: undefined,
        },
      });
  const resources = propValue(propValue(root, 'resources'), 'Resources');
  if (resources?.kind === 'object') out.properties.push(...resources.properties);
  return out;
}
