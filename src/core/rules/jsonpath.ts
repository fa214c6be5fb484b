// The one JSONPath grammar of the rules: the dialect Step Functions parses, which is Jayway JsonPath's
// (PathCompiler and FilterCompiler) plus the service's own roots: the context object (`$$.`) and
// variables (`$name`). Every path-taking field, Choice `Variable`, `.$` value and intrinsic argument is
// checked here. Jayway accepts a dot before a bracket (`$.[0]`, `$.a.[0].b`, `$.[*].['x','y']`), names
// with any character but a blank after a dot, and filters whose operands are paths, quoted strings,
// numbers, true/false/null, regexes or JSON literals (an unquoted word is rejected). Reference paths
// (ResultPath, ItemsPath, Variable, *Path fields) must select one node: no `..`, `*`, filters, slices or
// unions. Returns the first problem with its index in the string, never throws.
// Sources: https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
// and Jayway JsonPath 2.10.0 (https://github.com/json-path/JsonPath, PathCompiler.java, FilterCompiler.java).

export interface SyntaxProblem {
  message: string;
  /** Index and length in the (decoded) string. */
  index: number;
  length: number;
}

export interface PathOptions {
  /** 'reference': a path that selects a single node (ResultPath, ItemsPath, Variable, *Path fields). */
  kind: 'path' | 'reference';
  /** `$name` and `$name.field` (workflow variables). */
  variables: boolean;
  /** `$$` and `$$.Execution...` (the context object). */
  context: boolean;
}

const FILTER_PATH: PathOptions = { kind: 'path', variables: true, context: true };
const MAX_DEPTH = 32;

class Fail {
  constructor(readonly problem: SyntaxProblem) {}
}

function fail(message: string, index: number, length = 1): never {
  throw new Fail({ message, index, length: Math.max(1, length) });
}

export function checkPath(s: string, opts: PathOptions): SyntaxProblem | undefined {
  if (s.charCodeAt(0) !== 36 /* $ */)
    return { message: 'a path must start with "$"', index: 0, length: Math.max(1, s.length) };
  let end = s.length;
  while (end > 1 && isBlank(s.charCodeAt(end - 1))) end--; // Jayway trims the path
  try {
    readPath(s, 0, end, opts, 0);
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return clamp(e.problem, s.length);
    return { message: 'the path could not be read', index: 0, length: Math.max(1, s.length) };
  }
}

function clamp(p: SyntaxProblem, n: number): SyntaxProblem {
  const index = Math.max(0, Math.min(p.index, n - 1));
  return { message: p.message, index, length: Math.max(1, Math.min(p.length, n - index)) };
}

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdent = (c: number): boolean => isIdentStart(c) || isDigit(c);

/** A whole path in s[start, end): `$`, `$$`, `$name` or (inside a filter) `@`, then its tokens. */
function readPath(s: string, start: number, end: number, opts: PathOptions, depth: number): void {
  if (depth > MAX_DEPTH) fail('the path is nested too deeply', start);
  let i = start + 1;
  const root = s.charCodeAt(start);
  if (root === 36 && s.charCodeAt(i) === 36 && i < end) {
    if (!opts.context) fail('the context object ($$) cannot be used here', start, 2);
    i++;
  } else if (root === 36 && i < end && isIdentStart(s.charCodeAt(i))) {
    let j = i + 1;
    while (j < end && isIdent(s.charCodeAt(j))) j++;
    if (!opts.variables) fail(`the variable "${s.slice(start, j)}" cannot be used here`, start, j - start);
    i = j;
  }
  readTokens(s, i, end, opts.kind === 'reference', depth);
}

/** Jayway's readNextToken loop: `.name`, `..name`, `.*`, `[...]`, `.[...]`, `name()` functions. */
function readTokens(s: string, i: number, end: number, ref: boolean, depth: number): void {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      if (i + 1 < end && s.charCodeAt(i + 1) === 46) {
        if (ref) fail('".." (deep scan) is not allowed in a reference path', i, 2);
        i += 2;
        if (i >= end) fail('a path cannot end with ".."', i - 2, 2);
      } else {
        i += 1;
        if (i >= end) fail('a field name is expected after "."', i - 1);
      }
      const next = s.charCodeAt(i);
      if (next === 46) fail('unexpected "."', i);
      if (next === 91 /* [ */) continue;
      if (next === 42 /* * */) {
        if (ref) fail('"*" is not allowed in a reference path', i);
        i++;
        continue;
      }
      i = readName(s, i, end);
    } else if (c === 91 /* [ */) {
      i = readBracket(s, i, end, ref, depth);
    } else if (c === 42 /* * */ && !ref) {
      i++;
    } else {
      fail(`unexpected "${s[i]}": continue the path with ".name" or "[...]"`, i);
    }
  }
}

