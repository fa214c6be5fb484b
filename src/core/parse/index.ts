// The parse entry: picks JSON or YAML, guards against what would hang or overflow (size, nesting),
// and turns BOMs, empty files and non-object roots into findings.
import type { Finding } from '../findings';
import type { AstNode, ObjectNode } from './ast';
import { parseWithRecovery, type ParseResult } from './json';
import { parseStrictJson } from './strictJson';
import { parseYaml } from './yaml';
import { ParseCodes, parseProblem } from './problems';

export type LanguageId = 'asl' | 'asl-yaml';

export interface ParseOptions {
  languageId?: LanguageId;
  /** Texts longer than this (in characters) are not analysed; one finding says so. */
  maxSize?: number;
}

export interface ParsedDocument {
  text: string;
  languageId: LanguageId;
  root: ObjectNode | undefined;
  problems: Finding[];
}

export const DEFAULT_MAX_SIZE = 5_000_000;
export const MAX_NESTING = 1000;

export function parseDefinition(text: string, options: ParseOptions = {}): ParsedDocument {
  const languageId = options.languageId ?? 'asl';
  const out: ParsedDocument = { text, languageId, root: undefined, problems: [] };
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  if (text.length > maxSize) {
    out.problems.push(
      parseProblem(
        ParseCodes.tooLarge,
        `The file has ${text.length} characters, over the ${maxSize}-character limit for validation (setting sfnCrossings.maxFileSize). Step Functions accepts definitions up to 1 MB.`,
        0,
        0,
      ),
    );
    return out;
  }
  let body = text;
  if (text.charCodeAt(0) === 0xfeff) {
    out.problems.push(
      parseProblem(
        ParseCodes.bom,
        'The file starts with a byte order mark (BOM): save it as UTF-8 without BOM.',
        0,
        1,
        '',
        'warning',
      ),
    );
    body = ' ' + text.slice(1); // same length: offsets stay valid
  }
  if (isBlank(body)) {
    out.problems.push(
      parseProblem(
        ParseCodes.empty,
        'The file is empty: a state machine definition is an object with "StartAt" and "States".',
        0,
        0,
      ),
    );
    return out;
  }
  let root: AstNode | undefined;
  try {
    // Strictly valid JSON (the common case) parses in one fast pass that also bounds the nesting;
    // anything else goes through the tolerant parsers after a nesting check.
    const fast = languageId === 'asl' ? parseStrictJson(body, MAX_NESTING) : undefined;
    let result: ParseResult | undefined = fast;
    if (!result) {
      const depth = maxNesting(body);
      if (depth > MAX_NESTING) {
        out.problems.push(
          parseProblem(
            ParseCodes.tooDeep,
            `The document is nested ${depth} levels deep, over the limit of ${MAX_NESTING}: it cannot be a valid state machine.`,
            0,
            1,
          ),
        );
        return out;
      }
      result = languageId === 'asl-yaml' ? parseYaml(body) : parseWithRecovery(body);
    }
    root = result.root;
    out.problems.push(...result.problems);
  } catch (e) {
    out.problems.push(
      parseProblem(ParseCodes.internal, `The document could not be parsed: ${(e as Error).message}`, 0, 1),
    );
    return out;
  }
  if (root && root.kind !== 'object') {
    out.problems.push(
      parseProblem(
        ParseCodes.rootNotObject,
        `The definition is ${root.kind === 'array' ? 'an array' : `a ${root.kind}`}: a state machine definition must be an object with "StartAt" and "States".`,
        root.offset,
        Math.max(1, Math.min(root.length, 1)),
      ),
    );
  } else if (root) out.root = root;
  return out;
}

/** The deepest bracket nesting outside strings (JSON and YAML flow style), in one pass. */
function maxNesting(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** Only whitespace (without copying the text, as `trim()` would). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && !/\s/.test(text[i]!)) return false;
  }
  return true;
}
