// Tolerant JSON parsing with jsonc-parser's visitor into the positional tree, for text the strict fast
// path (strictJson.ts) gave up on: it reports what the Step Functions service rejects (comments,
// trailing commas, duplicate keys, syntax errors) as findings, never throwing.
import { printParseErrorCode, visit } from 'jsonc-parser';
import type { Finding } from '../findings';
import {
  type ArrayNode,
  arrayNode,
  type AstNode,
  duplicateProperties,
  objectNode,
  type ObjectNode,
  pointerOf,
  propertyNode,
  scalarNode,
} from './ast';
import { duplicateKeyProblem, ParseCodes, parseProblem } from './problems';

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
  UnexpectedEndOfComment: 'The comment is not closed.',
  UnexpectedEndOfString: 'The string is not closed.',
  UnexpectedEndOfNumber: 'The number is not complete.',
  InvalidUnicode: 'Invalid unicode escape sequence.',
  InvalidEscapeCharacter: 'Invalid escape character in string.',
  InvalidCharacter: 'Invalid character in string (control characters must be escaped).',
};

export interface ParseResult {
  root: AstNode | undefined;
  problems: Finding[];
}

/** jsonc-parser's visitor: tolerant of comments, trailing commas and errors, which it reports. */
export function parseWithRecovery(text: string): ParseResult {
  const problems: Finding[] = [];
  // The open containers; for objects, the key waiting for its value.
  const stack: Array<ObjectNode | ArrayNode> = [];
  let top: ObjectNode | ArrayNode | undefined;
  let pendingKey: string | undefined;
  let pendingKeyOffset = 0;
  let pendingKeyLength = 0;
  /** Offset of a comma not yet followed by an entry, or -1. */
  let pendingComma = -1;
  let root: AstNode | undefined;
  let syntaxErrors = 0;

  const keyForNext = (): string | number | undefined =>
    top === undefined ? undefined : top.kind === 'array' ? top.items.length : (pendingKey ?? '');

  const attach = (child: AstNode): void => {
    pendingComma = -1;
    if (top === undefined) {
      root ??= child;
    } else if (top.kind === 'array') {
      top.items.push(child);
    } else if (pendingKey !== undefined) {
      top.properties.push(propertyNode(pendingKey, pendingKeyOffset, pendingKeyLength, child));
      pendingKey = undefined;
    }
  };

  const open = (node: ObjectNode | ArrayNode): void => {
    attach(node);
    if (top) stack.push(top);
    top = node;
    pendingKey = undefined;
  };

  const close = (offset: number, length: number): void => {
    const node = top;
    if (!node) return;
    if (pendingComma >= 0) {
      problems.push(
        parseProblem(
          ParseCodes.trailingComma,
          'Trailing comma: Step Functions rejects it. Remove the comma.',
          pendingComma,
          1,
          pointerOf(node),
        ),
      );
    }
    node.length = offset + length - node.offset;
    if (node.kind === 'object') for (const p of duplicateProperties(node)) problems.push(duplicateKeyProblem(p));
    top = stack.pop();
    pendingKey = undefined;
    pendingComma = -1;
  };

  visit(
    text,
    {
      onObjectBegin(offset) {
        open(objectNode(offset, 1, top, keyForNext()));
      },
      onObjectProperty(name, offset, length) {
        pendingKey = name;
        pendingKeyOffset = offset;
        pendingKeyLength = length;
        pendingComma = -1;
      },
      onObjectEnd: close,
      onArrayBegin(offset) {
        open(arrayNode(offset, 1, top, keyForNext()));
      },
      onArrayEnd: close,
      onLiteralValue(value, offset, length) {
        const kind =
          value === null
            ? 'null'
            : typeof value === 'string'
              ? 'string'
              : typeof value === 'number'
                ? 'number'
                : 'boolean';
        attach(scalarNode(kind, value as string | number | boolean | null, offset, length, top, keyForNext()));
      },
      onSeparator(character, offset) {
        if (character === ',' && top) pendingComma = offset;
      },
      onComment(offset, length) {
        problems.push(
          parseProblem(
            ParseCodes.comment,
            'Comments are not allowed: Step Functions rejects them. Remove the comment.',
            offset,
            length,
          ),
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
  while (top) close(text.length, 0);
  return { root, problems };
}
