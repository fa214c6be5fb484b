// How a state name is written back into the document: the range of a name inside its JSON/YAML literal
// and the literal text for a new name (JSON escaping; YAML plain when safe, else quoted like the original).
import * as vscode from 'vscode';

/** The range of the name's characters (inside the quotes, when the literal is quoted and unescaped). */
export function nameRange(document: vscode.TextDocument, offset: number, length: number): vscode.Range {
  const raw = document.getText().slice(offset, offset + length);
  const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.endsWith(raw[0]);
  const inner = quoted ? { offset: offset + 1, length: length - 2 } : { offset, length };
  return new vscode.Range(document.positionAt(inner.offset), document.positionAt(inner.offset + inner.length));
}

const YAML_PLAIN_SAFE = /^[A-Za-z_][A-Za-z0-9_ .\-/()]*$/;
const YAML_RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

/**
 * The replacement for a whole literal (`offset`/`length` cover its quotes) so that it holds `name`,
 * written the way the original was (double-quoted, single-quoted or plain YAML).
 */
export function literalFor(document: vscode.TextDocument, offset: number, length: number, name: string): string {
  const first = length > 0 ? document.getText().charAt(offset) : '';
  if (first === '"' || document.languageId !== 'asl-yaml') return JSON.stringify(name);
  if (first === "'") return `'${name.replace(/'/g, "''")}'`;
  return YAML_PLAIN_SAFE.test(name) && !YAML_RESERVED.test(name) && !name.endsWith(' ') ? name : JSON.stringify(name);
}
