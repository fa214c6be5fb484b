// The invoker protocol: the event a state machine sends to the cross-region invoker Lambda, its validation,
// the ALLOWED_CALLS allowlist, command and error naming. Pure: no AWS SDK, no vscode. Shared by the handler
// (src/invoker), the deployer (src/aws), the CLI and the crossing rules. Facts: ../shared/DOMAIN.md section 1.

import { DEFAULT_INVOKER_FUNCTION_NAME } from '../invokerName';

/** The function name used when the user does not choose one (`sfn-crossings-invoker`). */
export const DEFAULT_INVOKER_NAME = DEFAULT_INVOKER_FUNCTION_NAME;
/** The execution role name used when the user does not choose one. */
export const DEFAULT_INVOKER_ROLE_NAME = 'sfn-crossings-invoker-role';

/** What a Task sends to the invoker (the same shape as AWS CDK's CallAwsServiceCrossRegion, plus cross-account fields). */
export interface InvokerEvent {
  /** SDK v3 package suffix: `@aws-sdk/client-${service}` (`s3`, `dynamodb`, `cloudwatch-logs`). */
  service: string;
  /** camelCase operation name (`getObject`); the command class is PascalCase(action) + "Command". */
  action: string;
  /** The region to call, e.g. `us-west-2`. */
  region: string;
  /** The operation's input, with the API's own (PascalCase) member names. */
  parameters?: Record<string, unknown>;
  /** Endpoint override; honoured only when the function's ALLOW_ENDPOINT_OVERRIDE is "true". */
  endpoint?: string;
  /** A role to assume (STS AssumeRole) before the call: cross-account and cross-region in one task. */
  assumeRoleArn?: string;
  /** Optional: must equal the external id the deployer set for the role in ALLOWED_ROLES (never forwarded as is). */
  externalId?: string;
}

export const INVOKER_EVENT_KEYS = [
  'service',
  'action',
  'region',
  'parameters',
  'endpoint',
  'assumeRoleArn',
  'externalId',
] as const;

/** The environment variables the invoker reads. */
export const INVOKER_ENV = {
  /** Comma-separated `service:action` (SDK v3 names); `service:*` allows every action of a service. Default: nothing. */
  allowedCalls: 'ALLOWED_CALLS',
  /** Comma-separated regions; unset, empty or `*` = any region. */
  allowedRegions: 'ALLOWED_REGIONS',
  /** `true` lets the event's `endpoint` through (off by default: SSRF). */
  allowEndpointOverride: 'ALLOW_ENDPOINT_OVERRIDE',
  /** `prefixed` (default, `S3.NoSuchKeyException` like native aws-sdk tasks) or `plain` (CDK's `NoSuchKey`). */
  errorNames: 'ERROR_NAMES',
  /** Upper bound of one call in milliseconds (the Lambda's remaining time minus a margin always applies). */
  timeoutMs: 'INVOKER_TIMEOUT_MS',
  /** JSON object { "<role ARN>": "<external id>" | "" }: the only roles `assumeRoleArn` may name. Default: none. */
  allowedRoles: 'ALLOWED_ROLES',
} as const;

/** The error names the invoker itself raises (Retry/Catch can match them). */
export const INVOKER_ERRORS = {
  invalidInput: 'Invoker.InvalidInput',
  callNotAllowed: 'Invoker.CallNotAllowed',
  regionNotAllowed: 'Invoker.RegionNotAllowed',
  endpointNotAllowed: 'Invoker.EndpointNotAllowed',
  unknownService: 'Invoker.UnknownService',
  unknownAction: 'Invoker.UnknownAction',
  assumeRoleFailed: 'Invoker.AssumeRoleFailed',
  roleNotAllowed: 'Invoker.RoleNotAllowed',
  resultTooLarge: 'Invoker.ResultTooLarge',
  timeout: 'Invoker.Timeout',
  requestFailed: 'Invoker.RequestFailed',
} as const;

const SERVICE_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ACTION_RE = /^[A-Za-z][A-Za-z0-9]*$/;
const REGION_RE = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const ROLE_ARN_RE = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const EXTERNAL_ID_RE = /^[\w+=,.@:/-]{2,1224}$/;

export function isServiceName(s: string): boolean {
  return SERVICE_RE.test(s);
}
export function isActionName(s: string): boolean {
  return ACTION_RE.test(s);
}
export function isRegionName(s: string): boolean {
  return REGION_RE.test(s);
}
/** A literal IAM role ARN (no wildcard, no placeholder): the only form ALLOWED_ROLES and the role policy take. */
export function isLiteralRoleArn(s: string): boolean {
  return ROLE_ARN_RE.test(s);
}
export function isExternalId(s: string): boolean {
  return EXTERNAL_ID_RE.test(s);
}

