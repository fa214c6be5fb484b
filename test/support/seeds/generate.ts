// Generates valid state machine definitions, deterministically from a seed, for the property and robustness
// tests: every state type, JSONPath and JSONata forms (Parameters/Arguments, Output, Assign, Condition, Items,
// `{% %}` in numeric fields), intrinsic functions, context paths, Retry/Catch, nested Parallel and Map (legacy
// Iterator, inline ItemProcessor, Distributed with ItemReader/ItemBatcher/ResultWriter), and the crossings
// (Credentials, apigateway:invoke, http:invoke, the invoker payload, aws-sdk tasks). They replace the external
// corpus as seeds, so `npm test` reads nothing outside the repository.

export type QueryLanguage = 'JSONPath' | 'JSONata';
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type State = { [key: string]: Json };
type States = Record<string, State>;

/** mulberry32: a small seeded PRNG, so every run generates the same definitions. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Gen {
  rnd: () => number;
  lang: QueryLanguage;
  used: Set<string>;
}

const pick = <T>(g: Gen, items: readonly T[]): T => items[Math.floor(g.rnd() * items.length)]!;
const chance = (g: Gen, p: number) => g.rnd() < p;
const int = (g: Gen, min: number, max: number) => min + Math.floor(g.rnd() * (max - min + 1));

const WORDS = [
  'Check Address',
  'Job Complete?',
  'Step-1',
  'Load order',
  'Notify (ops)',
  'Reserve_stock',
  'Fan out',
  'Café ✓',
  'Say "hi" \\ there',
];
function name(g: Gen, kind: string): string {
  for (let i = 0; ; i++) {
    const base = chance(g, 0.4) ? pick(g, WORDS) : kind;
    const candidate = i === 0 && !g.used.has(base) ? base : `${base} ${g.used.size + i}`;
    if (candidate.length <= 80 && !g.used.has(candidate)) {
      g.used.add(candidate);
      return candidate;
    }
  }
}

const jsonata = (g: Gen) => g.lang === 'JSONata';
/** A dynamic value: a JSONPath reference (key gets `.$`) or a JSONata expression. */
function dyn(g: Gen, key: string, path: string, expression: string): [string, Json] {
  return jsonata(g) ? [key, `{% ${expression} %}`] : [`${key}.$`, path];
}

const INTRINSICS = [
  "States.Format('Hello, {}', $.name)",
  'States.StringToJson($.text)',
  'States.JsonToString($.obj)',
  'States.Array($.a, $.b, 3)',
  'States.ArrayPartition($.items, 2)',
  'States.ArrayContains($.items, $.item)',
  'States.ArrayRange(1, 9, 2)',
  'States.ArrayGetItem($.items, 0)',
  'States.ArrayLength($.items)',
  'States.ArrayUnique($.items)',
  'States.Base64Encode($.text)',
  'States.Base64Decode($.encoded)',
  "States.Hash($.text, 'SHA-256')",
  'States.JsonMerge($.a, $.b, false)',
  'States.MathRandom(1, 100)',
  'States.MathAdd($.count, 1)',
  "States.StringSplit($.csv, ',')",
  'States.UUID()',
];
const CONTEXT = ['$$.Execution.Id', '$$.Execution.Input', '$$.State.Name', '$$.StateMachine.Id'];
const EXPRESSIONS = [
  '$states.input',
  '$states.input.order',
  '$count($states.input.items)',
  '$uppercase($states.input.name)',
];

function payload(g: Gen): { [key: string]: Json } {
  const out: { [key: string]: Json } = { static: pick(g, ['v', 1, true, null, [1, 2], { nested: 'x' }]) };
  for (let i = int(g, 1, 3); i > 0; i--) {
    const [k, v] = jsonata(g)
      ? dyn(g, `f${i}`, '', pick(g, EXPRESSIONS))
      : [`f${i}.$`, chance(g, 0.5) ? pick(g, INTRINSICS) : pick(g, ['$', '$.order.id', ...CONTEXT])];
    out[k] = v;
  }
  return out;
}

