// "Check crossings against AWS": resolves what to check (command arguments, else the document's IAM context: the
// answers given to the IAM commands and the sfnCrossings.iam.* settings, else the picked deployed machine, else one
// question), who checks it (the remote profile/region, the sfnCrossings.accounts map for other accounts, the endpoint
// setting), runs the read-only checks with progress, and publishes the results (diagnostics + panel) through
// ./results. The AWS SDK loads here, on the first run. Credentials are never logged.
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import type { CheckReport } from '../../core/check/types';
import { checkStateMachineArn } from '../../core/iam';
import { IamContextStore } from '../iam/iamContext';
import { readDeployedMachine } from '../remote/deployedMachine';
import { resolveTarget } from '../remote/service';
import { readValidationSettings } from '../settings';
import { liveCheckResults } from './results';

export interface CheckCrossingsArgs {
  uri?: string | vscode.Uri;
  stateMachineArn?: string;
  executionRoleArn?: string;
  invokerArn?: string;
  profile?: string;
  region?: string;
  endpointUrl?: string;
  /** Account id -> profile (default: the setting sfnCrossings.accounts). */
  accounts?: Record<string, string>;
  /** Never ask: fail when the state machine is unknown (tests, scripted use). */
  noPrompt?: boolean;
}

/** The sfnCrossings.accounts setting: `{ "222222222222": "profile-b" }`; invalid entries are skipped. */
export function accountsSetting(scope?: vscode.ConfigurationScope): Record<string, string> {
  const raw = vscode.workspace.getConfiguration('sfnCrossings', scope).get<unknown>('accounts', {});
  const out: Record<string, string> = {};
  if (raw && typeof raw === 'object')
    for (const [k, v] of Object.entries(raw as Record<string, unknown>))
      if (/^\d{12}$/.test(k) && typeof v === 'string' && v.trim()) out[k] = v.trim();
  return out;
}

async function documentOf(ctx: ExtensionContextLike, uri: CheckCrossingsArgs['uri']) {
  if (uri) return vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
  const editor = vscode.window.activeTextEditor;
  return editor && ctx.isAsl(editor.document) ? editor.document : undefined;
}

export async function checkCrossings(
  ctx: ExtensionContextLike,
  args: CheckCrossingsArgs = {},
): Promise<CheckReport | undefined> {
  const document = await documentOf(ctx, args.uri);
  if (!document) {
    void vscode.window.showWarningMessage('Check crossings against AWS: open a state machine definition first.');
    return undefined;
  }
  const uri = document.uri.toString();
  const model = ctx.analyze(document).model;
  if (!model) {
    void vscode.window.showErrorMessage('Check crossings against AWS: this file is not a state machine definition.');
    return undefined;
  }
  const known = new IamContextStore(ctx.extension.workspaceState).peek(document);
  const deployed = readDeployedMachine(ctx.extension.workspaceState);
  let stateMachineArn = args.stateMachineArn ?? known.stateMachineArn ?? deployed?.stateMachineArn;
  const executionRoleArn =
    args.executionRoleArn ??
    known.executionRoleArn ??
    (deployed && deployed.stateMachineArn === stateMachineArn ? deployed.executionRoleArn : undefined);
  if (!stateMachineArn && !executionRoleArn) {
    if (args.noPrompt) {
      liveCheckResults.set({ status: 'failed', uri, message: 'The state machine ARN is unknown.' });
      return undefined;
    }
    stateMachineArn = await vscode.window.showInputBox({
      title: 'Check crossings against AWS',
      prompt: 'ARN of the deployed state machine (its role, the ExternalId and the drift check come from it)',
      ignoreFocusOut: true,
      validateInput: (t) => checkStateMachineArn(t),
    });
    if (!stateMachineArn) return undefined;
  }
  const target = await resolveTarget(ctx, {
    ...(args.region ? { region: args.region } : {}),
    ...(args.profile ? { profile: args.profile } : {}),
    ...(args.endpointUrl ? { endpointUrl: args.endpointUrl } : {}),
  });
  if (!target) return undefined;
  const region = args.region ?? target.region ?? stateMachineArn?.split(':')[3];
  const accounts = args.accounts ?? accountsSetting(document.uri);

  liveCheckResults.set({ status: 'running', uri });
  const fail = (message: string) => {
    liveCheckResults.set({ status: 'failed', uri, message });
    ctx.log.warn(`AWS check: ${message}`);
    void vscode.window.showErrorMessage(`Check crossings against AWS: ${message}`);
    return undefined;
  };
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Checking crossings against AWS (read-only)…' },
      async () => {
        const [{ createCheckAccounts }, { runChecks }, { summaryLine }] = await Promise.all([
          import('../../aws/check/accounts'),
          import('../../core/check/run'),
          import('../../core/check/report'),
        ]);
        const ports = await createCheckAccounts({
          ...(target.profile ? { profile: target.profile } : {}),
          accountProfiles: accounts,
          ...(region ? { region } : {}),
          ...(target.endpointUrl ? { endpointUrl: target.endpointUrl } : {}),
        });
        const home = (stateMachineArn ?? executionRoleArn)!.split(':')[4]!;
        const own = await ports.forAccount(home);
        if ('missing' in own) return fail(`account ${home}: ${own.missing}`);
        const report = await runChecks(
          model,
          {
            ...(stateMachineArn ? { stateMachineArn } : {}),
            ...(executionRoleArn ? { executionRoleArn } : {}),
            ...(region ? { region } : {}),
            ...((args.invokerArn ?? known.invokerArn) ? { invokerArn: (args.invokerArn ?? known.invokerArn)! } : {}),
            invokerNames: readValidationSettings(document.uri).invokerNames,
          },
          ports,
          ports.configured(),
        );
        liveCheckResults.set({ status: 'done', uri, report, at: new Date().toISOString() });
        const line = summaryLine(report);
        ctx.log.info(`AWS check of ${document.uri.path.split('/').pop()}: ${line}`);
        void vscode.window.showInformationMessage(`AWS check: ${line}.`);
        return report;
      },
    );
  } catch (e) {
    return fail((e as Error).message);
  }
}
