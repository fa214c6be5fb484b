// A SAM/CloudFormation template read for IAM generation: YAML (with the short intrinsic tags `!Ref`, `!Sub`,
// `!GetAtt`...) or JSON, as plain values where an intrinsic is `{ Ref }` / `{ "Fn::Sub" }` / `{ "Fn::GetAtt" }`,
// plus the parsed YAML Document (for edits that keep the file's style) and the state machines it declares.
import { parseTree, type Node as JsonNode, type ParseError, getNodeValue } from 'jsonc-parser';
import { parseDocument, type Document, type ScalarTag, type CollectionTag } from 'yaml';

export type TemplateFormat = 'yaml' | 'json';

const FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'ToJsonString',
  'Length',
];

/** The short-form tags of CloudFormation, resolved to their long form. */
export const CFN_TAGS: Array<ScalarTag | CollectionTag> = [
  { tag: '!Ref', resolve: (s: string) => ({ Ref: s }) } as ScalarTag,
  { tag: '!Condition', resolve: (s: string) => ({ Condition: s }) } as ScalarTag,
  {
    tag: '!GetAtt',
    resolve: (s: string) => {
      const i = s.indexOf('.');
      return { 'Fn::GetAtt': i < 0 ? [s] : [s.slice(0, i), s.slice(i + 1)] };
    },
  } as ScalarTag,
  { tag: '!GetAtt', collection: 'seq', resolve: (seq) => ({ 'Fn::GetAtt': seq.toJSON() as unknown }) } as CollectionTag,
  ...FUNCTIONS.flatMap((f) => [
    { tag: `!${f}`, resolve: (s: string) => ({ [`Fn::${f}`]: s }) } as ScalarTag,
    { tag: `!${f}`, collection: 'seq', resolve: (seq) => ({ [`Fn::${f}`]: seq.toJSON() as unknown }) } as CollectionTag,
    { tag: `!${f}`, collection: 'map', resolve: (map) => ({ [`Fn::${f}`]: map.toJSON() as unknown }) } as CollectionTag,
  ]),
];

export interface TemplateResource {
  logicalId: string;
  type: string;
  properties: Record<string, unknown>;
}

export interface ParsedTemplate {
  format: TemplateFormat;
  text: string;
  /** The plain value of the whole template. */
  value: Record<string, unknown>;
  resources: Map<string, TemplateResource>;
  yaml?: Document;
  json?: JsonNode;
}

export const STATE_MACHINE_TYPES = ['AWS::Serverless::StateMachine', 'AWS::StepFunctions::StateMachine'];

export class TemplateError extends Error {}

/** Reads a template; throws TemplateError with one line when it is not a readable template. */
export function parseTemplate(text: string): ParsedTemplate {
  const format: TemplateFormat = /^\s*[{[]/.test(text) ? 'json' : 'yaml';
  let value: unknown;
  let yaml: Document | undefined;
  let json: JsonNode | undefined;
  if (format === 'json') {
    const errors: ParseError[] = [];
    json = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    if (!json || errors.length > 0) throw new TemplateError(`not valid JSON (at offset ${errors[0]?.offset ?? 0})`);
    value = getNodeValue(json) as unknown;
  } else {
    yaml = parseDocument(text, { customTags: CFN_TAGS, keepSourceTokens: true });
    if (yaml.errors.length > 0) throw new TemplateError(`not valid YAML: ${yaml.errors[0]!.message.split('\n')[0]}`);
    value = yaml.toJS({ maxAliasCount: 100 }) as unknown;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new TemplateError('not a template (no top-level map)');
  const root = value as Record<string, unknown>;
  const resources = new Map<string, TemplateResource>();
  const raw = root.Resources;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [logicalId, r] of Object.entries(raw as Record<string, unknown>)) {
      if (!r || typeof r !== 'object') continue;
      const res = r as Record<string, unknown>;
      if (typeof res.Type !== 'string') continue;
      const properties =
        res.Properties && typeof res.Properties === 'object' ? (res.Properties as Record<string, unknown>) : {};
      resources.set(logicalId, { logicalId, type: res.Type, properties });
    }
  }
  if (resources.size === 0) throw new TemplateError('the template has no Resources');
  return { format, text, value: root, resources, ...(yaml ? { yaml } : {}), ...(json ? { json } : {}) };
}

/** The state machines of a template, in file order. */
export function stateMachinesOf(t: ParsedTemplate): TemplateResource[] {
  return [...t.resources.values()].filter((r) => STATE_MACHINE_TYPES.includes(r.type));
}

export function isSam(r: TemplateResource): boolean {
  return r.type.startsWith('AWS::Serverless::');
}

/** `{ Ref: X }` -> X; `{ "Fn::GetAtt": [X, "Arn"] }` / `"X.Arn"` -> [X, Arn]. */
export function refOf(v: unknown): string | undefined {
  return v && typeof v === 'object' && typeof (v as { Ref?: unknown }).Ref === 'string'
    ? (v as { Ref: string }).Ref
    : undefined;
}
export function getAttOf(v: unknown): [string, string] | undefined {
  const g = v && typeof v === 'object' ? (v as Record<string, unknown>)['Fn::GetAtt'] : undefined;
  if (typeof g === 'string') {
    const i = g.indexOf('.');
    return i > 0 ? [g.slice(0, i), g.slice(i + 1)] : undefined;
  }
  return Array.isArray(g) && typeof g[0] === 'string' && typeof g[1] === 'string' ? [g[0], g[1]] : undefined;
}
