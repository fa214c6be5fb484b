// Field rules (ASL107, ASL109, ASL2xx): per state type the allowed and required fields, mutually
// exclusive fields, value types and ranges, End vs Next, the shape of the root, branches and Map
// processors, and Map's nested objects. One pass over the model's scopes and states.
import { hasProp, type ObjectNode, prop } from '../parse/ast';
import { atKey, atNode, atValue, finding, type Rule, type RuleContext } from '../model/rule';
import type { QueryLanguage, Scope, StateInfo } from '../model/model';
import { DocumentCodes as C } from './codes';
import {
  ARRAY,
  BOOLEAN,
  OBJECT,
  STRING,
  STRING_OR_NULL,
  checkEnum,
  checkExclusive,
  checkKind,
  checkNumber,
  checkUnknownFields,
  MAX_SECONDS,
  jsonataAllowed,
  type NumberSpec,
  type UnknownFieldOptions,
} from './checks';
import { checkChoice } from './choice';
import { checkMap } from './mapFields';
import { checkResource } from './resource';
import { checkRetryCatch } from './retryCatch';
import {
  BRANCH_FIELDS,
  EXCLUSIVE_GROUPS,
  ITEM_PROCESSOR_FIELDS,
  PROCESSOR_CONFIG_FIELDS,
  ROOT_FIELDS,
  STATE_FIELDS,
  STATE_TYPES,
  type StateType,
} from './stateFields';
import { type Label, describe, didYouMean, label, q, replaceFix, LazyLabel, RFC3339_TIMESTAMP } from './util';
import { hasPlaceholder } from './placeholders';

const FLOW_TYPES = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);
const END_NEXT = new Set(['End', 'Next']);
const SKIP_QUERY_LANGUAGE = new Set(['QueryLanguage']);
// Shared argument objects and lists: these checks run for every state, so nothing is allocated per call.
const SECONDS: NumberSpec = { integer: true, above: 0, max: MAX_SECONDS };
const WAIT_SECONDS: NumberSpec = { integer: true, min: 0, max: MAX_SECONDS };
const QUERY_LANGUAGES = ['JSONPath', 'JSONata'];
const PATH_FIELDS = ['InputPath', 'OutputPath', 'ResultPath'];
const FAIL_FIELDS = ['Error', 'Cause', 'ErrorPath', 'CausePath'];
const TASK_PATH_FIELDS = ['TimeoutSecondsPath', 'HeartbeatSecondsPath'];
const WAIT_FIELDS = ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'];
const WAIT_PATH_FIELDS = ['SecondsPath', 'TimestampPath'];
const STATE_UNKNOWN_FIELDS: UnknownFieldOptions = { skip: END_NEXT, explain: explainField };
const CREDENTIALS_HINT = 'Write {"RoleArn": "arn:aws:iam::<account>:role/<name>"}.';

/** For each state field, the types that accept it (to explain a field used on the wrong type). */
const TYPES_BY_FIELD = new Map<string, StateType[]>();
for (const t of STATE_TYPES)
  for (const f of STATE_FIELDS[t]) TYPES_BY_FIELD.set(f, [...(TYPES_BY_FIELD.get(f) ?? []), t]);
/** `A Task state`... for the unknown-field messages. */
const TYPE_LABELS = Object.fromEntries(STATE_TYPES.map((t) => [t, `A ${t} state`])) as Record<StateType, string>;
function explainField(key: string): string | undefined {
  const types = TYPES_BY_FIELD.get(key);
  return types ? `only ${types.join(', ')} states take it` : undefined;
}

export const fieldsRule: Rule = {
  id: 'fields',
  run(ctx: RuleContext): void {
    const { model } = ctx;
    checkRoot(ctx, model.root);
    for (const scope of model.scopes) checkScope(ctx, scope);
  },
  checkState,
};

