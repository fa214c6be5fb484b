// A small, independent reader of VS Code's snippet syntax, used to expand the shipped snippet files the way
// the editor would when the user accepts every default: `$n` / `${n}` (mirrors), `${n:default}` (nested),
// `${n|a,b|}` (first choice, or a chosen one), `$0`, escapes (`\$`, `\}`, `\\`; `\,` `\|` in choices).
// Anything else that starts with `$` (a variable such as `$states`, which the editor would swallow) throws,
// so an unescaped `$` in a snippet fails the tests instead of silently corrupting the inserted text.

type Node = { text: string } | { tabstop: number; children?: Node[]; choices?: string[] };

export interface ExpandOptions {
  /** Pick choice number `index` for tab stop `n` instead of the first one. */
  choose?: Record<number, number>;
}

export interface Expansion {
  text: string;
  /** Tab stops seen (0 included when present). */
  tabstops: Set<number>;
  /** Tab stops with a choice, and their options. */
  choices: Map<number, string[]>;
}

export function parseSnippet(body: string): Node[] {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i} in snippet: ${JSON.stringify(body.slice(Math.max(0, i - 20), i + 20))}`);
  };
  const parseNodes = (inPlaceholder: boolean): Node[] => {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ text });
      text = '';
    };
    while (i < body.length) {
      const c = body[i]!;
      if (c === '\\') {
        const next = body[i + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          i += 2;
        } else {
          text += c;
          i++;
        }
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        flush();
        nodes.push(parseDollar());
      } else {
        text += c;
        i++;
      }
    }
    flush();
    return nodes;
  };
  const parseDollar = (): Node => {
    i++; // $
    const digits = /^\d+/.exec(body.slice(i));
    if (digits) {
      i += digits[0].length;
      return { tabstop: Number(digits[0]) };
    }
    if (body[i] !== '{') fail('unescaped "$" (the editor reads it as a variable)');
    i++;
    const n = /^\d+/.exec(body.slice(i));
    if (!n) fail('"${" must be followed by a tab stop number (variables are not used in our snippets)');
    i += n![0].length;
    const tabstop = Number(n![0]);
    const c = body[i];
    if (c === '}') {
      i++;
      return { tabstop };
    }
    if (c === ':') {
      i++;
      const children = parseNodes(true);
      if (body[i] !== '}') fail('unclosed placeholder');
      i++;
      return { tabstop, children };
    }
    if (c === '|') {
      i++;
      const choices: string[] = [];
      let current = '';
      for (;;) {
        const ch = body[i];
        if (ch === undefined) fail('unclosed choice');
        if (ch === '\\' && body[i + 1] !== undefined && '$}\\,|'.includes(body[i + 1]!)) {
          current += body[i + 1];
          i += 2;
        } else if (ch === ',') {
          choices.push(current);
          current = '';
          i++;
        } else if (ch === '|' && body[i + 1] === '}') {
          choices.push(current);
          i += 2;
          break;
        } else {
          current += ch;
          i++;
        }
      }
      return { tabstop, choices };
    }
    return fail('unexpected character after tab stop number');
  };
  return parseNodes(false);
}

/** Expands a snippet body (lines joined with \n) with its defaults, resolving mirrors like the editor. */
export function expandSnippet(body: string | string[], options: ExpandOptions = {}): Expansion {
  const source = Array.isArray(body) ? body.join('\n') : body;
  const nodes = parseSnippet(source);
  const tabstops = new Set<number>();
  const choices = new Map<number, string[]>();
  const values = new Map<number, string>();
  // First pass: the value of every tab stop that has a default or a choice (the editor uses the first one).
  const collect = (list: Node[]): void => {
    for (const node of list) {
      if ('text' in node) continue;
      tabstops.add(node.tabstop);
      if (node.choices) {
        if (choices.has(node.tabstop)) throw new Error(`tab stop ${node.tabstop} has two choice lists`);
        choices.set(node.tabstop, node.choices);
        const index = options.choose?.[node.tabstop] ?? 0;
        if (!values.has(node.tabstop)) values.set(node.tabstop, node.choices[index]!);
      } else if (node.children) {
        collect(node.children);
        if (!values.has(node.tabstop)) values.set(node.tabstop, render(node.children));
      }
    }
  };
  const render = (list: Node[]): string =>
    list
      .map((node) => {
        if ('text' in node) return node.text;
        return values.get(node.tabstop) ?? (node.children ? render(node.children) : '');
      })
      .join('');
  collect(nodes);
  return { text: render(nodes), tabstops, choices };
}
