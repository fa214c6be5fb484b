// The field tables of the Amazon States Language: which fields each state type and each nested object
// accepts, which belong to JSONPath or to JSONata only, and which pairs exclude each other.
// Sources: https://states-language.net/spec.html and
// https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html (state pages),
// https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html (JSONata fields).

export const STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] as const;
export type StateType = (typeof STATE_TYPES)[number];

const common = ['Type', 'Comment', 'QueryLanguage'];
const io = ['InputPath', 'OutputPath', 'Output'];
const flow = ['Next', 'End'];
const result = ['Parameters', 'ResultSelector', 'ResultPath', 'Arguments'];
const errors = ['Retry', 'Catch'];

export const STATE_FIELDS: Record<StateType, ReadonlySet<string>> = {
  Task: new Set([
    ...common,
    ...io,
    ...flow,
    ...result,
    ...errors,
    'Assign',
    'Resource',
    'Credentials',
    'TimeoutSeconds',
    'TimeoutSecondsPath',
    'HeartbeatSeconds',
    'HeartbeatSecondsPath',
  ]),
  Pass: new Set([...common, ...io, ...flow, 'Parameters', 'ResultPath', 'Result', 'Assign']),
  Choice: new Set([...common, ...io, 'Choices', 'Default', 'Assign']),
  Wait: new Set([...common, ...io, ...flow, 'Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath', 'Assign']),
  Succeed: new Set([...common, ...io]),
  Fail: new Set([...common, 'Error', 'ErrorPath', 'Cause', 'CausePath']),
  Parallel: new Set([...common, ...io, ...flow, ...result, ...errors, 'Branches', 'Assign']),
  Map: new Set([
    ...common,
    ...io,
    ...flow,
    ...errors,
    'Parameters',
    'ResultSelector',
    'ResultPath',
    'Assign',
    'ItemProcessor',
    'Iterator',
    'Items',
    'ItemsPath',
    'ItemSelector',
    'ItemReader',
    'ItemBatcher',
    'ResultWriter',
    'MaxConcurrency',
    'MaxConcurrencyPath',
    'ToleratedFailureCount',
    'ToleratedFailureCountPath',
    'ToleratedFailurePercentage',
    'ToleratedFailurePercentagePath',
    'Label',
  ]),
};

export const ROOT_FIELDS = new Set(['Comment', 'StartAt', 'States', 'Version', 'TimeoutSeconds', 'QueryLanguage']);
export const BRANCH_FIELDS = new Set(['Comment', 'StartAt', 'States']);
export const ITEM_PROCESSOR_FIELDS = new Set(['Comment', 'StartAt', 'States', 'ProcessorConfig']);
export const PROCESSOR_CONFIG_FIELDS = new Set(['Mode', 'ExecutionType']);
export const ITEM_READER_FIELDS = new Set(['Resource', 'ReaderConfig', 'Parameters', 'Arguments']);
export const READER_CONFIG_FIELDS = new Set([
  'InputType',
  'CSVHeaderLocation',
  'CSVHeaders',
  'CSVDelimiter',
  'MaxItems',
  'MaxItemsPath',
  'ManifestType',
  'Transformation',
]);
export const ITEM_BATCHER_FIELDS = new Set([
  'MaxItemsPerBatch',
  'MaxItemsPerBatchPath',
  'MaxInputBytesPerBatch',
  'MaxInputBytesPerBatchPath',
  'BatchInput',
]);
export const RESULT_WRITER_FIELDS = new Set(['Resource', 'Parameters', 'Arguments', 'WriterConfig']);
export const WRITER_CONFIG_FIELDS = new Set(['OutputType', 'Transformation']);
export const RETRIER_FIELDS = new Set([
  'ErrorEquals',
  'IntervalSeconds',
  'MaxAttempts',
  'BackoffRate',
  'MaxDelaySeconds',
  'JitterStrategy',
  'Comment',
]);
export const CATCHER_FIELDS = new Set(['ErrorEquals', 'Next', 'ResultPath', 'Comment', 'Output', 'Assign']);

/** Choice rule comparison operators and the JSON type of their operand ('path' for the *Path ones). */
export const COMPARISONS: ReadonlyMap<string, 'string' | 'number' | 'boolean' | 'timestamp' | 'path'> = (() => {
  const m = new Map<string, 'string' | 'number' | 'boolean' | 'timestamp' | 'path'>();
  for (const op of ['Equals', 'LessThan', 'GreaterThan', 'LessThanEquals', 'GreaterThanEquals']) {
    m.set(`String${op}`, 'string');
    m.set(`Numeric${op}`, 'number');
    m.set(`Timestamp${op}`, 'timestamp');
    m.set(`String${op}Path`, 'path');
    m.set(`Numeric${op}Path`, 'path');
    m.set(`Timestamp${op}Path`, 'path');
  }
  m.set('StringMatches', 'string');
  m.set('BooleanEquals', 'boolean');
  m.set('BooleanEqualsPath', 'path');
  for (const t of ['IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp']) m.set(t, 'boolean');
  return m;
})();
export const CHOICE_RULE_FIELDS = new Set([
  'Variable',
  'And',
  'Or',
  'Not',
  'Condition',
  'Next',
  'Comment',
  'Assign',
  'Output',
  ...COMPARISONS.keys(),
]);
/** The fields of a Choice rule in a JSONata state. */
export const JSONATA_CHOICE_RULE_FIELDS: ReadonlySet<string> = new Set([
  'Condition',
  'Next',
  'Comment',
  'Assign',
  'Output',
]);

