// Field-level hover and completion inside the crossing parts of `asl` and `asl-yaml` documents, answered from
// the JSON Schemas in schemas/ with vscode-json-languageservice. The part under the cursor is turned into a
// small virtual JSON document: for JSON the part's own text (offsets map by subtraction); for YAML its value
// as JSON, with the cursor mapped by path. Pure: no vscode import (src/extension/schema/feature.ts adapts).
import {
  getLanguageService,
  InsertTextFormat,
  TextDocument,
  type ASTNode,
  type CompletionItem,
  type Hover,
  type JSONSchema,
  type LanguageService,
  type MarkedString,
  type MarkupContent,
} from 'vscode-json-languageservice/lib/esm/jsonLanguageService';
import { analyze } from '../../core/lint';
import type { AslModel } from '../../core/model/model';
import { toValue, type AstNode, type PropertyNode } from '../../core/parse/ast';
import { crossingParts, partTargetAt, type CrossingPart, type PartKind, type Segment } from './parts';
import { PART_KINDS, PART_SCHEMAS } from './schemas';

export type DocumentLanguage = 'asl' | 'asl-yaml';

export interface SchemaHover {
  /** Markdown. */
  markdown: string;
  offset: number;
  length: number;
}

export interface SchemaCompletion {
  label: string;
  kind: 'property' | 'value';
  /** Snippet syntax when `isSnippet`. */
  insertText: string;
  isSnippet: boolean;
  documentation?: string;
  filterText?: string;
  sortText?: string;
  /** The document range the item replaces. */
  replace: { offset: number; length: number };
  /** Open the suggestions again after inserting (the inserted property's value has choices). */
  retrigger?: boolean;
}

const virtualUri = (kind: PartKind) => `sfn-crossings-part:///${kind}.part.json`;

/** The virtual JSON document of a part, and how to map offsets between it and the real document. */
interface VirtualPart {
  doc: TextDocument;
  /** For JSON documents: the part's offset in the real document (the virtual text is the part's text). */
  base?: number;
}

export class CrossingSchemaService {
  private readonly ls: LanguageService;

  constructor() {
    this.ls = getLanguageService({});
    this.ls.configure({
      validate: true,
      allowComments: false,
      schemas: PART_KINDS.map((kind) => ({
        uri: (PART_SCHEMAS[kind].$id as string | undefined) ?? `sfn-crossings-schema:///${kind}`,
        fileMatch: [`${kind}.part.json`],
        schema: PART_SCHEMAS[kind],
      })),
    });
  }

  /** Hover on a key or value inside a crossing part: the schema's description (and the enum value's). */
  async hover(
    text: string,
    languageId: DocumentLanguage,
    offset: number,
    invokerNames: readonly string[],
    model?: AslModel,
  ): Promise<SchemaHover | undefined> {
    model ??= analyze(text, { languageId, documentRules: false, crossingRules: false }).model;
    if (!model) return undefined;
    const target = partTargetAt(model, invokerNames, offset);
    if (!target || target.path.length === 0) return undefined;
    const virtual = this.virtualPart(text, languageId, target.part);
    let at: number | undefined;
    if (virtual.base !== undefined) at = offset - virtual.base;
    else {
      const node = nodeAtPath(this.ls.parseJSONDocument(virtual.doc).root, target.path);
      if (!node) return undefined;
      const keyNode = node.parent?.type === 'property' ? node.parent.keyNode : undefined;
      at = target.on === 'key' && keyNode ? keyNode.offset + 1 : node.offset + (node.type === 'string' ? 1 : 0);
    }
    const hover = await this.ls.doHover(
      virtual.doc,
      virtual.doc.positionAt(at),
      this.ls.parseJSONDocument(virtual.doc),
    );
    const markdown = hover ? hoverMarkdown(hover) : '';
    if (!markdown.trim()) return undefined;
    return { markdown, offset: target.offset, length: target.length };
  }

