// Text edits for the crossing Quick Fixes, computed on the original text from node offsets: replace a value,
// rename a key, remove or insert a property. JSON gets JSON indented like its surroundings; YAML gets block YAML
// for block collections and JSON flow text (valid YAML) for scalars and flow collections.
import { stringify as yamlStringify } from 'yaml';
import type { FixEdit } from '../findings';
import type { AstNode, ObjectNode, PropertyNode } from '../parse/ast';

const jsonMemo = new WeakMap<object, Map<string, string>>();

/** Marks a value as constant: its JSON rendering is then cached (it must never be mutated). */
export function constantValue<T extends object>(value: T): T {
  if (!jsonMemo.has(value)) jsonMemo.set(value, new Map());
  return value;
}

export class TextEditor {
  readonly yaml: boolean;
  private eolCache: string | undefined;
  private unitCache: number | undefined;
  /** Cheap to build: rules create one per run, and most runs compute no fix at all. */
  constructor(
    readonly text: string,
    languageId: string,
  ) {
    this.yaml = languageId === 'asl-yaml';
  }

  /** The document's line break (scanned on the first fix only). */
  get eol(): string {
    this.eolCache ??= this.text.includes('\r\n') ? '\r\n' : '\n';
    return this.eolCache;
  }

  /** Indentation step of the document (2 unless the file shows otherwise). */
  private get unit(): number {
    if (this.unitCache === undefined) {
      const m = /\r?\n( +)\S/.exec(this.text);
      this.unitCache = m && m[1]!.length <= 8 ? m[1]!.length : 2;
    }
    return this.unitCache;
  }

  /** Column of an offset (characters since the line start). */
  column(offset: number): number {
    const nl = this.text.lastIndexOf('\n', offset - 1);
    return offset - nl - 1;
  }

  /** Leading whitespace of the line holding an offset. */
  lineIndent(offset: number): string {
    const start = this.text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(this.text.slice(start, offset))![0];
  }

  /** Is this YAML collection written in block style (not `{...}` / `[...]`)? */
  private isBlock(node: AstNode): boolean {
    if (!this.yaml || (node.kind !== 'object' && node.kind !== 'array')) return false;
    const c = this.text[node.offset];
    return c !== '{' && c !== '[';
  }