/** Fields evaluated with JSONPath only; the JSONata replacement for the message. */
export const JSONPATH_ONLY: ReadonlyMap<string, string> = new Map([
  ['InputPath', 'read the input with $states.input in Arguments or Output'],
  ['OutputPath', 'shape the output with "Output"'],
  ['Parameters', 'use "Arguments" (Task, Parallel) or "ItemSelector" (Map) with {% %} expressions'],
  ['ResultSelector', 'use "Output" with $states.result'],
  ['ResultPath', 'use "Output" (or "Assign") with $states.result'],
  ['ItemsPath', 'use "Items" with a {% %} expression'],
  ['TimeoutSecondsPath', 'use "TimeoutSeconds" with a {% %} expression'],
  ['HeartbeatSecondsPath', 'use "HeartbeatSeconds" with a {% %} expression'],
  ['SecondsPath', 'use "Seconds" with a {% %} expression'],
  ['TimestampPath', 'use "Timestamp" with a {% %} expression'],
  ['MaxConcurrencyPath', 'use "MaxConcurrency" with a {% %} expression'],
  ['ToleratedFailureCountPath', 'use "ToleratedFailureCount" with a {% %} expression'],
  ['ToleratedFailurePercentagePath', 'use "ToleratedFailurePercentage" with a {% %} expression'],
  ['ErrorPath', 'use "Error" with a {% %} expression'],
  ['CausePath', 'use "Cause" with a {% %} expression'],
  ['MaxItemsPath', 'use "MaxItems" with a {% %} expression'],
  ['MaxItemsPerBatchPath', 'use "MaxItemsPerBatch" with a {% %} expression'],
  ['MaxInputBytesPerBatchPath', 'use "MaxInputBytesPerBatch" with a {% %} expression'],
  ['Variable', 'use "Condition" with a {% %} expression'],
]);

/** Fields that exist only in JSONata states; the JSONPath equivalent for the message. */
export const JSONATA_ONLY: ReadonlyMap<string, string> = new Map([
  ['Arguments', '"Parameters"'],
  ['Output', '"OutputPath" or "ResultSelector"'],
  ['Items', '"ItemsPath"'],
  ['Condition', '"Variable" with a comparison operator'],
]);

/** Pairs (or groups) of which at most one may appear, per state type. */
export const EXCLUSIVE_GROUPS: ReadonlyArray<{ types: readonly string[]; fields: readonly string[] }> = [
  { types: ['Task'], fields: ['TimeoutSeconds', 'TimeoutSecondsPath'] },
  { types: ['Task'], fields: ['HeartbeatSeconds', 'HeartbeatSecondsPath'] },
  { types: ['Map'], fields: ['Items', 'ItemsPath'] },
  { types: ['Map'], fields: ['ItemSelector', 'Parameters'] },
  { types: ['Map'], fields: ['ItemProcessor', 'Iterator'] },
  { types: ['Map'], fields: ['MaxConcurrency', 'MaxConcurrencyPath'] },
  { types: ['Map'], fields: ['ToleratedFailureCount', 'ToleratedFailureCountPath'] },
  { types: ['Map'], fields: ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'] },
  { types: ['Fail'], fields: ['Error', 'ErrorPath'] },
  { types: ['Fail'], fields: ['Cause', 'CausePath'] },
  { types: ['Wait'], fields: ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'] },
];

/** Exclusive pairs inside nested Map objects. */
export const NESTED_EXCLUSIVE: ReadonlyArray<{ fields: readonly string[] }> = [
  { fields: ['MaxItems', 'MaxItemsPath'] },
  { fields: ['MaxItemsPerBatch', 'MaxItemsPerBatchPath'] },
  { fields: ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'] },
];

/** Predefined error names (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html). */
export const PREDEFINED_ERRORS = new Set([
  'States.ALL',
  'States.DataLimitExceeded',
  'States.ExceedToleratedFailureThreshold',
  'States.HeartbeatTimeout',
  'States.Http.Socket',
  'States.IntrinsicFailure',
  'States.ItemReaderFailed',
  'States.NoChoiceMatched',
  'States.ParameterPathFailure',
  'States.Permissions',
  'States.QueryEvaluationError',
  'States.ResultPathMatchFailure',
  'States.ResultWriterFailed',
  'States.Runtime',
  'States.TaskFailed',
  'States.Timeout',
  'States.BranchFailed',
]);

/** Every field name of the tables above (the parser hands these out as shared strings, see parse/keys.ts). */
export const ASL_FIELD_NAMES: ReadonlySet<string> = new Set(
  [
    ...Object.values(STATE_FIELDS),
    ROOT_FIELDS,
    BRANCH_FIELDS,
    ITEM_PROCESSOR_FIELDS,
    PROCESSOR_CONFIG_FIELDS,
    ITEM_READER_FIELDS,
    READER_CONFIG_FIELDS,
    ITEM_BATCHER_FIELDS,
    RESULT_WRITER_FIELDS,
    WRITER_CONFIG_FIELDS,
    RETRIER_FIELDS,
    CATCHER_FIELDS,
    CHOICE_RULE_FIELDS,
  ].flatMap((fields) => [...fields]),
);
