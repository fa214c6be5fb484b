// The Crossings panel's view model builder: turns one analysis (model + findings) and the crossing
// inventory into the small serializable picture the page draws (graph, crossing groups, table rows,
// IAM documents, deploy defaults). Pure: no vscode import, so unit tests and the Chromium test use it.
import { analyze, type Analysis, type AnalyzeOptions } from '../../core/lint';
import type { AslModel, StateInfo } from '../../core/model/model';
import { prop, stringValue, type AstNode } from '../../core/parse/ast';
import { listCrossings } from '../../core/crossings/inventory';
import type { Crossing } from '../../core/crossings/types';
import { DEFAULT_INVOKER_FUNCTION_NAME } from '../../core/invokerName';
import type {
  CrossingGroupView,
  CrossingRowView,
  DeployView,
  EdgeKind,
  GraphEdgeView,
  GraphNodeView,
  GroupKind,
  IamView,
  NodeSeverity,
  ScopeView,
  ViewModel,
} from '../../../webview/protocol';

/** Produces the IAM documents for a model (the IAM generator adapter); may throw. */
export type IamProvider = (model: AslModel, crossings: Crossing[], title: string) => IamView;

export interface ViewModelInput {
  analysis: Analysis;
  title: string;
  uri: string;
  version: number;
  invokerNames?: string[];
  iam?: IamProvider;
  /** Host facts for the deploy form (availability, profiles, default region). */
  deploy?: Partial<Pick<DeployView, 'available' | 'message' | 'profiles' | 'profile' | 'region' | 'functionName'>>;
}

export const IAM_PLACEHOLDER: IamView = {
  status: 'unavailable',
  message: 'IAM generation is not available in this build yet.',
  documents: [],
};

const NOT_A_STATE_MACHINE = 'This document is not a state machine definition (it needs StartAt and States).';

/** Convenience for tests and the CLI: analyse `text`, then build its view model. */
export function viewModelFromText(
  text: string,
  options: Omit<ViewModelInput, 'analysis'> & { analyzeOptions?: AnalyzeOptions },
): ViewModel {
  const analysis = analyze(text, { ...options.analyzeOptions, invokerNames: options.invokerNames });
  return buildViewModel({ ...options, analysis });
}

export function buildViewModel(input: ViewModelInput): ViewModel {
  const { analysis } = input;
  const findings = { errors: 0, warnings: 0, infos: 0 };
  for (const f of analysis.findings) {
    if (f.severity === 'error') findings.errors++;
    else if (f.severity === 'warning') findings.warnings++;
    else findings.infos++;
  }
  const model = analysis.model;
  const base = { title: input.title, uri: input.uri, version: input.version, findings };
  const deploy = deployView(input, []);
  if (!model || !prop(model.root, 'States')) {
    return {
      ...base,
      valid: false,
      message: NOT_A_STATE_MACHINE,
      scopes: [],
      nodes: [],
      edges: [],
      groups: [],
      crossings: [],
      iam: IAM_PLACEHOLDER,
      deploy,
    };
  }

  const findingsByState = countFindings(model, analysis);
  let crossings: Crossing[] = [];
  let crossingsError = '';
  try {
    crossings = listCrossings(model, { invokerNames: input.invokerNames });
  } catch (e) {
    crossingsError = `The crossing inventory failed: ${(e as Error).message}`;
  }
  const { groups, groupOf } = groupCrossings(crossings);

  const nodes: GraphNodeView[] = [];
  const edges: GraphEdgeView[] = [];
  const scopes: ScopeView[] = model.scopes.map((scope) => {
    const startName = stringValue(prop(scope.node, 'StartAt')?.value);
    const start = startName !== undefined ? scope.states.get(startName) : undefined;
    return { id: scope.pointer, kind: scope.kind, owner: scope.owner?.pointer ?? '', start: start?.pointer ?? '' };
  });
  const starts = new Set(scopes.map((s) => s.start).filter(Boolean));
  for (const state of model.states) {
    nodes.push({
      id: state.pointer,
      name: state.name,
      type: state.type ?? '',
      scope: state.scope.pointer,
      start: starts.has(state.pointer),
      findings: findingsByState.get(state.pointer)?.count ?? 0,
      severity: findingsByState.get(state.pointer)?.severity ?? '',
      group: groupOf.get(state.pointer) ?? -1,
    });
    edgesOf(state, edges);
  }
  for (const scope of scopes)
    if (scope.owner && scope.start) edges.push({ from: scope.owner, to: scope.start, kind: 'branch' });

  // The table lists crossings in the order they appear in the text.
  const offsets = new Map(model.states.map((s) => [s.pointer, s.entry.keyOffset]));
  const ordered = crossings
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (offsets.get(a.c.pointer) ?? 0) - (offsets.get(b.c.pointer) ?? 0) || a.i - b.i);
  const rows: CrossingRowView[] = ordered.map(({ c }) => ({
    state: c.state,
    pointer: c.pointer,
    kind: c.kind,
    target: c.target,
    auth: c.auth,
    findings: findingsByState.get(c.pointer)?.count ?? 0,
    actions: [...c.actions],
  }));

  let iam: IamView = IAM_PLACEHOLDER;
  if (input.iam) {
    try {
      iam = input.iam(model, crossings, input.title);
    } catch (e) {
      iam = { status: 'unavailable', message: `IAM generation failed: ${(e as Error).message}`, documents: [] };
    }
  }

  return {
    ...base,
    valid: true,
    message: crossingsError,
    scopes,
    nodes,
    edges,
    groups,
    crossings: rows,
    iam,
    deploy: deployView(input, crossings),
  };
}

