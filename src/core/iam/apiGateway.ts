// API Gateway documents for `apigateway:invoke` with AuthType RESOURCE_POLICY (DOMAIN.md section 3): the REST
// API's resource policy naming the calling state machine, and the account-B kit of the cross-account pattern
// (AWS Compute Blog "Running cross-account workflows with AWS Step Functions and Amazon API Gateway"): an
// integration role trusted by apigateway.amazonaws.com allowed states:StartExecution, and an OpenAPI 3
// definition of `POST /execution` with the Step Functions StartExecution AWS service integration.
import type { AslModel } from '../model/model';
import { parseStateMachineArn } from './arn';
import { readField, stateField, staticString, taskArguments } from './fields';
import { executeApiArn, readApiCall, type ApiCall } from './apiGatewayGrants';
import { POLICY_VERSION } from './statements';
import type {
  ApiResourcePolicy,
  PolicyStatement,
  ResolvedContext,
  StartExecutionIntegration,
  WildcardExplanation,
} from './types';

interface FoundCall {
  state: string;
  pointer: string;
  call: ApiCall;
  requestBody: ReturnType<typeof readField>;
}

function resourcePolicyCalls(model: AslModel): FoundCall[] {
  const out: FoundCall[] = [];
  for (const state of model.states) {
    if (state.type !== 'Task') continue;
    const resource = staticString(readField(stateField(state), 'Resource')) ?? '';
    if (!/^arn:[\w-]+:states:::apigateway:invoke(\.waitForTaskToken)?$/.test(resource)) continue;
    const args = taskArguments(state);
    const call = readApiCall(args);
    if ('error' in call || call.authType !== 'RESOURCE_POLICY') continue;
    out.push({ state: state.name, pointer: state.pointer, call, requestBody: readField(args, 'RequestBody') });
  }
  return out;
}

export interface ApiGatewayDocuments {
  resourcePolicies: ApiResourcePolicy[];
  startExecutionIntegrations: StartExecutionIntegration[];
  wildcards: WildcardExplanation[];
}

export function apiGatewayDocuments(model: AslModel, ctx: ResolvedContext): ApiGatewayDocuments {
  const calls = resourcePolicyCalls(model);
  const byApi = new Map<string, FoundCall[]>();
  for (const c of calls) {
    // One REST API has one resource policy, whatever the stages its routes are in.
    const k = `${c.call.region}/${c.call.apiId}/${c.call.dynamicEndpoint?.expression ?? ''}`;
    byApi.set(k, [...(byApi.get(k) ?? []), c]);
  }
  const resourcePolicies: ApiResourcePolicy[] = [];
  for (const group of byApi.values()) {
    const { apiId, region } = group[0]!.call;
    const stages = [...new Set(group.map((c) => c.call.stage))].sort();
    const stage = stages.join(', ');
    // An API known only at run time: API Gateway's own short form, which it expands to the API the policy is
    // attached to ("API Gateway resource policy examples": `execute-api:/stage/METHOD/path`).
    const resources = [
      ...new Set(
        group.map((c) =>
          c.call.dynamicEndpoint
            ? `execute-api:/${c.call.stage}/${c.call.method}/${c.call.path}`
            : executeApiArn(ctx.partition, c.call, c.call.apiAccount ?? '*'),
        ),
      ),
    ].sort();
    const routes = [...new Set(group.map((c) => `${c.call.method} /${c.call.path}`))].sort();
    const statement: PolicyStatement = {
      Sid: 'AllowStateMachine',
      Effect: 'Allow',
      Principal: { Service: 'states.amazonaws.com' },
      Action: 'execute-api:Invoke',
      Resource: resources.length === 1 ? resources[0]! : resources,
      Condition: { StringEquals: { 'aws:SourceArn': [ctx.stateMachineArn] } },
    };
    const endpoint = group[0]!.call.dynamicEndpoint?.expression;
    const apiName = endpoint ? `the API at ${endpoint}` : `API ${apiId}`;
    resourcePolicies.push({
      apiId,
      ...(endpoint ? { apiEndpoint: endpoint } : {}),
      region,
      stage,
      stages,
      states: [...new Set(group.map((c) => c.state))],
      policy: { Version: POLICY_VERSION, Statement: [statement] },
      reminder: `Set the authorization of ${routes.join(', ')} on ${apiName} to AWS_IAM, attach this resource policy, and redeploy ${stages.length === 1 ? 'stage' : 'stages'} ${stage}: RESOURCE_POLICY calls are signed by Step Functions and only work on REST APIs.`,
    });
  }
  const startExecutionIntegrations: StartExecutionIntegration[] = [];
  const wildcards: WildcardExplanation[] = [];
  for (const c of calls) {
    if (c.call.method !== 'POST') continue;
    const target = staticString(readField(c.requestBody, 'stateMachineArn'));
    const targetSm = target ? parseStateMachineArn(target) : undefined;
    const apiAccount = targetSm?.account ?? '*';
    const path = c.call.path === '*' || c.call.path === '' ? 'execution' : c.call.path;
    if (startExecutionIntegrations.some((s) => s.apiId === c.call.apiId && s.path === `/${path}`)) continue;
    const roleName = `sfn-crossings-apigw-start-execution${c.call.apiId === '*' ? '' : `-${c.call.apiId}`}`;
    // The role lives in the API's account: known only when the request body names the target state machine.
    // Otherwise the OpenAPI leaves `credentials` to the template (parameters below), never a fake account id.
    const roleArn = targetSm ? `arn:${ctx.partition}:iam::${targetSm.account}:role/${roleName}` : undefined;
    const parameters: Record<string, string> = {};
    if (!targetSm)
      parameters.TargetStateMachineArn =
        "ARN of the state machine this API starts, in the API's account (the request body does not name it statically)";
    const targetResource = targetSm
      ? target!
      : `arn:${ctx.partition}:states:${c.call.region}:${apiAccount}:stateMachine:*`;
    if (!targetSm)
      wildcards.push({
        document: `apiGateway.startExecutionIntegrations[${startExecutionIntegrations.length}]`,
        state: c.state,
        pointer: c.pointer,
        actions: ['states:StartExecution'],
        reason: 'unknown-resource',
        detail:
          'the request body does not name the target state machine statically: replace stateMachine:* with its ARN',
      });
    const resourcePolicy = resourcePolicies.find((p) => p.apiId === c.call.apiId && p.region === c.call.region)!.policy;
    startExecutionIntegrations.push({
      apiId: c.call.apiId,
      region: c.call.region,
      stage: c.call.stage,
      path: `/${path}`,
      states: [c.state],
      ...(targetSm ? { targetStateMachineArn: target! } : {}),
      parameters,
      integrationRole: {
        name: roleName,
        trustPolicy: {
          Version: POLICY_VERSION,
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'apigateway.amazonaws.com' },
              Action: 'sts:AssumeRole',
              // API Gateway does not put aws:SourceArn or aws:SourceAccount in the context when it assumes an
              // integration's credentials role, so a condition on them denies every call. It does send
              // aws:PrincipalServiceName (present whenever a service principal makes the call). The role's own
              // permission (StartExecution on one state machine) is what limits it.
              Condition: { StringEquals: { 'aws:PrincipalServiceName': 'apigateway.amazonaws.com' } },
            },
          ],
        },
        policy: {
          Version: POLICY_VERSION,
          Statement: [
            { Sid: 'StartTargetExecution', Effect: 'Allow', Action: 'states:StartExecution', Resource: targetResource },
          ],
        },
      },
      openApi: startExecutionOpenApi({
        partition: ctx.partition,
        // A run-time endpoint names no region: the API's own template replaces this with its AWS::Region.
        region: c.call.region === '*' ? ctx.region : c.call.region,
        path: `/${path}`,
        roleArn,
        resourcePolicy,
      }),
    });
  }
  return { resourcePolicies, startExecutionIntegrations, wildcards };
}

