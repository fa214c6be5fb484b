// Expression rules (ASL210, ASL302 warning, ASL305-ASL310): in JSONPath states the path fields, the
// Choice rule paths and the payload templates (`.$` keys: paths, context, variables, intrinsics;
// duplicate names after `.$` removal); in JSONata states every `{% %}` string of the fields that
// evaluate JSONata. Each template node is visited once. Deploy-time `${...}` placeholders are blanked
// out first, so only the literal parts of an expression are checked.
import { type AstNode, type ObjectNode, pointerOf, prop, type PropertyNode } from '../parse/ast';
import { atKey, finding, type RuleContext, type Rule } from '../model/rule';
import type { StateInfo } from '../model/model';
import { DocumentCodes as C } from './codes';
import { checkIntrinsic } from './intrinsics';
import { checkJsonataString, looksLikeJsonata } from './jsonataCheck';
import { checkPath, type PathOptions, type SyntaxProblem } from './jsonpath';
import { atStringPart, describe, isJsonataString, q, truncate } from './util';
import { hasPlaceholder, neutralizePlaceholders } from './placeholders';

const PATH: PathOptions = { kind: 'path', variables: true, context: true };
const REFERENCE: PathOptions = { kind: 'reference', variables: true, context: true };
const RESULT_PATH: PathOptions = { kind: 'reference', variables: false, context: false };

/** JSONPath path fields of a state and how each is read. 'intrinsic' also accepts States.* calls. */
const PATH_FIELDS: ReadonlyArray<[string, PathOptions, boolean]> = [
  ['InputPath', PATH, false],
  ['OutputPath', PATH, false],
  ['ResultPath', RESULT_PATH, false],
  ['ItemsPath', REFERENCE, false],
  ['TimeoutSecondsPath', REFERENCE, false],
  ['HeartbeatSecondsPath', REFERENCE, false],
  ['SecondsPath', REFERENCE, false],
  ['TimestampPath', REFERENCE, false],
  ['MaxConcurrencyPath', REFERENCE, false],
  ['ToleratedFailureCountPath', REFERENCE, false],
  ['ToleratedFailurePercentagePath', REFERENCE, false],
  ['ErrorPath', REFERENCE, true],
  ['CausePath', REFERENCE, true],
];

const PATH_FIELD_BY_KEY = new Map(PATH_FIELDS.map(([key, opts, intrinsic]) => [key, [opts, intrinsic] as const]));
/** JSONPath payload templates. Credentials content is checked by the crossing rules (XC1xx). */
const TEMPLATE_FIELDS = new Set(['Parameters', 'ResultSelector', 'ItemSelector', 'Assign']);

/** Fields whose strings are evaluated as JSONata in JSONata states (besides nested ones below). */
const JSONATA_FIELDS = new Set([
  'Arguments',
  'Output',
  'Assign',
  'Items',
  'ItemSelector',
  'Credentials',
  'TimeoutSeconds',
  'HeartbeatSeconds',
  'Seconds',
  'Timestamp',
  'Error',
  'Cause',
  'MaxConcurrency',
  'ToleratedFailureCount',
  'ToleratedFailurePercentage',
]);

export const expressionsRule: Rule = {
  id: 'expressions',
  checkState(ctx: RuleContext, state: StateInfo): void {
    const node = state.node;
    if (!node) return;
    if (state.queryLanguage === 'JSONata') checkJsonataState(ctx, state, node);
    else checkJsonPathState(ctx, state, node);
  },
};