/** `getObject` -> `GetObject`; `cloudwatch-logs` -> `CloudwatchLogs`. */
export function pascalCase(s: string): string {
  return s
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

/** `getObject` -> `getObject`; `GetObject` -> `getObject`. */
export function camelCase(s: string): string {
  const p = pascalCase(s);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

/** The SDK v3 command class for an action: `getObject` -> `GetObjectCommand`. */
export function commandName(action: string): string {
  return `${pascalCase(action)}Command`;
}

/** The npm package that serves a service: `s3` -> `@aws-sdk/client-s3`. */
export function clientPackage(service: string): string {
  return `@aws-sdk/client-${service}`;
}

export interface ValidationResult {
  event?: InvokerEvent;
  /** One message per problem; empty when the event is valid. */
  errors: string[];
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Checks an incoming event; never throws. */
export function validateEvent(input: unknown): ValidationResult {
  const errors: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { errors: [`the event must be an object with service, action and region, got ${typeName(input)}`] };
  }
  const o = input as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if ((INVOKER_EVENT_KEYS as readonly string[]).includes(key)) continue;
    const near = INVOKER_EVENT_KEYS.find((k) => k.toLowerCase() === key.replace(/\.\$$/, '').toLowerCase());
    errors.push(
      near
        ? `unknown field "${key}": did you mean "${near}"?`
        : `unknown field "${key}" (allowed: ${INVOKER_EVENT_KEYS.join(', ')})`,
    );
  }
  const str = (key: string, re: RegExp, what: string, required: boolean): string | undefined => {
    const v = o[key];
    if (v === undefined) {
      if (required) errors.push(`"${key}" is required (${what})`);
      return undefined;
    }
    if (typeof v !== 'string') {
      errors.push(`"${key}" must be a string (${what}), got ${typeName(v)}`);
      return undefined;
    }
    if (!re.test(v)) {
      errors.push(`"${key}" is not valid: ${JSON.stringify(v.slice(0, 80))} (${what})`);
      return undefined;
    }
    return v;
  };
  const service = str(
    'service',
    SERVICE_RE,
    'the SDK v3 package suffix, e.g. "s3", "dynamodb", "cloudwatch-logs"',
    true,
  );
  const action = str('action', ACTION_RE, 'the camelCase operation, e.g. "getObject"', true);
  const region = str('region', REGION_RE, 'a region such as "us-west-2"', true);
  const assumeRoleArn = str('assumeRoleArn', ROLE_ARN_RE, 'an IAM role ARN', false);
  const externalId = str('externalId', EXTERNAL_ID_RE, '2-1224 characters', false);
  if (externalId !== undefined && o.assumeRoleArn === undefined) errors.push('"externalId" needs "assumeRoleArn"');
  let endpoint: string | undefined;
  if (o.endpoint !== undefined) {
    if (typeof o.endpoint !== 'string') errors.push(`"endpoint" must be a string URL, got ${typeName(o.endpoint)}`);
    else {
      try {
        const u = new URL(o.endpoint);
        if (u.protocol !== 'https:' && u.protocol !== 'http:') errors.push(`"endpoint" must be an http(s) URL`);
        else endpoint = o.endpoint;
      } catch {
        errors.push(`"endpoint" is not a URL: ${JSON.stringify(o.endpoint.slice(0, 80))}`);
      }
    }
  }
  const parameters = o.parameters;
  if (parameters !== undefined && typeName(parameters) !== 'object') {
    errors.push(`"parameters" must be an object with the API's members, got ${typeName(parameters)}`);
  }
  if (errors.length > 0 || !service || !action || !region) return { errors };
  const event: InvokerEvent = { service, action, region };
  if (parameters !== undefined) event.parameters = parameters as Record<string, unknown>;
  if (endpoint !== undefined) event.endpoint = endpoint;
  if (assumeRoleArn !== undefined) event.assumeRoleArn = assumeRoleArn;
  if (externalId !== undefined) event.externalId = externalId;
  return { event, errors };
}

/** One allowlist entry: `service:action`, or `service:*`. */
export interface AllowedCall {
  service: string;
  /** camelCase action, or `*`. */
  action: string;
}

export interface AllowedCallsParse {
  calls: AllowedCall[];
  errors: string[];
}

/** Parses `s3:getObject, dynamodb:getItem` (commas or whitespace). Invalid entries are reported, never allowed. */
export function parseAllowedCalls(text: string | undefined): AllowedCallsParse {
  const calls: AllowedCall[] = [];
  const errors: string[] = [];
  for (const raw of (text ?? '').split(/[\s,]+/)) {
    if (!raw) continue;
    const m = /^([^:]+):([^:]+)$/.exec(raw);
    if (!m || !SERVICE_RE.test(m[1]!) || (m[2] !== '*' && !ACTION_RE.test(m[2]!))) {
      errors.push(`"${raw}" is not service:action (SDK v3 names, e.g. s3:getObject)`);
      continue;
    }
    const call = { service: m[1]!, action: m[2] === '*' ? '*' : camelCase(m[2]!) };
    if (!calls.some((c) => c.service === call.service && c.action === call.action)) calls.push(call);
  }
  return { calls, errors };
}

/** Renders calls back to the ALLOWED_CALLS form (sorted, so equal sets give equal strings). */
export function formatAllowedCalls(calls: readonly AllowedCall[]): string {
  return [...new Set(calls.map((c) => `${c.service}:${c.action}`))].sort().join(',');
}

/** Operation names are unique regardless of case within a service, so the match ignores case. */
export function isCallAllowed(calls: readonly AllowedCall[], service: string, action: string): boolean {
  const a = action.toLowerCase();
  return calls.some((c) => c.service === service && (c.action === '*' || c.action.toLowerCase() === a));
}

/** ALLOWED_REGIONS: undefined = any region. */
export function parseAllowedRegions(text: string | undefined): string[] | undefined {
  const list = (text ?? '').split(/[\s,]+/).filter(Boolean);
  return list.length === 0 || list.includes('*') ? undefined : list;
}

/** One role the invoker may assume, with the external id its trust policy requires (set by the deployer). */
export interface AllowedRole {
  roleArn: string;
  externalId?: string;
}

export interface AllowedRolesParse {
  roles: Map<string, AllowedRole>;
  errors: string[];
}

/** ALLOWED_ROLES: a JSON object of literal role ARNs to external ids ("" = none). Unset or invalid = no role. */
export function parseAllowedRoles(text: string | undefined): AllowedRolesParse {
  const roles = new Map<string, AllowedRole>();
  const errors: string[] = [];
  if (!text?.trim()) return { roles, errors };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { roles, errors: ['not a JSON object of role ARN to external id'] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { roles, errors: ['not a JSON object of role ARN to external id'] };
  for (const [arn, id] of Object.entries(parsed as Record<string, unknown>)) {
    if (!ROLE_ARN_RE.test(arn)) errors.push(`"${arn.slice(0, 80)}" is not a literal IAM role ARN`);
    else if (typeof id !== 'string' || (id !== '' && !EXTERNAL_ID_RE.test(id)))
      errors.push(`the external id of ${arn} must be a string of 2-1224 characters, or ""`);
    else roles.set(arn, id ? { roleArn: arn, externalId: id } : { roleArn: arn });
  }
  return { roles, errors };
}

/** Renders roles to the ALLOWED_ROLES form (sorted by ARN, so equal sets give equal strings). */
export function formatAllowedRoles(roles: readonly AllowedRole[]): string {
  const sorted = [...roles].sort((a, b) => (a.roleArn < b.roleArn ? -1 : a.roleArn > b.roleArn ? 1 : 0));
  return JSON.stringify(Object.fromEntries(sorted.map((r) => [r.roleArn, r.externalId ?? ''])));
}

export type ErrorNaming = 'prefixed' | 'plain';

export function parseErrorNaming(text: string | undefined): ErrorNaming {
  return (text ?? '').trim().toLowerCase() === 'plain' ? 'plain' : 'prefixed';
}

/**
 * The service part of native aws-sdk task error names (PascalCase of the Step Functions integration name, e.g.
 * `AcmPca.ResourceNotFoundException`, `DynamoDb.ConditionalCheckFailedException`), for SDK v3 package names whose
 * PascalCase differs from it.
 */
const PREFIX_OVERRIDES: Record<string, string> = {
  dynamodb: 'DynamoDb',
  'cloudwatch-logs': 'CloudWatchLogs',
  cloudwatch: 'CloudWatch',
  'cloudwatch-events': 'CloudWatchEvents',
  eventbridge: 'EventBridge',
  'api-gateway': 'ApiGateway',
  apigatewayv2: 'ApiGatewayV2',
  sfn: 'Sfn',
  sqs: 'Sqs',
  sns: 'Sns',
  ssm: 'Ssm',
  ecs: 'Ecs',
  ec2: 'Ec2',
  ecr: 'Ecr',
  eks: 'Eks',
  kms: 'Kms',
  iam: 'Iam',
  sts: 'Sts',
  rds: 'Rds',
  emr: 'Emr',
  'secrets-manager': 'SecretsManager',
  'acm-pca': 'AcmPca',
  'elastic-load-balancing-v2': 'ElasticLoadBalancingV2',
  'sagemaker-runtime': 'SageMakerRuntime',
  sagemaker: 'SageMaker',
  'bedrock-runtime': 'BedrockRuntime',
  'bedrock-agent': 'BedrockAgent',
  'bedrock-agent-runtime': 'BedrockAgentRuntime',
  opensearch: 'OpenSearch',
  'dynamodb-streams': 'DynamoDbStreams',
};

/** `s3` -> `S3`, `dynamodb` -> `DynamoDb`, `cloudwatch-logs` -> `CloudWatchLogs`, `lambda` -> `Lambda`. */
export function servicePrefix(service: string): string {
  return PREFIX_OVERRIDES[service] ?? pascalCase(service);
}

/**
 * The error name Step Functions sees. `prefixed` follows native aws-sdk tasks: `<Service>.<Name>` where the name
 * always ends in `Exception` (S3's `NoSuchKey` becomes `S3.NoSuchKeyException`). `plain` keeps the SDK's name (CDK).
 */
export function errorName(service: string, sdkErrorName: string, naming: ErrorNaming): string {
  if (naming === 'plain') return sdkErrorName;
  const name = sdkErrorName.endsWith('Exception') ? sdkErrorName : `${sdkErrorName}Exception`;
  return `${servicePrefix(service)}.${name}`;
}