  /** Completion of field names and enum values inside a crossing part. */
  async complete(
    text: string,
    languageId: DocumentLanguage,
    offset: number,
    invokerNames: readonly string[],
    model?: AslModel,
  ): Promise<SchemaCompletion[]> {
    return languageId === 'asl-yaml'
      ? this.completeYaml(text, offset, invokerNames)
      : this.completeJson(text, offset, invokerNames, model);
  }

  private async completeJson(
    text: string,
    offset: number,
    invokerNames: readonly string[],
    model?: AslModel,
  ): Promise<SchemaCompletion[]> {
    model ??= analyze(text, { languageId: 'asl', documentRules: false, crossingRules: false }).model;
    if (!model) return [];
    const target = partTargetAt(model, invokerNames, offset);
    if (!target || target.part.node.kind !== 'object' || !completesHere(target.part)) return [];
    // The part object itself must contain the cursor strictly (not just touch its braces from outside).
    const node = target.part.node;
    if (offset <= node.offset || offset >= node.offset + node.length) return [];
    const virtual = this.virtualPart(text, 'asl', target.part);
    const base = virtual.base!;
    const list = await this.ls.doComplete(
      virtual.doc,
      virtual.doc.positionAt(offset - base),
      this.ls.parseJSONDocument(virtual.doc),
    );
    const jsonDoc = this.ls.parseJSONDocument(virtual.doc);
    // Properties whose value has choices re-open the suggestions once inserted (the choices are value completions).
    let object = jsonDoc.getNodeFromOffset(offset - base, true);
    while (object && object.type !== 'object') object = object.parent;
    const withChoices = new Set<string>();
    if (object) {
      for (const [name, schema] of await this.propertySchemasOf(virtual.doc, jsonDoc, target.part.kind, object)) {
        if (enumValues(schema).length > 0) withChoices.add(name);
      }
    }
    return (list?.items ?? []).map((item) => {
      const completion = fromJsonItem(item, virtual.doc, base, offset);
      if (completion.kind === 'property' && withChoices.has(completion.label)) completion.retrigger = true;
      return completion;
    });
  }

