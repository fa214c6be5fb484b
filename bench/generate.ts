// Generated definitions for the benchmarks: chains mixing Task/Choice/Pass, a 200-branch Parallel,
// nested Maps, and a definition made only of crossing tasks.
type State = Record<string, unknown>;

function chain(
  prefix: string,
  count: number,
  last: State = { End: true },
): { StartAt: string; States: Record<string, State> } {
  const States: Record<string, State> = {};
  for (let i = 0; i < count; i++) {
    const name = `${prefix}${i}`;
    const next = i + 1 < count ? { Next: `${prefix}${i + 1}` } : last;
    const kind = i % 3;
    if (kind === 0)
      States[name] = {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:111122223333:function:work', 'Payload.$': '$' },
        ResultPath: '$.result',
        Retry: [{ ErrorEquals: ['Lambda.ServiceException'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
        ...next,
      };
    else if (kind === 1 && i + 1 < count)
      States[name] = {
        Type: 'Choice',
        Choices: [{ Variable: '$.result.ok', BooleanEquals: true, Next: `${prefix}${i + 1}` }],
        Default: `${prefix}${i + 1}`,
      };
    else States[name] = { Type: 'Pass', Result: { step: i }, ResultPath: `$.step${i}`, ...next };
  }
  return { StartAt: `${prefix}0`, States };
}

/** About `total` states: a chain, then a 200-branch Parallel, then a Map inside a Map. */
export function mixedDefinition(total: number): string {
  if (total <= 1) return JSON.stringify({ StartAt: 'Only', States: { Only: { Type: 'Pass', End: true } } }, null, 2);
  const branches = Math.min(200, Math.max(1, Math.floor(total / 5)));
  const inner = Math.max(1, Math.min(50, Math.floor(total / 20)));
  const head = Math.max(1, total - branches - 1 - 2 - inner);
  const root = chain('S', head, { Next: 'Fan' });
  root.States.Fan = {
    Type: 'Parallel',
    Branches: Array.from({ length: branches }, (_, b) => chain(`B${b}_`, 1)),
    Next: 'Outer',
  };
  root.States.Outer = {
    Type: 'Map',
    ItemsPath: '$.items',
    ItemProcessor: {
      ProcessorConfig: { Mode: 'INLINE' },
      StartAt: 'Inner',
      States: {
        Inner: {
          Type: 'Map',
          ItemsPath: '$.sub',
          ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, ...chain('M', inner) },
          End: true,
        },
      },
    },
    End: true,
  };
  return JSON.stringify({ Comment: `generated: ${total} states`, ...root }, null, 2);
}

/** `total` Task states that all cross a boundary (API Gateway, HTTP, Credentials, invoker, aws-sdk). */
export function crossingDefinition(total: number): string {
  const States: Record<string, State> = {};
  for (let i = 0; i < total; i++) {
    const next = i + 1 < total ? { Next: `X${i + 1}` } : { End: true };
    const kind = i % 5;
    let state: State;
    if (kind === 0)
      state = {
        Type: 'Task',
        Resource: 'arn:aws:states:::apigateway:invoke',
        Parameters: {
          ApiEndpoint: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
          Method: 'POST',
          Stage: 'prod',
          Path: '/execution',
          Headers: { 'Content-Type': ['application/json'] },
          RequestBody: { 'input.$': 'States.JsonToString($)' },
          AuthType: 'RESOURCE_POLICY',
        },
      };
    else if (kind === 1)
      state = {
        Type: 'Task',
        Resource: 'arn:aws:states:::http:invoke',
        Parameters: {
          ApiEndpoint: 'https://api.partner.example.com/orders',
          Method: 'POST',
          Authentication: {
            ConnectionArn:
              'arn:aws:events:us-east-1:111122223333:connection/partner/0a1b2c3d-1111-2222-3333-444455556666',
          },
          RequestBody: { 'order.$': '$.order' },
        },
      };
    else if (kind === 2)
      state = {
        Type: 'Task',
        Resource: 'arn:aws:states:::aws-sdk:s3:getObject',
        Credentials: { RoleArn: 'arn:aws:iam::222233334444:role/Reader' },
        Parameters: { Bucket: 'reports', 'Key.$': '$.key' },
      };
    else if (kind === 3)
      state = {
        Type: 'Task',
        Resource: 'arn:aws:lambda:us-east-1:111122223333:function:sfn-crossings-invoker',
        Parameters: {
          service: 's3',
          action: 'getObject',
          region: 'us-west-2',
          parameters: { Bucket: 'far-bucket', 'Key.$': '$.key' },
        },
      };
    else
      state = {
        Type: 'Task',
        Resource: 'arn:aws:states:::aws-sdk:dynamodb:getItem',
        Parameters: { TableName: 'orders', Key: { pk: { 'S.$': '$.id' } } },
      };
    States[`X${i}`] = { ...state, ResultPath: `$.r${i % 7}`, ...next };
  }
  return JSON.stringify({ StartAt: 'X0', States }, null, 2);
}
