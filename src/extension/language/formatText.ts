// Formatting of ASL text, free of vscode so it is unit-tested on its own: JSON through jsonc-parser's
// formatter, YAML through the `yaml` library's document model (both keep key order and comments).
// Returns minimal text edits (offsets into the original text); a YAML document that does not parse is
// left alone rather than rewritten.
import { format as formatJsonc } from 'jsonc-parser';
import { parseDocument } from 'yaml';

export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
  /** The document's end of line. */
  eol: '\n' | '\r\n';
}

/** A part of the text to format (range formatting); the whole text when absent. */
export interface FormatRange {
  offset: number;
  length: number;
}

export function formatJson(text: string, options: FormatOptions, range?: FormatRange): TextEdit[] {
  return formatJsonc(text, range, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    eol: options.eol,
    insertFinalNewline: range === undefined && text.endsWith(options.eol),
  });
}

/** The whole YAML text formatted, or undefined when it has syntax errors (nothing is rewritten then). */
export function formattedYaml(text: string, options: FormatOptions): string | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) return undefined;
  let out: string;
  try {
    // lineWidth 0: never fold long strings (an ARN or a JSONata expression stays on its line).
    out = doc.toString({ indent: Math.max(1, options.tabSize), lineWidth: 0, minContentWidth: 0 });
  } catch {
    return undefined;
  }
  if (options.eol === '\r\n') out = out.replace(/\r?\n/g, '\r\n');
  if (!text.endsWith(options.eol) && out.endsWith(options.eol)) out = out.slice(0, -options.eol.length);
  return out;
}

export function formatYaml(text: string, options: FormatOptions, range?: FormatRange): TextEdit[] {
  const formatted = formattedYaml(text, options);
  if (formatted === undefined || formatted === text) return [];
  const edits = lineEdits(text, formatted, options.eol);
  if (!range) return edits;
  const end = range.offset + range.length;
  return edits.filter((e) => e.offset >= lineStart(text, range.offset) && e.offset + e.length <= lineEnd(text, end));
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

/**
 * Edits that turn `before` into `after`, line by line: the common leading and trailing lines are kept;
 * in between, lines pair up one to one when both sides have as many (one edit per changed line, so range
 * formatting can keep only the lines it was asked about), else one edit replaces the block.
 */
export function lineEdits(before: string, after: string, eol: string): TextEdit[] {
  const a = before.split(eol);
  const b = after.split(eol);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const starts: number[] = [];
  let offset = 0;
  for (const line of a) {
    starts.push(offset);
    offset += line.length + eol.length;
  }
  const aEnd = a.length - tail;
  const bEnd = b.length - tail;
  if (aEnd - head === bEnd - head) {
    const edits: TextEdit[] = [];
    for (let i = head; i < aEnd; i++)
      if (a[i] !== b[i]) edits.push({ offset: starts[i]!, length: a[i]!.length, content: b[i]! });
    return edits;
  }
  // Replace lines head..aEnd-1 of `before` by lines head..bEnd-1 of `after`.
  const inserted = b.slice(head, bEnd);
  if (aEnd < a.length) {
    // A kept line follows: every replaced and inserted line carries its own line break.
    return [
      { offset: starts[head]!, length: starts[aEnd]! - starts[head]!, content: inserted.map((l) => l + eol).join('') },
    ];
  }
  // The block runs to the end of the text.
  if (head === a.length) return [{ offset: before.length, length: 0, content: eol + inserted.join(eol) }];
  if (inserted.length === 0) {
    const from = starts[head]! - eol.length;
    return [{ offset: from, length: before.length - from, content: '' }];
  }
  return [{ offset: starts[head]!, length: before.length - starts[head]!, content: inserted.join(eol) }];
}