/** The input/result shaping fields of a state, in the machine's query language. */
function shaping(g: Gen, state: State, task: boolean): void {
  if (jsonata(g)) {
    if (chance(g, 0.5)) state.Output = `{% ${pick(g, EXPRESSIONS)} %}`;
    if (chance(g, 0.4)) state.Assign = { seen: '{% $states.input %}', count: 1 };
    return;
  }
  if (chance(g, 0.3)) state.InputPath = pick(g, ['$', '$.order', "$['item list']"]);
  if (chance(g, 0.4)) state.ResultPath = pick(g, ['$.result', '$', null, '$.out.detail']);
  if (chance(g, 0.3)) state.OutputPath = '$';
  if (task && chance(g, 0.3)) state.ResultSelector = { 'body.$': '$.Payload', kept: true };
  if (chance(g, 0.2)) state.Assign = { 'seen.$': '$', counter: 0 };
}

const args = (g: Gen) => (jsonata(g) ? 'Arguments' : 'Parameters');
const LAMBDA = 'arn:aws:lambda:us-east-1:111122223333:function:process-order';

function taskResource(g: Gen): { Resource: string; params?: { [key: string]: Json }; credentials?: boolean } {
  switch (int(g, 0, 9)) {
    case 0:
      return { Resource: 'arn:aws:states:::lambda:invoke', params: { FunctionName: LAMBDA, Payload: payload(g) } };
    case 1:
      return { Resource: LAMBDA };
    case 2:
      return {
        Resource: 'arn:aws:states:::sns:publish',
        params: Object.fromEntries([
          ['TopicArn', 'arn:aws:sns:us-east-1:111122223333:orders'],
          dyn(g, 'Message', '$.message', '$string($states.input)'),
        ]),
      };
    case 3:
      return {
        Resource: 'arn:aws:states:::dynamodb:putItem',
        params: { TableName: 'orders', Item: { PK: { S: 'order' } } },
        credentials: true,
      };
    case 4:
      return {
        Resource: 'arn:aws:states:::batch:submitJob.sync',
        params: {
          JobName: 'nightly',
          JobQueue: 'arn:aws:batch:us-east-1:111122223333:job-queue/q',
          JobDefinition: 'd:1',
        },
      };
    case 5:
      return {
        Resource: 'arn:aws:states:::aws-sdk:s3:getObject',
        params: { Bucket: 'orders-bucket', Key: 'in/order.json' },
        credentials: true,
      };
    case 6:
      return {
        Resource: 'arn:aws:states:::apigateway:invoke',
        params: {
          ApiEndpoint: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
          Method: pick(g, ['GET', 'POST']),
          Stage: 'prod',
          Path: 'orders',
          Headers: { 'Content-Type': ['application/json'] },
          AuthType: pick(g, ['IAM_ROLE', 'NO_AUTH']),
        },
      };
    case 7:
      return {
        Resource: 'arn:aws:states:::http:invoke',
        params: {
          ApiEndpoint: 'https://partner.example.com/v1/orders',
          Method: 'POST',
          Authentication: {
            ConnectionArn:
              'arn:aws:events:us-east-1:111122223333:connection/partner/3bd1c4b7-1d2b-4f5c-9e0a-0f6c3d2e1a00',
          },
          Headers: { 'Content-Type': 'application/json' },
          RequestBody: { order: 'x' },
        },
      };
    case 8:
      return {
        Resource: 'arn:aws:states:::lambda:invoke',
        params: {
          FunctionName: 'sfn-crossings-invoker',
          Payload: { service: 's3', action: 'getObject', region: 'us-west-2', parameters: { Bucket: 'b', Key: 'k' } },
        },
      };
    default:
      return {
        Resource: 'arn:aws:states:::sqs:sendMessage',
        params: Object.fromEntries([
          ['QueueUrl', 'https://sqs.us-east-1.amazonaws.com/111122223333/orders'],
          dyn(g, 'MessageBody', '$', '$states.input'),
        ]),
      };
  }
}

