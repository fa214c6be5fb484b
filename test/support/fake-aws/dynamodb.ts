// Fake DynamoDB (AWS JSON 1.0, X-Amz-Target DynamoDB_20120810.*): GetItem and PutItem with a simple
// attribute_not_exists condition, enough to exercise the invoker's output and error naming.
import { FakeServiceError, type ServiceProtocol, jsonTargetOperation } from './types';
import type { World } from './world';

const PREFIX = 'DynamoDB_20120810.';

export function createDynamoDb(world: World): ServiceProtocol {
  return {
    signingName: 'dynamodb',
    iamPrefix: 'dynamodb',
    accessDeniedCode: 'AccessDeniedException',
    operation: jsonTargetOperation(PREFIX),
    throttle: () =>
      new FakeServiceError('ThrottlingException', 'Rate of requests exceeds the allowed throughput.', 400),
    error: (err, { requestId }) => ({
      status: err.status,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': requestId, ...err.extraHeaders },
      body: JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${err.code}`, message: err.message }),
    }),
    resource: (req, _op, caller) => {
      let table = '*';
      try {
        table = (JSON.parse(req.body.toString('utf8')) as { TableName?: string }).TableName ?? '*';
      } catch {
        // keep *
      }
      return `arn:aws:dynamodb:${caller.region}:${caller.account}:table/${table}`;
    },
    handle(req, op, ctx) {
      const b = JSON.parse(req.body.toString('utf8') || '{}') as {
        TableName?: string;
        Key?: Record<string, unknown>;
        Item?: Record<string, unknown>;
        ConditionExpression?: string;
      };
      const table = world.tables.get(b.TableName ?? '');
      if (!table) throw new FakeServiceError('ResourceNotFoundException', 'Requested resource not found', 400);
      const keyOf = (item: Record<string, unknown>) => JSON.stringify(table.keys.map((k) => item[k]));
      const reply = (body: unknown) => ({
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': ctx.nextId('') },
        body: JSON.stringify(body),
      });
      switch (op) {
        case 'GetItem': {
          const item = table.items.get(keyOf(b.Key ?? {}));
          return reply(item ? { Item: item } : {});
        }
        case 'PutItem': {
          const item = b.Item ?? {};
          const k = keyOf(item);
          if (b.ConditionExpression?.startsWith('attribute_not_exists') && table.items.has(k)) {
            throw new FakeServiceError('ConditionalCheckFailedException', 'The conditional request failed', 400);
          }
          table.items.set(k, item);
          return reply({});
        }
        default:
          throw new FakeServiceError('UnknownOperationException', `Unknown operation ${op}`, 400);
      }
    },
  };
}
