// "Test this state": runs one state of the definition with TestState. The state comes from the CodeLens (its JSON
// pointer), the cursor, or a picker; the input from `.sfn-crossings/inputs/<State>.json` (asked once and saved as a
// new file) or an argument; variables the state reads likewise; the role (Task states) from the argument, the one
// remembered for this workspace, the picked deployed machine's execution role, or an input box. http:invoke runs at
// TRACE. The result (output, error, cause, next state, inspection data) opens in a read-only view and the log.
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import type { StateInfo } from '../../core/model/model';
import type { TestStateResult } from '../../aws/sfnClient';
import { readDeployedMachine } from './deployedMachine';
import type { TestResultView } from './resultView';
import { connect, resolveTarget, showFailure, type RemoteArgs } from './service';
import { describeEndpoint } from './htmlAnswer';
import { stateInput, stateVariables, type SavedText } from './stateInputs';
import { documentFor } from './validateCommand';

export interface TestStateArgs extends RemoteArgs {
  uri?: string | vscode.Uri;
  /** The state's JSON pointer (`/States/A`) or name. */
  state?: string;
  /** The input: JSON text, or a value to serialize. */
  input?: unknown;
  /** The variables: a JSON object's text, or the object. */
  variables?: unknown;
  roleArn?: string;
  revealSecrets?: boolean;
}

export type TestStateOutcome =
  | { ok: true; result: TestStateResult; markdown: string; view: vscode.TextDocument; inputSource: string }
  | { ok: false; message: string };

export const ROLE_KEY = 'sfnCrossings.testState.roleArn';

function stateAtCursor(states: StateInfo[], document: vscode.TextDocument): StateInfo | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document !== document) return undefined;
  const offset = document.offsetAt(editor.selection.active);
  let best: StateInfo | undefined;
  for (const s of states) {
    const end = s.entry.value.offset + s.entry.value.length;
    if (s.entry.keyOffset <= offset && offset <= end && (!best || s.entry.keyOffset >= best.entry.keyOffset)) best = s;
  }
  return best;
}

async function pickState(
  states: StateInfo[],
  document: vscode.TextDocument,
  testable: ReadonlySet<string>,
): Promise<StateInfo | undefined> {
  const candidates = states.filter((s) => s.type && testable.has(s.type));
  const here = stateAtCursor(candidates, document);
  if (here) return here;
  if (candidates.length === 1) return candidates[0];
  const picked = await vscode.window.showQuickPick(
    candidates.map((s) => ({
      label: s.name,
      description: `${s.type}${s.scope.kind === 'root' ? '' : ` · in ${s.scope.owner?.name}`}`,
      state: s,
    })),
    { title: 'Test a state with Step Functions', placeHolder: 'The state to run' },
  );
  return picked?.state;
}

function asJsonText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

async function roleFor(
  ctx: ExtensionContextLike,
  args: TestStateArgs,
  needed: boolean,
  rolePattern: RegExp,
): Promise<string | undefined | null> {
  const state = ctx.extension.workspaceState;
  if (args.roleArn) {
    await state.update(ROLE_KEY, args.roleArn);
    return args.roleArn;
  }
  const saved = state.get<string>(ROLE_KEY);
  if (saved || !needed) return saved;
  const answer = await vscode.window.showInputBox({
    title: 'Role TestState runs the Task as (remembered for this workspace)',
    value: readDeployedMachine(state)?.executionRoleArn ?? '',
    placeHolder: 'arn:aws:iam::123456789012:role/my-state-machine-role',
    validateInput: (v) =>
      rolePattern.test(v.trim()) ? undefined : 'an IAM role ARN: arn:aws:iam::<account>:role/<name>',
    ignoreFocusOut: true,
  });
  if (answer === undefined) return null;
  await state.update(ROLE_KEY, answer.trim());
  return answer.trim();
}

export async function testState(
  ctx: ExtensionContextLike,
  view: TestResultView,
  args: TestStateArgs = {},
): Promise<TestStateOutcome> {
  const what = 'Test this state';
  const cancelled = { ok: false as const, message: 'cancelled' };
  const document = await documentFor(ctx, args.uri);
  if (!document) {
    const message = 'open a state machine definition (ASL JSON or YAML) first';
    void vscode.window.showWarningMessage(`${what}: ${message}`);
    return { ok: false, message };
  }
  const [{ findState, planTestState, TESTABLE_TYPES, ROLE_ARN }, { testStateMarkdown, testStateSummary, prettyJson }] =
    await Promise.all([import('../../aws/sfnTestState'), import('../../aws/sfnResults')]);
  // Where the calls go, once known: an HTML answer is reported with it.
  let endpoint: string | undefined;
  try {
    const model = ctx.analyze(document).model;
    if (!model) throw new Error('the definition does not parse: fix the problems first');
    const state = args.state ? findState(model, args.state) : await pickState(model.states, document, TESTABLE_TYPES);
    if (!state) {
      if (!args.state) return cancelled;
      throw new Error(`there is no state ${args.state} in ${vscode.workspace.asRelativePath(document.uri)}`);
    }
    const plan = planTestState(state);
    if ('error' in plan) throw new Error(plan.error);
    const target = await resolveTarget(ctx, args);
    if (!target) return cancelled;
    endpoint = describeEndpoint(target.endpointUrl, target.region);
    const { ports, region } = await connect(target);
    endpoint = describeEndpoint(target.endpointUrl, region);
    const input: SavedText | undefined =
      args.input !== undefined
        ? { text: asJsonText(args.input), source: 'argument' }
        : await stateInput(document, state.name);
    if (!input) return cancelled;
    let variables: SavedText | undefined;
    if (args.variables !== undefined) variables = { text: asJsonText(args.variables), source: 'argument' };
    else if (plan.variables.length) {
      variables = await stateVariables(document, state.name, plan.variables);
      if (!variables) return cancelled;
    }
    const roleArn = await roleFor(ctx, args, plan.needsRole, ROLE_ARN);
    if (roleArn === null) return cancelled;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `TestState ${state.name} (${region})…` },
      () =>
        ports.testState({
          definition: plan.definition,
          input: input.text,
          inspectionLevel: plan.inspectionLevel,
          ...(roleArn ? { roleArn } : {}),
          ...(variables ? { variables: variables.text } : {}),
          ...(args.revealSecrets ? { revealSecrets: true } : {}),
        }),
    );
    const markdown = testStateMarkdown(result, {
      stateName: state.name,
      region,
      inspectionLevel: plan.inspectionLevel,
      inputSource: input.source,
    });
    const summary = testStateSummary(result, state.name);
    ctx.log.info(`${summary} (${region}, ${plan.inspectionLevel}, input from ${input.source})`);
    if (result.output !== undefined) ctx.log.info(`Output of ${state.name}:\n${prettyJson(result.output)}`);
    const shown = await view.show(state.name, markdown);
    const ok = result.status === 'SUCCEEDED' || result.status === 'CAUGHT_ERROR';
    if (ok) void vscode.window.showInformationMessage(summary);
    else void vscode.window.showWarningMessage(summary);
    return { ok: true, result, markdown, view: shown, inputSource: input.source };
  } catch (e) {
    return { ok: false, message: showFailure(ctx, what, e, endpoint) };
  }
}