  private async completeYaml(
    text: string,
    offset: number,
    invokerNames: readonly string[],
  ): Promise<SchemaCompletion[]> {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
    const before = text.slice(lineStart, offset);
    const keyLine = /^(\s*)(-\s+)?([\w.$-]*)$/.exec(before);
    if (keyLine) {
      // A key is being typed: make the line parse as `key: null` so the tree shows where it goes.
      const word = keyLine[3]!;
      const wordStart = offset - word.length;
      const patched = text.slice(0, wordStart) + (word || PLACEHOLDER_KEY) + ': null' + text.slice(lineEnd);
      const found = this.yamlPropertyAt(patched, wordStart, invokerNames);
      if (!found) return [];
      const { part, path, siblings } = found;
      if (!completesHere(part)) return [];
      return (await this.propertySchemas(part, patched, path)).flatMap(([name, schema]) =>
        (siblings.has(name) && name !== word) || schema.doNotSuggest
          ? []
          : [yamlPropertyItem(name, schema, { offset: wordStart, length: word.length })],
      );
    }
    const valueLine = /^(\s*)(-\s+)?([\w.$-]+):[ \t]*(["']?)([^"'#]*)$/.exec(before);
    if (valueLine) {
      const keyOffset = lineStart + valueLine[1]!.length + (valueLine[2]?.length ?? 0);
      const typed = valueLine[5]!;
      const quoted = valueLine[4] !== '';
      // Without a value the line reads `Key:` (null); with a partial value it parses as that string.
      const found = this.yamlPropertyAt(text, keyOffset, invokerNames);
      if (!found || !completesHere(found.part)) return [];
      // Right after the colon: the value needs its separating space.
      const space = /:$/.test(before) ? ' ' : '';
      const key = valueLine[3]!;
      const schema = Object.fromEntries(await this.propertySchemas(found.part, text, found.path))[key];
      if (!schema) return [];
      return enumValues(schema).map(({ value, description }) => {
        const plain =
          typeof value === 'string' &&
          /^[A-Za-z_][\w.-]*$/.test(value) &&
          !/^(true|false|null|yes|no|on|off)$/i.test(value);
        const insert =
          typeof value === 'string' ? (quoted ? value : plain ? value : JSON.stringify(value)) : JSON.stringify(value);
        return {
          label: typeof value === 'string' ? value : JSON.stringify(value),
          kind: 'value' as const,
          insertText: space + insert,
          isSnippet: false,
          documentation: description,
          replace: { offset: offset - typed.length, length: typed.length },
        };
      });
    }
    return [];
  }

  /** The property whose key starts at `keyOffset` in a YAML text, if it sits in a crossing part. */
  private yamlPropertyAt(text: string, keyOffset: number, invokerNames: readonly string[]) {
    const model = analyze(text, { languageId: 'asl-yaml', documentRules: false, crossingRules: false }).model;
    if (!model) return undefined;
    for (const part of crossingParts(model, invokerNames)) {
      const found = findKey(part.node, keyOffset, []);
      if (found) return { part, text, ...found };
    }
    return undefined;
  }

  /** The schemas of the properties an object at `path` inside a part may have (from the schemas that match it). */
  private async propertySchemas(
    part: CrossingPart,
    text: string,
    path: Segment[],
  ): Promise<Array<[string, JSONSchema]>> {
    const virtual = this.virtualPart(text, 'asl-yaml', part);
    const jsonDoc = this.ls.parseJSONDocument(virtual.doc);
    const target = nodeAtPath(jsonDoc.root, path);
    return target ? this.propertySchemasOf(virtual.doc, jsonDoc, part.kind, target) : [];
  }

  private async propertySchemasOf(
    doc: TextDocument,
    jsonDoc: ReturnType<LanguageService['parseJSONDocument']>,
    kind: PartKind,
    target: ASTNode,
  ): Promise<Array<[string, JSONSchema]>> {
    const matches = await this.ls.getMatchingSchemas(doc, jsonDoc, PART_SCHEMAS[kind]);
    const out = new Map<string, JSONSchema>();
    for (const m of matches) {
      if (m.node !== target || (m as { inverted?: boolean }).inverted) continue; // `inverted`: matched inside a `not`
      for (const [name, schema] of Object.entries(m.schema.properties ?? {})) {
        if (typeof schema === 'object' && !out.has(name)) out.set(name, schema);
      }
    }
    return [...out];
  }

  private virtualPart(text: string, languageId: DocumentLanguage, part: CrossingPart): VirtualPart {
    if (languageId === 'asl') {
      const slice = text.slice(part.node.offset, part.node.offset + part.node.length);
      return { doc: TextDocument.create(virtualUri(part.kind), 'json', 1, slice), base: part.node.offset };
    }
    return { doc: TextDocument.create(virtualUri(part.kind), 'json', 1, JSON.stringify(toValue(part.node), null, 2)) };
  }
}

/**
 * Invoker payloads are completed by the crossings feature (service, action, region and member names from the API
 * catalog); proposing the same names again from the schema would only duplicate them. Hover stays here.
 */
const completesHere = (part: CrossingPart): boolean => part.kind !== 'invoker-payload';

/** The key a YAML completion request writes on an empty line so that the line parses. */
const PLACEHOLDER_KEY = 'sfnCrossingsCompletionKey';

function findKey(
  node: AstNode,
  keyOffset: number,
  path: Segment[],
): { path: Segment[]; siblings: Set<string> } | undefined {
  if (node.kind === 'object') {
    const hit = node.properties.find((p: PropertyNode) => p.keyOffset === keyOffset);
    if (hit) return { path, siblings: new Set(node.properties.map((p) => p.key)) };
    for (const p of node.properties) {
      const found = findKey(p.value, keyOffset, [...path, p.key]);
      if (found) return found;
    }
  } else if (node.kind === 'array') {
    for (let i = 0; i < node.items.length; i++) {
      const found = findKey(node.items[i]!, keyOffset, [...path, i]);
      if (found) return found;
    }
  }
  return undefined;
}

function nodeAtPath(root: ASTNode | undefined, path: Segment[]): ASTNode | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.type === 'object' && typeof segment === 'string')
      node = node.properties.find((p) => p.keyNode.value === segment)?.valueNode;
    else if (node.type === 'array' && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node;
}

function hoverMarkdown(hover: Hover): string {
  const part = (c: MarkedString | MarkupContent): string =>
    typeof c === 'string' ? c : 'kind' in c ? c.value : `\`\`\`${c.language}\n${c.value}\n\`\`\``;
  return Array.isArray(hover.contents) ? hover.contents.map(part).join('\n\n') : part(hover.contents);
}

const describe = (schema: JSONSchema): string | undefined => schema.markdownDescription ?? schema.description;

/** Enum values (and examples) a property schema allows, through anyOf/oneOf/allOf, with their descriptions. */
function enumValues(schema: JSONSchema): Array<{ value: unknown; description?: string }> {
  const out: Array<{ value: unknown; description?: string }> = [];
  const seen = new Set<string>();
  const visit = (s: JSONSchema | boolean | undefined): void => {
    if (!s || typeof s !== 'object') return;
    s.enum?.forEach((value, i) => {
      const key = JSON.stringify(value);
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ value, description: s.markdownEnumDescriptions?.[i] ?? s.enumDescriptions?.[i] ?? describe(s) });
    });
    for (const value of s.examples ?? []) {
      const key = JSON.stringify(value);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ value, description: describe(s) });
    }
    for (const list of [s.anyOf, s.oneOf, s.allOf]) list?.forEach(visit);
  };
  visit(schema);
  return out;
}