function checkJsonPathState(ctx: RuleContext, state: StateInfo, node: ObjectNode): void {
  // One pass over the state's fields, dispatching on the key.
  for (const p of node.properties) {
    const pathField = PATH_FIELD_BY_KEY.get(p.key);
    if (pathField) checkPathField(ctx, p, pathField[0], pathField[1]);
    else if (TEMPLATE_FIELDS.has(p.key)) walkTemplate(ctx, p.value);
    else if (p.key === 'ItemReader') {
      walkTemplate(ctx, nested(p.value, 'Parameters'));
      checkPathField(ctx, propOf(nested(p.value, 'ReaderConfig'), 'MaxItemsPath'), REFERENCE, false);
    } else if (p.key === 'ResultWriter') walkTemplate(ctx, nested(p.value, 'Parameters'));
    else if (p.key === 'ItemBatcher') {
      walkTemplate(ctx, nested(p.value, 'BatchInput'));
      checkPathField(ctx, propOf(p.value, 'MaxItemsPerBatchPath'), REFERENCE, false);
      checkPathField(ctx, propOf(p.value, 'MaxInputBytesPerBatchPath'), REFERENCE, false);
    } else if (p.key === 'Catch') {
      for (const catcher of arrayItems(p.value)) {
        checkPathField(ctx, propOf(catcher, 'ResultPath'), RESULT_PATH, false);
        walkTemplate(ctx, nested(catcher, 'Assign'));
      }
    } else if (p.key === 'Choices' && state.type === 'Choice') checkChoicePaths(ctx, p.value);
  }
}

function checkJsonataState(ctx: RuleContext, state: StateInfo, node: ObjectNode): void {
  for (const p of node.properties) if (JSONATA_FIELDS.has(p.key)) walkJsonata(ctx, p.value);
  const reader = prop(node, 'ItemReader')?.value;
  walkJsonata(ctx, nested(reader, 'Arguments'));
  walkJsonata(ctx, nested(nested(reader, 'ReaderConfig'), 'MaxItems'));
  walkJsonata(ctx, nested(prop(node, 'ResultWriter')?.value, 'Arguments'));
  const batcher = prop(node, 'ItemBatcher')?.value;
  for (const key of ['MaxItemsPerBatch', 'MaxInputBytesPerBatch', 'BatchInput']) walkJsonata(ctx, nested(batcher, key));
  for (const catcher of arrayItems(prop(node, 'Catch')?.value)) {
    walkJsonata(ctx, nested(catcher, 'Output'));
    walkJsonata(ctx, nested(catcher, 'Assign'));
  }
  if (state.type === 'Choice') {
    for (const rule of arrayItems(prop(node, 'Choices')?.value)) {
      for (const key of ['Condition', 'Assign', 'Output']) walkJsonata(ctx, nested(rule, key));
      const condition = nested(rule, 'Condition');
      if (condition?.kind === 'string' && !looksLikeJsonata(condition.value as string))
        ctx.report(
          finding(
            C.jsonataSurround,
            'error',
            `"Condition" must be a JSONata expression: write "{% ${truncate(condition.value as string, 40)} %}" (a plain string is not evaluated).`,
            { offset: condition.offset, length: condition.length, path: pointerOf(condition) },
          ),
        );
    }
  }
}

/** Choice rules: Variable and the *Path operands are reference paths; nested rules with a stack. */
function checkChoicePaths(ctx: RuleContext, choices: AstNode): void {
  const stack: AstNode[] = [...arrayItems(choices)];
  while (stack.length) {
    const rule = stack.pop()!;
    if (rule.kind !== 'object') continue;
    for (const p of rule.properties) {
      if (p.key === 'Variable' || (p.key.endsWith('Path') && p.key !== 'Variable'))
        checkPathField(ctx, p, REFERENCE, false);
      else if (p.key === 'And' || p.key === 'Or') stack.push(...arrayItems(p.value));
      else if (p.key === 'Not') stack.push(p.value);
      else if (p.key === 'Assign') walkTemplate(ctx, p.value);
    }
  }
}

function checkPathField(ctx: RuleContext, p: PropertyNode | undefined, opts: PathOptions, intrinsic: boolean): void {
  if (!p || p.value.kind !== 'string') return; // types are the field rules' business
  const s = literalParts(p.value.value as string);
  if (s === undefined) return;
  if (intrinsic && s.startsWith('States.')) {
    reportExpression(ctx, p.value, checkIntrinsic(s) ?? stringIntrinsicProblem(s), C.intrinsic, `"${p.key}"`);
    return;
  }
  if (opts === RESULT_PATH && /^\$[A-Za-z_]/.test(s)) {
    ctx.report(
      finding(
        C.variableResultPath,
        'error',
        `"${p.key}" cannot write to the variable ${q(s.split(/[.[]/)[0]!)}: ResultPath places the result in the state output (e.g. "$.result"). To keep the result in a variable use "Assign": {"name.$": "$"}.`,
        atStringPart(ctx.model.parsed.text, p.value, 0, s.length),
      ),
    );
    return;
  }
  const problem = checkPath(s, opts);
  if (problem && opts.kind === 'reference' && !checkPath(s, { ...opts, kind: 'path' })) {
    problem.message += ` ("${p.key}" takes a reference path, which selects a single node)`;
  }
  reportExpression(ctx, p.value, problem, C.pathSyntax, `"${p.key}"`);
}

