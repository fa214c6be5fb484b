// The four IAM commands: generate the kit for the active (or given) definition and open the requested section
// as a new untitled JSON document beside it; never writes to a file. Each returns the opened document.
import { definitionBaseName, openUntitledJson } from '../untitled';
import * as vscode from 'vscode';
import { generateIamKit, IamContextError, kitSection, type IamSectionKind } from '../../core/iam';
import type { ExtensionContextLike } from '../context';
import { readValidationSettings } from '../settings';
import { IamContextStore, type IamCommandArgs } from './iamContext';
import { contextFromDefinition } from './definitionContext';
import { pickStateMachine } from '../templateMachines';

export const IAM_COMMANDS: Record<IamSectionKind, string> = {
  executionRole: 'sfnCrossings.generateExecutionRolePolicy',
  crossAccount: 'sfnCrossings.generateCrossAccountRoles',
  apiGateway: 'sfnCrossings.generateApiGatewayPolicies',
  invokerRole: 'sfnCrossings.generateInvokerRole',
};

const NOTHING: Record<IamSectionKind, string> = {
  executionRole: '',
  crossAccount: 'No task of this definition uses Credentials: there is no cross-account role to generate.',
  apiGateway: 'No apigateway:invoke task of this definition needs IAM (AuthType IAM_ROLE or RESOURCE_POLICY).',
  invokerRole: 'No task of this definition calls the cross-region invoker.',
};

async function targetDocument(
  ctx: ExtensionContextLike,
  uri: IamCommandArgs['uri'],
): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
  const active = vscode.window.activeTextEditor?.document;
  return active && (ctx.isAsl(active) || ctx.isTemplate(active)) ? active : undefined;
}

/** Runs one IAM command; the result is the untitled document it opened (undefined when nothing was opened). */
export async function runIamCommand(
  ctx: ExtensionContextLike,
  store: IamContextStore,
  kind: IamSectionKind,
  rawArgs: unknown,
): Promise<vscode.TextDocument | undefined> {
  // From a menu or the explorer the first argument is a Uri; from a CodeLens or a test, an IamCommandArgs.
  const args: IamCommandArgs =
    rawArgs instanceof vscode.Uri ? { uri: rawArgs } : ((rawArgs as IamCommandArgs | undefined) ?? {});
  const document = await targetDocument(ctx, args.uri);
  if (!document || !(ctx.isAsl(document) || ctx.isTemplate(document))) {
    void vscode.window.showErrorMessage('Open a Step Functions definition (ASL JSON or YAML) first.');
    return undefined;
  }
  // A template: one of its state machines, by logical ID (given by the CodeLens, under the cursor, or picked).
  const machine = ctx.isAsl(document)
    ? undefined
    : await pickStateMachine(ctx, document, (rawArgs as { stateMachine?: string } | undefined)?.stateMachine);
  if (!ctx.isAsl(document) && !machine) return undefined;
  const model = machine ? machine.analysis.model : ctx.analyze(document).model;
  if (!model) {
    void vscode.window.showErrorMessage(
      'This definition cannot be read: fix the problems listed in the Problems panel first.',
    );
    return undefined;
  }
  const invokerNames = readValidationSettings(document).invokerNames;
  const fromDefinition = kind === 'invokerRole' ? contextFromDefinition(model, invokerNames) : {};
  const context = await store.resolve(document, args, kind === 'invokerRole', fromDefinition);
  if (!context) {
    if (args.noPrompt)
      void vscode.window.showErrorMessage(
        'The state machine ARN and execution role ARN are needed to generate IAM policies.',
      );
    return undefined;
  }
  let section: Record<string, unknown> | undefined;
  try {
    const kit = generateIamKit(model, context, { invokerNames });
    section = kitSection(kit, kind);
  } catch (e) {
    if (e instanceof IamContextError) {
      // The remembered answers are wrong: forget them so the next run asks again.
      await store.forget(document.uri);
      void vscode.window.showErrorMessage(`IAM generation: ${e.message}`);
      return undefined;
    }
    throw e;
  }
  if (!section) {
    void vscode.window.showInformationMessage(NOTHING[kind]);
    return undefined;
  }
  const result = await openUntitledJson(
    `iam-${kind}-${machine?.name ?? definitionBaseName(document.uri)}`,
    JSON.stringify(section, null, 2) + '\n',
  );
  await vscode.window.showTextDocument(result, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  ctx.log.info(`IAM: opened the ${kind} documents for ${document.uri.fsPath || document.uri.toString()}`);
  return result;
}

export function registerIamCommands(ctx: ExtensionContextLike, store: IamContextStore): void {
  for (const [kind, id] of Object.entries(IAM_COMMANDS) as Array<[IamSectionKind, string]>) {
    ctx.extension.subscriptions.push(
      vscode.commands.registerCommand(id, (args: unknown) => runIamCommand(ctx, store, kind, args)),
    );
  }
}