/** Next, Default, Choices[].Next and Catch[].Next of one state, resolved inside its scope. */
function edgesOf(state: StateInfo, out: GraphEdgeView[]): void {
  const node = state.node;
  if (!node) return;
  const add = (target: AstNode | undefined, kind: EdgeKind) => {
    const name = stringValue(target);
    const to = name !== undefined ? state.scope.states.get(name) : undefined;
    if (to) out.push({ from: state.pointer, to: to.pointer, kind });
  };
  add(prop(node, 'Next')?.value, 'next');
  add(prop(node, 'Default')?.value, 'default');
  const choices = prop(node, 'Choices')?.value;
  if (choices?.kind === 'array') for (const c of choices.items) add(prop(c, 'Next')?.value, 'choice');
  const catches = prop(node, 'Catch')?.value;
  if (catches?.kind === 'array') for (const c of catches.items) add(prop(c, 'Next')?.value, 'catch');
}

/** Findings per state, each counted once on the innermost state whose pointer contains its path. */
const RANK: Record<NodeSeverity, number> = { error: 3, warning: 2, info: 1, '': 0 };

/** Per state pointer: how many findings lie inside the state, and the most severe of them. */
function countFindings(model: AslModel, analysis: Analysis): Map<string, { count: number; severity: NodeSeverity }> {
  const states = new Set(model.states.map((s) => s.pointer));
  const counts = new Map<string, { count: number; severity: NodeSeverity }>();
  for (const f of analysis.findings) {
    let path = f.path;
    while (path) {
      if (states.has(path)) {
        const c: { count: number; severity: NodeSeverity } = counts.get(path) ?? { count: 0, severity: '' };
        c.count++;
        if (RANK[f.severity] > RANK[c.severity]) c.severity = f.severity;
        counts.set(path, c);
        break;
      }
      const cut = path.lastIndexOf('/');
      if (cut < 0) break;
      path = path.slice(0, cut);
    }
  }
  return counts;
}

/** Where a crossing goes, as map groups: region, account (or role), API endpoint host. An invoker call
 * that assumes a role crosses a region and an account at once, so it belongs to both groups. */
export function groupKeys(c: Crossing): Array<{ kind: GroupKind; target: string }> {
  switch (c.kind) {
    case 'cross-region': {
      const keys: Array<{ kind: GroupKind; target: string }> = [
        { kind: 'region', target: c.region ?? 'region chosen at run time' },
      ];
      if (c.account || c.roleArn) keys.push({ kind: 'account', target: c.account ?? c.roleArn! });
      return keys;
    }
    case 'cross-account':
      return [{ kind: 'account', target: c.account ?? c.roleArn ?? c.target }];
    case 'api-gateway':
      return [{ kind: 'endpoint', target: c.endpoint ?? c.target }];
    case 'http':
      return [{ kind: 'endpoint', target: hostOf(c.endpoint) ?? c.target }];
  }
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

function groupCrossings(crossings: Crossing[]): { groups: CrossingGroupView[]; groupOf: Map<string, number> } {
  const groups: CrossingGroupView[] = [];
  const byKey = new Map<string, number>();
  const groupOf = new Map<string, number>();
  for (const c of crossings) {
    for (const { kind, target } of groupKeys(c)) {
      const key = `${kind}\n${target}`;
      let i = byKey.get(key);
      if (i === undefined) {
        i = groups.length;
        byKey.set(key, i);
        groups.push({ kind, target, states: [] });
      }
      const group = groups[i]!;
      if (!group.states.includes(c.pointer)) group.states.push(c.pointer);
      // A state that crosses several boundaries is drawn in the colour of its first group (it is listed in all).
      if (!groupOf.has(c.pointer)) groupOf.set(c.pointer, i);
    }
  }
  return { groups, groupOf };
}

function deployView(input: ViewModelInput, crossings: Crossing[]): DeployView {
  const calls = new Set<string>();
  let functionName: string | undefined;
  let region: string | undefined;
  for (const c of crossings) {
    if (c.kind !== 'cross-region') continue;
    if (c.service && c.operation) calls.add(`${c.service}:${c.operation}`);
    // The invoker runs in the state machine's region; a function ARN in the definition tells us which.
    for (const arn of [c.invokerFunction, c.resource]) {
      const parts = arn?.startsWith('arn:') ? arn.split(':') : [];
      if (parts[2] !== 'lambda') continue;
      region ??= parts[3] || undefined;
      functionName ??= parts[6] || undefined;
    }
    if (c.invokerFunction && !c.invokerFunction.startsWith('arn:')) functionName ??= c.invokerFunction.split(':')[0];
  }
  const d = input.deploy ?? {};
  return {
    available: d.available ?? false,
    message: d.message ?? 'The invoker deployment is not available in this build.',
    profiles: d.profiles ?? [],
    profile: d.profile ?? '',
    region: region ?? d.region ?? '',
    functionName: functionName ?? d.functionName ?? DEFAULT_INVOKER_FUNCTION_NAME,
    allowedCalls: [...calls].sort(),
  };
}
