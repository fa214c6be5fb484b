// Permissions of `arn:aws:states:::apigateway:invoke` (DOMAIN.md section 3): execute-api:Invoke on
// arn:<partition>:execute-api:<region OF THE ENDPOINT>:<account or *>:<apiId>/<stage>/<METHOD>/<path>. Unlike AWS
// CDK, the region is the endpoint's own (not the stack's) and an HTTP API without Stage uses `$default`.
import { parseStateMachineArn } from './arn';
import { readField, staticString, type Field } from './fields';
import { literalPattern } from './literal';
import { dynamicStar, unknownResource } from './resources';
import { grant, type TaskGrants, type TaskInput } from './integrations';

export type AuthType = 'NO_AUTH' | 'IAM_ROLE' | 'RESOURCE_POLICY';

export interface ApiCall {
  apiId: string;
  region: string;
  /** `$default` when Stage is absent (HTTP APIs); `*` when it comes from a path. */
  stage: string;
  method: string;
  /** Without the leading slash; `*` when it comes from a path. */
  path: string;
  /** undefined when AuthType comes from a path. */
  authType: AuthType | undefined;
  /** The fields that were run-time values. */
  dynamicFields: Field[];
  /**
   * The API's account when the request body names the state machine it starts (`stateMachineArn`): an API
   * Gateway StartExecution integration can only start state machines of its own account.
   */
  apiAccount?: string;
  /** Set when ApiEndpoint is a run-time value: apiId is `*` (region too unless its literal part names one). */
  dynamicEndpoint?: Field & { kind: 'dynamic' };
}

const HOST_RE = /^([0-9a-z]+)\.execute-api\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.amazonaws\.com(?:\.cn)?$/;

/** `abc123.execute-api.eu-west-1.amazonaws.com` -> { apiId, region } (a scheme or trailing slash is tolerated). */
export function parseApiEndpoint(endpoint: string): { apiId: string; region: string } | undefined {
  const host = endpoint.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const m = HOST_RE.exec(host);
  return m ? { apiId: m[1]!, region: m[2]! } : undefined;
}

/** The call an apigateway:invoke task makes, or a reason why it cannot be read. */
export function readApiCall(args: Field): ApiCall | { error: string; field?: Field } {
  const endpoint = readField(args, 'ApiEndpoint');
  const host = staticString(endpoint);
  // A run-time endpoint (seed 001: "ApiEndpoint.$": "$.ApiUrl") still has a literal route: keep it, with the
  // API id (and the region, unless the endpoint's literal part names it) unknown.
  const parsed =
    endpoint.kind === 'dynamic'
      ? { apiId: '*', region: dynamicRegion(endpoint.expression) }
      : host
        ? parseApiEndpoint(host)
        : undefined;
  if (!parsed)
    return {
      error: host
        ? `"${host}" is not an <apiId>.execute-api.<region>.amazonaws.com endpoint`
        : 'ApiEndpoint is missing',
    };
  const dynamicFields: Field[] = [];
  const text = (f: Field, absent: string): string => {
    if (f.kind === 'dynamic') {
      dynamicFields.push(f);
      return '*';
    }
    return staticString(f) ?? absent;
  };
  const stage = text(readField(args, 'Stage'), '$default');
  const method = text(readField(args, 'Method'), '*').toUpperCase();
  const path = text(readField(args, 'Path'), '').replace(/^\/+/, '');
  const authField = readField(args, 'AuthType');
  let authType: AuthType | undefined = 'NO_AUTH';
  if (authField.kind === 'dynamic') {
    dynamicFields.push(authField);
    authType = undefined;
  } else {
    const a = staticString(authField);
    if (a === 'IAM_ROLE' || a === 'RESOURCE_POLICY' || a === 'NO_AUTH') authType = a;
  }
  const target = staticString(readField(readField(args, 'RequestBody'), 'stateMachineArn'));
  const apiAccount = target ? parseStateMachineArn(target)?.account : undefined;
  if (endpoint.kind === 'dynamic') dynamicFields.unshift(endpoint);
  return {
    ...parsed,
    stage,
    method,
    path,
    authType,
    dynamicFields,
    ...(apiAccount ? { apiAccount } : {}),
    ...(endpoint.kind === 'dynamic' ? { dynamicEndpoint: endpoint } : {}),
  };
}

/** The region of a run-time endpoint when its literal part names one (`{}.execute-api.eu-west-1...`), else `*`. */
function dynamicRegion(expression: string): string {
  const m = /\.execute-api\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\./.exec(literalPattern(expression) ?? '');
  return m ? m[1]! : '*';
}

export function executeApiArn(partition: string, call: ApiCall, account: string): string {
  return `arn:${partition}:execute-api:${call.region}:${account}:${call.apiId}/${call.stage}/${call.method}/${call.path}`;
}

export function apiGatewayGrants(t: TaskInput): TaskGrants {
  const call = readApiCall(t.args);
  if ('error' in call) {
    const scoped =
      call.field?.kind === 'dynamic'
        ? dynamicStar(call.field, 'the API endpoint')
        : unknownResource(`apigateway:invoke: ${call.error}`);
    return {
      grants: [grant('ApiGatewayInvoke', ['execute-api:Invoke'], scoped)],
      notes: [`apigateway:invoke: ${call.error}.`],
      integration: 'apigateway:invoke',
    };
  }
  if (call.authType === 'NO_AUTH') {
    return {
      grants: [],
      notes: [
        'apigateway:invoke with AuthType NO_AUTH sends unsigned requests: no IAM permission is needed (or checked).',
      ],
      integration: 'apigateway:invoke',
    };
  }
  // IAM_ROLE does not work across accounts: the API is in the signing role's account. RESOURCE_POLICY APIs
  // usually live in another account, which the definition does not name.
  const account = call.authType === 'IAM_ROLE' ? t.env.account : (call.apiAccount ?? '*');
  const g = grant('ApiGatewayInvoke', ['execute-api:Invoke'], {
    resources: [executeApiArn(t.env.partition, call, account)],
  });
  const first = call.dynamicFields[0];
  if (first?.kind === 'dynamic')
    g.wildcard = {
      reason: 'dynamic',
      field: first.pointer,
      detail: call.dynamicEndpoint
        ? `the API comes from ${first.expression} at run time; the route /${call.stage}/${call.method}/${call.path} is literal`
        : `part of the API route comes from ${first.expression} at run time`,
    };
  const notes =
    call.authType === undefined
      ? [
          'apigateway:invoke: AuthType comes from a path; execute-api:Invoke is granted in case it is IAM_ROLE or RESOURCE_POLICY.',
        ]
      : [];
  return { grants: [g], notes, integration: 'apigateway:invoke' };
}
