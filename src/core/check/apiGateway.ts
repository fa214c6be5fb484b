// Live checks of an `apigateway:invoke` Task (the API's side): the REST API, stage and method exist (found in the
// account that owns the API: the one the request body names, else the first configured account that has it); the
// method's authorization fits AuthType; for RESOURCE_POLICY the API's resource policy names states.amazonaws.com and
// the simulator allows execute-api:Invoke with aws:SourceArn = this state machine; for a Step Functions
// StartExecution integration, its role allows states:StartExecution on a target state machine that exists.
import type { StateInfo } from '../model/model';
import { executeApiArn, readApiCall, type ApiCall } from '../iam/apiGatewayGrants';
import { taskArguments } from '../iam/fields';
import { parseRoleArn } from '../iam/arn';
import type { IamKit } from '../iam/types';
import { asIdentityPolicy, statementsFor, statementsOf } from './policies';
import type { CheckSession, Where } from './session';
import { CheckCallError, type AccountPorts, type RestMethod } from './types';

const KIND = 'apigateway' as const;

/** The account that owns the API and its resource policy, found by reading it. */
async function findApi(
  s: CheckSession,
  call: ApiCall,
  accounts: string[],
  where: Where,
): Promise<{ account: string; ports: AccountPorts; policy: string | undefined } | undefined> {
  const missing: string[] = [];
  const notFound: string[] = [];
  for (const account of accounts) {
    const ports = await s.portsFor(account);
    if ('missing' in ports) {
      missing.push(`${account}: ${ports.missing}`);
      continue;
    }
    try {
      return { account, ports, policy: await ports.getRestApiPolicy(call.region, call.apiId) };
    } catch (e) {
      if (e instanceof CheckCallError && e.failure === 'not-found') notFound.push(account);
      else missing.push(`${account}: ${e instanceof CheckCallError ? e.message : String(e)}`);
    }
  }
  const api = `REST API ${call.apiId} (${call.region})`;
  const owner = accounts.length === 1 ? accounts[0] : undefined;
  if (missing.length)
    s.add(KIND, 'apigateway.api', where, owner, 'not-checked', `${api}: not checked: ${missing.join('; ')}`);
  else
    s.add(
      KIND,
      'apigateway.api',
      where,
      owner,
      'fail',
      `${api} does not exist in account ${notFound.join(' or ')}: the task fails`,
    );
  return undefined;
}

