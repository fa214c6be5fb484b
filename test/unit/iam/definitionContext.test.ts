// What the IAM commands take from the definition instead of asking (src/extension/iam/definitionContext.ts):
// the invoker ARN when the invoker calls name exactly one literal, unqualified function ARN.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { contextFromDefinition } from '../../../src/extension/iam/definitionContext';
import { buildModel } from '../../../src/core/model/model';
import { parseDefinition } from '../../../src/core/parse';

const INVOKER = 'arn:aws:lambda:us-east-1:111111111111:function:sfn-crossings-invoker';
const NAMES = ['sfn-crossings-invoker'];

function machine(...resources: Array<{ Resource: string; Parameters?: Record<string, unknown> }>) {
  const States: Record<string, unknown> = {};
  resources.forEach((r, i) => {
    States[`S${i}`] = {
      Type: 'Task',
      ...r,
      Parameters: r.Parameters ?? { service: 's3', action: 'getObject', region: 'us-west-2', parameters: {} },
      ...(i === resources.length - 1 ? { End: true } : { Next: `S${i + 1}` }),
    };
  });
  return buildModel(parseDefinition(JSON.stringify({ StartAt: 'S0', States }), { languageId: 'asl' }))!;
}

void test('the invoker ARN of the definition: as Resource, or as lambda:invoke FunctionName', () => {
  assert.deepEqual(contextFromDefinition(machine({ Resource: INVOKER }), NAMES), { invokerArn: INVOKER });
  const viaInvoke = machine({
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: INVOKER, Payload: { service: 's3', action: 'getObject', region: 'us-west-2' } },
  });
  assert.deepEqual(contextFromDefinition(viaInvoke, NAMES), { invokerArn: INVOKER });
});

void test('nothing when the ARN is a placeholder, qualified, a bare name, or two different ARNs', () => {
  const none = (m: ReturnType<typeof machine>) => assert.deepEqual(contextFromDefinition(m, NAMES), {});
  none(machine({ Resource: 'arn:aws:lambda:${AWS::Region}:111111111111:function:sfn-crossings-invoker' }));
  none(machine({ Resource: `${INVOKER}:live` }));
  none(
    machine({
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'sfn-crossings-invoker', Payload: { service: 's3', action: 'getObject' } },
    }),
  );
  none(machine({ Resource: INVOKER }, { Resource: INVOKER.replace('us-east-1', 'eu-west-1') }));
});
