// The public shapes of IAM generation: the context a kit is generated for, the grants each state needs,
// and the IamKit that holds every document (execution role, cross-account kits, API Gateway, invoker role).
import type { PolicyDocument, PolicyStatement } from '../invoker/policy';

export type { PolicyDocument, PolicyStatement };
export type Condition = NonNullable<PolicyStatement['Condition']>;

/** What the user tells us about where the definition runs. */
export interface IamContext {
  /** `arn:<partition>:states:<region>:<account>:stateMachine:<name>`; or give name + region + account. */
  stateMachineArn?: string;
  stateMachineName?: string;
  region?: string;
  account?: string;
  /** Defaults to the partition of the state machine ARN, else of the definition's Resource ARNs, else `aws`. */
  partition?: string;
  /** `arn:<partition>:iam::<account>:role/<name>` of the state machine's execution role. */
  executionRoleArn: string;
  /** The cross-region invoker Lambda (`arn:<partition>:lambda:<region>:<account>:function:<name>`). */
  invokerArn?: string;
  /** The invoker's own execution role (principal of the roles the invoker assumes); defaults to its default name. */
  invokerRoleArn?: string;
}

/** The context after validation: every field known. */
export interface ResolvedContext {
  partition: string;
  region: string;
  account: string;
  stateMachineName: string;
  stateMachineArn: string;
  executionRoleArn: string;
  invoker?: { arn: string; name: string; region: string; account: string; roleArn: string };
}

/** Why a statement's Resource is `*` (or why a resource could not be scoped). */
export type WildcardReason =
  /** The resource comes from a JSONPath/JSONata/intrinsic value at `field`: known only at run time. */
  | 'dynamic'
  /** The action does not support resource-level permissions (IAM needs `*`). */
  | 'unscopable'
  /** We do not know how to turn this call's parameters into a resource ARN. */
  | 'unknown-resource';

/** One permission a state needs, before documents merge grants into statements. */
export interface Grant {
  /** Statement group (becomes the Sid stem), e.g. `LambdaInvoke`, `AssumeTargetRoles`. */
  sid: string;
  actions: string[];
  resources: string[];
  condition?: Condition;
  /** Set when a resource is `*` or only partly scoped: says why, and which field forced it. */
  wildcard?: { reason: WildcardReason; field?: string; detail: string };
}

/** Who runs a task: the execution role, a static `Credentials` role, or a role chosen at run time. */
export type RunsAs =
  { kind: 'execution' } | { kind: 'role'; arn: string } | { kind: 'dynamic'; field: string; expression: string };

/** Everything one state needs. */
export interface StatePermissions {
  state: string;
  pointer: string;
  /** The Task's Resource (or `ItemReader`/`ResultWriter`/`Map` for Distributed Map needs). */
  resource: string;
  runsAs: RunsAs;
  /** Permissions of the role that runs the task. */
  grants: Grant[];
  /** Permissions the execution role needs on top (sts:AssumeRole on the Credentials role). */
  executionGrants: Grant[];
  /** Calls the definition sends to the invoker Lambda (SDK v3 names): they go to the invoker's role. */
  invokerCalls: InvokerCall[];
  notes: string[];
}

export interface InvokerCall {
  service: string;
  action: string;
  region?: string;
  /** Static `assumeRoleArn` of the payload. */
  assumeRoleArn?: string;
  externalId?: string;
  grants: Grant[];
}

/** A statement whose Resource is (or contains) `*`, and the state that forced it. */
export interface WildcardExplanation {
  /** Which document: `executionRole`, `crossAccount[0]`, `invokerRole`... */
  document: string;
  state: string;
  pointer: string;
  field?: string;
  actions: string[];
  reason: WildcardReason;
  detail: string;
}

export interface CrossAccountKit {
  /** The target role (undefined when the role ARN is chosen at run time). */
  roleArn?: string;
  /** Where a run-time role comes from, e.g. `$.roleArn` (state `CallB`). */
  dynamicRole?: { state: string; field: string; expression: string };
  /** Account that owns the role (undefined for run-time roles). */
  account?: string;
  /** States whose tasks run under this role. */
  states: string[];
  /** Trust policy of the target role: the source execution role with `sts:ExternalId` = the state machine ARN. */
  trustPolicy: PolicyDocument;
  /** What the tasks need in the target account (incl. `.sync` polling). */
  policy: PolicyDocument;
}

export interface ApiResourcePolicy {
  /** `*` when the endpoint is a run-time value (`apiEndpoint` then holds its expression). */
  apiId: string;
  apiEndpoint?: string;
  region: string;
  /** The stages the calls use, joined with ", " (see `stages`). */
  stage: string;
  stages: string[];
  states: string[];
  /** The REST API's resource policy (account of the API). */
  policy: PolicyDocument;
  reminder: string;
}

export interface StartExecutionIntegration {
  apiId: string;
  region: string;
  stage: string;
  path: string;
  states: string[];
  /** The target state machine in the API's account, when the request body names it statically. */
  targetStateMachineArn?: string;
  integrationRole: { name: string; trustPolicy: PolicyDocument; policy: PolicyDocument };
  /** What the definition cannot tell (name -> description): parameters of the generated template. */
  parameters: Record<string, string>;
  /** OpenAPI 3 definition of `POST <path>` with the Step Functions StartExecution integration. */
  openApi: Record<string, unknown>;
}

export interface InvokerRoleKit {
  functionArn: string;
  roleArn: string;
  /** The invoker's ALLOWED_CALLS value that matches the definition (SDK v3 names). */
  allowedCalls: string;
  states: string[];
  trustPolicy: PolicyDocument;
  policy: PolicyDocument;
  /** Roles the invoker assumes (payload `assumeRoleArn`): their trust and permissions. */
  assumedRoles: CrossAccountKit[];
}

export interface IamKit {
  context: ResolvedContext;
  executionRole: { roleArn: string; trustPolicy: PolicyDocument; policy: PolicyDocument };
  crossAccount: CrossAccountKit[];
  apiGateway: { resourcePolicies: ApiResourcePolicy[]; startExecutionIntegrations: StartExecutionIntegration[] };
  invokerRole?: InvokerRoleKit;
  /** Per state: who runs it and the actions it needs. */
  states: Array<{ state: string; pointer: string; resource: string; runsAs: string; actions: string[] }>;
  wildcards: WildcardExplanation[];
  notes: string[];
}
