// CloudFormation's string-valued intrinsics (`Fn::Sub`, `Fn::Join`, `Ref`, `Fn::GetAtt`) read statically:
// the text they make, where each character comes from in the template, and what every `${Name}` left in it
// stands for. Anything else (`Fn::If`, `Fn::Select`, `Fn::ImportValue`...) is unknown before deployment.
import type { Finding } from '../findings';
import { pointerOf, type AstNode, type ObjectNode } from '../parse/ast';
import type { PlaceholderSymbol } from '../model/substitutions';
import { placeholderParts } from '../model/substitutions';
import { SourceCodes, sourceFinding } from './codes';
import { alignScalar, PositionMap } from './positionMap';
import type { TemplateSymbols } from './symbols';
import { substitute, TextBuilder, type MappedText, type Replacement } from './textBuilder';

/** What reading one definition collects: the meaning of its placeholders and problems to report. */
export interface ReadingEnv {
  /** The template's text (node offsets point into it). */
  text: string;
  symbols: TemplateSymbols;
  /** Placeholder name -> meaning, for the definition being read. */
  found: Map<string, PlaceholderSymbol>;
  problems: Finding[];
}

/** The name of the intrinsic function an object is (`Ref`, `Fn::Sub`...), if it is one. */
export function intrinsicName(node: AstNode | undefined): string | undefined {
  if (node?.kind !== 'object' || node.properties.length !== 1) return undefined;
  const key = node.properties[0]!.key;
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}

function argOf(node: ObjectNode): AstNode {
  return node.properties[0]!.value;
}

/** `Fn::GetAtt` argument as [logicalId, attribute] (`"A.B"` or `[A, B]`). */
export function getAttParts(arg: AstNode): [string, string] | undefined {
  if (arg.kind === 'string') {
    const s = arg.value as string;
    const dot = s.indexOf('.');
    return dot > 0 ? [s.slice(0, dot), s.slice(dot + 1)] : undefined;
  }
  if (arg.kind === 'array' && arg.items.length === 2) {
    const [a, b] = arg.items;
    if (a?.kind === 'string' && b?.kind === 'string') return [a.value as string, b.value as string];
  }
  return undefined;
}

function collapsed(text: string, node: AstNode): MappedText {
  const b = new TextBuilder();
  b.appendCollapsed(text, node.offset, node.offset + node.length);
  return b.build();
}

/** A scalar's value with the file range of each of its characters. */
export function scalarText(node: AstNode, text: string): MappedText | undefined {
  if (node.kind === 'string') {
    const value = node.value as string;
    return { text: value, map: alignScalar(value, text, node.offset, node.offset + node.length) };
  }
  if (node.kind === 'number' || node.kind === 'boolean') {
    const value = String(node.value);
    const raw = text.slice(node.offset, node.offset + node.length);
    return raw === value
      ? { text: value, map: PositionMap.shifted(value.length, node.offset) }
      : collapsed(value, node);
  }
  return undefined;
}

/**
 * The text a string-valued expression makes, or undefined when it cannot be known statically (an
 * `Fn::Join` over `Fn::If`...; a finding says so). `Ref`/`Fn::GetAtt` become `${Name}` placeholders with
 * their meaning recorded; other intrinsics become an unknown `${Fn::Name}` placeholder.
 */
export function stringExpression(node: AstNode, env: ReadingEnv): MappedText | undefined {
  const scalar = scalarText(node, env.text);
  if (scalar) return scalar;
  const fn = intrinsicName(node);
  if (!fn || node.kind !== 'object') return undefined;
  const arg = argOf(node);
  switch (fn) {
    case 'Ref': {
      if (arg.kind !== 'string') return undefined;
      const name = arg.value as string;
      env.found.set(name, env.symbols.ref(name));
      return collapsed('${' + name + '}', node);
    }
    case 'Fn::GetAtt': {
      const parts = getAttParts(arg);
      if (!parts) return undefined;
      const name = `${parts[0]}.${parts[1]}`;
      env.found.set(name, env.symbols.getAtt(parts[0], parts[1]));
      return collapsed('${' + name + '}', node);
    }
    case 'Fn::Sub':
      return readSub(arg, env);
    case 'Fn::Join':
      return readJoin(node, arg, env);
    case 'Fn::ImportValue':
      env.problems.push(
        sourceFinding(
          SourceCodes.importValue,
          'info',
          'Fn::ImportValue is resolved from another stack at deployment: its value is checked as unknown.',
          node.offset,
          node.length,
          pointerOf(node),
        ),
      );
      return collapsed('${' + fn + '}', node);
    default:
      return collapsed('${' + fn + '}', node);
  }
}

