// Reads a YAML CloudFormation/SAM/Serverless template into the positional tree the rules read, with the
// short-form intrinsic tags (`!Sub`, `!GetAtt`, `!Ref`, `!Join`, `!If`...) turned into their long form
// (`{"Fn::Sub": ...}`) at the tagged node's position, so one reader serves YAML and JSON templates.
import { parseDocument } from 'yaml';
import type { Finding } from '../findings';
import { type AstNode, objectNode, propertyNode, scalarNode } from '../parse/ast';
import { yamlTree } from '../parse/yaml';
import { SourceCodes, sourceFinding } from './codes';

const MAX_NODES = 2_000_000;
const MAX_DEPTH = 500;

export interface TemplateTree {
  root: AstNode | undefined;
  /** Syntax errors (one finding for the first; the template is not read when there is one). */
  problems: Finding[];
}

/** `!Ref` -> `Ref`, `!Condition` -> `Condition`, `!GetAtt` -> `Fn::GetAtt`. */
function longForm(tag: string): string {
  const name = tag.slice(1);
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** How many broken places are skipped before the rest of a template is given up. */
const MAX_REPAIRS = 10;

export function parseYamlTemplate(source: string, what = 'template'): TemplateTree {
  let text = source;
  let doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false });
  const skipped: Array<{ from: number; to: number; message: string }> = [];
  for (let i = 0; i < MAX_REPAIRS && doc.errors.length; i++) {
    const e = doc.errors[0]!;
    const region = brokenRegion(text, e.pos[0]);
    if (!region) break;
    skipped.push({ ...region, message: e.message.split('\n')[0]! });
    text =
      text.slice(0, region.from) + text.slice(region.from, region.to).replace(/[^\r\n]/g, ' ') + text.slice(region.to);
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false });
  }
  // A YAML error stops the reading at its position; what comes before it is still read (strict YAML 1.2
  // rejects some templates CloudFormation's own parser accepts, e.g. an under-indented closing `}`).
  const syntaxProblems = (): Finding[] => {
    if (!doc.errors.length)
      return skipped.map((r) =>
        sourceFinding(
          SourceCodes.unparseable,
          'info',
          `This part of the ${what} is not valid YAML 1.2 (${r.message}); it was skipped (CloudFormation's own parser may accept it).`,
          r.from,
          Math.max(1, Math.min(r.to, source.indexOf('\n', r.from) < 0 ? r.to : source.indexOf('\n', r.from)) - r.from),
          '',
        ),
      );
    const e = doc.errors[0]!;
    const [start, end] = e.pos;
    const more = doc.errors.length > 1 ? ` (and ${doc.errors.length - 1} more)` : '';
    return [
      sourceFinding(
        SourceCodes.unparseable,
        'info',
        `The ${what} is not valid YAML from here on, so nothing after this point is read: ${e.message.split('\n')[0]}${more}`,
        start,
        Math.max(1, end - start),
        '',
      ),
    ];
  };
  try {
    const root = yamlTree(doc, {
      maxNodes: MAX_NODES,
      maxDepth: MAX_DEPTH,
      // A short-form intrinsic becomes its long form at the tag's own position: `!Sub x` -> `{ "Fn::Sub": x }`.
      localTag: (tag, offset, end, parent, key, readPlain) => {
        const tagStart = text.lastIndexOf(tag, offset);
        const from = tagStart >= 0 && offset - tagStart < 200 ? tagStart : offset;
        const wrapper = objectNode(from, end - from, parent, key);
        const name = longForm(tag);
        const value = readPlain(wrapper, name) ?? scalarNode('null', null, offset, end - offset, wrapper, name);
        wrapper.properties.push(propertyNode(name, from, tag.length, value));
        return wrapper;
      },
    });
    return { root: doc.errors.length ? usablePart(root, doc.errors[0]!.pos[0]) : root, problems: syntaxProblems() };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return {
      root: undefined,
      problems: [
        sourceFinding(
          SourceCodes.unparseable,
          'error',
          `The ${what} is nested too deeply or expands too many YAML aliases to be read.`,
          0,
          1,
          '',
        ),
      ],
    };
  }
}

/**
 * The part of a tree that was read before the first YAML error: mappings keep the members that end before
 * it, so a state machine written before a broken line is still found.
 */
function usablePart(root: AstNode | undefined, errorAt: number): AstNode | undefined {
  if (!root || root.offset >= errorAt) return undefined;
  const prune = (node: AstNode): void => {
    if (node.kind === 'object') {
      node.properties = node.properties.filter((p) => p.keyOffset < errorAt);
      const last = node.properties[node.properties.length - 1];
      if (last && last.value.offset + last.value.length > errorAt) prune(last.value);
    } else if (node.kind === 'array') {
      node.items = node.items.filter((i) => i.offset < errorAt);
      const last = node.items[node.items.length - 1];
      if (last && last.offset + last.length > errorAt) prune(last);
    }
  };
  prune(root);
  return root;
}

/**
 * The lines to skip for a YAML error at `at`: the body of the nearest key above it that is indented less
 * than the error's line (e.g. one resource's property), so the rest of the template still parses. Blanked
 * with spaces, so every offset stays valid. Undefined when no such key exists.
 */
function brokenRegion(text: string, at: number): { from: number; to: number } | undefined {
  const lineStart = (o: number) => text.lastIndexOf('\n', o - 1) + 1;
  const indentAt = (start: number) => /^[ ]*/.exec(text.slice(start, start + 200))![0].length;
  const isBlank = (start: number) => /^[ \t]*(#.*)?(\r?\n|$)/.test(text.slice(start, start + 400));
  const errLine = lineStart(Math.min(at, text.length));
  const errIndent = isBlank(errLine) ? Infinity : indentAt(errLine);
  let keyLine = errLine;
  // The key line above: first non-blank line with a smaller indent that holds `key:`.
  for (;;) {
    if (keyLine === 0) {
      // No key above (a top-level line): skip the broken line alone.
      const nl = text.indexOf('\n', errLine);
      return { from: errLine, to: nl < 0 ? text.length : nl };
    }
    keyLine = lineStart(keyLine - 1);
    if (isBlank(keyLine)) continue;
    const indent = indentAt(keyLine);
    if (indent < errIndent && /^[ ]*(- )?["']?[^\s#"':][^:#]*["']?\s*:(\s|$)/.test(text.slice(keyLine, keyLine + 400)))
      break;
  }
  const keyIndent = indentAt(keyLine);
  const bodyStart = text.indexOf('\n', keyLine) + 1;
  if (bodyStart <= 0) return undefined;
  let end = bodyStart;
  while (end < text.length) {
    if (!isBlank(end) && indentAt(end) <= keyIndent) break;
    const nl = text.indexOf('\n', end);
    end = nl < 0 ? text.length : nl + 1;
  }
  // The key's own line keeps its key; its inline value (`key: !Select ...`) goes too.
  const colon = text.slice(keyLine, bodyStart).search(/:(\s|$)/);
  const from = colon >= 0 ? keyLine + colon + 1 : bodyStart;
  return end > from ? { from, to: end } : undefined;
}
