// What a crossing is: a state whose work happens across a boundary (another region, account, or an
// HTTP API). The inventory (listCrossings) feeds hover, CodeLens, IAM generation and the panel.
export type CrossingKind = 'cross-region' | 'cross-account' | 'api-gateway' | 'http';

export interface Crossing {
  /** State name and JSON pointer of the state object. */
  state: string;
  pointer: string;
  kind: CrossingKind;
  /** Human-readable target: a region, a role ARN/account, an API endpoint host, or a URL. */
  target: string;
  /** How it authenticates: e.g. 'Credentials role', 'IAM_ROLE', 'RESOURCE_POLICY', 'EventBridge connection', 'invoker Lambda'. */
  auth: string;
  region?: string;
  account?: string;
  roleArn?: string;
  endpoint?: string;
  /** The IAM actions the task needs (e.g. ['sts:AssumeRole', 's3:GetObject']). */
  actions: string[];
  /** The state's Resource as written. */
  resource?: string;
  /** The SDK call, when there is one: invoker payload `service`/`action` (SDK v3 names), or an `aws-sdk:` task's. */
  service?: string;
  operation?: string;
  /** The invoker Lambda's function name (cross-region crossings). */
  invokerFunction?: string;
}
