// IAM action names for SDK calls, through the API catalog (src/core/catalog) with a small fallback for when
// the catalog cannot answer: an `aws-sdk:<sfn name>:<action>` task's or an invoker call's `<prefix>:<Action>`.
import { findService, iamActionFor } from '../catalog';
import { iamActionsFor, type IamCatalog } from '../invoker/policy';

export type { IamCatalog };

/** The real catalog; tests may inject another one. */
export const defaultCatalog: IamCatalog = { findService, iamActionFor };

/** Step Functions `aws-sdk:` names whose IAM prefix differs, used only when the catalog does not know the service. */
const SFN_NAME_FALLBACK: Record<string, string> = {
  sfn: 'states',
  cloudwatchlogs: 'logs',
  cloudwatchevents: 'events',
  eventbridge: 'events',
  sesv2: 'ses',
  emr: 'elasticmapreduce',
  location: 'geo',
  ssoadmin: 'sso',
  cognitoidentityprovider: 'cognito-idp',
  elasticloadbalancingv2: 'elasticloadbalancing',
  sagemakerruntime: 'sagemaker',
  bedrockruntime: 'bedrock',
  bedrockagent: 'bedrock',
  bedrockagentruntime: 'bedrock',
  dynamodbstreams: 'dynamodb',
  apigatewayv2: 'apigateway',
  apigatewaymanagementapi: 'execute-api',
  opensearch: 'es',
};
/** Operations authorised by another action (fallback only; the catalog has the full table). */
const ACTION_FALLBACK: Record<string, string> = {
  's3:ListBuckets': 's3:ListAllMyBuckets',
  's3:ListObjectsV2': 's3:ListBucket',
  's3:ListObjects': 's3:ListBucket',
  's3:HeadObject': 's3:GetObject',
  's3:HeadBucket': 's3:ListBucket',
  'lambda:Invoke': 'lambda:InvokeFunction',
};

function pascal(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface SdkActions {
  /** IAM prefix of the service (e.g. `states` for `sfn`). */
  prefix: string;
  /** PascalCase operation (`GetObject`). */
  operation: string;
  actions: string[];
  /** False when the catalog did not know the service or operation (the fallback answered). */
  fromCatalog: boolean;
}

/** IAM actions of an `aws-sdk:<service>:<action>` task (Step Functions naming, any scheme accepted by the catalog). */
export function sdkTaskActions(service: string, action: string, catalog: IamCatalog = defaultCatalog): SdkActions {
  const known = safe(() => catalog.findService(service));
  const prefix = known?.iamPrefix ?? SFN_NAME_FALLBACK[service] ?? service;
  const operation = pascal(action);
  const fromCatalog = safe(() => catalog.iamActionFor(service, action));
  if (fromCatalog && fromCatalog.length > 0) {
    return {
      prefix,
      operation,
      actions: Array.isArray(fromCatalog) ? [...fromCatalog] : [fromCatalog as string],
      fromCatalog: true,
    };
  }
  const name = `${prefix}:${operation}`;
  return { prefix, operation, actions: [ACTION_FALLBACK[name] ?? name], fromCatalog: false };
}

/** IAM actions of an invoker call (SDK v3 naming); delegates to the invoker room's mapping with our catalog. */
export function invokerCallActions(service: string, action: string, catalog: IamCatalog = defaultCatalog): SdkActions {
  const known = safe(() => catalog.findService(service));
  const actions = iamActionsFor({ service, action }, catalog);
  return {
    prefix: known?.iamPrefix ?? actions[0]?.split(':')[0] ?? service,
    operation: pascal(action),
    actions,
    fromCatalog: !!known,
  };
}

/** The catalog never throws by contract; this keeps IAM generation alive if a future one does. */
function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