/** A name after a dot: anything up to ".", "[" or "(" (a function call such as `length()`); no blanks. */
function readName(s: string, i: number, end: number): number {
  let j = i;
  while (j < end) {
    const c = s.charCodeAt(j);
    if (c === 46 || c === 91) break;
    if (isBlank(c)) fail(`a name after "." cannot hold a blank: write ['${s.slice(i, j)} ...'] instead`, j);
    if (c === 40 /* ( */) {
      const close = closing(s, j, end);
      if (close < 0) fail('"(" is not closed', j);
      return close + 1;
    }
    j++;
  }
  return j;
}

/** One `[...]` token: quoted names, indexes, slices, `*` or a filter. Returns the index after "]". */
function readBracket(s: string, open: number, end: number, ref: boolean, depth: number): number {
  const first = skipBlanks(s, open + 1, end);
  if (first >= end) fail('"[" is not closed', open);
  const c = s.charCodeAt(first);
  if (c === 39 || c === 34) return readQuotedNames(s, open, first, end, ref);
  if (isDigit(c) || c === 45 /* - */ || c === 58 /* : */) return readIndexes(s, open, end, ref);
  if (c === 42 /* * */) {
    const close = skipBlanks(s, first + 1, end);
    if (close >= end) fail('"[" is not closed', open);
    if (s.charCodeAt(close) !== 93) fail('"[*" must be closed with "]"', open, close - open + 1);
    if (ref) fail('"[*]" is not allowed in a reference path', open, close - open + 1);
    return close + 1;
  }
  if (c === 63 /* ? */) return readFilter(s, open, first, end, ref, depth);
  if (c === 93 /* ] */) fail('empty "[]"', open, first - open + 1);
  const close = s.indexOf(']', open);
  const shown = close > 0 && close < end ? s.slice(open, close + 1) : s.slice(open, Math.min(end, open + 20));
  fail(`"${shown}" is not an index, a quoted name ('name'), "*" or a filter ("?(...)")`, open, shown.length);
}

/** `['a']`, `['a','b']` (one kind of quote, backslash escapes). */
function readQuotedNames(s: string, open: number, first: number, end: number, ref: boolean): number {
  const quote = s.charCodeAt(first);
  let names = 0;
  let i = first;
  for (;;) {
    // at a quote
    let j = i + 1;
    while (j < end && s.charCodeAt(j) !== quote) j += s.charCodeAt(j) === 92 /* \ */ ? 2 : 1;
    if (j >= end) fail(`the name is not closed with ${s[i]}`, i, end - i);
    names++;
    const k = skipBlanks(s, j + 1, end);
    if (k >= end) fail('"[" is not closed', open);
    const next = s.charCodeAt(k);
    if (next === 93 /* ] */) {
      if (names > 1 && ref) fail('a union of names is not allowed in a reference path', open, k - open + 1);
      return k + 1;
    }
    if (next !== 44 /* , */) fail('names in "[...]" are separated by "," and closed with "]"', Math.min(k, end - 1));
    const n = skipBlanks(s, k + 1, end);
    if (s.charCodeAt(n) !== quote) fail(`a name in quotes (${s[first]}...${s[first]}) is expected after ","`, k);
    i = n;
  }
}

/** `[0]`, `[-1]`, `[0,2]`, `[1:3]`, `[:2]`, `[-2:]`: digits, ",", "-", ":" and blanks only. */
function readIndexes(s: string, open: number, end: number, ref: boolean): number {
  let close = -1;
  let colon = false;
  let comma = false;
  for (let j = open + 1; j < end; j++) {
    const c = s.charCodeAt(j);
    if (c === 93) {
      close = j;
      break;
    }
    if (c === 58) colon = true;
    else if (c === 44) comma = true;
    else if (!isDigit(c) && c !== 45 && !isBlank(c))
      fail(`"${s[j]}" cannot appear in an index or a slice (write ['name'] for a name)`, j);
  }
  if (close < 0) fail('"[" is not closed', open);
  const content = s.slice(open + 1, close).trim();
  const ok = colon
    ? /^-?\d*\s*:\s*-?\d*(\s*:\s*-?\d*)?$/.test(content)
    : comma
      ? /^-?\d+(\s*,\s*-?\d+)+$/.test(content)
      : /^-?\d+$/.test(content);
  if (!ok) fail(`"[${content}]" is not an index, a list of indexes or a slice`, open, close - open + 1);
  if (ref && colon) fail('an array slice is not allowed in a reference path', open, close - open + 1);
  if (ref && comma) fail('a union of indexes is not allowed in a reference path', open, close - open + 1);
  return close + 1;
}

