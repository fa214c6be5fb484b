// "Add the required IAM to this template": the command and its Quick Fix on a SAM/CloudFormation template's state
// machine. The core (templateIam.ts) computes the edit; here it becomes a WorkspaceEdit that VS Code previews and
// asks to confirm (never a silent write), and the templates for other accounts open as untitled documents.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { addRequiredIam, TemplateError, type TemplateIamResult } from '../../core/iam/templateIam';
import { parseTemplate, stateMachinesOf } from '../../core/iam/templateDoc';
import type { ExtensionContextLike } from '../context';
import { readValidationSettings } from '../settings';

export const ADD_IAM_TO_TEMPLATE = 'sfnCrossings.addIamToTemplate';

export interface AddIamArgs {
  uri?: vscode.Uri | string;
  /** Logical ID of the state machine (asked for when the template has several). */
  machine?: string;
  /** Apply without the preview (tests, scripted use). Default: preview and confirm. */
  confirm?: boolean;
}

export interface AddIamOutcome {
  applied: boolean;
  result?: TemplateIamResult;
  otherDocuments: vscode.TextDocument[];
}

function readBeside(document: vscode.TextDocument): (p: string) => string | undefined {
  const dir = document.uri.scheme === 'file' ? path.dirname(document.uri.fsPath) : undefined;
  return (p) => {
    if (!dir) return undefined;
    try {
      return fs.readFileSync(path.resolve(dir, p), 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** The state machines of a template document (logical IDs), or undefined when it is not a template. */
export function templateMachines(document: vscode.TextDocument): string[] | undefined {
  if (!['yaml', 'json', 'jsonc', 'cloudformation', 'sam'].some((l) => document.languageId.startsWith(l)))
    return undefined;
  const text = document.getText();
  if (!/AWS::(Serverless|StepFunctions)::StateMachine/.test(text)) return undefined;
  try {
    return stateMachinesOf(parseTemplate(text)).map((m) => m.logicalId);
  } catch {
    // Not a readable template (TemplateError), or YAML the parser refuses: nothing to offer.
    return undefined;
  }
}

export async function addIamToTemplate(ctx: ExtensionContextLike, rawArgs: unknown): Promise<AddIamOutcome> {
  const args: AddIamArgs =
    rawArgs instanceof vscode.Uri ? { uri: rawArgs } : ((rawArgs as AddIamArgs | undefined) ?? {});
  const document = args.uri
    ? await vscode.workspace.openTextDocument(typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri)
    : vscode.window.activeTextEditor?.document;
  const none: AddIamOutcome = { applied: false, otherDocuments: [] };
  const machines = document ? templateMachines(document) : undefined;
  if (!document || !machines || machines.length === 0) {
    void vscode.window.showErrorMessage('Open a SAM or CloudFormation template that declares a state machine first.');
    return none;
  }
  let machine = args.machine;
  if (!machine && machines.length > 1) {
    machine = await vscode.window.showQuickPick(machines, { title: 'Which state machine?' });
    if (!machine) return none;
  }
  let result: TemplateIamResult;
  try {
    result = addRequiredIam(document.getText(), {
      ...(machine ? { machine } : {}),
      readFile: readBeside(document),
      invokerNames: readValidationSettings(document).invokerNames,
    });
  } catch (e) {
    if (!(e instanceof TemplateError)) ctx.log.error(`Add the required IAM: ${(e as Error).stack ?? String(e)}`);
    void vscode.window.showErrorMessage(`Add the required IAM: ${(e as Error).message}`);
    return none;
  }
  const otherDocuments: vscode.TextDocument[] = [];
  for (const other of result.otherTemplates) {
    const doc = await vscode.workspace.openTextDocument({
      language: other.name.endsWith('.json') ? 'json' : 'yaml',
      content: `${other.name.endsWith('.json') ? '' : `# ${other.description}\n# Save as ${other.name} and deploy it in that account.\n`}${other.text}`,
    });
    otherDocuments.push(doc);
  }
  for (const note of result.notes) ctx.log.info(`Add the required IAM (${result.machine}): ${note}`);
  if (result.edits.length === 0) {
    void vscode.window.showInformationMessage(
      `${result.machine} already has the required IAM (${result.target}).${otherDocuments.length ? ' The templates for other accounts are open.' : ''}`,
    );
    return { applied: false, result, otherDocuments };
  }
  const edit = new vscode.WorkspaceEdit();
  const label = `Add the required IAM of ${result.machine} to ${result.target}`;
  for (const e of result.edits)
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)),
      e.newText,
      { label, needsConfirmation: args.confirm !== false, description: result.added.join(', ') },
    );
  const applied = await vscode.workspace.applyEdit(edit);
  if (applied) ctx.log.info(`${label}: ${result.added.join(', ')}`);
  return { applied, result, otherDocuments };
}

/** The Quick Fix on a template's state machine (anywhere inside its resource). */
export class TemplateIamCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const machines = templateMachines(document);
    if (!machines?.length) return [];
    // The machine whose resource block holds the cursor: the nearest logical ID key above it.
    const text = document.getText(new vscode.Range(new vscode.Position(0, 0), range.end));
    let machine: string | undefined;
    let at = -1;
    for (const id of machines) {
      const i = Math.max(text.lastIndexOf(`\n  ${id}:`), text.lastIndexOf(`"${id}"`), text.lastIndexOf(`\n${id}:`));
      if (i > at) {
        at = i;
        machine = id;
      }
    }
    if (!machine) return [];
    const action = new vscode.CodeAction('Add the required IAM to this template', vscode.CodeActionKind.QuickFix);
    action.command = {
      command: ADD_IAM_TO_TEMPLATE,
      title: action.title,
      arguments: [{ uri: document.uri, machine } satisfies AddIamArgs],
    };
    return [action];
  }
}

export function registerTemplateIam(ctx: ExtensionContextLike): void {
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(ADD_IAM_TO_TEMPLATE, (args: unknown) => addIamToTemplate(ctx, args)),
    vscode.languages.registerCodeActionsProvider(
      ['yaml', 'json', 'jsonc'].map((language) => ({ language })),
      new TemplateIamCodeActions(),
      { providedCodeActionKinds: TemplateIamCodeActions.kinds },
    ),
  );
}