/**
 * The request template passes the caller's body through: `{"input": "<JSON string>", "stateMachineArn": "..."}`
 * is already StartExecution's input, and the integration role decides which state machines it may start.
 */
// $util.escapeJavaScript escapes an apostrophe as \' which JSON rejects; API Gateway's mapping template reference
// documents the fix-up `.replaceAll("\\'","'")` (Java regex: a backslash before an apostrophe -> the apostrophe).
const escaped = (v: string) => `$util.escapeJavaScript(${v}).replaceAll("\\\\'","'")`;
export const START_EXECUTION_REQUEST_TEMPLATE = `#set($body = $input.path('$'))
{
  "stateMachineArn": "${escaped('$body.stateMachineArn')}",
  "input": "${escaped('$body.input')}"#if($body.name),
  "name": "${escaped('$body.name')}"#end
}`;

export function startExecutionOpenApi(o: {
  partition: string;
  region: string;
  path: string;
  roleArn: string | undefined;
  resourcePolicy: unknown;
}): Record<string, unknown> {
  return {
    openapi: '3.0.1',
    info: { title: 'sfn-crossings-start-execution', version: '1.0' },
    paths: {
      [o.path]: {
        post: {
          operationId: 'StartExecution',
          security: [{ sigv4: [] }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/StartExecutionRequest' } } },
          },
          responses: { '200': { description: 'The execution started: { executionArn, startDate }' } },
          'x-amazon-apigateway-integration': {
            type: 'aws',
            httpMethod: 'POST',
            uri: `arn:${o.partition}:apigateway:${o.region}:states:action/StartExecution`,
            ...(o.roleArn ? { credentials: o.roleArn } : {}),
            passthroughBehavior: 'never',
            requestTemplates: { 'application/json': START_EXECUTION_REQUEST_TEMPLATE },
            responses: { default: { statusCode: '200' } },
          },
        },
      },
    },
    components: {
      schemas: {
        StartExecutionRequest: {
          type: 'object',
          required: ['stateMachineArn', 'input'],
          properties: {
            stateMachineArn: { type: 'string' },
            input: { type: 'string', description: 'The execution input as a JSON string' },
            name: { type: 'string' },
          },
        },
      },
      securitySchemes: {
        sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
      },
    },
    'x-amazon-apigateway-policy': o.resourcePolicy,
  };
}