function task(g: Gen, failure: string): State {
  const r = taskResource(g);
  const state: State = { Type: 'Task', Resource: r.Resource };
  if (r.params) state[args(g)] = r.params;
  if (r.credentials && chance(g, 0.6))
    state.Credentials = Object.fromEntries([
      chance(g, 0.6)
        ? ['RoleArn', 'arn:aws:iam::222222222222:role/CrossAccountWriter']
        : dyn(g, 'RoleArn', '$.roleArn', '$states.input.roleArn'),
    ]);
  if (!jsonata(g) && chance(g, 0.2)) {
    state.TimeoutSecondsPath = '$.timeout';
    state.HeartbeatSecondsPath = '$.heartbeat';
  } else {
    if (chance(g, 0.4)) state.TimeoutSeconds = jsonata(g) && chance(g, 0.5) ? '{% 60 %}' : 60;
    if (chance(g, 0.3)) state.HeartbeatSeconds = 30;
  }
  if (chance(g, 0.5))
    state.Retry = [
      {
        ErrorEquals: ['States.TaskFailed', 'Lambda.ServiceException'],
        IntervalSeconds: int(g, 1, 5),
        MaxAttempts: int(g, 0, 6),
        BackoffRate: pick(g, [1, 1.5, 2]),
        ...(chance(g, 0.3) ? { MaxDelaySeconds: 30, JitterStrategy: 'FULL' } : {}),
      },
      { ErrorEquals: ['States.ALL'], MaxAttempts: 1 },
    ];
  if (chance(g, 0.5))
    state.Catch = [
      {
        ErrorEquals: ['States.ALL'],
        Next: failure,
        ...(jsonata(g) ? { Output: '{% $states.errorOutput %}' } : { ResultPath: '$.error' }),
      },
    ];
  shaping(g, state, true);
  return state;
}

function pass(g: Gen): State {
  const state: State = { Type: 'Pass' };
  if (chance(g, 0.4)) state.Result = pick<Json>(g, [{ ok: true }, [1, 2, 3], 'done', null, { 'x.$': 'literal' }]);
  else if (jsonata(g)) state.Output = { out: `{% ${pick(g, EXPRESSIONS)} %}` };
  else state.Parameters = payload(g);
  if (chance(g, 0.2)) state.Comment = 'a pass state';
  shaping(g, state, false);
  return state;
}

function wait(g: Gen): State {
  if (jsonata(g))
    return pick<State>(g, [
      { Type: 'Wait', Seconds: '{% $states.input.delay %}' },
      { Type: 'Wait', Timestamp: '{% $states.input.at %}' },
      { Type: 'Wait', Seconds: 5 },
    ]);
  return pick<State>(g, [
    { Type: 'Wait', Seconds: int(g, 0, 30) },
    { Type: 'Wait', SecondsPath: '$.delay' },
    { Type: 'Wait', Timestamp: '2026-12-03T10:00:00Z' },
    { Type: 'Wait', TimestampPath: '$.at' },
  ]);
}

function condition(g: Gen): { [key: string]: Json } {
  if (jsonata(g))
    return { Condition: `{% ${pick(g, ['$states.input.n > 1', '$exists($x)', '$count($states.input.items) = 0'])} %}` };
  const leaf = (): { [key: string]: Json } =>
    pick<{ [key: string]: Json }>(g, [
      { Variable: '$.n', NumericGreaterThan: 1 },
      { Variable: '$.n', NumericEquals: 0 },
      { Variable: '$.n', NumericEqualsPath: '$.m' },
      { Variable: '$.s', StringEquals: 'ok' },
      { Variable: '$.s', StringMatches: 'log-*.txt' },
      { Variable: '$.b', BooleanEquals: true },
      { Variable: '$.t', TimestampLessThan: '2026-01-01T00:00:00Z' },
      { Variable: '$.x', IsPresent: true },
      { Variable: '$.x', IsNull: false },
      { Variable: '$$.Execution.Input.flag', IsBoolean: true },
    ]);
  switch (int(g, 0, 3)) {
    case 0:
      return { And: [leaf(), leaf()] };
    case 1:
      return { Or: [leaf(), { Not: leaf() }] };
    default:
      return leaf();
  }
}

