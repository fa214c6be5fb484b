// Finds the state machines of Terraform files: `aws_sfn_state_machine` resources whose `definition` is
// `templatefile("f", {vars})` (the file checked with literal vars substituted, Terraform expressions as
// placeholders), `file("f")`, a heredoc, `jsonencode({...})` (the HCL object read with its positions), or
// `data.template_file.X.rendered` / `local.X` pointing at one of those. The HCL is read with the Lezer
// grammar of codemirror-lang-hcl (positions for every node).
import { hclLanguage } from 'codemirror-lang-hcl';
import type { SyntaxNode } from '@lezer/common';
import type { Finding } from '../findings';
import { parseSafely } from '../lint';
import {
  arrayNode,
  type ArrayNode,
  type AstNode,
  objectNode,
  type ObjectNode,
  propertyNode,
  scalarNode,
} from '../parse/ast';
import type { PlaceholderSymbol, SymbolKind } from '../model/substitutions';
import { SourceCodes, sourceFinding } from './codes';
import { basenameOf, dirnameOf, languageOfPath, resolveBeside } from './paths';
import { PositionMap } from './positionMap';
import { substitute, TextBuilder, type MappedText, type Replacement } from './textBuilder';
import type { DefinitionUnit, SourceHost, SourceProblem } from './types';

/** What a Terraform reference stands for, by resource type (`aws_lambda_function.x.arn`). */
const RESOURCE_KINDS: Record<string, SymbolKind> = {
  aws_lambda_function: 'lambdaFunction',
  aws_lambda_alias: 'lambdaFunction',
  aws_iam_role: 'iamRole',
  aws_api_gateway_rest_api: 'apiGatewayRestApi',
  aws_apigatewayv2_api: 'apiGatewayHttpApi',
  aws_cloudwatch_event_connection: 'eventsConnection',
  aws_sfn_state_machine: 'stateMachine',
};
const DATA_KINDS: Record<string, SymbolKind> = {
  aws_region: 'region',
  aws_caller_identity: 'accountId',
  aws_partition: 'partition',
};

interface TfFile {
  file: string;
  text: string;
  body: SyntaxNode | undefined;
}

export function readTerraform(
  file: string,
  text: string,
  host: SourceHost,
): { units: DefinitionUnit[]; problems: SourceProblem[] } {
  const units: DefinitionUnit[] = [];
  const problems: SourceProblem[] = [];
  const self = parseTf(file, text);
  let siblings: TfFile[] | undefined;
  /** The module's other .tf files (same folder), parsed on first need. */
  const module = (): TfFile[] => {
    if (!siblings) {
      siblings = [self];
      for (const f of host.listFiles?.(dirnameOf(file)) ?? []) {
        if (!/\.tf$/i.test(f) || basenameOf(f) === basenameOf(file)) continue;
        const t = host.readFile(f);
        if (t !== undefined) siblings.push(parseTf(f, t));
      }
    }
    return siblings;
  };
  for (const block of blocksOf(self, 'resource', 'aws_sfn_state_machine')) {
    const name = `aws_sfn_state_machine.${labelOf(block, 1, self.text) ?? '?'}`;
    const definition = attribute(block, 'definition', self.text);
    if (!definition) continue;
    const reader = new DefinitionReader(self, name, host, module, problems);
    const unit = reader.read(definition, self, 0);
    if (unit) units.push(unit);
  }
  return { units, problems };
}

function parseTf(file: string, text: string): TfFile {
  return { file, text, body: hclLanguage.parser.parse(text).topNode.getChild('Body') ?? undefined };
}

function blocksOf(tf: TfFile, type: string, label?: string, name?: string): SyntaxNode[] {
  if (!tf.body) return [];
  return tf.body.getChildren('Block').filter((b) => {
    const t = b.getChild('BlockType');
    if (!t || tf.text.slice(t.from, t.to) !== type) return false;
    if (label !== undefined && labelOf(b, 0, tf.text) !== label) return false;
    return name === undefined || labelOf(b, 1, tf.text) === name;
  });
}

function labelOf(block: SyntaxNode, index: number, text: string): string | undefined {
  const label = block.getChildren('BlockLabel')[index];
  if (!label) return undefined;
  const lit = label.getChild('StringLit')?.getChild('TemplateLiteral') ?? label.getChild('Identifier');
  return lit ? text.slice(lit.from, lit.to) : undefined;
}

