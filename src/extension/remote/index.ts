// The remote feature (issue 8): "Validate with Step Functions", "Test this state" (command + CodeLens), "Pick a
// deployed state machine" and "Choose AWS profile and region". Registration is cheap: the AWS SDK loads on the
// first command. Commands take one optional argument object (file, state, region, profile...) so they also run
// without prompts (tests, keybindings).
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import { TEST_STATE_COMMAND, TestStateCodeLens } from './codeLens';
import { pickStateMachine, type PickStateMachineArgs } from './pickStateMachine';
import { TestResultView } from './resultView';
import { chooseTarget } from './service';
import { testState, type TestStateArgs } from './testStateCommand';
import { ServiceDiagnostics, validateRemote, type ValidateRemoteArgs } from './validateCommand';

export const REMOTE_COMMANDS = {
  validate: 'sfnCrossings.validateRemote',
  testState: TEST_STATE_COMMAND,
  pickStateMachine: 'sfnCrossings.pickStateMachine',
  chooseTarget: 'sfnCrossings.remote.chooseAwsTarget',
} as const;

const SELECTOR: vscode.DocumentSelector = ['asl', 'asl-yaml', 'json', 'jsonc', 'yaml'].map((language) => ({
  language,
}));

/** A command's argument when it is our argument object (not the URI VS Code passes from menus). */
function argsOf<T>(arg: unknown): T {
  if (arg instanceof vscode.Uri) return { uri: arg } as T;
  return (arg && typeof arg === 'object' ? arg : {}) as T;
}

export function registerRemote(ctx: ExtensionContextLike): void {
  const service = new ServiceDiagnostics();
  const view = new TestResultView();
  const lenses = new TestStateCodeLens(ctx);
  ctx.extension.subscriptions.push(
    service,
    view,
    lenses,
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    vscode.commands.registerCommand(REMOTE_COMMANDS.validate, (arg?: unknown) =>
      validateRemote(ctx, service, argsOf<ValidateRemoteArgs>(arg)),
    ),
    vscode.commands.registerCommand(REMOTE_COMMANDS.testState, (arg?: unknown) =>
      testState(ctx, view, argsOf<TestStateArgs>(arg)),
    ),
    vscode.commands.registerCommand(REMOTE_COMMANDS.pickStateMachine, (arg?: unknown) =>
      pickStateMachine(ctx, argsOf<PickStateMachineArgs>(arg)),
    ),
    vscode.commands.registerCommand(REMOTE_COMMANDS.chooseTarget, () => chooseTarget(ctx)),
  );
}
