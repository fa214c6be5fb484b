// The read calls of the live checks in one account, over the AWS SDK v3 (IAM, API Gateway, EventBridge, Lambda and
// Step Functions through ../sfnClient): the session's credentials and endpoint override, one client per service and
// region, the SDK's retries. Only Get/List/Describe/Simulate calls. Failures become CheckCallError (./callErrors).
import {
  APIGatewayClient,
  GetMethodCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetStageCommand,
} from '@aws-sdk/client-api-gateway';
import { DescribeConnectionCommand, EventBridgeClient } from '@aws-sdk/client-eventbridge';
import {
  GetRoleCommand,
  IAMClient,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
  type ContextEntry,
  type EvaluationResult,
} from '@aws-sdk/client-iam';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { AccountPorts, SimulationDecision } from '../../core/check/types';
import type { AwsSession } from '../session';
import { createSfnPorts, SfnCallError } from '../sfnClient';
import { checkCallError } from './callErrors';

/** IAM is global: its calls are signed for the partition's first region. */
const IAM_REGION = 'us-east-1';

function clientConfig(session: AwsSession, region: string) {
  return {
    region,
    credentials: session.credentials,
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 5000, requestTimeout: 30_000 },
    ...(session.endpoint ? { endpoint: session.endpoint } : {}),
  };
}

function perRegion<T>(make: (region: string) => T): (region: string) => T {
  const clients = new Map<string, T>();
  return (region) => {
    let c = clients.get(region);
    if (!c) {
      c = make(region);
      clients.set(region, c);
    }
    return c;
  };
}

function contextEntries(context: Record<string, string[]>): ContextEntry[] {
  return Object.entries(context).map(([ContextKeyName, ContextKeyValues]) => ({
    ContextKeyName,
    ContextKeyValues,
    ContextKeyType: 'string',
  }));
}

function decisions(results: EvaluationResult[] | undefined): SimulationDecision[] {
  return (results ?? []).map((r) => ({
    action: r.EvalActionName ?? '',
    resource: r.EvalResourceName ?? '*',
    decision:
      r.EvalDecision === 'allowed' ? 'allowed' : r.EvalDecision === 'explicitDeny' ? 'explicitDeny' : 'implicitDeny',
  }));
}

/** API Gateway returns resource policies with their quotes escaped (`{\"Version\":...}`). */
export function unescapeApiPolicy(policy: string): string {
  try {
    JSON.parse(policy);
    return policy;
  } catch {
    return policy.replace(/\\"/g, '"').replace(/\\\//g, '/');
  }
}

export function createAccountPorts(session: AwsSession, account: string, source: string): AccountPorts {
  const iam = new IAMClient(clientConfig(session, IAM_REGION));
  const apigw = perRegion((r) => new APIGatewayClient(clientConfig(session, r)));
  const events = perRegion((r) => new EventBridgeClient(clientConfig(session, r)));
  const lambda = perRegion((r) => new LambdaClient(clientConfig(session, r)));
  const sfn = perRegion((r) => createSfnPorts({ ...session, region: r }));
  const ctx = { profile: session.profile, endpoint: session.endpoint };
  const call = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      throw checkCallError(e, action, ctx);
    }
  };
  const resourceIds = new Map<string, Promise<Map<string, string>>>();
  const resourcesOf = (region: string, apiId: string) => {
    const key = `${region}|${apiId}`;
    let p = resourceIds.get(key);
    if (!p) {
      p = call('apigateway:GET', async () => {
        const byPath = new Map<string, string>();
        let position: string | undefined;
        do {
          const out = await apigw(region).send(
            new GetResourcesCommand({ restApiId: apiId, limit: 500, ...(position ? { position } : {}) }),
          );
          for (const item of out.items ?? []) if (item.path && item.id) byPath.set(item.path, item.id);
          position = out.position;
        } while (position);
        return byPath;
      });
      resourceIds.set(key, p);
    }
    return p;
  };
  return {
    account,
    source,
    getRoleTrust: (roleName) =>
      call('iam:GetRole', async () => {
        const out = await iam.send(new GetRoleCommand({ RoleName: roleName }));
        return decodeURIComponent(out.Role?.AssumeRolePolicyDocument ?? '{}');
      }),
    simulatePrincipal: (principalArn, actions, resources, context) =>
      call('iam:SimulatePrincipalPolicy', async () => {
        const out = await iam.send(
          new SimulatePrincipalPolicyCommand({
            PolicySourceArn: principalArn,
            ActionNames: actions,
            ResourceArns: resources,
            ...(Object.keys(context).length ? { ContextEntries: contextEntries(context) } : {}),
          }),
        );
        return decisions(out.EvaluationResults);
      }),
    simulateCustom: (policies, actions, resources, context) =>
      call('iam:SimulateCustomPolicy', async () => {
        const out = await iam.send(
          new SimulateCustomPolicyCommand({
            PolicyInputList: policies,
            ActionNames: actions,
            ResourceArns: resources,
            ...(Object.keys(context).length ? { ContextEntries: contextEntries(context) } : {}),
          }),
        );
        return decisions(out.EvaluationResults);
      }),
    getRestApiPolicy: (region, apiId) =>
      call('apigateway:GET', async () => {
        const out = await apigw(region).send(new GetRestApiCommand({ restApiId: apiId }));
        return out.policy ? unescapeApiPolicy(out.policy) : undefined;
      }),
    getStage: (region, apiId, stage) =>
      call('apigateway:GET', async () => {
        await apigw(region).send(new GetStageCommand({ restApiId: apiId, stageName: stage }));
      }),
    getMethod: async (region, apiId, path, method) => {
      const id = (await resourcesOf(region, apiId)).get(path);
      if (!id)
        throw checkCallError({ name: 'NotFoundException', message: `no resource ${path}` }, 'apigateway:GET', ctx);
      return call('apigateway:GET', async () => {
        const out = await apigw(region).send(
          new GetMethodCommand({ restApiId: apiId, resourceId: id, httpMethod: method }),
        );
        const i = out.methodIntegration;
        return {
          authorizationType: out.authorizationType ?? 'NONE',
          ...(i ? { integration: { type: i.type, uri: i.uri, credentials: i.credentials } } : {}),
        };
      });
    },
    describeConnection: (region, name) =>
      call('events:DescribeConnection', async () => {
        const out = await events(region).send(new DescribeConnectionCommand({ Name: name }));
        return {
          state: out.ConnectionState ?? 'UNKNOWN',
          ...(out.StateReason ? { stateReason: out.StateReason } : {}),
          ...(out.SecretArn ? { secretArn: out.SecretArn } : {}),
        };
      }),
    getFunctionConfiguration: (region, name) =>
      call('lambda:GetFunctionConfiguration', async () => {
        const out = await lambda(region).send(new GetFunctionConfigurationCommand({ FunctionName: name }));
        return { roleArn: out.Role ?? '', environment: { ...(out.Environment?.Variables ?? {}) } };
      }),
    describeStateMachine: async (arn) => {
      const region = arn.split(':')[3] ?? session.region;
      try {
        const d = await sfn(region).describeStateMachine(arn);
        return { definition: d.definition, roleArn: d.roleArn };
      } catch (e) {
        if (e instanceof SfnCallError)
          throw checkCallError({ name: e.code, message: e.message }, 'states:DescribeStateMachine', ctx, true);
        throw e;
      }
    },
  };
}
