// The one message protocol between the Crossings panel host (src/extension/panel/) and its page
// (webview/): the view model the host sends, a discriminated union per direction, and a run-time
// validator for each direction. Both sides drop (and log) anything the validators reject. This file
// has no DOM and no vscode dependency so both bundles import it.

// ---------------------------------------------------------------------------------------------
// View model (host -> page): a small serializable picture of one definition.
// ---------------------------------------------------------------------------------------------

export type CrossingKindView = 'cross-region' | 'cross-account' | 'api-gateway' | 'http';
export const CROSSING_KINDS: readonly CrossingKindView[] = ['cross-region', 'cross-account', 'api-gateway', 'http'];

export type ScopeKindView = 'root' | 'branch' | 'itemProcessor' | 'iterator';
export const SCOPE_KINDS: readonly ScopeKindView[] = ['root', 'branch', 'itemProcessor', 'iterator'];

export type EdgeKind = 'next' | 'default' | 'choice' | 'catch' | 'branch';
export const EDGE_KINDS: readonly EdgeKind[] = ['next', 'default', 'choice', 'catch', 'branch'];

export type GroupKind = 'region' | 'account' | 'endpoint';
export const GROUP_KINDS: readonly GroupKind[] = ['region', 'account', 'endpoint'];

export const NODE_SEVERITIES = ['error', 'warning', 'info', ''] as const;
export type NodeSeverity = (typeof NODE_SEVERITIES)[number];

export interface GraphNodeView {
  /** JSON pointer of the state (unique; also what `revealState` sends back). */
  id: string;
  name: string;
  /** The state's Type ('' when missing). */
  type: string;
  /** Pointer of the scope the state belongs to. */
  scope: string;
  /** Is this the StartAt of its scope? */
  start: boolean;
  /** Findings whose path is inside the state (errors + warnings + infos). */
  findings: number;
  /** The most severe of those findings ('' when there are none): picks the node's icon. */
  severity: NodeSeverity;
  /** Index into `groups` of the crossing group the state belongs to (-1 when it crosses nothing). */
  group: number;
}

export interface GraphEdgeView {
  from: string;
  to: string;
  kind: EdgeKind;
}

export interface ScopeView {
  id: string;
  kind: ScopeKindView;
  /** Pointer of the Parallel/Map state owning the scope ('' for the root). */
  owner: string;
  /** Pointer of the scope's StartAt state ('' when unresolved). */
  start: string;
}

export interface CrossingGroupView {
  kind: GroupKind;
  /** e.g. 'us-west-2', '222233334444', 'abc123.execute-api.eu-west-1.amazonaws.com'. */
  target: string;
  /** Pointers of the states in this group. */
  states: string[];
}

export interface CrossingRowView {
  state: string;
  pointer: string;
  kind: CrossingKindView;
  target: string;
  auth: string;
  findings: number;
  actions: string[];
}

export interface IamDocumentView {
  /** Stable id the page sends back with `copyDocument` / `openDocument`. */
  id: string;
  title: string;
  /** One line saying where the document goes (e.g. "Attach to the state machine's execution role"). */
  description: string;
  /** The document as pretty-printed JSON. */
  text: string;
}

export interface IamView {
  /** 'ready': documents generated; 'unavailable': the generator is missing or failed (see message). */
  status: 'ready' | 'unavailable';
  message: string;
  documents: IamDocumentView[];
}

export interface DeployView {
  /** False when the deploy engine is not available in this build (see message). */
  available: boolean;
  message: string;
  profiles: string[];
  profile: string;
  region: string;
  functionName: string;
  /** `service:action` calls found in the definition's invoker tasks. */
  allowedCalls: string[];
}

export interface FindingCountsView {
  errors: number;
  warnings: number;
  infos: number;
}

export interface ViewModel {
  /** Document label (file name) and its URI string. */
  title: string;
  uri: string;
  /** The document version the view model was built from. */
  version: number;
  /** False when the text is not a state machine (the page shows `message`). */
  valid: boolean;
  message: string;
  findings: FindingCountsView;
  scopes: ScopeView[];
  nodes: GraphNodeView[];
  edges: GraphEdgeView[];
  groups: CrossingGroupView[];
  crossings: CrossingRowView[];
  iam: IamView;
  deploy: DeployView;
}