function reportExpression(
  ctx: RuleContext,
  value: AstNode,
  problem: SyntaxProblem | undefined,
  code: string,
  what: string,
): void {
  if (!problem) return;
  const hint = code === C.pathSyntax ? ' Fix the path (e.g. "$.field", "$$.Execution.Id", "$variable").' : '';
  ctx.report(
    finding(
      code,
      'error',
      `${what} is not valid: ${problem.message}.${hint}`,
      atStringPart(ctx.model.parsed.text, value, problem.index, problem.length),
    ),
  );
}

/**
 * The walk's stack, reused by every call (the walk does not recurse) with its own top index: templates
 * are walked for every state, and a fresh or emptied array would reallocate its storage each time.
 * Popped slots are cleared, so the stack never keeps a document alive.
 */
const templateStack: (AstNode | undefined)[] = [];

/** A JSONPath payload template: `.$` keys take paths or intrinsics; names must stay unique without `.$`. */
function walkTemplate(ctx: RuleContext, root: AstNode | undefined): void {
  if (!root) return;
  const stack = templateStack;
  let top = 0;
  stack[top++] = root;
  while (top > 0) {
    const node = stack[--top]!;
    stack[top] = undefined; // keep no node of this document alive after the walk
    if (node.kind === 'array') {
      for (const item of node.items) stack[top++] = item;
      continue;
    }
    if (node.kind === 'string' && isJsonataString(node)) {
      ctx.report(
        finding(
          C.jsonataFieldInJsonPath,
          'warning',
          'This looks like a JSONata expression, but the state uses JSONPath, so it stays a literal string. Add "QueryLanguage": "JSONata" (and use Arguments/Output), or use a "key.$" path.',
          { offset: node.offset, length: node.length, path: pointerOf(node) },
        ),
      );
      continue;
    }
    if (node.kind !== 'object') continue;
    let hasDynamic = false;
    for (const p of node.properties)
      if (endsWithDotDollar(p.key)) {
        hasDynamic = true;
        break;
      }
    for (const p of node.properties) {
      const dynamic = p.key.length > 2 && endsWithDotDollar(p.key);
      // The same field with and without ".$", reported once, on the later key.
      const other = hasDynamic ? sameFieldOtherForm(node, p, dynamic) : undefined;
      if (other && other.keyOffset < p.keyOffset)
        ctx.report(
          finding(
            C.duplicateTemplateField,
            'error',
            `${q(p.key)} and ${q(other.key)} both produce the field ${q(dynamic ? p.key.slice(0, -2) : p.key)} once ".$" is removed; Step Functions rejects the definition. Keep one of them.`,
            atKey(p),
          ),
        );
      if (!dynamic) {
        stack[top++] = p.value;
        continue;
      }
      if (p.value.kind !== 'string') {
        ctx.report(
          finding(
            C.dynamicValueType,
            'error',
            `${q(p.key)} ends with ".$", so its value must be a string path or intrinsic function, not ${describe(p.value)}. Remove ".$" from the name for a literal value.`,
            atKey(p),
          ),
        );
        continue;
      }
      checkDynamicValue(ctx, p);
    }
  }
}

/** The member written `name` when `p` is `name.$`, or `name.$` when `p` is `name` (compared in place, no strings built). */
function sameFieldOtherForm(node: ObjectNode, p: PropertyNode, dynamic: boolean): PropertyNode | undefined {
  const key = p.key;
  // Large objects: one indexed lookup (building the other form's string) instead of a scan per member.
  if (node.properties.length > 32) return prop(node, dynamic ? key.slice(0, -2) : `${key}.$`);
  const length = dynamic ? key.length - 2 : key.length + 2;
  for (const other of node.properties) {
    const k = other.key;
    if (k.length !== length) continue;
    if (dynamic ? key.startsWith(k) : endsWithDotDollar(k) && k.startsWith(key)) return other;
  }
  return undefined;
}