/** The expression node of `name = ...` in a block (or in the file's top level `locals`). */
function attribute(block: SyntaxNode, name: string, text: string): SyntaxNode | undefined {
  const body = block.getChild('Body');
  for (const a of body?.getChildren('Attribute') ?? []) {
    const id = a.getChild('Identifier');
    if (id && text.slice(id.from, id.to) === name) return a.getChild('Expression') ?? undefined;
  }
  return undefined;
}

/** The single meaningful child of an Expression wrapper. */
function inner(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (
    n.name === 'Expression' ||
    n.name === 'TemplateExpr' ||
    n.name === 'CollectionValue' ||
    n.name === 'LiteralValue'
  ) {
    const c = n.firstChild;
    if (!c) break;
    n = c;
  }
  return n;
}

class DefinitionReader {
  private readonly symbols = new Map<string, PlaceholderSymbol>();
  constructor(
    private readonly source: TfFile,
    private readonly name: string,
    private readonly host: SourceHost,
    private readonly module: () => TfFile[],
    private readonly problems: SourceProblem[],
  ) {}

  private report(
    tf: TfFile,
    code: string,
    severity: Finding['severity'],
    message: string,
    node: SyntaxNode,
  ): undefined {
    this.problems.push({
      file: tf.file,
      fileText: tf.text,
      finding: sourceFinding(code, severity, message, node.from, node.to - node.from, ''),
    });
    return undefined;
  }

  private unit(
    file: string,
    fileText: string,
    mapped: MappedText | undefined,
    parsedRoot: ObjectNode | undefined,
    at: SyntaxNode,
  ): DefinitionUnit {
    const base = {
      name: this.name,
      source: this.source.file,
      file,
      fileText,
      pointerPrefix: '',
      substitutions: { origin: `${basenameOf(this.source.file)}#${this.name}`, symbols: this.symbols },
      range: { offset: at.from, length: at.to - at.from },
    };
    if (parsedRoot)
      return {
        ...base,
        parsed: { text: fileText, languageId: 'asl', root: parsedRoot, problems: [] },
        editable: false,
      };
    const changed = mapped!.text !== fileText;
    return {
      ...base,
      parsed: parseSafely(mapped!.text, { languageId: languageOfPath(file) }),
      map: changed ? mapped!.map : undefined,
      editable: true,
    };
  }

  read(expression: SyntaxNode, tf: TfFile, depth: number): DefinitionUnit | undefined {
    const node = inner(expression);
    const text = tf.text;
    if (node.name === 'FunctionCall') {
      const fn = node.getChild('FunctionName');
      const fnName = fn ? text.slice(fn.from, fn.to) : '';
      const args = node.getChild('FunctionArguments')?.getChildren('Expression') ?? [];
      if (fnName === 'templatefile' || fnName === 'file') {
        const target = args[0] && this.pathOf(args[0], tf);
        if (!target)
          return this.report(
            tf,
            SourceCodes.notStatic,
            'info',
            `The file path of ${fnName}() in ${this.name} is named by a Terraform expression: the definition is not checked.`,
            node,
          );
        const fileText = this.host.readFile(target);
        if (fileText === undefined)
          return this.report(
            tf,
            SourceCodes.missingFile,
            'error',
            `The definition file of ${this.name} does not exist or cannot be read (resolved to ${target}).`,
            args[0]!,
          );
        const identity = { text: fileText, map: PositionMap.shifted(fileText.length, 0) };
        const mapped = fnName === 'templatefile' ? substitute(identity, this.vars(args[1], tf)) : identity;
        return this.unit(target, fileText, mapped, undefined, node);
      }
      if (fnName === 'jsonencode' && args[0]) {
        const root = this.hclValue(args[0], tf, undefined, undefined);
        if (root.kind !== 'object')
          return this.report(
            tf,
            SourceCodes.badShape,
            'warning',
            `jsonencode() in ${this.name} does not encode an object: it is not checked.`,
            node,
          );
        return this.unit(tf.file, tf.text, undefined, root, node);
      }
    }
    if (node.name === 'HeredocTemplate') {
      const start = node.firstChild?.nextSibling; // HeredocIdentifier
      const end = node.lastChild;
      if (start && end) {
        const from = text.indexOf('\n', start.to) + 1;
        const to = end.from;
        const content = text.slice(from, to);
        this.recordInterpolations(node, tf);
        return this.unit(
          tf.file,
          tf.text,
          { text: content, map: PositionMap.shifted(content.length, from) },
          undefined,
          node,
        );
      }
    }
    if (node.name === 'VariableExpr' && depth < 3) {
      const ref = text.slice(expression.from, expression.to).trim();
      const data = /^data\.template_file\.([\w-]+)\.rendered$/.exec(ref);
      if (data) return this.readTemplateFile(data[1]!, expression, tf);
      const local = /^local\.([\w-]+)$/.exec(ref);
      if (local)
        for (const m of this.module())
          for (const block of blocksOf(m, 'locals')) {
            const value = attribute(block, local[1]!, m.text);
            if (value) return this.read(value, m, depth + 1);
          }
    }
    return this.report(
      tf,
      SourceCodes.notStatic,
      'warning',
      `The definition of ${this.name} is computed by Terraform (${text.slice(node.from, Math.min(node.to, node.from + 60)).split('\n')[0]}): it is not checked.`,
      expression,
    );
  }

