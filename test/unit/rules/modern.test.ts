// Modern ASL that must NOT be flagged (../shared/DOMAIN.md section 6): JSONata machines with
// Arguments/Output/Assign and variables, {% %} in numeric fields, Distributed Map with ItemReader,
// ItemBatcher and a ResultWriter with only WriterConfig, Retry MaxDelaySeconds/JitterStrategy,
// Fail ErrorPath/CausePath.
import { test } from 'node:test';
import { check, none } from './helpers';

void test('a JSONata machine with Arguments, Output, Assign, variables and {% %} numbers has no findings', () => {
  const doc = {
    QueryLanguage: 'JSONata',
    Comment: 'Order pipeline',
    StartAt: 'Load',
    States: {
      Load: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: {
          FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:load:live',
          Payload: { orderId: '{% $states.input.orderId %}' },
        },
        Assign: { order: '{% $states.result.Payload %}', attempts: 0 },
        Output: '{% $states.result.Payload %}',
        TimeoutSeconds: '{% $states.input.timeout %}',
        HeartbeatSeconds: '{% 10 %}',
        Retry: [
          {
            ErrorEquals: ['Lambda.ServiceException', 'Lambda.TooManyRequestsException'],
            IntervalSeconds: 2,
            MaxAttempts: 6,
            BackoffRate: 2,
            MaxDelaySeconds: 30,
            JitterStrategy: 'FULL',
          },
        ],
        Catch: [
          {
            ErrorEquals: ['States.ALL'],
            Output: '{% $states.errorOutput %}',
            Assign: { failed: true },
            Next: 'Failed',
          },
        ],
        Next: 'Ready?',
      },
      'Ready?': {
        Type: 'Choice',
        Choices: [{ Condition: '{% $order.status = "READY" %}', Next: 'Items', Assign: { ready: true } }],
        Default: 'Pause',
      },
      Pause: { Type: 'Wait', Seconds: '{% $states.input.delay ? $states.input.delay : 5 %}', Next: 'Items' },
      Items: {
        Type: 'Map',
        Items: '{% $order.items %}',
        ItemSelector: { item: '{% $states.context.Map.Item.Value %}', index: '{% $states.context.Map.Item.Index %}' },
        MaxConcurrency: '{% $count($order.items) > 10 ? 10 : 1 %}',
        ToleratedFailurePercentage: '{% 5 %}',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          StartAt: 'Ship',
          States: { Ship: { Type: 'Pass', Output: { shipped: '{% $states.input.item %}' }, End: true } },
        },
        ItemBatcher: { MaxItemsPerBatch: '{% 50 %}', BatchInput: { orderId: '{% $order.id %}' } },
        ResultWriter: { WriterConfig: { OutputType: 'JSONL', Transformation: 'COMPACT' } },
        Next: 'Done',
      },
      Done: { Type: 'Succeed', Output: { ok: true } },
      Failed: { Type: 'Fail', Error: '{% $states.input.Error %}', Cause: 'order failed' },
    },
  };
  none(check(doc).findings);
  none(check(doc, 'asl-yaml').findings);
});

void test('a JSONPath machine with a Distributed Map, ItemReader, Fail ErrorPath/CausePath and intrinsics has no findings', () => {
  const doc = {
    StartAt: 'Scan',
    States: {
      Scan: {
        Type: 'Map',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItemsPath: '$.limit' },
          Parameters: { Bucket: 'orders', 'Key.$': '$.key' },
        },
        ItemBatcher: { MaxItemsPerBatchPath: '$.batch', MaxInputBytesPerBatch: 262144 },
        ItemSelector: { 'row.$': '$$.Map.Item.Value', 'when.$': '$$.Execution.StartTime' },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Handle',
          States: {
            Handle: {
              Type: 'Task',
              Resource: 'arn:aws:states:::lambda:invoke',
              Parameters: {
                FunctionName: 'handle',
                'Payload.$': 'States.JsonMerge($.row, States.StringToJson(\'{"x":1}\'), false)',
              },
              ResultSelector: { 'out.$': '$.Payload' },
              End: true,
            },
          },
        },
        ToleratedFailureCountPath: '$.tolerated',
        MaxConcurrencyPath: '$.concurrency',
        ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'results', Prefix: 'runs' } },
        ResultPath: '$.results',
        Assign: { 'rows.$': '$.results.ResultWriterDetails' },
        Next: 'Check',
      },
      Check: {
        Type: 'Choice',
        Choices: [{ Variable: '$rows', IsPresent: true, Next: 'Fail' }],
        Default: 'Fail',
      },
      Fail: { Type: 'Fail', ErrorPath: "States.Format('{}', $.error)", CausePath: '$.cause' },
    },
  };
  none(check(doc).findings);
});
