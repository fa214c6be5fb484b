// The fake's ValidateStateMachineDefinition: the checks and answer shapes the service gives (codes, messages,
// `/States/<State>/<Field>` locations, the JSON parser's `[Source: ...; line: L, column: C]`), over the root,
// Parallel branches and Map processors. Enough to test how clients map and show them, not a full validator.

export interface FakeDiagnostic {
  severity: 'ERROR' | 'WARNING';
  code: string;
  message: string;
  location?: string;
}

const TYPES = new Set(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);
const TERMINAL = new Set(['Succeed', 'Fail']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Line and column (1-based) of the character where JSON.parse stopped. */
function jsonErrorPosition(text: string, error: Error): { line: number; column: number } {
  const m = /position (\d+)/.exec(error.message);
  const lc = /\(line (\d+) column (\d+)\)/.exec(error.message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = m ? Number(m[1]) : text.length;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return { line, column: pos - (before.lastIndexOf('\n') + 1) + 1 };
}

export function validateDefinition(definition: string, type: 'STANDARD' | 'EXPRESS'): FakeDiagnostic[] {
  const out: FakeDiagnostic[] = [];
  const error = (code: string, message: string, location?: string) =>
    out.push({ severity: 'ERROR', code, message, ...(location !== undefined ? { location } : {}) });
  if (definition.trim() === '') {
    error('SCHEMA_VALIDATION_FAILED', 'Definition must be a valid JSON object');
    return out;
  }
  let root: unknown;
  try {
    root = JSON.parse(definition);
  } catch (e) {
    const { line, column } = jsonErrorPosition(definition, e as Error);
    const source = `[Source: (String)"${definition.slice(0, 500)}"; line: ${line}, column: ${column}]`;
    error('INVALID_JSON_DESCRIPTION', `${(e as Error).message.split('\n')[0]}\n at ${source}`, source);
    return out;
  }
  if (!isObj(root)) {
    error('SCHEMA_VALIDATION_FAILED', 'Definition must be a valid JSON object');
    return out;
  }
  const jsonata = root.QueryLanguage === 'JSONata';
  checkScope(root, '', true);
  return out;

  function checkScope(scope: Obj, at: string, isRoot: boolean) {
    const missing = ['States', 'StartAt'].filter((k) => scope[k] === undefined);
    if (missing.length)
      error('SCHEMA_VALIDATION_FAILED', `These fields are required: [${missing.join(', ')}]`, at || '/');
    const states = isObj(scope.States) ? scope.States : {};
    if (typeof scope.StartAt === 'string' && !(scope.StartAt in states)) {
      error('MISSING_TRANSITION_TARGET', `Missing 'Next' target: ${scope.StartAt}`, `${at}/StartAt`);
    }
    let terminal = false;
    for (const [name, state] of Object.entries(states)) {
      const here = `${at}/States/${name}`;
      if (name.length > 80) error('INVALID_STATE_NAME', `State name is too long: ${name}`, here);
      if (!isObj(state)) {
        error('SCHEMA_VALIDATION_FAILED', 'Each state must be a JSON object', here);
        continue;
      }
      const t = state.Type;
      if (t === undefined) {
        error('SCHEMA_VALIDATION_FAILED', 'These fields are required: [Type]', here);
        continue;
      }
      if (typeof t !== 'string' || !TYPES.has(t)) {
        error('SCHEMA_VALIDATION_FAILED', `Value is not a valid state type: ${String(t)}`, `${here}/Type`);
        continue;
      }
      if (jsonata && state.QueryLanguage === 'JSONPath') {
        error(
          'SCHEMA_VALIDATION_FAILED',
          "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
          here,
        );
      }
      const target = (value: unknown, where: string) => {
        if (typeof value === 'string' && !(value in states))
          error('MISSING_TRANSITION_TARGET', `Missing 'Next' target: ${value}`, where);
      };
      if (TERMINAL.has(t) || state.End === true) terminal = true;
      if (t === 'Choice') {
        const choices = Array.isArray(state.Choices) ? state.Choices : [];
        if (!choices.length) error('SCHEMA_VALIDATION_FAILED', 'These fields are required: [Choices]', here);
        choices.forEach((c, i) => isObj(c) && target(c.Next, `${here}/Choices/${i}/Next`));
        target(state.Default, `${here}/Default`);
      } else if (!TERMINAL.has(t)) {
        if (state.Next === undefined && state.End !== true)
          error('SCHEMA_VALIDATION_FAILED', "A state must have either 'Next' or 'End: true'", here);
        if (state.Next !== undefined && state.End !== undefined)
          error('SCHEMA_VALIDATION_FAILED', "A state can not have both 'Next' and 'End'", `${here}/Next`);
        target(state.Next, `${here}/Next`);
      }
      if (Array.isArray(state.Catch))
        state.Catch.forEach((c, i) => isObj(c) && target(c.Next, `${here}/Catch/${i}/Next`));
      if (t === 'Task') {
        const resource = state.Resource;
        if (typeof resource !== 'string' || !/^arn:aws[a-z-]*:[a-z0-9-]+:[^:]*:[^:]*:.+/.test(resource)) {
          error('INVALID_RESOURCE', `Value is not a valid resource ARN: ${String(resource)}`, `${here}/Resource`);
        } else if (type === 'EXPRESS') {
          const pattern = /\.(waitForTaskToken|sync(?::2)?)$/.exec(resource)?.[0];
          if (pattern)
            error(
              'SCHEMA_VALIDATION_FAILED',
              `Express state machine does not support '${pattern}' service integration `,
              `${here}/Resource`,
            );
        }
      }
      for (const field of ['Parameters', 'ItemSelector', 'ResultSelector']) {
        const value = state[field];
        if (!isObj(value)) continue;
        for (const [key, v] of Object.entries(value)) {
          if (!key.endsWith('.$') && typeof v === 'string' && /^(\$\.|\$\$\.|States\.)/.test(v)) {
            out.push({
              severity: 'WARNING',
              code: 'NO_DOLLAR',
              message: `The value of the field '${key}' looks like a JSONPath or an intrinsic function, but its name does not end with '.$'`,
              location: `${here}/${field}/${key}`,
            });
          }
        }
      }
      if (t === 'Parallel' && Array.isArray(state.Branches))
        state.Branches.forEach((b, i) => isObj(b) && checkScope(b, `${here}/Branches/${i}`, false));
      if (t === 'Map') {
        for (const key of ['ItemProcessor', 'Iterator'])
          if (isObj(state[key])) checkScope(state[key] as Obj, `${here}/${key}`, false);
      }
    }
    if (Object.keys(states).length && !terminal)
      error('MISSING_END_STATE', 'Workflow has no terminal state', isRoot ? '/' : at);
  }
}