function checkRoot(ctx: RuleContext, root: ObjectNode): void {
  const where = 'The state machine';
  checkUnknownFields(ctx, root, ROOT_FIELDS, where);
  checkKind(ctx, prop(root, 'Comment'), where, STRING);
  const version = prop(root, 'Version');
  if (checkKind(ctx, version, where, STRING) && version!.value.kind === 'string' && version!.value.value !== '1.0')
    ctx.report(
      finding(
        C.enumValue,
        'error',
        `${label(where)}: "Version" must be "1.0" (the only ASL version).`,
        atValue(version!),
      ),
    );
  checkNumber(ctx, prop(root, 'TimeoutSeconds'), where, 'JSONPath', SECONDS);
  checkEnum(ctx, prop(root, 'QueryLanguage'), where, QUERY_LANGUAGES);
}

function checkScope(ctx: RuleContext, scope: Scope): void {
  const where =
    scope.kind === 'root'
      ? 'The state machine'
      : scope.kind === 'branch'
        ? `A branch of ${q(scope.owner?.name ?? '?')}`
        : `The ${scope.kind === 'iterator' ? 'Iterator' : 'ItemProcessor'} of ${q(scope.owner?.name ?? '?')}`;
  if (scope.kind !== 'root') {
    const allowed = scope.kind === 'itemProcessor' ? ITEM_PROCESSOR_FIELDS : BRANCH_FIELDS;
    // QueryLanguage here is ASL304 (query-language rule).
    checkUnknownFields(ctx, scope.node, allowed, where, { skip: SKIP_QUERY_LANGUAGE });
    checkKind(ctx, prop(scope.node, 'Comment'), where, STRING);
  }
  const states = prop(scope.node, 'States');
  if (!states) {
    ctx.report(
      finding(
        C.scopeShape,
        'error',
        `${label(where)} has no "States": add an object mapping each state name to its definition.`,
        {
          offset: scope.node.offset,
          length: 1,
          path: scope.pointer,
        },
      ),
    );
  } else if (states.value.kind !== 'object') {
    ctx.report(
      finding(
        C.scopeShape,
        'error',
        `${label(where)}: "States" must be an object mapping state names to states, not ${describe(states.value)}.`,
        atValue(states),
      ),
    );
  } else if (states.value.properties.length === 0) {
    ctx.report(
      finding(
        C.scopeShape,
        'error',
        `${label(where)}: "States" is empty; it needs at least the state named in "StartAt".`,
        atValue(states),
      ),
    );
  }
  if (scope.kind === 'itemProcessor') {
    const config = prop(scope.node, 'ProcessorConfig');
    if (checkKind(ctx, config, where, OBJECT)) {
      const cfg = config!.value as ObjectNode;
      const w: Label = new LazyLabel('The ProcessorConfig of ', scope.owner?.name ?? '?');
      checkUnknownFields(ctx, cfg, PROCESSOR_CONFIG_FIELDS, w);
      checkEnum(ctx, prop(cfg, 'Mode'), w, ['INLINE', 'DISTRIBUTED']);
      checkEnum(ctx, prop(cfg, 'ExecutionType'), w, ['STANDARD', 'EXPRESS']);
    }
  }
}