export async function checkApiGatewayTask(
  s: CheckSession,
  state: StateInfo,
  kit: IamKit,
  configuredAccounts: string[],
): Promise<void> {
  const where = s.where(state, state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters', 'ApiEndpoint');
  const call = readApiCall(taskArguments(state));
  if ('error' in call) {
    s.add(KIND, 'apigateway.api', where, undefined, 'not-checked', `apigateway:invoke: not checked: ${call.error}`);
    return;
  }
  if (call.stage === '$default') {
    s.add(
      KIND,
      'apigateway.api',
      where,
      undefined,
      'not-checked',
      `API ${call.apiId}: not checked: without Stage this is an HTTP API (API Gateway v2), which the live check does not read`,
    );
    return;
  }
  const own = s.ctx.account;
  const accounts =
    call.authType === 'RESOURCE_POLICY'
      ? call.apiAccount
        ? [call.apiAccount]
        : [...new Set([own, ...configuredAccounts])]
      : [own];
  const api = await findApi(s, call, accounts, where);
  if (!api) return;
  s.add(KIND, 'apigateway.api', where, api.account, 'pass', `REST API ${call.apiId} exists in account ${api.account}`);
  const dynamic = call.stage === '*' || call.method === '*' || call.path.includes('*');
  if (dynamic) {
    s.add(
      KIND,
      'apigateway.method',
      where,
      api.account,
      'not-checked',
      `the stage, method or path comes from the state input: only its literal parts are known, so the route is not checked`,
    );
    return;
  }
  let method: RestMethod;
  try {
    await api.ports.getStage(call.region, call.apiId, call.stage);
    method = await api.ports.getMethod(call.region, call.apiId, `/${call.path}`, call.method);
  } catch (e) {
    if (e instanceof CheckCallError && e.failure === 'not-found')
      s.add(
        KIND,
        'apigateway.method',
        where,
        api.account,
        'fail',
        `${call.method} /${call.path} on stage ${call.stage} of API ${call.apiId}: ${e.message}: the task fails with ApiGateway.403/404`,
      );
    else
      s.add(
        KIND,
        'apigateway.method',
        where,
        api.account,
        'not-checked',
        `route ${call.method} /${call.path}: not checked: ${e instanceof CheckCallError ? e.message : String(e)}`,
      );
    return;
  }
  const route = `${call.method} /${call.path} (stage ${call.stage})`;
  const signed = call.authType === 'IAM_ROLE' || call.authType === 'RESOURCE_POLICY';
  if (signed && method.authorizationType !== 'AWS_IAM')
    s.add(
      KIND,
      'apigateway.method',
      where,
      api.account,
      'fail',
      `${route} uses ${method.authorizationType} authorization, not AWS_IAM: AuthType ${call.authType} signs the request but the API does not check it${call.authType === 'RESOURCE_POLICY' ? ', so its resource policy is not enforced' : ''}`,
      { severity: 'warning' },
    );
  else if (call.authType === 'NO_AUTH' && method.authorizationType === 'AWS_IAM')
    s.add(
      KIND,
      'apigateway.method',
      where,
      api.account,
      'fail',
      `${route} requires AWS_IAM authorization but AuthType is NO_AUTH: the unsigned request fails with ApiGateway.403`,
    );
  else
    s.add(
      KIND,
      'apigateway.method',
      where,
      api.account,
      'pass',
      `${route} exists with ${method.authorizationType} authorization`,
    );

  if (call.authType === 'RESOURCE_POLICY') await checkResourcePolicy(s, call, api, kit, where);
  if (/:states:action\/StartExecution$/.test(method.integration?.uri ?? ''))
    await checkStartExecution(s, call, api, method, kit, where);
}

async function checkResourcePolicy(
  s: CheckSession,
  call: ApiCall,
  api: { account: string; ports: AccountPorts; policy: string | undefined },
  kit: IamKit,
  where: Where,
): Promise<void> {
  const generated = kit.apiGateway.resourcePolicies.find((p) => p.apiId === call.apiId && p.region === call.region);
  const fix = generated && {
    label: `Resource policy of API ${call.apiId} (then redeploy the stage)`,
    text: JSON.stringify(generated.policy, null, 2),
  };
  const id = 'apigateway.resource-policy';
  const naming = statementsFor(statementsOf(api.policy) ?? [], { service: 'states.amazonaws.com' });
  if (naming.length === 0) {
    s.add(
      KIND,
      id,
      where,
      api.account,
      'fail',
      api.policy === undefined
        ? `API ${call.apiId} has no resource policy: a RESOURCE_POLICY call fails with ApiGateway.403`
        : `the resource policy of API ${call.apiId} does not allow the principal states.amazonaws.com: the call fails with ApiGateway.403`,
      fix ? { fix } : {},
    );
    return;
  }
  if (!s.known.stateMachineArn) {
    s.add(
      KIND,
      id,
      where,
      api.account,
      'not-checked',
      `resource policy of API ${call.apiId}: not checked: the state machine ARN is unknown`,
    );
    return;
  }
  const resource = executeApiArn(s.ctx.partition, call, api.account);
  let decisions;
  try {
    decisions = await api.ports.simulateCustom([asIdentityPolicy(naming)], ['execute-api:Invoke'], [resource], {
      'aws:SourceArn': [s.ctx.stateMachineArn],
      'aws:SourceAccount': [s.ctx.account],
    });
  } catch (e) {
    s.add(
      KIND,
      id,
      where,
      api.account,
      'not-checked',
      `resource policy of API ${call.apiId}: not checked: ${e instanceof Error ? e.message : String(e)}`,
    );
    return;
  }
  if (decisions.every((d) => d.decision === 'allowed'))
    s.add(
      KIND,
      id,
      where,
      api.account,
      'pass',
      `the resource policy of API ${call.apiId} allows this state machine to invoke ${resource}`,
    );
  else
    s.add(
      KIND,
      id,
      where,
      api.account,
      'fail',
      `the resource policy of API ${call.apiId} does not allow execute-api:Invoke on ${resource} for aws:SourceArn ${s.ctx.stateMachineArn}: the call fails with ApiGateway.403`,
      fix ? { fix } : {},
    );
}

async function checkStartExecution(
  s: CheckSession,
  call: ApiCall,
  api: { account: string; ports: AccountPorts },
  method: RestMethod,
  kit: IamKit,
  where: Where,
): Promise<void> {
  const id = 'apigateway.integration';
  const generated = kit.apiGateway.startExecutionIntegrations.find((i) => i.apiId === call.apiId);
  const roleArn = method.integration?.credentials;
  const target = generated?.targetStateMachineArn;
  const role = roleArn ? parseRoleArn(roleArn) : undefined;
  if (!roleArn || !role) {
    s.add(
      KIND,
      id,
      where,
      api.account,
      'fail',
      `the StartExecution integration of API ${call.apiId} has no integration role: API Gateway cannot call Step Functions`,
      generated
        ? {
            fix: {
              label: 'Integration role permissions',
              text: JSON.stringify(generated.integrationRole.policy, null, 2),
            },
          }
        : {},
    );
    return;
  }
  if (!target) {
    s.add(
      KIND,
      id,
      where,
      api.account,
      'not-checked',
      `StartExecution integration of API ${call.apiId}: not checked: the request body does not name the target state machine statically`,
    );
    return;
  }
  try {
    await api.ports.describeStateMachine(target);
  } catch (e) {
    if (e instanceof CheckCallError && e.failure === 'not-found')
      s.add(
        KIND,
        id,
        where,
        api.account,
        'fail',
        `the target state machine ${target} does not exist: StartExecution fails`,
      );
    else
      s.add(
        KIND,
        id,
        where,
        api.account,
        'not-checked',
        `target state machine ${target}: not checked: ${e instanceof Error ? e.message : String(e)}`,
      );
    return;
  }
  await s.checkGrants(
    KIND,
    id,
    where,
    roleArn,
    [{ sid: 'StartTargetExecution', actions: ['states:StartExecution'], resources: [target] }],
    `integration role`,
  );
}