function fail(g: Gen): State {
  if (jsonata(g)) return { Type: 'Fail', Error: 'OrderFailed', Cause: '{% $string($states.input) %}' };
  return pick<State>(g, [
    { Type: 'Fail', Error: 'OrderFailed', Cause: 'the order could not be processed' },
    { Type: 'Fail', ErrorPath: '$.error.Error', CausePath: "States.Format('failed: {}', $.error.Cause)" },
    { Type: 'Fail' },
  ]);
}

/** The state names a machine's own states go to (Next, Default, Choices and Catch targets). */
function references(states: States): Set<string> {
  const out = new Set<string>();
  for (const state of Object.values(states)) {
    for (const key of ['Next', 'Default'] as const) if (typeof state[key] === 'string') out.add(state[key]);
    for (const list of [state.Choices, state.Catch])
      if (Array.isArray(list))
        for (const rule of list)
          if (rule && typeof rule === 'object' && !Array.isArray(rule) && typeof rule.Next === 'string')
            out.add(rule.Next);
  }
  return out;
}

/** A machine (top level, branch or item processor): a chain of states with a failure state for the Catches. */
function chain(g: Gen, depth: number, length: number): { StartAt: string; States: States } {
  const names = Array.from({ length }, () => '');
  const failure = name(g, 'Failed');
  const states: States = {};
  const kinds =
    depth < 1 ? ['task', 'task', 'pass', 'wait', 'choice', 'parallel', 'map'] : ['task', 'pass', 'wait', 'choice'];
  for (let i = 0; i < length; i++) names[i] = name(g, 'State');
  for (let i = 0; i < length; i++) {
    const next = names[i + 1];
    const kind = pick(g, kinds);
    let state: State;
    if (kind === 'task') state = task(g, failure);
    else if (kind === 'pass') state = pass(g);
    else if (kind === 'wait') state = wait(g);
    else if (kind === 'parallel') state = parallel(g, depth, failure);
    else if (kind === 'map') state = map(g, depth);
    else {
      const target = next ?? failure;
      state = {
        Type: 'Choice',
        Choices: [{ ...condition(g), Next: target }],
        Default: chance(g, 0.5) ? target : failure,
      };
      if (chance(g, 0.3)) state.Choices = [...(state.Choices as Json[]), { ...condition(g), Next: failure }];
      states[names[i]!] = state;
      continue;
    }
    if (next) state.Next = next;
    else state.End = true;
    states[names[i]!] = state;
  }
  if (chance(g, 0.3) && states[names[0]!]!.Type === 'Choice') {
    // A terminal Succeed reached from a Choice default, so both terminal types appear.
    const done = name(g, 'Done');
    states[done] = { Type: 'Succeed' };
    states[names[0]!]!.Default = done;
  }
  if (references(states).has(failure)) states[failure] = fail(g);
  return { StartAt: names[0]!, States: states };
}

function parallel(g: Gen, depth: number, failure: string): State {
  const state: State = {
    Type: 'Parallel',
    Branches: Array.from({ length: int(g, 1, 2) }, () => chain(g, depth + 1, int(g, 1, 2))),
  };
  if (chance(g, 0.4)) state.Catch = [{ ErrorEquals: ['States.ALL'], Next: failure }];
  shaping(g, state, true);
  return state;
}

