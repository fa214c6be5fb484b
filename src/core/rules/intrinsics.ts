// A linear recursive-descent checker for intrinsic functions (`States.Format('{}', $.a)`, nested calls):
// known names, argument counts, literal argument types, Format placeholders, Hash algorithms.
// Source: https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
import { memoize } from '../memo';
import { checkPath, type SyntaxProblem } from './jsonpath';
import { didYouMean } from './util';

type ArgType = 'any' | 'number' | 'integer' | 'string' | 'boolean';
interface Signature {
  min: number;
  max: number;
  /** Literal types per position (the last one repeats); paths and nested calls are always accepted. */
  args: ArgType[];
}

export const INTRINSICS: ReadonlyMap<string, Signature> = new Map<string, Signature>([
  ['States.Format', { min: 1, max: Infinity, args: ['string', 'any'] }],
  ['States.StringToJson', { min: 1, max: 1, args: ['string'] }],
  ['States.JsonToString', { min: 1, max: 1, args: ['any'] }],
  ['States.Array', { min: 0, max: Infinity, args: ['any'] }],
  ['States.ArrayPartition', { min: 2, max: 2, args: ['any', 'integer'] }],
  ['States.ArrayContains', { min: 2, max: 2, args: ['any', 'any'] }],
  ['States.ArrayRange', { min: 3, max: 3, args: ['integer'] }],
  ['States.ArrayGetItem', { min: 2, max: 2, args: ['any', 'integer'] }],
  ['States.ArrayLength', { min: 1, max: 1, args: ['any'] }],
  ['States.ArrayUnique', { min: 1, max: 1, args: ['any'] }],
  ['States.Base64Encode', { min: 1, max: 1, args: ['string'] }],
  ['States.Base64Decode', { min: 1, max: 1, args: ['string'] }],
  ['States.Hash', { min: 2, max: 2, args: ['any', 'string'] }],
  ['States.JsonMerge', { min: 3, max: 3, args: ['any', 'any', 'boolean'] }],
  ['States.MathRandom', { min: 2, max: 3, args: ['integer'] }],
  ['States.MathAdd', { min: 2, max: 2, args: ['integer'] }],
  ['States.StringSplit', { min: 2, max: 2, args: ['string'] }],
  ['States.UUID', { min: 0, max: 0, args: [] }],
]);

const HASH_ALGORITHMS = ['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];
const MAX_NESTING = 32;

type Arg =
  | { kind: 'string'; value: string; index: number; end: number }
  | { kind: 'number'; value: number; index: number; end: number }
  | { kind: 'boolean' | 'null'; index: number; end: number }
  | { kind: 'path' | 'call'; index: number; end: number };

class Fail extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.message);
  }
}

/**
 * Checks a whole `.$` value that starts with "States.". Memoised per string: a definition repeats the
 * same few calls on many states (the problem returned is shared, read-only).
 */
export const checkIntrinsic: (s: string) => Readonly<SyntaxProblem> | undefined = memoize(parseIntrinsic);

function parseIntrinsic(s: string): SyntaxProblem | undefined {
  try {
    const p = new Parser(s);
    p.call(0);
    p.ws();
    if (p.i < s.length)
      return { message: 'unexpected text after the intrinsic function call', index: p.i, length: s.length - p.i };
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return e.problem;
    return { message: 'the intrinsic function could not be read', index: 0, length: s.length };
  }
}

