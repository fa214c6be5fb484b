// IAM documents of the invoker's execution role: the trust policy (lambda.amazonaws.com, confused-deputy
// condition) and the inline policy = exactly the allowed calls' IAM actions + CloudWatch Logs. Pure.
import { findService, iamActionFor } from '../catalog';
import type { AllowedCall } from './protocol';
import { pascalCase } from './protocol';

/** What the API catalog (src/core/catalog, issue 4) answers; injected so this module works without it. */
export interface IamCatalog {
  findService(name: string): { iamPrefix: string } | undefined;
  /** IAM action(s) for an operation, e.g. `s3:ListAllMyBuckets` for s3 listBuckets. */
  iamActionFor(service: string, operation: string): string | string[] | undefined;
}

/** The API catalog of src/core/catalog (issue 4); answers nothing when catalog.json is unavailable. */
export const apiCatalog: IamCatalog = { findService, iamActionFor };

/** SDK v3 package names whose IAM prefix differs, for when the catalog is not available. */
const FALLBACK_IAM_PREFIX: Record<string, string> = {
  sfn: 'states',
  'cloudwatch-logs': 'logs',
  'cloudwatch-events': 'events',
  eventbridge: 'events',
  'api-gateway': 'apigateway',
  apigatewayv2: 'apigateway',
  'cognito-identity-provider': 'cognito-idp',
  emr: 'elasticmapreduce',
  location: 'geo',
  sesv2: 'ses',
  'sso-admin': 'sso',
  'secrets-manager': 'secretsmanager',
  'elastic-load-balancing-v2': 'elasticloadbalancing',
  'elastic-load-balancing': 'elasticloadbalancing',
  'sagemaker-runtime': 'sagemaker',
  'bedrock-runtime': 'bedrock',
  'bedrock-agent': 'bedrock',
  'bedrock-agent-runtime': 'bedrock',
  'dynamodb-streams': 'dynamodb',
  'iot-data-plane': 'iot',
  'acm-pca': 'acm-pca',
  opensearch: 'es',
};
/** Operations authorised by an IAM action of another name (fallback only). */
const FALLBACK_ACTION: Record<string, string> = {
  's3:listBuckets': 's3:ListAllMyBuckets',
  's3:headObject': 's3:GetObject',
  's3:headBucket': 's3:ListBucket',
  's3:listObjectsV2': 's3:ListBucket',
  's3:listObjects': 's3:ListBucket',
  's3:getObjectAttributes': 's3:GetObjectAttributes',
  'dynamodb:batchGetItem': 'dynamodb:BatchGetItem',
};

/** IAM actions needed for one `service:action` (SDK v3 names). `service:*` gives `prefix:*`. */
export function iamActionsFor(call: AllowedCall, catalog: IamCatalog | undefined = apiCatalog): string[] {
  const prefix = catalog?.findService(call.service)?.iamPrefix ?? FALLBACK_IAM_PREFIX[call.service] ?? call.service;
  if (call.action === '*') return [`${prefix}:*`];
  const fromCatalog = catalog?.iamActionFor(call.service, call.action);
  if (fromCatalog && fromCatalog.length > 0) return Array.isArray(fromCatalog) ? fromCatalog : [fromCatalog];
  return [FALLBACK_ACTION[`${call.service}:${call.action}`] ?? `${prefix}:${pascalCase(call.action)}`];
}

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
  Principal?: Record<string, string | string[]>;
}
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/** Trust policy: only Lambda, and only on behalf of this account (confused deputy). */
export function invokerTrustPolicy(account: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': account } },
      },
    ],
  };
}

export interface InvokerPolicyInput {
  calls: readonly AllowedCall[];
  partition: string;
  account: string;
  /** The function's region (its log group lives there). */
  region: string;
  functionName: string;
  /** Roles the invoker may assume (`assumeRoleArn` in events). */
  assumeRoleArns?: readonly string[];
  catalog?: IamCatalog;
}

/** The inline policy: the allowed calls' IAM actions on `*` (the resources are chosen at run time), plus logs. */
export function invokerPolicy(input: InvokerPolicyInput): PolicyDocument {
  const { partition, account, region, functionName } = input;
  const actions = [...new Set(input.calls.flatMap((c) => iamActionsFor(c, input.catalog)))].sort();
  const logGroup = `arn:${partition}:logs:${region}:${account}:log-group:/aws/lambda/${functionName}`;
  const statements: PolicyStatement[] = [];
  if (actions.length > 0) statements.push({ Sid: 'AllowedCalls', Effect: 'Allow', Action: actions, Resource: '*' });
  const roles = [...new Set(input.assumeRoleArns ?? [])].sort();
  if (roles.length > 0)
    statements.push({ Sid: 'AssumeTargetRoles', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roles });
  statements.push(
    { Sid: 'CreateLogGroup', Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: `${logGroup}:*` },
    {
      Sid: 'WriteLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `${logGroup}:log-stream:*`,
    },
  );
  return { Version: '2012-10-17', Statement: statements };
}

/** Compares two policy documents by meaning, not by formatting (IAM returns them URL-encoded and re-spaced). */
export function samePolicy(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 1 ? normalize(v[0]) : v.map(normalize);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, normalize((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
