// What TestState needs for one state of a definition: the state alone as JSON (with the QueryLanguage it
// inherits), the inspection level (TRACE for http:invoke, so the HTTP request and response show), whether it needs
// a role, the workflow variables it reads, and the file its saved input lives in. Pure: no SDK, no vscode.
import { propValue, stringValue, toValue, type AstNode } from '../core/parse/ast';
import type { AslModel, StateInfo } from '../core/model/model';

/** State types the "Test this state" CodeLens is shown on. */
export const CODE_LENS_TYPES: ReadonlySet<string> = new Set(['Task', 'Pass', 'Choice']);
/** State types TestState runs without a mock. */
export const TESTABLE_TYPES: ReadonlySet<string> = new Set(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail']);

export const HTTP_INVOKE = 'arn:aws:states:::http:invoke';

/** The folder (under the workspace) that holds saved TestState inputs. */
export const INPUTS_FOLDER = '.sfn-crossings/inputs';

export interface TestStatePlan {
  state: StateInfo;
  /** The state alone, as sent to TestState. */
  definition: string;
  inspectionLevel: 'DEBUG' | 'TRACE';
  /** Task states need the role TestState runs them as. */
  needsRole: boolean;
  /** Workflow variables the state reads (`$name`), without `$states` and JSONata's built-in functions. */
  variables: string[];
}

/** Finds a state by JSON pointer (`/States/A`) or, failing that, by name (first match in document order). */
export function findState(model: AslModel, ref: string): StateInfo | undefined {
  return model.states.find((s) => s.pointer === ref) ?? model.states.find((s) => s.name === ref);
}

export function isHttpInvoke(state: StateInfo): boolean {
  return state.type === 'Task' && stringValue(propValue(state.node, 'Resource')) === HTTP_INVOKE;
}

export function planTestState(state: StateInfo): TestStatePlan | { error: string } {
  if (!state.node) return { error: `state ${state.name} is not an object` };
  if (!state.type || !TESTABLE_TYPES.has(state.type)) {
    return {
      error: `TestState runs Task, Pass, Choice, Wait, Succeed and Fail states; ${state.name} is a ${state.type ?? 'state without Type'}`,
    };
  }
  const value = toValue(state.node) as Record<string, unknown>;
  // A state alone loses what it inherits: keep its effective QueryLanguage.
  if (state.queryLanguage === 'JSONata' && value.QueryLanguage === undefined) value.QueryLanguage = 'JSONata';
  return {
    state,
    definition: JSON.stringify(value, null, 2),
    inspectionLevel: isHttpInvoke(state) ? 'TRACE' : 'DEBUG',
    needsRole: state.type === 'Task',
    variables: referencedVariables(state.node),
  };
}

const JSONATA_EXPRESSION = /\{%([\s\S]*?)%\}/g;
const VARIABLE = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Variables a state reads: `$x` in JSONata expressions and in JSONPath `.$` values (not JSONata's locals). */
export function referencedVariables(node: AstNode): string[] {
  const found = new Set<string>();
  const visit = (n: AstNode, key: string | undefined) => {
    if (n.kind === 'object') {
      for (const p of n.properties) visit(p.value, p.key);
    } else if (n.kind === 'array') {
      for (const item of n.items) visit(item, undefined);
    } else if (n.kind === 'string') {
      const text = n.value as string;
      const expressions = [...text.matchAll(JSONATA_EXPRESSION)].map((m) => m[1]!);
      if (
        !expressions.length &&
        key?.endsWith('.$') &&
        text.startsWith('$') &&
        !text.startsWith('$.') &&
        !text.startsWith('$$')
      )
        expressions.push(text);
      for (const e of expressions) {
        const local = new Set([...e.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)\s*:=/g)].map((m) => m[1]!));
        for (const m of e.matchAll(VARIABLE)) {
          const name = m[1]!;
          const after = e.slice((m.index ?? 0) + m[0].length).trimStart();
          if (name === 'states' || local.has(name) || after.startsWith('(')) continue;
          found.add(name);
        }
      }
    }
  };
  visit(node, undefined);
  return [...found].sort();
}

/** The saved-input file of a state, relative to the workspace folder (state names may hold any character). */
export function inputFileName(stateName: string): string {
  const safe =
    [...stateName]
      .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c))
      .join('')
      .replace(/^\.+/, '_')
      .trim() || '_';
  return `${INPUTS_FOLDER}/${safe}.json`;
}

/** The saved-variables file next to the input file. */
export function variablesFileName(stateName: string): string {
  return inputFileName(stateName).replace(/\.json$/, '.variables.json');
}

/** Checks that a text is JSON (TestState input) and, when asked, a JSON object (variables). */
export function jsonProblem(text: string, what: string, object = false): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `${what} is not JSON: ${(e as Error).message}`;
  }
  if (object && (value === null || typeof value !== 'object' || Array.isArray(value)))
    return `${what} must be a JSON object`;
  return undefined;
}

export const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
