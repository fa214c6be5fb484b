// Edits to a template's text that keep everything else byte for byte: YAML gets new block text inserted at the
// right place and indentation (rendered with the file's indent, short intrinsic tags kept short: `!Sub`, `!GetAtt`,
// `!Ref`); JSON goes through jsonc-parser's modify with the file's indentation and line ends. Values use the long
// intrinsic form (`{ "Fn::Sub": ... }`) and are written in the file's own style.
import { applyEdits as applyJsonEdits, modify, parseTree, findNodeAtLocation, type JSONPath } from 'jsonc-parser';
import { Document, isMap, isSeq, parseDocument, Scalar, type Node as YamlNode } from 'yaml';
import { CFN_TAGS, type TemplateFormat } from './templateDoc';

export type Path = Array<string | number>;

export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/** The one edit that turns `before` into `after` (common prefix and suffix left alone). */
export function diffEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  return { offset: start, length: before.length - start - end, newText: after.slice(start, after.length - end) };
}

/** Long-form intrinsics -> YAML scalars with the short tag. */
function toYamlValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toYamlValue);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1) {
      const k = keys[0]!;
      const tagged = (value: string, tag: string) => Object.assign(new Scalar(value), { tag });
      if (k === 'Ref' && typeof o.Ref === 'string') return tagged(o.Ref, '!Ref');
      if (k === 'Fn::Sub' && typeof o[k] === 'string') return tagged(o[k] as string, '!Sub');
      if (k === 'Fn::GetAtt' && Array.isArray(o[k])) return tagged((o[k] as string[]).join('.'), '!GetAtt');
    }
    return Object.fromEntries(keys.map((k) => [k, toYamlValue(o[k])]));
  }
  return v;
}

export class TemplateText {
  private readonly indentUnit: number;
  private readonly indentSeq: boolean;
  private readonly eol: string;

  constructor(
    public text: string,
    readonly format: TemplateFormat,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    const nested = /^( *)[^\s#][^\n]*:[ \t]*\r?\n( +)\S/m.exec(text);
    this.indentUnit = nested ? Math.max(1, nested[2]!.length - nested[1]!.length) : 2;
    const seq = /^( *)[^\s#-][^\n]*:[ \t]*\r?\n( *)- /m.exec(text);
    this.indentSeq = seq ? seq[2]!.length > seq[1]!.length : true;
  }

  private yamlDoc() {
    return parseDocument(this.text, { customTags: CFN_TAGS });
  }

  /** YAML text of a value at column `col` (every line indented), ending with a line end. */
  private renderYaml(value: unknown, col: number): string {
    // YAML 1.1 rules quote what CloudFormation's YAML 1.1 reader would take for a date or a boolean.
    const body = new Document(toYamlValue(value), { customTags: CFN_TAGS, version: '1.1' }).toString({
      indent: this.indentUnit,
      indentSeq: this.indentSeq,
      lineWidth: 0,
    });
    return body
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => ' '.repeat(col) + l)
      .join(this.eol)
      .concat(this.eol);
  }

  /** The offset after the line holding `offset - 1` (where a block's next line starts). */
  private lineAfter(offset: number): { at: number; prefix: string } {
    if (offset > 0 && this.text[offset - 1] === '\n') return { at: offset, prefix: '' };
    const nl = this.text.indexOf('\n', offset);
    return nl < 0 ? { at: this.text.length, prefix: this.eol } : { at: nl + 1, prefix: '' };
  }

  private column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  private apply(e: TextEdit): void {
    this.text = this.text.slice(0, e.offset) + e.newText + this.text.slice(e.offset + e.length);
  }

  /** Appends items to the list at `path`; false when the list is missing or in a style we do not extend. */
  appendToList(path: Path, items: unknown[]): boolean {
    if (items.length === 0) return true;
    if (this.format === 'json') return this.jsonInsert(path, items, true);
    const seq = this.yamlDoc().getIn(path, true) as YamlNode | undefined;
    if (!isSeq(seq) || seq.flow || seq.items.length === 0 || !seq.range) return false;
    const last = seq.items[seq.items.length - 1] as YamlNode;
    const { at, prefix } = this.lineAfter(last.range?.[2] ?? seq.range[1]);
    this.apply({ offset: at, length: 0, newText: prefix + this.renderYaml(items, this.column(seq.range[0])) });
    return true;
  }

  /** Adds `key: value` to the map at `path` (the key must be absent); false when the map is missing or flow. */
  addKey(path: Path, key: string, value: unknown): boolean {
    if (this.format === 'json') return this.jsonInsert([...path, key], [value], false);
    const map = (path.length ? this.yamlDoc().getIn(path, true) : this.yamlDoc().contents) as YamlNode | undefined;
    if (!isMap(map) || map.flow || map.items.length === 0) return false;
    const first = map.items[0]!.key as YamlNode;
    const lastPair = map.items[map.items.length - 1]!;
    const end = (lastPair.value as YamlNode | null)?.range?.[2] ?? (lastPair.key as YamlNode).range?.[2];
    if (!first.range || end === undefined) return false;
    const { at, prefix } = this.lineAfter(end);
    this.apply({
      offset: at,
      length: 0,
      newText: prefix + this.renderYaml({ [key]: value }, this.column(first.range[0])),
    });
    return true;
  }

  private jsonInsert(path: Path, values: unknown[], array: boolean): boolean {
    const tree = parseTree(this.text);
    const parentPath = path.slice(0, -1) as JSONPath;
    const parent = tree && findNodeAtLocation(tree, array ? (path as JSONPath) : parentPath);
    if (!parent || parent.type !== (array ? 'array' : 'object')) return false;
    const tabs = /^\t/m.test(this.text);
    const spaces = /^( +)"/m.exec(this.text)?.[1]?.length ?? 2;
    for (const value of values) {
      const edits = modify(this.text, array ? [...(path as JSONPath), -1] : (path as JSONPath), value, {
        isArrayInsertion: array,
        formattingOptions: { insertSpaces: !tabs, tabSize: tabs ? 1 : spaces, eol: this.eol },
      });
      this.text = applyJsonEdits(this.text, edits);
    }
    return true;
  }
}