/** `key.endsWith('.$')`, without the generic builtin (measured: the hot spot of this rule on keys sliced from large texts). */
function endsWithDotDollar(key: string): boolean {
  const n = key.length;
  return n >= 2 && key.charCodeAt(n - 1) === 36 && key.charCodeAt(n - 2) === 46;
}

/**
 * The intrinsics whose result is a string: the only ones a Fail state's ErrorPath/CausePath take (the
 * service rejects the others at create time; amazon-states-language-service checks the same list).
 * Source: https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html
 */
const STRING_INTRINSICS = new Set([
  'States.Format',
  'States.JsonToString',
  'States.ArrayGetItem',
  'States.Base64Encode',
  'States.Base64Decode',
  'States.Hash',
  'States.UUID',
]);

function stringIntrinsicProblem(s: string): SyntaxProblem | undefined {
  const open = s.indexOf('(');
  const name = (open < 0 ? s : s.slice(0, open)).trim();
  if (STRING_INTRINSICS.has(name)) return undefined;
  return {
    message: `${name} does not return a string; ErrorPath and CausePath take only ${[...STRING_INTRINSICS].join(', ')}`,
    index: 0,
    length: name.length,
  };
}

/**
 * The expression with its `${...}` deploy-time placeholders blanked out (same length, so problem indexes
 * still point into the original), or undefined when it starts with one: then nothing literal can be read.
 */
function literalParts(s: string): string | undefined {
  if (!hasPlaceholder(s)) return s;
  return s.startsWith('${') ? undefined : neutralizePlaceholders(s);
}

function checkDynamicValue(ctx: RuleContext, p: PropertyNode): void {
  const s = literalParts(p.value.kind === 'string' ? (p.value.value as string) : '');
  if (s === undefined) return;
  if (s.startsWith('States.')) reportExpression(ctx, p.value, checkIntrinsic(s), C.intrinsic, q(p.key));
  else if (s.startsWith('$')) reportExpression(ctx, p.value, checkPath(s, PATH), C.pathSyntax, q(p.key));
  else
    ctx.report(
      finding(
        C.pathSyntax,
        'error',
        `${q(p.key)} ends with ".$", so ${q(s)} must be a path ("$.field"), a context path ("$$.Execution.Id"), a variable ("$name") or an intrinsic function ("States.Format(...)"). Remove ".$" from the name for a literal string.`,
        atStringPart(ctx.model.parsed.text, p.value, 0, s.length),
      ),
    );
}

/** Every string under a JSONata field: `{% %}` delimiters and syntax. */
function walkJsonata(ctx: RuleContext, root: AstNode | undefined): void {
  if (!root) return;
  const stack: AstNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.kind === 'object') for (const p of node.properties) stack.push(p.value);
    else if (node.kind === 'array') for (const item of node.items) stack.push(item);
    else if (node.kind === 'string' && looksLikeJsonata(node.value as string)) {
      const problem = checkJsonataString(neutralizePlaceholders(node.value as string));
      if (!problem) continue;
      const surround = problem.kind === 'surround';
      ctx.report(
        finding(
          surround ? C.jsonataSurround : C.jsonataSyntax,
          problem.kind === 'tooDeep' ? 'warning' : 'error',
          surround
            ? `JSONata expression: ${problem.message}.`
            : problem.kind === 'tooDeep'
              ? `JSONata expression not checked: ${problem.message}.`
              : `JSONata syntax error: ${problem.message}. Fix the expression (Step Functions would reject it).`,
          atStringPart(ctx.model.parsed.text, node, problem.index, problem.length),
        ),
      );
    }
  }
}

function nested(node: AstNode | undefined, key: string): AstNode | undefined {
  return node?.kind === 'object' ? prop(node, key)?.value : undefined;
}
function propOf(node: AstNode | undefined, key: string): PropertyNode | undefined {
  return node?.kind === 'object' ? prop(node, key) : undefined;
}
function arrayItems(node: AstNode | undefined): AstNode[] {
  return node?.kind === 'array' ? node.items : [];
}
