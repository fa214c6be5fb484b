// The crossing inventory: which states of a definition cross a boundary (another region through the invoker,
// another account through Credentials or the invoker's assumeRoleArn, an API Gateway API, an HTTPS API), with
// their target and the IAM actions they need. Consumed by hover, the panel and IAM generation.
import type { AslModel } from '../model/model';
import { DEFAULT_INVOKER_FUNCTION_NAME } from '../invokerName';
import type { Crossing } from './types';
import { tasksOf, type TaskInfo } from './tasks';
import { stringValue } from '../parse/ast';
import { field, literalString, parseRoleArn, type Field } from './values';
import { sdkIamActions } from './catalog';
import { apiGatewayHost } from './apigateway';

export const HTTP_INVOKE_ACTIONS = [
  'states:InvokeHTTPEndpoint',
  'events:RetrieveConnectionCredentials',
  'secretsmanager:GetSecretValue',
  'secretsmanager:DescribeSecret',
];

/** Polling permissions a `.sync` StartExecution needs (on the target role when it crosses accounts). */
export const START_EXECUTION_SYNC_ACTIONS = [
  'states:StartExecution',
  'states:DescribeExecution',
  'states:StopExecution',
];

export interface ListCrossingsOptions {
  invokerNames?: string[];
}

/** Every crossing of a definition, in document order (a state may cross more than one boundary). */
export function listCrossings(model: AslModel, options: ListCrossingsOptions = {}): Crossing[] {
  const names = options.invokerNames?.length ? options.invokerNames : [DEFAULT_INVOKER_FUNCTION_NAME];
  const out: Crossing[] = [];
  for (const task of tasksOf(model, names)) crossingsOfTask(task, out);
  return out;
}

/** A short description of a dynamic value: `$.roleArn` or `{% ... %}` as written. */
function dynamicText(value: unknown): string {
  return typeof value === 'string' ? `${value} (at run time)` : '(at run time)';
}

function crossingsOfTask(task: TaskInfo, out: Crossing[]): void {
  const base = { state: task.state.name, pointer: task.state.pointer, resource: task.resource };
  const ownActions = taskActions(task);
  if (task.invoker) {
    const payload = task.invoker.payload;
    const service = literalString(field(payload, 'service'));
    const action = literalString(field(payload, 'action'));
    const regionField = field(payload, 'region');
    const region = literalString(regionField);
    const endpointField = field(payload, 'endpoint');
    const roleField = field(payload, 'assumeRoleArn');
    const roleArn = literalString(roleField);
    const sdk = service && action ? sdkIamActions('v3', service, action) : [];
    out.push({
      ...base,
      kind: 'cross-region',
      target: `${service ?? '?'}:${action ?? '?'} in ${region ?? (regionField ? dynamicText(valueOf(regionField)) : '?')}`,
      auth: roleField ? 'invoker Lambda (assumes a role)' : 'invoker Lambda',
      region,
      account: roleArn ? parseRoleArn(roleArn)?.account : undefined,
      roleArn,
      endpoint: endpointField ? (literalString(endpointField) ?? dynamicText(valueOf(endpointField))) : undefined,
      actions: ['lambda:InvokeFunction', ...sdk, ...(roleField ? ['sts:AssumeRole'] : [])],
      service,
      operation: action,
      invokerFunction: task.invoker.functionName,
    });
  }
  if (task.credentialsProp) {
    const role = field(task.credentialsProp.value, 'RoleArn');
    const roleArn = literalString(role);
    const parsed = roleArn ? parseRoleArn(roleArn) : undefined;
    out.push({
      ...base,
      kind: 'cross-account',
      target: roleArn ?? (role ? dynamicText(valueOf(role)) : '(no role)'),
      auth: 'Credentials role',
      account: parsed?.account,
      roleArn,
      region: task.region || undefined,
      actions: ['sts:AssumeRole', ...ownActions],
      service: task.integration === 'aws-sdk' ? task.service : undefined,
      operation: task.integration === 'aws-sdk' ? task.action : undefined,
    });
  }
  if (task.integration === 'apigateway') {
    const endpoint = field(task.params, 'ApiEndpoint');
    const host = literalString(endpoint);
    const authType = literalString(field(task.params, 'AuthType')) ?? 'NO_AUTH';
    const api = host ? apiGatewayHost(host) : undefined;
    out.push({
      ...base,
      kind: 'api-gateway',
      target: host ?? (endpoint ? dynamicText(valueOf(endpoint)) : '(no endpoint)'),
      auth: authType,
      region: api?.region,
      endpoint: host,
      actions: ownActions,
    });
  }
  if (task.integration === 'http') {
    const endpoint = field(task.params, 'ApiEndpoint');
    const url = literalString(endpoint);
    out.push({
      ...base,
      kind: 'http',
      target: url ?? (endpoint ? dynamicText(valueOf(endpoint)) : '(no endpoint)'),
      auth: 'EventBridge connection',
      endpoint: url,
      actions: ownActions,
    });
  }
}

function valueOf(f: Field): unknown {
  return stringValue(f.property.value);
}

/** The IAM actions a task needs for its own integration (without the cross-account AssumeRole). */
export function taskActions(task: TaskInfo): string[] {
  switch (task.integration) {
    case 'apigateway': {
      const authType = literalString(field(task.params, 'AuthType'));
      // NO_AUTH (the default) needs no IAM permission; a dynamic AuthType might need it.
      const dynamic = authType === undefined && field(task.params, 'AuthType') !== undefined;
      return authType === 'IAM_ROLE' || authType === 'RESOURCE_POLICY' || dynamic ? ['execute-api:Invoke'] : [];
    }
    case 'http':
      return [...HTTP_INVOKE_ACTIONS];
    case 'aws-sdk':
      return task.service && task.action ? sdkIamActions('sfn', task.service, task.action) : [];
    case 'lambda-invoke':
    case 'lambda-function':
      return ['lambda:InvokeFunction'];
    case 'optimized':
      if (task.service === 'states' && task.action === 'startExecution')
        return task.pattern.startsWith('sync') ? [...START_EXECUTION_SYNC_ACTIONS] : ['states:StartExecution'];
      return task.service && task.action
        ? [`${task.service}:${task.action.charAt(0).toUpperCase()}${task.action.slice(1)}`]
        : [];
    default:
      return [];
  }
}
