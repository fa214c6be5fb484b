// The two-account world of the live-check tests (shared by node:test and the real-editor suite): account A
// (111111111111) runs the state machine `Orders` in eu-west-1; account B (222222222222) owns the Credentials target
// role, the REST API with its StartExecution integration and the `Fulfil` machine. `seedRepaired()` seeds the fake with the IAM generator's own documents (the
// fixes the check proposes), so every check passes; tests then break one thing at a time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/lint';
import { generateIamKit, type IamKit } from '../../../src/core/iam';
import type { FakeAws } from '../../support/fake-aws';
import { addAccountIdentity, putFunction, putRole, type AccountKeys } from '../../support/fake-aws/accounts';
import { apiGatewayOf } from '../../support/fake-aws/apigateway';
import { eventsOf } from '../../support/fake-aws/events';
import { stepFunctionsOf } from '../../support/fake-aws/sfn';

export const A = '111111111111';
export const B = '222222222222';
export const REGION = 'eu-west-1';
export const SM_ARN = `arn:aws:states:${REGION}:${A}:stateMachine:Orders`;
export const EXEC_ROLE = `arn:aws:iam::${A}:role/OrdersRole`;
export const TARGET_ROLE = `arn:aws:iam::${B}:role/OrdersTarget`;
export const FULFIL = `arn:aws:states:${REGION}:${B}:stateMachine:Fulfil`;
export const API_ID = 'b2api00001';
export const INVOKER_ROLE = `arn:aws:iam::${A}:role/sfn-crossings-invoker-role`;
export const CONNECTION = `arn:aws:events:${REGION}:${A}:connection/partner/00000007-1111-2222-3333-444455556666`;

/** The example the docs and the real-editor test use (node:test only: the editor suite reads its open copy). */
export function loadDefinition(): string {
  return readFileSync(join(__dirname, '../../../examples/live-check-orders.asl.json'), 'utf8');
}

export function model(text: string) {
  return analyze(text, { languageId: 'asl', documentRules: false, crossingRules: false }).model!;
}

export function kit(definition: string): IamKit {
  return generateIamKit(model(definition), { stateMachineArn: SM_ARN, executionRoleArn: EXEC_ROLE });
}

/** Seeds both accounts with every resource and the generated policies applied: every check passes. */
export function seedRepaired(fake: FakeAws, definition: string): { keysB: AccountKeys; kit: IamKit } {
  const w = fake.world;
  const keysB = addAccountIdentity(w, B);
  const k = kit(definition);
  putRole(w, { arn: EXEC_ROLE, trust: k.executionRole.trustPolicy, inline: { crossings: k.executionRole.policy } });
  const target = k.crossAccount[0]!;
  putRole(w, { arn: TARGET_ROLE, trust: target.trustPolicy, inline: { crossings: target.policy } });
  const integration = k.apiGateway.startExecutionIntegrations[0]!;
  const integrationRole = `arn:aws:iam::${B}:role/${integration.integrationRole.name}`;
  putRole(w, {
    arn: integrationRole,
    trust: integration.integrationRole.trustPolicy,
    inline: { start: integration.integrationRole.policy },
  });
  apiGatewayOf(w).addRestApi({
    id: API_ID,
    account: B,
    region: REGION,
    policy: k.apiGateway.resourcePolicies[0]!.policy,
    stages: ['prod'],
    methods: [
      {
        path: '/execution',
        method: 'POST',
        authorizationType: 'AWS_IAM',
        integration: {
          type: 'AWS',
          httpMethod: 'POST',
          uri: `arn:aws:apigateway:${REGION}:states:action/StartExecution`,
          credentials: integrationRole,
        },
      },
    ],
  });
  const sfn = stepFunctionsOf(w);
  sfn.addStateMachine({ name: 'Fulfil', region: REGION, account: B });
  sfn.addStateMachine({ name: 'Orders', region: REGION, definition, roleArn: EXEC_ROLE });
  eventsOf(w).addConnection({ name: 'partner', account: A, region: REGION });
  putRole(w, {
    arn: INVOKER_ROLE,
    trust: k.invokerRole!.trustPolicy,
    inline: { calls: k.invokerRole!.policy },
  });
  putFunction(w, {
    name: 'sfn-crossings-invoker',
    region: REGION,
    role: INVOKER_ROLE,
    environment: { ALLOWED_CALLS: k.invokerRole!.allowedCalls, ALLOWED_REGIONS: 'us-west-2' },
  });
  return { keysB, kit: k };
}