/** `[?(<expression>)]`. */
function readFilter(s: string, open: number, question: number, end: number, ref: boolean, depth: number): number {
  const paren = skipBlanks(s, question + 1, end);
  if (s.charCodeAt(paren) !== 40) fail('a filter is written "[?(<expression>)]"', open, paren - open + 1);
  const close = closing(s, paren, end);
  if (close < 0) fail('the filter\'s "(" is not closed', paren);
  const bracket = skipBlanks(s, close + 1, end);
  if (s.charCodeAt(bracket) !== 93) fail('a filter must end with ")]"', Math.min(bracket, end - 1));
  if (ref) fail('a filter expression is not allowed in a reference path', open, bracket - open + 1);
  const f = new FilterReader(s, paren, close + 1, depth + 1);
  f.or();
  f.i = skipBlanks(s, f.i, f.end);
  if (f.i < f.end) fail('unexpected text in the filter', f.i, f.end - f.i);
  return bracket + 1;
}

function skipBlanks(s: string, i: number, end: number): number {
  while (i < end && isBlank(s.charCodeAt(i))) i++;
  return i;
}

/**
 * The bracket that closes the "(", "[" or "{" at `open` (pairs matched, quoted strings and the regex after
 * "=~" skipped), or -1 when there is none or a closer does not match its opener.
 */
function closing(s: string, open: number, end: number): number {
  const expected: number[] = [];
  for (let i = open; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 39 || c === 34 || (c === 47 /* / */ && previousSignificant(s, i, open) === 126) /* ~ */) {
      i = skipQuoted(s, i, end);
      if (i < 0) return -1;
    } else if (c === 40) expected.push(41);
    else if (c === 91) expected.push(93);
    else if (c === 123) expected.push(125);
    else if (c === 41 || c === 93 || c === 125) {
      if (expected.pop() !== c) return -1;
      if (expected.length === 0) return i;
    }
  }
  return -1;
}

/** Index of the closing delimiter of the string that starts at `i` (same character), or -1. */
function skipQuoted(s: string, i: number, end: number): number {
  const quote = s.charCodeAt(i);
  for (let j = i + 1; j < end; j++) {
    const c = s.charCodeAt(j);
    if (c === 92) j++;
    else if (c === quote) return j;
  }
  return -1;
}

function previousSignificant(s: string, i: number, from: number): number {
  for (let j = i - 1; j >= from; j--) if (!isBlank(s.charCodeAt(j))) return s.charCodeAt(j);
  return -1;
}

const WORD_OPERATORS = new Set([
  'in',
  'nin',
  'contains',
  'all',
  'size',
  'exists',
  'type',
  'matches',
  'empty',
  'subsetof',
  'anyof',
  'noneof',
]);
const SYMBOL_OPERATORS = new Set(['==', '!=', '<', '<=', '>', '>=', '=~', '===', '!==']);
const isOperatorChar = (c: number): boolean => c === 60 || c === 62 || c === 61 || c === 126 || c === 33;

/** Jayway's FilterCompiler over s[i, end): `||` of `&&` of operands; an operand is `!x`, `(x)` or `a [op b]`. */
class FilterReader {
  constructor(
    readonly s: string,
    public i: number,
    readonly end: number,
    readonly depth: number,
  ) {}

  or(): void {
    this.and();
    while (this.sees('||')) {
      this.i += 2;
      this.and();
    }
  }

  and(): void {
    this.operand();
    while (this.sees('&&')) {
      this.i += 2;
      this.operand();
    }
  }

  operand(): void {
    this.i = skipBlanks(this.s, this.i, this.end);
    const c = this.s.charCodeAt(this.i);
    if (c === 33 /* ! */) {
      const n = skipBlanks(this.s, this.i + 1, this.end);
      const next = this.s.charCodeAt(n);
      if (next !== 64 && next !== 36) {
        this.i = n;
        this.operand();
        return;
      }
    }
    if (c === 40 /* ( */) {
      this.i++;
      this.or();
      this.i = skipBlanks(this.s, this.i, this.end);
      if (this.s.charCodeAt(this.i) !== 41) fail('")" is expected in the filter', Math.min(this.i, this.end - 1));
      this.i++;
      return;
    }
    this.comparison();
  }