class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  fail(message: string, index: number, length = 1): never {
    throw new Fail({ message, index, length: Math.max(1, length) });
  }

  call(depth: number): void {
    if (depth > MAX_NESTING) this.fail('intrinsic functions are nested too deeply', this.i);
    const start = this.i;
    const m = /^States\.[A-Za-z0-9]*/.exec(this.s.slice(this.i, this.i + 40));
    if (!m) this.fail('an intrinsic function name (States.<Name>) is expected', this.i);
    const name = m[0];
    const sig = INTRINSICS.get(name);
    if (!sig) {
      const s = didYouMean(name, INTRINSICS.keys());
      this.fail(`unknown intrinsic function "${name}"${s ? ` (did you mean "${s}"?)` : ''}`, start, name.length);
    }
    this.i += name.length;
    this.ws();
    if (this.s[this.i] !== '(') this.fail(`"(" is expected after ${name}`, this.i);
    this.i++;
    const args: Arg[] = [];
    this.ws();
    if (this.i >= this.s.length) this.fail(`${name}( is not closed: ")" is missing`, Math.max(0, this.s.length - 1));
    if (this.s[this.i] === ')') this.i++;
    else {
      for (;;) {
        this.ws();
        args.push(this.arg(depth));
        this.ws();
        const c = this.s[this.i];
        if (c === ',') {
          this.i++;
          continue;
        }
        if (c === ')') {
          this.i++;
          break;
        }
        this.fail(
          c === undefined ? `${name}( is not closed: ")" is missing` : `"," or ")" is expected, not "${c}"`,
          Math.min(this.i, this.s.length - 1),
        );
      }
    }
    this.signature(name, sig, args, start);
  }

  arg(depth: number): Arg {
    const s = this.s;
    const index = this.i;
    const c = s[index];
    if (c === undefined) this.fail('an argument is expected', Math.max(0, s.length - 1));
    if (s.startsWith('States.', index)) {
      this.call(depth + 1);
      return { kind: 'call', index, end: this.i };
    }
    if (c === "'") {
      let value = '';
      let j = index + 1;
      for (; j < s.length; j++) {
        const ch = s[j]!;
        if (ch === '\\') {
          value += ch + (s[j + 1] ?? '');
          j++;
        } else if (ch === "'") break;
        else value += ch;
      }
      if (j >= s.length) this.fail('the string argument is not closed with "\'"', index, s.length - index);
      this.i = j + 1;
      return { kind: 'string', value, index, end: this.i };
    }
    if (c === '$') {
      const end = this.pathEnd(index);
      const text = s.slice(index, end).trimEnd();
      const problem = checkPath(text, { kind: 'path', variables: true, context: true });
      if (problem) this.fail(problem.message, index + problem.index, problem.length);
      this.i = end;
      return { kind: 'path', index, end };
    }
    const lit = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(s.slice(index, index + 40));
    if (lit) {
      this.i = index + lit[0].length;
      const t = lit[0];
      if (t === 'true' || t === 'false') return { kind: 'boolean', index, end: this.i };
      if (t === 'null') return { kind: 'null', index, end: this.i };
      return { kind: 'number', value: Number(t), index, end: this.i };
    }
    if (c === '"') this.fail("string arguments use single quotes: 'text'", index);
    return this.fail(
      "an argument must be a 'string', a number, true/false, null, a path ($...) or an intrinsic function",
      index,
    );
  }

  /** End of a path argument: the next "," or ")" outside brackets and quotes. */
  pathEnd(from: number): number {
    const s = this.s;
    let depth = 0;
    let quote: string | undefined;
    for (let j = from; j < s.length; j++) {
      const c = s[j]!;
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = undefined;
        continue;
      }
      if (c === "'" || c === '"') quote = c;
      else if (c === '[' || c === '(') depth++;
      else if (c === ']' || (c === ')' && depth > 0)) depth--;
      else if ((c === ',' || c === ')') && depth === 0) return j;
    }
    return s.length;
  }

  signature(name: string, sig: Signature, args: Arg[], start: number): void {
    const count = args.length;
    if (count < sig.min || count > sig.max) {
      const expected =
        sig.min === sig.max ? `${sig.min}` : sig.max === Infinity ? `at least ${sig.min}` : `${sig.min} to ${sig.max}`;
      this.fail(
        `${name} takes ${expected} argument${sig.min === 1 && sig.max === 1 ? '' : 's'}, not ${count}`,
        start,
        this.i - start,
      );
    }
    args.forEach((a, n) => {
      const want = sig.args[Math.min(n, sig.args.length - 1)] ?? 'any';
      if (want === 'any' || a.kind === 'path' || a.kind === 'call') return;
      const ok =
        (want === 'string' && a.kind === 'string') ||
        (want === 'boolean' && a.kind === 'boolean') ||
        (want === 'number' && a.kind === 'number') ||
        (want === 'integer' && a.kind === 'number' && Number.isInteger(a.value));
      if (!ok)
        this.fail(
          `argument ${n + 1} of ${name} must be ${want === 'integer' ? 'an integer' : `a ${want}`} or a path`,
          a.index,
          a.end - a.index,
        );
    });
    if (name === 'States.Format' && args[0]?.kind === 'string') {
      const placeholders = countPlaceholders(args[0].value);
      if (placeholders !== count - 1)
        this.fail(
          `the States.Format template has ${placeholders} "{}" placeholder${placeholders === 1 ? '' : 's'} but ${count - 1} value argument${count === 2 ? '' : 's'}`,
          args[0].index,
          args[0].end - args[0].index,
        );
    }
    if (name === 'States.Hash' && args[1]?.kind === 'string' && !HASH_ALGORITHMS.includes(args[1].value))
      this.fail(
        `the States.Hash algorithm must be one of ${HASH_ALGORITHMS.join(', ')}`,
        args[1].index,
        args[1].end - args[1].index,
      );
  }
}

function countPlaceholders(template: string): number {
  let n = 0;
  for (let i = 0; i < template.length; i++) {
    if (template[i] === '\\') i++;
    else if (template[i] === '{' && template[i + 1] === '}') {
      n++;
      i++;
    }
  }
  return n;
}