  /** `data "template_file" "X" { template = file("f") or "${file("f")}", vars = {...} }`. */
  private readTemplateFile(name: string, at: SyntaxNode, tf: TfFile): DefinitionUnit | undefined {
    for (const m of this.module())
      for (const block of blocksOf(m, 'data', 'template_file', name)) {
        const template = attribute(block, 'template', m.text);
        if (!template) continue;
        let call = inner(template);
        // "${file("f")}": the interpolation's expression.
        if (call.name === 'QuotedTemplate') {
          const interp = call.getChild('TemplateInterpolation')?.getChild('Expression');
          if (interp) call = inner(interp);
        }
        const fn = call.getChild('FunctionName');
        const args = call.getChild('FunctionArguments')?.getChildren('Expression') ?? [];
        if (call.name !== 'FunctionCall' || !fn || m.text.slice(fn.from, fn.to) !== 'file' || !args[0]) break;
        const target = this.pathOf(args[0], m);
        if (!target)
          return this.report(
            m,
            SourceCodes.notStatic,
            'info',
            `The template file of data.template_file.${name} is named by a Terraform expression: ${this.name} is not checked.`,
            args[0],
          );
        const fileText = this.host.readFile(target);
        if (fileText === undefined)
          return this.report(
            m,
            SourceCodes.missingFile,
            'error',
            `The template file of data.template_file.${name} does not exist or cannot be read (resolved to ${target}).`,
            args[0],
          );
        const vars = attribute(block, 'vars', m.text);
        const mapped = substitute({ text: fileText, map: PositionMap.shifted(fileText.length, 0) }, this.vars(vars, m));
        return this.unit(target, fileText, mapped, undefined, at);
      }
    return this.report(
      tf,
      SourceCodes.notStatic,
      'warning',
      `data.template_file.${name} of ${this.name} was not found or is not file("..."): the definition is not checked.`,
      at,
    );
  }