/** The "Live check" section (issue 17): the last "Check crossings against AWS" of the shown definition. */
export type LiveCheckStatusView = 'idle' | 'running' | 'done' | 'failed';
export const LIVE_CHECK_STATUSES: readonly LiveCheckStatusView[] = ['idle', 'running', 'done', 'failed'];
export type LiveCheckResultStatus = 'pass' | 'fail' | 'not-checked';
export const LIVE_CHECK_RESULT_STATUSES: readonly LiveCheckResultStatus[] = ['pass', 'fail', 'not-checked'];

export interface LiveCheckRowView {
  status: LiveCheckResultStatus;
  /** 'error' | 'warning' for failures, '' otherwise. */
  severity: string;
  /** Check id, e.g. `credentials.trust`. */
  check: string;
  state: string;
  pointer: string;
  account: string;
  message: string;
  /** The fix's label ('' when none); the page asks the host to copy it by row index. */
  fix: string;
}

export interface LiveCheckView {
  status: LiveCheckStatusView;
  /** A summary or the failure's one line. */
  message: string;
  rows: LiveCheckRowView[];
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

export interface DeployRequest {
  profile: string;
  region: string;
  functionName: string;
  allowedCalls: string[];
}

export type DeployStepStatus = 'running' | 'done' | 'skipped' | 'failed';
export const DEPLOY_STEP_STATUSES: readonly DeployStepStatus[] = ['running', 'done', 'skipped', 'failed'];

/** Messages the host sends to the page. */
export type HostMessage =
  /** Sent after `ready` and whenever the definition changes (debounced). */
  | { type: 'update'; model: ViewModel }
  /** Sent when there is no ASL editor to show. */
  | { type: 'empty'; message: string }
  /** One deploy step changed (live progress). */
  | { type: 'deployProgress'; step: string; status: DeployStepStatus; message: string }
  /** The deploy ended (ok, failed, cancelled or not available). */
  | { type: 'deployResult'; ok: boolean; message: string; functionArn: string }
  /** The host copied a document to the clipboard (the page confirms it to the user). */
  | { type: 'copied'; id: string }
  /** The live check of the shown definition changed (running, done, failed). */
  | { type: 'liveCheck'; check: LiveCheckView };

/** Messages the page sends to the host. */
export type PageMessage =
  /** The page's script runs and listens: the host may post now. */
  | { type: 'ready' }
  /** The user picked a state in the map or the table: reveal it in the editor. */
  | { type: 'revealState'; pointer: string }
  /** Copy the IAM document `id` of the current view model to the clipboard. */
  | { type: 'copyDocument'; id: string }
  /** Open the IAM document `id` as an untitled JSON document. */
  | { type: 'openDocument'; id: string }
  /** Deploy the invoker with these settings. */
  | { type: 'deploy'; request: DeployRequest }
  /** Stop the running deploy between steps. */
  | { type: 'cancelDeploy' }
  /** Run "Check crossings against AWS" on the shown definition. */
  | { type: 'runLiveCheck' }
  /** Copy the fix of live-check row `index` to the clipboard. */
  | { type: 'copyCheckFix'; index: number };

// ---------------------------------------------------------------------------------------------
// Run-time validation: small composable checks, no dependency.
// ---------------------------------------------------------------------------------------------

type Check = (value: unknown) => boolean;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => typeof v === 'string';
const bool: Check = (v) => typeof v === 'boolean';
const int: Check = (v) => typeof v === 'number' && Number.isInteger(v);
const count: Check = (v) => int(v) && (v as number) >= 0;
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);
const arrayOf =
  (item: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(item);
const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    isRecord(v) && Object.entries(fields).every(([k, check]) => check(v[k]));

const nodeView = shape({
  id: str,
  name: str,
  type: str,
  scope: str,
  start: bool,
  findings: count,
  severity: oneOf(NODE_SEVERITIES),
  group: int,
});
const edgeView = shape({ from: str, to: str, kind: oneOf(EDGE_KINDS) });
const scopeView = shape({ id: str, kind: oneOf(SCOPE_KINDS), owner: str, start: str });
const groupView = shape({ kind: oneOf(GROUP_KINDS), target: str, states: arrayOf(str) });
const crossingView = shape({
  state: str,
  pointer: str,
  kind: oneOf(CROSSING_KINDS),
  target: str,
  auth: str,
  findings: count,
  actions: arrayOf(str),
});
const iamDocumentView = shape({ id: str, title: str, description: str, text: str });
const iamView = shape({ status: oneOf(['ready', 'unavailable']), message: str, documents: arrayOf(iamDocumentView) });
const deployView = shape({
  available: bool,
  message: str,
  profiles: arrayOf(str),
  profile: str,
  region: str,
  functionName: str,
  allowedCalls: arrayOf(str),
});
const viewModel = shape({
  title: str,
  uri: str,
  version: int,
  valid: bool,
  message: str,
  findings: shape({ errors: count, warnings: count, infos: count }),
  scopes: arrayOf(scopeView),
  nodes: arrayOf(nodeView),
  edges: arrayOf(edgeView),
  groups: arrayOf(groupView),
  crossings: arrayOf(crossingView),
  iam: iamView,
  deploy: deployView,
});

const liveCheckRow = shape({
  status: oneOf(LIVE_CHECK_RESULT_STATUSES),
  severity: str,
  check: str,
  state: str,
  pointer: str,
  account: str,
  message: str,
  fix: str,
});
const liveCheckView = shape({ status: oneOf(LIVE_CHECK_STATUSES), message: str, rows: arrayOf(liveCheckRow) });

/** Group indexes must point into `groups`, edges at known nodes: a model the page can draw safely. */
function consistent(model: ViewModel): boolean {
  const ids = new Set(model.nodes.map((n) => n.id));
  if (ids.size !== model.nodes.length) return false;
  return (
    model.nodes.every((n) => n.group >= -1 && n.group < model.groups.length) &&
    model.edges.every((e) => ids.has(e.from) && ids.has(e.to))
  );
}

const hostChecks: Record<HostMessage['type'], Check> = {
  update: (m) => isRecord(m) && viewModel(m.model) && consistent(m.model as ViewModel),
  empty: shape({ message: str }),
  deployProgress: shape({ step: str, status: oneOf(DEPLOY_STEP_STATUSES), message: str }),
  deployResult: shape({ ok: bool, message: str, functionArn: str }),
  copied: shape({ id: str }),
  liveCheck: shape({ check: liveCheckView }),
};

const nonEmpty: Check = (v) => typeof v === 'string' && v.length > 0 && v.length <= 4096;
const pageChecks: Record<PageMessage['type'], Check> = {
  ready: () => true,
  revealState: shape({ pointer: (v) => typeof v === 'string' && v.length <= 4096 }),
  copyDocument: shape({ id: nonEmpty }),
  openDocument: shape({ id: nonEmpty }),
  deploy: shape({
    request: shape({ profile: str, region: str, functionName: str, allowedCalls: arrayOf(str) }),
  }),
  cancelDeploy: () => true,
  runLiveCheck: () => true,
  copyCheckFix: shape({ index: count }),
};

export type Validation<T> = { ok: true; message: T } | { ok: false; reason: string };

function validate<T>(checks: Record<string, Check>, value: unknown): Validation<T> {
  if (!isRecord(value)) return { ok: false, reason: 'not an object' };
  const type = value.type;
  if (typeof type !== 'string') return { ok: false, reason: 'no string "type"' };
  if (!Object.prototype.hasOwnProperty.call(checks, type)) return { ok: false, reason: `unknown type "${type}"` };
  if (!checks[type]!(value)) return { ok: false, reason: `malformed "${type}" message` };
  return { ok: true, message: value as T };
}

/** Validates a message the page received from the host. */
export function parseHostMessage(value: unknown): Validation<HostMessage> {
  return validate<HostMessage>(hostChecks, value);
}

/** Validates a message the host received from the page. */
export function parsePageMessage(value: unknown): Validation<PageMessage> {
  return validate<PageMessage>(pageChecks, value);
}

/** Short description of a rejected value for logs (never the whole payload). */
export function describeRejected(value: unknown): string {
  if (isRecord(value)) return `{type: ${JSON.stringify(String(value.type)).slice(0, 60)}}`;
  return Array.isArray(value) ? 'array' : typeof value;
}
