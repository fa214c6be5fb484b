// A small linear checker for the JSONPath dialect of Step Functions: paths (`$.a[0].b`, `$..x`,
// filters), reference paths (only `.name`, `['name']` and `[index]`), the context object (`$$.`) and
// variables (`$name`). Returns the first problem with its index in the string, never throws.
// Source: https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html

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

const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_]/;
const INDEX = /^-?\d+$/;
const SLICE = /^-?\d*\s*:\s*-?\d*(\s*:\s*-?\d*)?$/;
const INDEX_UNION = /^-?\d+(\s*,\s*-?\d+)+$/;
const QUOTED = /^('([^'\\]|\\.)*'|"([^"\\]|\\.)*")$/;

export function checkPath(s: string, opts: PathOptions): SyntaxProblem | undefined {
  const ref = opts.kind === 'reference';
  if (!s.startsWith('$')) return { message: 'a path must start with "$"', index: 0, length: Math.max(1, s.length) };
  let i = 1;
  if (s[1] === '$') {
    if (!opts.context) return { message: 'the context object ($$) cannot be used here', index: 0, length: 2 };
    i = 2;
  } else if (s[1] !== undefined && IDENT_START.test(s[1])) {
    let j = 2;
    while (j < s.length && IDENT.test(s[j]!)) j++;
    if (!opts.variables) return { message: `the variable "${s.slice(0, j)}" cannot be used here`, index: 0, length: j };
    i = j;
  }
  while (i < s.length) {
    const c = s[i]!;
    if (c === '.') {
      let descendant = false;
      if (s[i + 1] === '.') {
        if (ref) return { message: '".." (deep scan) is not allowed in a reference path', index: i, length: 2 };
        descendant = true;
        i += 2;
      } else i += 1;
      if (s[i] === '*') {
        if (ref) return { message: '"*" is not allowed in a reference path', index: i, length: 1 };
        i++;
        continue;
      }
      if (descendant && s[i] === '[') continue;
      let j = i;
      while (j < s.length && s[j] !== '.' && s[j] !== '[' && s[j] !== ']') j++;
      if (j === i) return { message: 'a field name is expected after "."', index: i < s.length ? i : i - 1, length: 1 };
      if (s[j] === ']') return { message: 'unexpected "]"', index: j, length: 1 };
      i = j;
    } else if (c === '[') {
      const close = matchingBracket(s, i);
      if (close < 0) return { message: '"[" is not closed', index: i, length: 1 };
      const content = s.slice(i + 1, close).trim();
      const problem = bracketProblem(content, ref);
      if (problem) return { message: problem, index: i, length: close - i + 1 };
      i = close + 1;
    } else {
      return { message: `unexpected "${c}": continue the path with ".name" or "[...]"`, index: i, length: 1 };
    }
  }
  return undefined;
}

function bracketProblem(content: string, ref: boolean): string | undefined {
  if (content === '') return 'empty "[]"';
  if (INDEX.test(content) || QUOTED.test(content)) return undefined;
  const notRef = (what: string): string | undefined => (ref ? `${what} is not allowed in a reference path` : undefined);
  if (content === '*') return notRef('"[*]"');
  if (content.startsWith('?(') || content.startsWith('(')) {
    if (!content.endsWith(')')) return 'a filter or script expression must end with ")"';
    return notRef('a filter expression');
  }
  if (SLICE.test(content)) return notRef('an array slice');
  if (INDEX_UNION.test(content)) return notRef('a union of indexes');
  const parts = splitTopLevel(content, ',');
  if (parts.length > 1 && parts.every((p) => QUOTED.test(p.trim()))) return notRef('a union of names');
  return `"[${content}]" is not an index, a quoted name, a slice or a filter`;
}

/** Index of the "]" matching the "[" at `open`, skipping quotes and nested brackets/parentheses; -1 if none. */
export function matchingBracket(s: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      depth--;
      if (depth === 0) return c === ']' ? i : -1;
      if (depth < 0) return -1;
    }
  }
  return -1;
}

function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === sep) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}
