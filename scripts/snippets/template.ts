// The snippet template language and its two renderers. A snippet is written once as a plain JavaScript
// value whose strings may hold placeholders: «name:default» (a tab stop with a default, defaults may nest
// placeholders), «name|a,b,c|» (a choice) and «name» (a mirror of an earlier tab stop). Tab stops are
// numbered in order of first appearance (mirrors render as `${n}`), so the JSON form (`asl`) and the YAML form (`asl-yaml`) of one
// snippet get the same numbers and cannot drift apart. Everything else is literal text and is escaped for
// the VS Code snippet syntax (`$`, `}`, `\`) and for the target language (JSON / YAML strings).

/** A value rendered without quotes (a number or boolean that the user can overwrite), e.g. raw('«heartbeat:3600»'). */
export class Raw {
  constructor(readonly template: string) {}
}
export const raw = (template: string): Raw => new Raw(template);

export type TemplateValue = string | number | boolean | null | Raw | TemplateValue[] | { [key: string]: TemplateValue };

type Part = string | Placeholder;
interface Placeholder {
  name: string;
  /** Default text (may nest placeholders); undefined for a mirror or a choice. */
  parts?: Part[];
  choices?: string[];
}

const OPEN = '«';
const CLOSE = '»';

/** Parses a template string into literal text and placeholders. Throws on unbalanced markers (a bug in the catalog). */
export function parseTemplate(source: string): Part[] {
  let i = 0;
  const parseParts = (nested: boolean): Part[] => {
    const parts: Part[] = [];
    let literal = '';
    while (i < source.length) {
      const c = source[i]!;
      if (c === OPEN) {
        if (literal) parts.push(literal);
        literal = '';
        i++;
        parts.push(parsePlaceholder());
      } else if (c === CLOSE) {
        if (!nested) throw new Error(`unbalanced ${CLOSE} in template: ${source}`);
        break;
      } else {
        literal += c;
        i++;
      }
    }
    if (literal) parts.push(literal);
    return parts;
  };
  const parsePlaceholder = (): Placeholder => {
    const m = /^[A-Za-z][\w-]*/.exec(source.slice(i));
    if (!m) throw new Error(`placeholder name expected at ${i} in template: ${source}`);
    const name = m[0];
    i += name.length;
    const c = source[i];
    if (c === CLOSE) {
      i++;
      return { name };
    }
    if (c === ':') {
      i++;
      const parts = parseParts(true);
      if (source[i] !== CLOSE) throw new Error(`unclosed placeholder ${name} in template: ${source}`);
      i++;
      return { name, parts };
    }
    if (c === '|') {
      const end = source.indexOf('|' + CLOSE, i + 1);
      if (end < 0) throw new Error(`unclosed choice ${name} in template: ${source}`);
      const choices = source.slice(i + 1, end).split(',');
      i = end + 2;
      return { name, choices };
    }
    throw new Error(`unexpected "${c}" after placeholder ${name} in template: ${source}`);
  };
  const parts = parseParts(false);
  return parts;
}

/** The text a template gives when every placeholder keeps its default (the first choice). */
export function templateDefault(source: string): string {
  const defaults = new Map<string, string>();
  const expand = (parts: Part[]): string =>
    parts
      .map((p) => {
        if (typeof p === 'string') return p;
        if (p.choices) {
          defaults.set(p.name, p.choices[0]!);
          return p.choices[0]!;
        }
        if (p.parts) {
          const text = expand(p.parts);
          defaults.set(p.name, text);
          return text;
        }
        return defaults.get(p.name) ?? '';
      })
      .join('');
  return expand(parseTemplate(source));
}

/** Escapes literal text for the VS Code snippet syntax. */
function escapeSnippet(text: string, inPlaceholder: boolean): string {
  const escaped = text.replace(/[\\$]/g, (c) => '\\' + c);
  return inPlaceholder ? escaped.replace(/}/g, '\\}') : escaped;
}
function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => '\\' + c);
}

/** Numbers tab stops in order of first appearance; one instance per rendered snippet. */
class TabStops {
  private readonly numbers = new Map<string, number>();
  private readonly defaults = new Map<string, string>();
  number(name: string): { n: number; first: boolean } {
    const known = this.numbers.get(name);
    if (known !== undefined) return { n: known, first: false };
    const n = this.numbers.size + 1;
    this.numbers.set(name, n);
    return { n, first: true };
  }
  remember(name: string, text: string): void {
    this.defaults.set(name, text);
  }
  defaultOf(name: string): string | undefined {
    return this.defaults.get(name);
  }
}

/**
 * Renders a template for one target: `encode` escapes literal text for the target's string syntax (JSON string
 * content, or identity for raw text). Mirrors of an earlier tab stop render as `$n`.
 */
function renderTemplate(source: string, stops: TabStops, encode: (s: string) => string): string {
  const render = (parts: Part[], inPlaceholder: boolean): string =>
    parts
      .map((p) => {
        if (typeof p === 'string') return escapeSnippet(encode(p), inPlaceholder);
        const { n, first } = stops.number(p.name);
        if (p.choices) {
          if (!first) throw new Error(`choice ${p.name} used twice: mirror it with «${p.name}» instead`);
          stops.remember(p.name, p.choices[0]!);
          return `\${${n}|${p.choices.map((c) => escapeChoice(encode(c))).join(',')}|}`;
        }
        if (p.parts) {
          if (!first) throw new Error(`tab stop ${p.name} has two defaults: mirror it with «${p.name}» instead`);
          return `\${${n}:${render(p.parts, true)}}`;
        }
        if (first) throw new Error(`mirror «${p.name}» appears before its tab stop`);
        return `\${${n}}`;
      })
      .join('');
  return render(parseTemplate(source), false);
}