/** `Fn::Sub`: `"text"` or `["text", {Var: value}]`. */
function readSub(arg: AstNode, env: ReadingEnv): MappedText | undefined {
  const templateNode = arg.kind === 'array' ? arg.items[0] : arg;
  const vars = arg.kind === 'array' ? arg.items[1] : undefined;
  if (!templateNode || templateNode.kind !== 'string') return undefined;
  const source = scalarText(templateNode, env.text)!;
  const replace = variableResolver(vars, env);
  const result = substitute(source, (name) => {
    if (name.startsWith('!')) return undefined;
    const r = replace(name);
    if (r === undefined && !env.found.has(name)) env.found.set(name, env.symbols.implicit(name));
    return r;
  });
  for (const p of placeholderParts(result.text))
    if ('placeholder' in p && !env.found.has(p.placeholder) && !p.placeholder.startsWith('!'))
      env.found.set(p.placeholder, env.symbols.implicit(p.placeholder));
  return result;
}

/**
 * How the placeholders of a name -> value map (`Fn::Sub` variables, `DefinitionSubstitutions`) are
 * replaced: literals and statically known texts are substituted; `Ref`/`Fn::GetAtt` stay placeholders
 * whose meaning is recorded; other intrinsics stay unknown placeholders.
 */
export function variableResolver(vars: AstNode | undefined, env: ReadingEnv): (name: string) => Replacement {
  const values = new Map<string, AstNode>();
  if (vars?.kind === 'object') for (const p of vars.properties) if (!values.has(p.key)) values.set(p.key, p.value);
  return (name) => {
    const value = values.get(name);
    if (!value) return undefined;
    if (value.kind === 'string' || value.kind === 'number' || value.kind === 'boolean')
      return { text: String(value.value) };
    const fn = intrinsicName(value);
    // `Ref`/`Fn::GetAtt` stay placeholders under their own name, with the referenced resource's meaning.
    const arg = fn ? argOf(value as ObjectNode) : undefined;
    if (fn === 'Ref') {
      env.found.set(name, arg?.kind === 'string' ? env.symbols.ref(arg.value as string) : { kind: 'unknown' });
      return undefined;
    }
    if (fn === 'Fn::GetAtt') {
      const parts = arg && getAttParts(arg);
      env.found.set(name, parts ? env.symbols.getAtt(parts[0], parts[1]) : { kind: 'unknown' });
      return undefined;
    }
    if (fn === 'Fn::Sub' || fn === 'Fn::Join') {
      const mapped = stringExpression(value, env);
      if (mapped) return { mapped };
    }
    if (fn === 'Fn::ImportValue') stringExpression(value, env);
    env.found.set(name, { kind: 'unknown' });
    return undefined;
  };
}

/** `Fn::Join`: `[delimiter, [parts]]` when every part is a string expression. */
function readJoin(node: AstNode, arg: AstNode, env: ReadingEnv): MappedText | undefined {
  const delimiter = arg.kind === 'array' ? arg.items[0] : undefined;
  const list = arg.kind === 'array' ? arg.items[1] : undefined;
  const fail = (why: string): undefined => {
    env.problems.push(
      sourceFinding(
        SourceCodes.notStatic,
        'warning',
        `This Fn::Join cannot be read before deployment (${why}), so the text it makes is not checked.`,
        node.offset,
        node.length,
        pointerOf(node),
      ),
    );
    return undefined;
  };
  if (delimiter?.kind !== 'string') return fail('its delimiter is not a string');
  if (list?.kind !== 'array') return fail('its list of values is not written out');
  const sep = scalarText(delimiter, env.text)!;
  const out = new TextBuilder();
  for (let i = 0; i < list.items.length; i++) {
    const part = stringExpression(list.items[i]!, env);
    if (!part) return fail(`value ${i + 1} is not a string, Ref, Fn::GetAtt, Fn::Sub or Fn::Join`);
    if (i > 0) out.appendMapped(sep);
    out.appendMapped(part);
  }
  return out.build();
}