  /** `value`, or `value <operator> value`; a lone value must be a path (an existence test). */
  comparison(): void {
    const left = this.value();
    const n = skipBlanks(this.s, this.i, this.end);
    const c = this.s.charCodeAt(n);
    if (n >= this.end || c === 41 || this.s.startsWith('&&', n) || this.s.startsWith('||', n)) {
      if (!left) fail('a filter test without an operator must be a path (@.name)', n - 1);
      return;
    }
    this.i = n;
    this.operator();
    this.value();
  }

  operator(): void {
    const s = this.s;
    const start = this.i;
    let j = start;
    if (isOperatorChar(s.charCodeAt(j))) while (j < this.end && isOperatorChar(s.charCodeAt(j))) j++;
    else while (j < this.end && !isBlank(s.charCodeAt(j)) && s.charCodeAt(j) !== 41) j++;
    const op = s.slice(start, j);
    if (!SYMBOL_OPERATORS.has(op) && !WORD_OPERATORS.has(op.toLowerCase()))
      fail(`"${op}" is not a filter operator (==, !=, <, <=, >, >=, =~, in, nin, ...)`, start, j - start);
    this.i = j;
  }

  /** One operand; true when it is a path. */
  value(): boolean {
    const s = this.s;
    const start = skipBlanks(s, this.i, this.end);
    this.i = start;
    let c = s.charCodeAt(start);
    let at = start;
    if (c === 33 /* ! */) {
      at = skipBlanks(s, start + 1, this.end);
      c = s.charCodeAt(at);
      if (c !== 64 && c !== 36) fail('"!" in a filter is followed by a path or "("', start);
    }
    if (c === 64 /* @ */ || c === 36 /* $ */) {
      const stop = this.pathEnd(at);
      readPath(s, at, stop, FILTER_PATH, this.depth);
      this.i = stop;
      return true;
    }
    if (c === 39 || c === 34) {
      const close = skipQuoted(s, start, this.end);
      if (close < 0) fail('the string in the filter is not closed', start, this.end - start);
      this.i = close + 1;
      return false;
    }
    if (c === 47 /* / */) {
      const close = skipQuoted(s, start, this.end);
      if (close < 0) fail('the regular expression in the filter is not closed with "/"', start, this.end - start);
      let j = close + 1;
      while (j < this.end && isIdentStart(s.charCodeAt(j))) j++;
      this.i = j;
      return false;
    }
    if (c === 91 || c === 123) {
      const close = closing(s, start, this.end);
      if (close < 0) fail('the JSON value in the filter is not closed', start);
      this.i = close + 1;
      return false;
    }
    let j = start;
    while (j < this.end && !isBlank(s.charCodeAt(j)) && !isOperatorChar(s.charCodeAt(j))) {
      const ch = s.charCodeAt(j);
      if (ch === 41 || ch === 38 || ch === 124) break;
      j++;
    }
    const word = s.slice(start, j);
    if (
      word === 'true' ||
      word === 'false' ||
      word === 'null' ||
      /^[-+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(word)
    ) {
      this.i = j;
      return false;
    }
    if (word === '') fail('a value is expected in the filter', Math.min(start, this.end - 1));
    fail(
      `${JSON.stringify(word)} is not a value: quote text in a filter ('${word}'), or compare to a number, true, false, null or a path (@.name)`,
      start,
      word.length,
    );
  }

  /** Where a path operand stops (Jayway's readPath): a blank, an operator character or a ")" not its own. */
  pathEnd(from: number): number {
    const s = this.s;
    let parens = 0;
    let j = from + 1;
    while (j < this.end) {
      const c = s.charCodeAt(j);
      if (c === 91) {
        const close = closing(s, j, this.end);
        if (close < 0) fail('"[" is not closed', j);
        j = close + 1;
        continue;
      }
      if (c === 40) parens++;
      else if (c === 41) {
        if (parens === 0) break;
        parens--;
      } else if (isBlank(c) || isOperatorChar(c) || c === 38 || c === 124) break;
      j++;
    }
    return j;
  }

  sees(op: string): boolean {
    this.i = skipBlanks(this.s, this.i, this.end);
    return this.s.startsWith(op, this.i);
  }
}
