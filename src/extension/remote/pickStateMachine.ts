// "Pick a deployed state machine": lists the region's state machines (ListStateMachines, every page), lets the user
// pick one and reads its execution role (DescribeStateMachine). Both ARNs go where the IAM commands read them: the
// IAM feature's remembered context of the open definition (IamContextStore, src/extension/iam), and
// ./deployedMachine for the workspace (TestState suggests that role too).
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import { IamContextStore } from '../iam/iamContext';
import { saveDeployedMachine, type DeployedMachine } from './deployedMachine';
import { connect, resolveTarget, showFailure, type RemoteArgs } from './service';
import { documentFor } from './validateCommand';

export interface PickStateMachineArgs extends RemoteArgs {
  /** Skip the picker: this state machine's ARN. */
  arn?: string;
  /** The definition the ARNs are for (default: the active editor's, when it is one). */
  uri?: string | vscode.Uri;
}

export type PickStateMachineOutcome =
  { ok: true; machine: DeployedMachine; linkedTo?: vscode.Uri } | { ok: false; message: string };

export async function pickStateMachine(
  ctx: ExtensionContextLike,
  args: PickStateMachineArgs = {},
): Promise<PickStateMachineOutcome> {
  const what = 'Pick a deployed state machine';
  try {
    const target = await resolveTarget(ctx, args);
    if (!target) return { ok: false, message: 'cancelled' };
    const { ports, region, profile } = await connect(target);
    let arn = args.arn;
    if (!arn) {
      const machines = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Listing state machines in ${region}…` },
        () => ports.listStateMachines(),
      );
      if (!machines.length) {
        const message = `no state machine in ${region}${profile ? ` (profile ${profile})` : ''}`;
        void vscode.window.showInformationMessage(`${what}: ${message}`);
        return { ok: false, message };
      }
      const picked = await vscode.window.showQuickPick(
        machines.map((m) => ({ label: m.name, description: m.type, detail: m.arn, arn: m.arn })),
        {
          title: `State machines in ${region}`,
          placeHolder: 'The state machine whose ARNs the IAM commands use',
          matchOnDetail: true,
        },
      );
      if (!picked) return { ok: false, message: 'cancelled' };
      arn = picked.arn;
    }
    const details = await ports.describeStateMachine(arn);
    const machine: DeployedMachine = {
      stateMachineArn: details.arn,
      executionRoleArn: details.roleArn,
      name: details.name,
      type: details.type,
      region,
      ...(profile ? { profile } : {}),
    };
    await saveDeployedMachine(ctx.extension.workspaceState, machine);
    const document = await documentFor(ctx, args.uri);
    if (document) {
      const iam = new IamContextStore(ctx.extension.workspaceState);
      await iam.remember(document.uri, {
        ...iam.remembered(document.uri),
        stateMachineArn: machine.stateMachineArn,
        executionRoleArn: machine.executionRoleArn,
      });
    }
    const forWhat = document ? ` for ${vscode.workspace.asRelativePath(document.uri)}` : '';
    ctx.log.info(`${what}: ${machine.stateMachineArn} runs as ${machine.executionRoleArn}${forWhat}`);
    void vscode.window.showInformationMessage(
      `Using ${machine.name} (${machine.type}) and its execution role ${machine.executionRoleArn} in the IAM commands${forWhat}.`,
    );
    return { ok: true, machine, ...(document ? { linkedTo: document.uri } : {}) };
  } catch (e) {
    return { ok: false, message: showFailure(ctx, what, e) };
  }
}
