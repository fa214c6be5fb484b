// JSON parsing with jsonc-parser's visitor into the positional tree, reporting what the Step Functions
// service rejects (comments, trailing commas, duplicate keys, syntax errors) as findings, never throwing.
import { printParseErrorCode, visit } from 'jsonc-parser';
import type { Finding } from '../findings';
import { childPointer, type ArrayNode, type AstNode, type ObjectNode } from './ast';
import { ParseCodes, parseProblem } from './problems';

const MAX_SYNTAX_ERRORS = 20;

const syntaxMessages: Record<string, string> = {
  InvalidSymbol: 'Unexpected character: this is not valid JSON here.',
  InvalidNumberFormat: 'Invalid number.',
  PropertyNameExpected: 'A property name in double quotes is expected here.',
  ValueExpected: 'A value is expected here.',
  ColonExpected: 'A colon (:) is expected after the property name.',
  CommaExpected: 'A comma is expected between entries.',
  CloseBraceExpected: 'A closing brace (}) is expected: the object is not closed.',
  CloseBracketExpected: 'A closing bracket (]) is expected: the array is not closed.',
  EndOfFileExpected: 'Unexpected content after the end of the JSON document.',
  InvalidCommentToken: 'Invalid comment.',
  UnexpectedEndOfComment: 'The comment is not closed.',
  UnexpectedEndOfString: 'The string is not closed.',
  UnexpectedEndOfNumber: 'The number is not complete.',
  InvalidUnicode: 'Invalid unicode escape sequence.',
  InvalidEscapeCharacter: 'Invalid escape character in string.',
  InvalidCharacter: 'Invalid character in string (control characters must be escaped).',
};

interface Frame {
  node: ObjectNode | ArrayNode;
  key?: { name: string; offset: number; length: number };
  /** Offset of a comma not yet followed by an entry, or -1. */
  pendingComma: number;
}

export interface ParseResult {
  root: AstNode | undefined;
  problems: Finding[];
}

export function parseJson(text: string): ParseResult {
  const problems: Finding[] = [];
  const stack: Frame[] = [];
  let root: AstNode | undefined;
  let syntaxErrors = 0;

  const pointerForNext = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (top.node.kind === 'array') return childPointer(top.node.pointer, top.node.items.length);
    return childPointer(top.node.pointer, top.key?.name ?? '');
  };

  const attach = (child: AstNode): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root ??= child;
      return;
    }
    top.pendingComma = -1;
    if (top.node.kind === 'array') {
      top.node.items.push(child);
      return;
    }
    const key = top.key;
    if (!key) return;
    const property = { key: key.name, keyOffset: key.offset, keyLength: key.length, value: child, pointer: child.pointer };
    top.node.properties.push(property);
    if (top.node.byKey.has(key.name)) {
      problems.push(
        parseProblem(
          ParseCodes.duplicateKey,
          `Duplicate key "${key.name}": Step Functions rejects definitions with duplicate keys. Remove or rename one of them.`,
          key.offset,
          key.length,
          child.pointer,
        ),
      );
    } else {
      top.node.byKey.set(key.name, property);
    }
    top.key = undefined;
  };

  const close = (offset: number, length: number): void => {
    const frame = stack.pop();
    if (!frame) return;
    if (frame.pendingComma >= 0) {
      problems.push(
        parseProblem(
          ParseCodes.trailingComma,
          'Trailing comma: Step Functions rejects it. Remove the comma.',
          frame.pendingComma,
          1,
          frame.node.pointer,
        ),
      );
    }
    frame.node.length = offset + length - frame.node.offset;
    attach(frame.node);
  };

  visit(
    text,
    {
      onObjectBegin(offset) {
        const node: ObjectNode = { kind: 'object', offset, length: 1, pointer: pointerForNext(), properties: [], byKey: new Map() };
        stack.push({ node, pendingComma: -1 });
      },
      onObjectProperty(name, offset, length) {
        const top = stack[stack.length - 1];
        if (top) {
          top.key = { name, offset, length };
          top.pendingComma = -1;
        }
      },
      onObjectEnd: close,
      onArrayBegin(offset) {
        const node: ArrayNode = { kind: 'array', offset, length: 1, pointer: pointerForNext(), items: [] };
        stack.push({ node, pendingComma: -1 });
      },
      onArrayEnd: close,
      onLiteralValue(value, offset, length) {
        const kind = value === null ? 'null' : typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean';
        attach({ kind, value: value as string | number | boolean | null, offset, length, pointer: pointerForNext() });
      },
      onSeparator(character, offset) {
        const top = stack[stack.length - 1];
        if (character === ',' && top) top.pendingComma = offset;
      },
      onComment(offset, length) {
        problems.push(
          parseProblem(ParseCodes.comment, 'Comments are not allowed: Step Functions rejects them. Remove the comment.', offset, length),
        );
      },
      onError(error, offset, length) {
        const name = printParseErrorCode(error);
        if (name === 'InvalidCommentToken') return; // reported by onComment
        if (++syntaxErrors > MAX_SYNTAX_ERRORS) return;
        const message = syntaxMessages[name] ?? 'Invalid JSON.';
        problems.push(parseProblem(ParseCodes.syntax, `JSON syntax error: ${message}`, offset, Math.max(length, 1)));
      },
    },
    { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true },
  );
  // A truncated document leaves containers open: close them at the end of the text.
  while (stack.length) close(text.length, 0);
  return { root, problems };
}