/** `Name: ` with a tab stop suited to the property's type (a choice for enums, a nested line for objects). */
function yamlPropertyItem(
  name: string,
  schema: JSONSchema,
  replace: { offset: number; length: number },
): SchemaCompletion {
  const escapedName = name.replace(/[$}\\]/g, (c) => '\\' + c);
  const alternatives = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].filter(
    (s): s is JSONSchema => typeof s === 'object',
  );
  const choices = alternatives.flatMap((s) => s.enum ?? []).filter((v): v is string => typeof v === 'string');
  const isObject = alternatives.some((s) => s.type === 'object');
  let insertText: string;
  if (choices.length > 0)
    insertText = `${escapedName}: \${1|${choices.map((v) => v.replace(/[$}\\,|]/g, (c) => '\\' + c)).join(',')}|}`;
  else if (isObject) insertText = `${escapedName}:\n  $1`;
  else insertText = `${escapedName}: $1`;
  return { label: name, kind: 'property', insertText, isSnippet: true, documentation: describe(schema), replace };
}

function fromJsonItem(item: CompletionItem, doc: TextDocument, base: number, offset: number): SchemaCompletion {
  const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
  const start = edit ? doc.offsetAt(edit.range.start) + base : offset;
  const end = edit ? doc.offsetAt(edit.range.end) + base : offset;
  const documentation =
    typeof item.documentation === 'string'
      ? item.documentation
      : item.documentation
        ? item.documentation.value
        : undefined;
  return {
    label: item.label,
    kind: item.kind === 10 /* Property */ ? 'property' : 'value',
    insertText: edit?.newText ?? item.insertText ?? item.label,
    isSnippet: item.insertTextFormat === InsertTextFormat.Snippet,
    documentation: documentation || undefined,
    filterText: item.filterText,
    sortText: item.sortText,
    replace: { offset: start, length: end - start },
  };
}
