// JSONata strings: the `{% ... %}` delimiters (ASL305) and the expression's syntax (ASL306), parsed
// with the `jsonata` package (parse only, nothing is evaluated). Only strings that start with `{%` or
// end with `%}` are looked at, so plain literals cost nothing. Blanks inside the delimiters are optional.
// Source: https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
import jsonata from 'jsonata';
import type { SyntaxProblem } from './jsonpath';

export interface JsonataProblem extends SyntaxProblem {
  /** 'tooDeep': the parser ran out of stack; not a verdict on the expression. */
  kind: 'surround' | 'syntax' | 'tooDeep';
}

export function looksLikeJsonata(s: string): boolean {
  return s.startsWith('{%') || s.endsWith('%}');
}

export function checkJsonataString(s: string): JsonataProblem | undefined {
  if (!looksLikeJsonata(s)) return undefined;
  const len = s.length;
  if (!s.startsWith('{%'))
    return {
      kind: 'surround',
      message: 'the string ends with "%}" but does not start with "{%": write "{% <expression> %}"',
      index: Math.max(0, len - 2),
      length: 2,
    };
  if (!s.endsWith('%}') || len < 4)
    return {
      kind: 'surround',
      message:
        'the string starts with "{%" but does not end with "%}": write "{% <expression> %}" (nothing after "%}")',
      index: 0,
      length: 2,
    };
  const body = s.slice(2, -2);
  if (body.trim() === '')
    return {
      kind: 'surround',
      message: 'the JSONata expression between "{%" and "%}" is empty',
      index: 0,
      length: len,
    };
  // No whitespace rule: the docs show "{% <expression> %}" without requiring blanks, and AWS's own samples
  // deploy "{%$states.input%}" (issue 14, class 3).
  try {
    jsonata(body);
    return undefined;
  } catch (e) {
    if (e instanceof RangeError)
      return {
        kind: 'tooDeep',
        message: 'the expression is nested too deeply to be checked',
        index: 0,
        length: s.length,
      };
    const err = e as { message?: string; position?: number; token?: unknown };
    const pos = typeof err.position === 'number' ? Math.max(0, Math.min(err.position - 1, body.length - 1)) : 0;
    return { kind: 'syntax', message: err.message ?? 'invalid JSONata', index: 2 + pos, length: 1 };
  }
}
