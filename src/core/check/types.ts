// The shapes of the live crossing checks: what a check reports (pass / fail / not checked, with its fix), and the
// read-only ports the checks call per account (implemented over the AWS SDK in src/aws/check). Pure: no SDK here.
import type { PolicyDocument } from '../iam/types';

export type CheckKind = 'credentials' | 'execution-role' | 'apigateway' | 'http' | 'invoker' | 'drift';
export type CheckStatus = 'pass' | 'fail' | 'not-checked';

export interface CheckFix {
  /** What to do with the document, e.g. `Add to the permissions of role X`. */
  label: string;
  /** The generated statement/policy (from the IAM generator) or setting value to copy. */
  text: string;
}

export interface CheckResult {
  /** Stable id of the check, e.g. `credentials.trust`. */
  id: string;
  kind: CheckKind;
  /** The state it is about (empty for whole-definition checks such as drift). */
  state: string;
  pointer: string;
  /** Offset/length in the definition text where an editor shows the result. */
  offset: number;
  length: number;
  /** The account whose side is checked. */
  account?: string;
  status: CheckStatus;
  /** For failures: `error` when the run will fail, `warning` when it may (or works unsafely). */
  severity?: 'error' | 'warning';
  message: string;
  fix?: CheckFix;
}

/** How an AWS read failed: `not-found` is an answer (the thing is missing); the others mean "could not check". */
export type CallFailure = 'not-found' | 'access-denied' | 'unsupported' | 'throttled' | 'credentials' | 'error';

export class CheckCallError extends Error {
  constructor(
    readonly failure: CallFailure,
    message: string,
    /** The IAM action of the read, e.g. `iam:GetRole`. */
    readonly action: string,
  ) {
    super(message);
    this.name = 'CheckCallError';
  }
}

export interface SimulationDecision {
  action: string;
  resource: string;
  decision: 'allowed' | 'explicitDeny' | 'implicitDeny';
}

export interface RestMethod {
  authorizationType: string;
  integration?: { type?: string; uri?: string; credentials?: string };
}

/** The read calls the checks make in ONE account; every method throws CheckCallError on failure. */
export interface AccountPorts {
  readonly account: string;
  /** Where the credentials come from (a profile name), for messages. */
  readonly source: string;
  getRoleTrust(roleName: string): Promise<string>;
  simulatePrincipal(
    principalArn: string,
    actions: string[],
    resources: string[],
    context: Record<string, string[]>,
  ): Promise<SimulationDecision[]>;
  simulateCustom(
    policies: string[],
    actions: string[],
    resources: string[],
    context: Record<string, string[]>,
  ): Promise<SimulationDecision[]>;
  /** The REST API's resource policy as JSON text (undefined when it has none). */
  getRestApiPolicy(region: string, apiId: string): Promise<string | undefined>;
  getStage(region: string, apiId: string, stage: string): Promise<void>;
  getMethod(region: string, apiId: string, path: string, method: string): Promise<RestMethod>;
  describeConnection(
    region: string,
    name: string,
  ): Promise<{ state: string; stateReason?: string; secretArn?: string }>;
  getFunctionConfiguration(
    region: string,
    name: string,
  ): Promise<{ roleArn: string; environment: Record<string, string> }>;
  describeStateMachine(arn: string): Promise<{ definition: string; roleArn: string }>;
}

/** Resolves the ports of an account, or says why there are none (no profile for it, its credentials failed). */
export interface CheckPorts {
  forAccount(account: string): Promise<AccountPorts | { missing: string }>;
}

export interface CheckOptions {
  /** The deployed state machine (gives the ExternalId, the drift check and, when not given, the execution role). */
  stateMachineArn?: string;
  executionRoleArn?: string;
  /** Region of the state machine when only the execution role is given. */
  region?: string;
  invokerArn?: string;
  invokerNames?: string[];
}

export interface CheckReport {
  stateMachineArn?: string;
  executionRoleArn?: string;
  results: CheckResult[];
  summary: { pass: number; fail: number; notChecked: number };
}

export type { PolicyDocument };
