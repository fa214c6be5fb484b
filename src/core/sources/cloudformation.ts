// Finds the state machines of a CloudFormation/SAM template (YAML or JSON, CDK's cdk.out included):
// every AWS::StepFunctions::StateMachine and AWS::Serverless::StateMachine, whatever holds its definition
// (`Definition`, `DefinitionString`, `DefinitionUri`, `DefinitionS3Location`), with its substitutions.
import type { Finding } from '../findings';
import { parseSafely } from '../lint';
import { pointerOf, prop, propValue, stringValue, type AstNode, type ObjectNode } from '../parse/ast';
import type { LanguageId } from '../parse';
import { isWholePlaceholder } from '../model/substitutions';
import { SourceCodes, sourceFinding } from './codes';
import { intrinsicName, stringExpression, variableResolver, type ReadingEnv } from './intrinsics';
import { basenameOf, languageOfPath, resolveBeside } from './paths';
import { PositionMap } from './positionMap';
import { rerootDefinition } from './reroot';
import { TemplateSymbols } from './symbols';
import { substitute } from './textBuilder';
import type { DefinitionUnit, SourceHost, SourceProblem } from './types';

export const STATE_MACHINE_TYPES = new Set(['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine']);

/** True when a parsed root is a template: an object with a `Resources` object. */
export function isTemplateRoot(root: AstNode | undefined): root is ObjectNode {
  return root?.kind === 'object' && propValue(root, 'Resources')?.kind === 'object';
}

export interface TemplateInput {
  file: string;
  text: string;
  root: ObjectNode;
  languageId: LanguageId;
}

export function readTemplate(
  input: TemplateInput,
  host: SourceHost,
): { units: DefinitionUnit[]; problems: SourceProblem[] } {
  const { file, text, root } = input;
  const resources = propValue(root, 'Resources') as ObjectNode;
  const symbols = new TemplateSymbols(resources, propValue(root, 'Parameters'));
  const units: DefinitionUnit[] = [];
  const problems: SourceProblem[] = [];
  for (const resource of resources.properties) {
    const type = stringValue(propValue(resource.value, 'Type'));
    if (!type || !STATE_MACHINE_TYPES.has(type)) continue;
    const env: ReadingEnv = { text, symbols, found: new Map(), problems: [] };
    const unit = readStateMachine(input, resource.key, resource.value as ObjectNode, env, host, problems);
    if (unit) units.push(unit);
    for (const f of env.problems) problems.push({ file, fileText: text, finding: f });
  }
  return { units, problems };
}

function readStateMachine(
  input: TemplateInput,
  logicalId: string,
  resource: ObjectNode,
  env: ReadingEnv,
  host: SourceHost,
  problems: SourceProblem[],
): DefinitionUnit | undefined {
  const { file, text } = input;
  const properties = propValue(resource, 'Properties');
  const cdkPath = stringValue(propValue(propValue(resource, 'Metadata'), 'aws:cdk:path'));
  const replace = variableResolver(propValue(properties, 'DefinitionSubstitutions'), env);
  const report = (code: string, severity: Finding['severity'], message: string, node: AstNode): undefined => {
    problems.push({
      file,
      fileText: text,
      finding: sourceFinding(code, severity, message, node.offset, node.length, pointerOf(node)),
    });
    return undefined;
  };
  const base = {
    name: logicalId,
    source: file,
    substitutions: { origin: `${basenameOf(file)}#${logicalId}`, symbols: env.found },
    constructPath: cdkPath,
  };

  const inline = prop(properties, 'Definition');
  if (inline) {
    const node = inline.value;
    if (node.kind !== 'object' || intrinsicName(node))
      return report(
        node.kind === 'object' ? SourceCodes.notStatic : SourceCodes.badShape,
        'warning',
        node.kind === 'object'
          ? `The Definition of ${logicalId} is built by ${intrinsicName(node)} at deployment: it is not checked.`
          : `The Definition of ${logicalId} must be an object (use DefinitionString for a JSON string).`,
        node,
      );
    const parseProblems: Finding[] = [];
    const defRoot = rerootDefinition(node, env, replace, parseProblems);
    return {
      ...base,
      file,
      fileText: text,
      parsed: { text, languageId: input.languageId, root: defRoot, problems: parseProblems },
      pointerPrefix: pointerOf(node),
      editable: true,
      range: { offset: node.offset, length: node.length },
    };
  }

  const asString = prop(properties, 'DefinitionString');
  if (asString) {
    const node = asString.value;
    const mapped = stringExpression(node, env);
    if (!mapped) {
      if (intrinsicName(node) === 'Fn::Join') return undefined; // reported by the Join reader
      return report(
        SourceCodes.badShape,
        'warning',
        `The DefinitionString of ${logicalId} is not a string, Fn::Sub or Fn::Join: it is not checked.`,
        node,
      );
    }
    if (isWholePlaceholder(mapped.text.trim()))
      return report(
        SourceCodes.notStatic,
        'warning',
        `The DefinitionString of ${logicalId} is only known at deployment (${intrinsicName(node) ?? 'a placeholder'}): it is not checked.`,
        node,
      );
    const substituted = substitute(mapped, replace);
    return {
      ...base,
      file,
      fileText: text,
      parsed: parseSafely(substituted.text, { languageId: 'asl' }),
      map: substituted.map,
      pointerPrefix: pointerOf(node),
      editable: false,
      range: { offset: node.offset, length: node.length },
    };
  }

  const location = prop(properties, 'DefinitionUri') ?? prop(properties, 'DefinitionS3Location');
  if (location) {
    const node = location.value;
    const where = stringValue(node);
    if (where === undefined || /^s3:\/\//i.test(where))
      return report(
        SourceCodes.notRead,
        'info',
        `The definition of ${logicalId} is read from S3 at deployment; it is not checked here (point ${location.key} at a local file to have it checked).`,
        node,
      );
    const target = resolveBeside(file, where);
    const fileText = host.readFile(target);
    if (fileText === undefined)
      return report(
        SourceCodes.missingFile,
        'error',
        `The definition file "${where}" of ${logicalId} does not exist or cannot be read (resolved to ${target}).`,
        node,
      );
    const substituted = substitute({ text: fileText, map: PositionMap.shifted(fileText.length, 0) }, replace);
    const changed = substituted.text !== fileText;
    return {
      ...base,
      file: target,
      fileText,
      parsed: parseSafely(substituted.text, { languageId: languageOfPath(target) }),
      map: changed ? substituted.map : undefined,
      pointerPrefix: '',
      editable: true,
      range: { offset: node.offset, length: node.length },
    };
  }
  const props = properties ?? resource;
  return report(
    SourceCodes.badShape,
    'warning',
    `${logicalId} has no Definition, DefinitionString, DefinitionUri or DefinitionS3Location: there is nothing to check.`,
    props,
  );
}