  /** End of a node's own text (YAML block ranges include trailing comments and line breaks). */
  private endOf(node: AstNode): number {
    let end = node.offset + node.length;
    if (this.isBlock(node)) {
      let text = this.text.slice(node.offset, end);
      // Drop trailing blank lines and whole-line comments; keep the last content line.
      text = text.replace(/(?:\s*(?:#[^\n]*)?)*$/, '');
      end = node.offset + text.length;
    }
    return end;
  }

  /** JSON text of a value indented for a node that starts at `offset`. */
  private json(value: unknown, offset: number): string {
    const indent = this.lineIndent(offset);
    // Constant values (the recommended Retry) are rendered once per indentation, not once per task.
    const memo = typeof value === 'object' && value !== null ? jsonMemo.get(value) : undefined;
    const key = `${this.unit}|${indent}|${this.eol}`;
    const hit = memo?.get(key);
    if (hit !== undefined) return hit;
    const text = JSON.stringify(value, null, this.unit)
      .split('\n')
      .join(this.eol + indent);
    if (memo) memo.set(key, text);
    return text;
  }

  /** Block YAML lines of a value, each after the first prefixed with `indent` spaces. */
  private block(value: unknown, indent: number): string {
    const text = yamlStringify(value, { indent: this.unit, lineWidth: 0 }).replace(/\n$/, '');
    return text.split('\n').join(this.eol + ' '.repeat(indent));
  }

  /** A scalar or flow text: JSON (a valid YAML flow value too). */
  flow(value: unknown): string {
    return JSON.stringify(value);
  }

  /** Replaces a node with a new value. */
  replace(node: AstNode, value: unknown): FixEdit {
    const end = this.endOf(node);
    if (this.yaml) {
      const collection = typeof value === 'object' && value !== null;
      const newText = collection && this.isBlock(node) ? this.block(value, this.column(node.offset)) : this.flow(value);
      return { offset: node.offset, length: end - node.offset, newText };
    }
    return { offset: node.offset, length: end - node.offset, newText: this.json(value, node.offset) };
  }

  /** Replaces a node's text verbatim. */
  replaceText(node: AstNode, newText: string): FixEdit {
    return { offset: node.offset, length: this.endOf(node) - node.offset, newText };
  }

  /** Wraps a scalar value in a one-element array (JSON keeps the value's own text). */
  wrapInArray(node: AstNode): FixEdit[] {
    if (this.yaml)
      return [
        this.replaceText(node, `[${this.flow(node.kind === 'object' || node.kind === 'array' ? null : node.value)}]`),
      ];
    return [
      { offset: node.offset, length: 0, newText: '[' },
      { offset: node.offset + node.length, length: 0, newText: ']' },
    ];
  }

  /** Key text for a property name. */
  private keyText(key: string): string {
    if (this.yaml && /^[A-Za-z_][\w.$-]*$/.test(key)) return key;
    return JSON.stringify(key);
  }

  renameKey(property: PropertyNode, newKey: string): FixEdit {
    return { offset: property.keyOffset, length: property.keyLength, newText: this.keyText(newKey) };
  }

  /**
   * Removes a property. The only property of an object removes the object's own property in `parent` when given
   * (no empty `"Headers": {}` left behind), else leaves `{}`. Undefined when it cannot be done safely.
   */
  removeProperty(
    obj: ObjectNode,
    property: PropertyNode,
    parent?: { obj: ObjectNode; property: PropertyNode },
  ): FixEdit | undefined {
    const i = obj.properties.indexOf(property);
    if (i < 0) return undefined;
    if (obj.properties.length === 1)
      return parent ? this.removeProperty(parent.obj, parent.property) : this.replaceText(obj, '{}');
    if (this.isBlock(obj)) {
      const lineStart = this.text.lastIndexOf('\n', property.keyOffset - 1) + 1;
      if (this.text.slice(lineStart, property.keyOffset).trim() !== '') return undefined; // `- Key:` forms
      const valueEnd = this.endOf(property.value);
      let lineEnd = this.text.indexOf('\n', Math.max(valueEnd - 1, property.keyOffset));
      lineEnd = lineEnd < 0 ? this.text.length : lineEnd + 1;
      return { offset: lineStart, length: lineEnd - lineStart, newText: '' };
    }
    const next = obj.properties[i + 1];
    if (next) return { offset: property.keyOffset, length: next.keyOffset - property.keyOffset, newText: '' };
    const prev = obj.properties[i - 1]!;
    const prevEnd = prev.value.offset + prev.value.length;
    const end = property.value.offset + property.value.length;
    return { offset: prevEnd, length: end - prevEnd, newText: '' };
  }

  /** Adds a property at the end of an object. */
  insertProperty(obj: ObjectNode, key: string, value: unknown): FixEdit | undefined {
    const last = obj.properties[obj.properties.length - 1];
    if (this.isBlock(obj)) {
      if (!last) return undefined;
      const col = this.column(last.keyOffset);
      const valueEnd = this.endOf(last.value);
      let lineEnd = this.text.indexOf('\n', valueEnd);
      if (lineEnd < 0) lineEnd = this.text.length;
      else if (this.text[lineEnd - 1] === '\r') lineEnd--;
      return { offset: lineEnd, length: 0, newText: this.eol + ' '.repeat(col) + this.block({ [key]: value }, col) };
    }
    if (!last) {
      const inner = this.yaml
        ? `${this.keyText(key)}: ${this.flow(value)}`
        : `${this.keyText(key)}: ${this.json(value, obj.offset)}`;
      return { offset: obj.offset + 1, length: 0, newText: ` ${inner} ` };
    }
    const end = last.value.offset + last.value.length;
    const nl = this.text.indexOf('\n', obj.offset);
    const sameLine = nl < 0 || nl > last.keyOffset;
    const sep = sameLine ? ' ' : this.eol + this.lineIndent(last.keyOffset);
    const valueText = this.yaml ? this.flow(value) : this.json(value, last.keyOffset);
    return { offset: end, length: 0, newText: `,${sep}${this.keyText(key)}: ${valueText}` };
  }
}

/** Applies edits to a text (edits must not overlap); used by tests and previews. */
export function applyEdits(text: string, edits: readonly FixEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset))
    out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}