function checkState(ctx: RuleContext, state: StateInfo): void {
  const where: Label = new LazyLabel('State ', state.name);
  const node = state.node;
  if (!node) {
    ctx.report(
      finding(
        C.valueType,
        'error',
        `${label(where)} must be an object with at least "Type", not ${describe(state.entry.value)}.`,
        atValue(state.entry),
      ),
    );
    return;
  }
  const typeProp = prop(node, 'Type');
  if (!typeProp) {
    ctx.report(
      finding(
        C.missingField,
        'error',
        `${label(where)} has no "Type": add one of ${STATE_TYPES.join(', ')}.`,
        atKey(state.entry),
      ),
    );
    return;
  }
  if (
    typeProp.value.kind !== 'string' ||
    !(STATE_TYPES as readonly string[]).includes(typeProp.value.value as string)
  ) {
    const near = typeProp.value.kind === 'string' ? didYouMean(typeProp.value.value as string, STATE_TYPES) : undefined;
    const hint = near ? ` Did you mean "${near}"?` : '';
    const fix = near
      ? replaceFix(ctx.model.parsed.text, typeProp.value.offset, typeProp.value.length, near, `Change to "${near}"`)
      : undefined;
    ctx.report(
      finding(
        C.stateType,
        'error',
        `${label(where)}: "Type" must be one of ${STATE_TYPES.join(', ')}, not ${describe(typeProp.value)}.${hint}`,
        atValue(typeProp),
        fix ? { fixes: [fix] } : {},
      ),
    );
    return;
  }
  const type = typeProp.value.value as StateType;
  const ql = state.queryLanguage;
  checkUnknownFields(ctx, node, STATE_FIELDS[type], TYPE_LABELS[type], STATE_UNKNOWN_FIELDS);
  checkKind(ctx, prop(node, 'Comment'), where, STRING);
  checkEnum(ctx, prop(node, 'QueryLanguage'), where, QUERY_LANGUAGES);
  checkEndNext(ctx, node, type, where, state);
  for (const group of EXCLUSIVE_GROUPS) if (group.types.includes(type)) checkExclusive(ctx, node, group.fields, where);
  for (const key of PATH_FIELDS) checkKind(ctx, prop(node, key), where, STRING_OR_NULL);
  checkKind(ctx, prop(node, 'ResultSelector'), where, OBJECT);
  checkKind(ctx, prop(node, 'Assign'), where, OBJECT);
  checkRetryCatch(ctx, state, node, type, where);

  switch (type) {
    case 'Task':
      checkTask(ctx, state, node, where, ql);
      break;
    case 'Wait':
      checkWait(ctx, state, node, where, ql);
      break;
    case 'Choice':
      checkChoice(ctx, state, node, where);
      break;
    case 'Fail':
      for (const key of FAIL_FIELDS) checkKind(ctx, prop(node, key), where, STRING, jsonataAllowed(ql));
      break;
    case 'Parallel':
      checkParallel(ctx, state, node, where);
      break;
    case 'Map':
      checkMap(ctx, state, node, where, ql);
      break;
    default:
      break;
  }
}

function checkEndNext(ctx: RuleContext, node: ObjectNode, type: StateType, where: Label, state: StateInfo): void {
  const end = prop(node, 'End');
  const next = prop(node, 'Next');
  checkKind(ctx, next, where, STRING);
  checkKind(ctx, end, where, BOOLEAN);
  if (!FLOW_TYPES.has(type)) {
    for (const p of [end, next]) {
      if (!p) continue;
      const why =
        type === 'Choice'
          ? p.key === 'End'
            ? 'a Choice state cannot end the execution: send a Choice rule or "Default" to a Succeed state'
            : 'a Choice state moves on through its Choices and "Default", not "Next"'
          : `a ${type} state always ends the execution`;
      ctx.report(
        finding(C.endOrNext, 'error', `${label(where)} has "${p.key}" but ${why}. Remove "${p.key}".`, atKey(p)),
      );
    }
    return;
  }
  const endTrue = end?.value.kind === 'boolean' && end.value.value === true;
  if (next && end) {
    ctx.report(
      finding(
        C.endOrNext,
        'error',
        `${label(where)} has both "Next" and "End": a state either continues to "Next" or ends the execution. Remove one of them.`,
        atKey(end),
      ),
    );
  } else if (!next && !endTrue) {
    ctx.report(
      finding(
        C.endOrNext,
        'error',
        end
          ? `${label(where)} has "End": false and no "Next": add "Next" with the state to run after it, or set "End": true.`
          : `${label(where)} has neither "Next" nor "End": add "Next" with the state to run after it, or "End": true if the execution ends here.`,
        end ? atValue(end) : atKey(state.entry),
      ),
    );
  }
}

