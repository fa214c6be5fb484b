// The deployed state machine the user picked ("Pick a deployed state machine"): its ARN and execution role ARN,
// kept per workspace (workspaceState) for the IAM commands, which read them with `readDeployedMachine`. ARNs and
// names only: nothing secret. One key, one shape, shared by the remote and IAM features.
import type * as vscode from 'vscode';

export const DEPLOYED_MACHINE_KEY = 'sfnCrossings.deployedStateMachine';

export interface DeployedMachine {
  stateMachineArn: string;
  /** The execution role the state machine runs as (DescribeStateMachine roleArn). */
  executionRoleArn: string;
  name: string;
  type: string;
  region: string;
  /** The profile it was read with, when one was chosen. */
  profile?: string;
}

function isDeployedMachine(v: unknown): v is DeployedMachine {
  const m = v as Partial<DeployedMachine> | undefined;
  return typeof m?.stateMachineArn === 'string' && typeof m.executionRoleArn === 'string' && typeof m.name === 'string';
}

export function readDeployedMachine(state: vscode.Memento): DeployedMachine | undefined {
  const v = state.get<unknown>(DEPLOYED_MACHINE_KEY);
  return isDeployedMachine(v) ? v : undefined;
}

export async function saveDeployedMachine(state: vscode.Memento, machine: DeployedMachine | undefined): Promise<void> {
  await state.update(DEPLOYED_MACHINE_KEY, machine);
}