function map(g: Gen, depth: number): State {
  const processor = chain(g, depth + 1, int(g, 1, 2));
  const state: State = { Type: 'Map' };
  if (jsonata(g)) state.Items = '{% $states.input.items %}';
  else state.ItemsPath = '$.items';
  if (!jsonata(g) && chance(g, 0.25)) {
    state.Iterator = processor; // the legacy form
    state.MaxConcurrency = int(g, 0, 10);
  } else if (chance(g, 0.35)) {
    state.ItemProcessor = {
      ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: pick(g, ['STANDARD', 'EXPRESS']) },
      ...processor,
    };
    if (chance(g, 0.5)) {
      delete state.ItemsPath;
      delete state.Items;
      state.ItemReader = chance(g, 0.5)
        ? { Resource: 'arn:aws:states:::s3:listObjectsV2', [args(g)]: { Bucket: 'inventory', Prefix: 'in/' } }
        : {
            Resource: 'arn:aws:states:::s3:getObject',
            ReaderConfig: {
              InputType: 'CSV',
              CSVHeaderLocation: 'FIRST_ROW',
              ...(jsonata(g) ? { MaxItems: 500 } : { MaxItemsPath: '$.maxItems' }),
            },
            [args(g)]: { Bucket: 'inventory', Key: 'in/items.csv' },
          };
    }
    if (chance(g, 0.5))
      state.ItemBatcher =
        !jsonata(g) && chance(g, 0.4)
          ? { MaxItemsPerBatchPath: '$.batchSize', MaxInputBytesPerBatchPath: '$.batchBytes' }
          : { MaxItemsPerBatch: 25, MaxInputBytesPerBatch: 262144 };
    if (chance(g, 0.5))
      state.ResultWriter = chance(g, 0.5)
        ? { Resource: 'arn:aws:states:::s3:putObject', [args(g)]: { Bucket: 'results', Prefix: 'out/' } }
        : { WriterConfig: { OutputType: 'JSONL', Transformation: 'FLATTEN' } };
    if (!jsonata(g) && chance(g, 0.3)) state.ToleratedFailureCountPath = '$.tolerated';
    else state[chance(g, 0.5) ? 'ToleratedFailurePercentage' : 'ToleratedFailureCount'] = int(g, 0, 10);
    state.MaxConcurrency = jsonata(g) && chance(g, 0.5) ? '{% 100 %}' : 100;
  } else {
    state.ItemProcessor = { ProcessorConfig: { Mode: 'INLINE' }, ...processor };
    if (chance(g, 0.5)) state.MaxConcurrency = int(g, 0, 10);
  }
  if (chance(g, 0.4))
    state.ItemSelector = Object.fromEntries([
      dyn(g, 'item', '$$.Map.Item.Value', '$states.context.Map.Item.Value'),
      ['fixed', 1],
    ]);
  shaping(g, state, true);
  return state;
}

export interface GeneratedDefinition {
  name: string;
  queryLanguage: QueryLanguage;
  definition: Record<string, unknown>;
}

/** `count` definitions, half JSONPath and half JSONata, the same on every call with the same seed. */
export function generateDefinitions(count: number, seed = 20261203): GeneratedDefinition[] {
  const out: GeneratedDefinition[] = [];
  for (let i = 0; i < count; i++) {
    const g: Gen = { rnd: prng(seed + i), lang: i % 2 ? 'JSONata' : 'JSONPath', used: new Set() };
    const body = chain(g, 0, int(g, 1, 3));
    const definition: Record<string, unknown> = {};
    if (chance(g, 0.5)) definition.Comment = `generated definition ${i}`;
    if (g.lang === 'JSONata') definition.QueryLanguage = 'JSONata';
    else if (chance(g, 0.2)) definition.QueryLanguage = 'JSONPath';
    Object.assign(definition, body);
    if (chance(g, 0.2)) definition.TimeoutSeconds = 3600;
    out.push({
      name: `generated-${String(i).padStart(3, '0')}-${g.lang.toLowerCase()}`,
      queryLanguage: g.lang,
      definition,
    });
  }
  return out;
}