  /** A file path expression: a literal with `${path.module}`/`${path.root}`/`${path.cwd}` resolved. */
  private pathOf(expression: SyntaxNode, tf: TfFile): string | undefined {
    const node = inner(expression);
    if (node.name !== 'QuotedTemplate' && node.name !== 'StringLit') return undefined;
    let out = '';
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name === 'TemplateLiteral') out += tf.text.slice(c.from, c.to);
      else if (c.name === 'TemplateInterpolation') {
        const ref = tf.text.slice(c.from + 2, c.to - 1).trim();
        if (ref === 'path.module' || ref === 'path.root' || ref === 'path.cwd') out += dirnameOf(tf.file);
        else return undefined;
      }
    }
    return resolveBeside(tf.file, out);
  }

  /** templatefile()/template_file vars: literal values substituted, references described as symbols. */
  private vars(object: SyntaxNode | undefined, tf: TfFile): (name: string) => Replacement {
    const values = new Map<string, SyntaxNode>();
    const obj = object && inner(object);
    for (const elem of obj?.name === 'Object' ? obj.getChildren('ObjectElem') : []) {
      const key = elem.firstChild;
      const value = elem.getChildren('Expression').at(-1);
      if (!key || !value) continue;
      values.set(tf.text.slice(key.from, key.to).replace(/^"|"$/g, '').trim(), value);
    }
    return (name) => {
      const value = values.get(name);
      if (!value) return undefined;
      const node = inner(value);
      const raw = tf.text.slice(node.from, node.to);
      if (node.name === 'NumericLit' || raw === 'true' || raw === 'false') return { text: raw };
      if (node.name === 'StringLit' || node.name === 'QuotedTemplate') {
        const parts = this.templateText(node, tf);
        if (parts) return { mapped: parts };
      }
      this.symbols.set(name, symbolOf(tf.text.slice(value.from, value.to).trim()));
      return undefined;
    };
  }

  /** A quoted string's text with interpolations kept as `${expr}` placeholders (their meaning recorded). */
  private templateText(node: SyntaxNode, tf: TfFile): MappedText | undefined {
    const b = new TextBuilder();
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name === 'TemplateLiteral')
        b.appendMapped({ text: tf.text.slice(c.from, c.to), map: PositionMap.shifted(c.to - c.from, c.from) });
      else if (c.name === 'TemplateInterpolation') {
        const expr = tf.text.slice(c.from + 2, c.to - 1).trim();
        this.symbols.set(expr, symbolOf(expr));
        b.appendCollapsed('${' + expr + '}', c.from, c.to);
      } else if (c.name !== 'QuotedTemplateStart' && c.name !== 'QuotedTemplateEnd') return undefined;
    }
    return b.build();
  }

  private recordInterpolations(node: SyntaxNode, tf: TfFile): void {
    for (const c of node.getChildren('TemplateInterpolation')) {
      const expr = tf.text.slice(c.from + 2, c.to - 1).trim();
      this.symbols.set(expr, symbolOf(expr));
    }
  }

  /** An HCL value (jsonencode's argument) as a positional tree; expressions become `${...}` strings. */
  private hclValue(
    expression: SyntaxNode,
    tf: TfFile,
    parent: ObjectNode | ArrayNode | undefined,
    key: string | number | undefined,
  ): AstNode {
    const node = inner(expression);
    const text = tf.text;
    const from = node.from;
    const length = node.to - node.from;
    if (node.name === 'Object') {
      const obj = objectNode(from, length, parent, key);
      for (const elem of node.getChildren('ObjectElem')) {
        const k = elem.firstChild;
        const v = elem.getChildren('Expression').at(-1);
        if (!k || !v || k === v) continue;
        const name = text
          .slice(k.from, k.to)
          .trim()
          .replace(/^"(.*)"$/s, '$1');
        obj.properties.push(propertyNode(name, k.from, k.to - k.from, this.hclValue(v, tf, obj, name)));
      }
      return obj;
    }
    if (node.name === 'Tuple') {
      const arr = arrayNode(from, length, parent, key);
      for (const item of node.getChildren('Expression')) arr.items.push(this.hclValue(item, tf, arr, arr.items.length));
      return arr;
    }
    const raw = text.slice(node.from, node.to);
    if (node.name === 'NumericLit') return scalarNode('number', Number(raw), from, length, parent, key);
    if (raw === 'true' || raw === 'false') return scalarNode('boolean', raw === 'true', from, length, parent, key);
    if (raw === 'null') return scalarNode('null', null, from, length, parent, key);
    if (node.name === 'StringLit' || node.name === 'QuotedTemplate') {
      const t = this.templateText(node, tf);
      if (t) return scalarNode('string', unescapeHcl(t.text), from, length, parent, key);
    }
    const whole = text.slice(expression.from, expression.to).trim();
    this.symbols.set(whole, symbolOf(whole));
    return scalarNode('string', '${' + whole + '}', expression.from, expression.to - expression.from, parent, key);
  }
}

/** What a Terraform expression stands for, when it is a plain reference to a known resource or data source. */
function symbolOf(expr: string): PlaceholderSymbol {
  const m = /^(data\.)?([a-z0-9_]+)\.([\w-]+)\.([\w]+)$/.exec(expr);
  if (!m) return { kind: 'unknown' };
  const kind = (m[1] ? DATA_KINDS[m[2]!] : RESOURCE_KINDS[m[2]!]) ?? 'unknown';
  return { kind, logicalId: `${m[1] ?? ''}${m[2]}.${m[3]}`, attribute: m[4] };
}

function unescapeHcl(s: string): string {
  return s.indexOf('\\') < 0
    ? s
    : s.replace(/\\(["\\nrt])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}