const jsonStringContent = (s: string): string => JSON.stringify(s).slice(1, -1);
const identity = (s: string): string => s;

/** The JSON form: an array of body lines indented with tabs (VS Code converts them to the user's indentation). */
export function renderJsonSnippet(entries: Record<string, TemplateValue>): string[] {
  const stops = new TabStops();
  const str = (s: string): string => `"${renderTemplate(s, stops, jsonStringContent)}"`;
  const lines: string[] = [];
  const value = (v: TemplateValue, indent: string): string => {
    if (v instanceof Raw) return renderTemplate(v.template, stops, identity);
    if (typeof v === 'string') return str(v);
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
    const inner = indent + '\t';
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      if (v.every((x) => typeof x === 'string' || typeof x === 'number'))
        return `[${v.map((x) => value(x, inner)).join(', ')}]`;
      const items = v.map((x) => `${inner}${value(x, inner)}`);
      return `[\n${items.join(',\n')}\n${indent}]`;
    }
    const keys = Object.keys(v);
    if (keys.length === 0) return '{}';
    const members = keys.map((k) => `${inner}${str(k)}: ${value(v[k]!, inner)}`);
    return `{\n${members.join(',\n')}\n${indent}}`;
  };
  const text = Object.keys(entries)
    .map((k) => `${str(k)}: ${value(entries[k]!, '')}`)
    .join(',\n');
  lines.push(...(text + '$0').split('\n'));
  return lines;
}

const YAML_RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;
const YAML_NUMBERLIKE = /^[-+.]?(?:\d|\.inf|\.nan)/i;
/** A string that YAML reads back as the same string without quotes (kept conservative). */
function yamlPlainSafe(s: string): boolean {
  return (
    /^[A-Za-z_$/][A-Za-z0-9_$/.:()*,@=+-]*$/.test(s) &&
    !s.endsWith(':') &&
    !YAML_RESERVED.test(s) &&
    !YAML_NUMBERLIKE.test(s)
  );
}
/** Plain YAML is used only when the default AND every literal piece and choice is plain-safe; otherwise double quotes. */
function yamlScalarNeedsQuotes(source: string): boolean {
  if (!yamlPlainSafe(templateDefault(source))) return true;
  const check = (parts: Part[]): boolean =>
    parts.every((p) =>
      typeof p === 'string'
        ? /^[A-Za-z0-9_$/.:()*,@=+-]*$/.test(p)
        : p.choices
          ? p.choices.every(yamlPlainSafe)
          : p.parts
            ? check(p.parts)
            : true,
    );
  return !check(parseTemplate(source));
}

/** The YAML form: block style, two-space indentation (tabs are not allowed in YAML indentation). */
export function renderYamlSnippet(entries: Record<string, TemplateValue>): string[] {
  const stops = new TabStops();
  const scalar = (s: string): string =>
    yamlScalarNeedsQuotes(s) ? `"${renderTemplate(s, stops, jsonStringContent)}"` : renderTemplate(s, stops, identity);
  const out: string[] = [];
  const isScalar = (v: TemplateValue): boolean =>
    !(Array.isArray(v) || (v !== null && typeof v === 'object' && !(v instanceof Raw)));
  const scalarText = (v: TemplateValue): string => {
    if (v instanceof Raw) return renderTemplate(v.template, stops, identity);
    if (typeof v === 'string') return scalar(v);
    return JSON.stringify(v);
  };
  /** Writes `head` (a key or `- `) followed by the value, at `indent` spaces. */
  const emit = (head: string, v: TemplateValue, indent: number): void => {
    const pad = ' '.repeat(indent);
    if (isScalar(v)) {
      out.push(`${pad}${head} ${scalarText(v)}`.trimEnd());
      return;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) {
        out.push(`${pad}${head} []`);
        return;
      }
      out.push(`${pad}${head}`);
      for (const item of v) emitItem(item, indent + 2);
      return;
    }
    const obj = v as Record<string, TemplateValue>;
    if (Object.keys(obj).length === 0) {
      out.push(`${pad}${head} {}`);
      return;
    }
    out.push(`${pad}${head}`);
    emitMembers(obj, indent + 2);
  };
  const emitMembers = (obj: Record<string, TemplateValue>, indent: number): void => {
    for (const [k, v] of Object.entries(obj)) emit(`${scalar(k)}:`, v, indent);
  };
  const emitItem = (item: TemplateValue, indent: number): void => {
    const pad = ' '.repeat(indent);
    if (isScalar(item)) {
      out.push(`${pad}- ${scalarText(item)}`);
      return;
    }
    if (Array.isArray(item)) throw new Error('nested arrays are not used in snippets');
    // "- Key: value" then the other members aligned under the first key.
    const start = out.length;
    emitMembers(item as Record<string, TemplateValue>, indent + 2);
    out[start] = `${pad}- ${out[start]!.slice(indent + 2)}`;
  };
  emitMembers(entries, 0);
  out[out.length - 1] += '$0';
  return out;
}