function checkTask(ctx: RuleContext, state: StateInfo, node: ObjectNode, where: Label, ql: QueryLanguage): void {
  const resource = prop(node, 'Resource');
  if (!resource)
    ctx.report(
      finding(
        C.missingField,
        'error',
        `${label(where)} is a Task without "Resource": add the ARN of the integration, function or activity to run.`,
        atKey(state.entry),
      ),
    );
  else checkResource(ctx, resource, where, 'task');
  const timeout = checkNumber(ctx, prop(node, 'TimeoutSeconds'), where, ql, SECONDS);
  const heartbeatProp = prop(node, 'HeartbeatSeconds');
  const heartbeat = checkNumber(ctx, heartbeatProp, where, ql, SECONDS);
  if (timeout !== undefined && heartbeat !== undefined && heartbeat >= timeout)
    ctx.report(
      finding(
        C.heartbeatTimeout,
        'error',
        `${label(where)}: "HeartbeatSeconds" (${heartbeat}) must be smaller than "TimeoutSeconds" (${timeout}); otherwise the heartbeat can never fire before the timeout.`,
        atValue(heartbeatProp!),
      ),
    );
  for (const key of TASK_PATH_FIELDS) checkKind(ctx, prop(node, key), where, STRING);
  // Only the type: the keys of Credentials belong to the crossing rules (XC1xx).
  const credentials = prop(node, 'Credentials');
  if (credentials) checkKind(ctx, credentials, where, OBJECT, { ql, jsonata: true, hint: CREDENTIALS_HINT });
  checkKind(ctx, prop(node, 'Arguments'), where, OBJECT, jsonataAllowed(ql));
}

function checkWait(ctx: RuleContext, state: StateInfo, node: ObjectNode, where: Label, ql: QueryLanguage): void {
  if (!WAIT_FIELDS.some((k) => hasProp(node, k)))
    ctx.report(
      finding(
        C.missingField,
        'error',
        `${label(where)} is a Wait without a duration: add one of "Seconds", "SecondsPath", "Timestamp" or "TimestampPath".`,
        atKey(state.entry),
      ),
    );
  checkNumber(ctx, prop(node, 'Seconds'), where, ql, WAIT_SECONDS);
  const ts = prop(node, 'Timestamp');
  if (checkKind(ctx, ts, where, STRING, jsonataAllowed(ql)) && ts!.value.kind === 'string') {
    const s = ts!.value.value as string;
    if (!(ql === 'JSONata' && s.startsWith('{%')) && !RFC3339_TIMESTAMP.test(s) && !hasPlaceholder(s))
      ctx.report(
        finding(
          C.valueRange,
          'error',
          `${label(where)}: "Timestamp" ${q(s)} is not an RFC 3339 timestamp such as 2026-01-31T23:59:00Z.`,
          atValue(ts!),
        ),
      );
  }
  for (const key of WAIT_PATH_FIELDS) checkKind(ctx, prop(node, key), where, STRING);
}

function checkParallel(ctx: RuleContext, state: StateInfo, node: ObjectNode, where: Label): void {
  const branches = prop(node, 'Branches');
  if (!branches) {
    ctx.report(
      finding(
        C.missingField,
        'error',
        `${label(where)} is a Parallel state without "Branches": add an array of branches, each with "StartAt" and "States".`,
        atKey(state.entry),
      ),
    );
    return;
  }
  if (!checkKind(ctx, branches, where, ARRAY)) return;
  const items = branches.value.kind === 'array' ? branches.value.items : [];
  if (items.length === 0)
    ctx.report(
      finding(
        C.scopeShape,
        'error',
        `${label(where)}: "Branches" is empty; add at least one branch with "StartAt" and "States".`,
        atValue(branches),
      ),
    );
  for (const b of items)
    if (b.kind !== 'object')
      ctx.report(
        finding(
          C.scopeShape,
          'error',
          `${label(where)}: each branch must be an object with "StartAt" and "States", not ${describe(b)}.`,
          atNode(b),
        ),
      );
}
