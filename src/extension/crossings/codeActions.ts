// Quick Fixes from the crossing findings' fixes (matched to diagnostics by code and range), and the refactorings
// on the Task under the cursor: aws-sdk task -> cross-region invoker call (asks for the region) and back.
import * as vscode from 'vscode';
import type { Fix, FixEdit } from '../../core/findings';
import { refactoringsAt } from '../../core/crossings/assist';
import type { ExtensionContextLike } from '../context';
import { readValidationSettings } from '../settings';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import { CONVERT_TO_INVOKER_COMMAND } from './commands';

/** The IAM room's command (a stable, contributed id; not imported to keep the features independent). */
const IAM_CROSS_ACCOUNT_COMMAND = 'sfnCrossings.generateCrossAccountRoles';

export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly FixEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits)
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)),
      e.newText,
    );
  return edit;
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return c === undefined ? undefined : typeof c === 'object' ? String(c.value) : String(c);
}

export class CrossingCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite];

  constructor(private readonly ctx: ExtensionContextLike) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    if (!this.ctx.isAsl(document) && !this.ctx.isTemplate(document)) return [];
    // In a template: the state machine under the range (its findings and fixes are in the template's text).
    const analysis = this.ctx.analyzeAt(document, document.offsetAt(range.start));
    if (!analysis) return [];
    const actions: vscode.CodeAction[] = [];
    const wantsQuickFix =
      !context.only ||
      context.only.contains(vscode.CodeActionKind.QuickFix) ||
      vscode.CodeActionKind.QuickFix.contains(context.only);
    if (wantsQuickFix) {
      for (const d of context.diagnostics) {
        const code = codeOf(d);
        if (d.source !== DIAGNOSTIC_SOURCE || !code?.startsWith('XC')) continue;
        const start = document.offsetAt(d.range.start);
        const end = document.offsetAt(d.range.end);
        const f = analysis.findings.find((x) => x.code === code && x.offset === start && x.offset + x.length === end);
        for (const fix of f?.fixes ?? []) actions.push(this.quickFix(document, fix, d));
        if (f?.data?.iamKit) actions.push(this.iamKitAction(document, d));
      }
    }
    const wantsRefactor =
      !context.only ||
      context.only.contains(vscode.CodeActionKind.RefactorRewrite) ||
      vscode.CodeActionKind.Refactor.contains(context.only);
    if (wantsRefactor && analysis.model) {
      const names = readValidationSettings(document).invokerNames;
      for (const r of refactoringsAt(analysis.model, document.offsetAt(range.start), names)) {
        const action = new vscode.CodeAction(r.title, vscode.CodeActionKind.RefactorRewrite);
        if (r.kind === 'edits' && r.edits) action.edit = toWorkspaceEdit(document, r.edits);
        else
          action.command = {
            command: CONVERT_TO_INVOKER_COMMAND,
            title: r.title,
            arguments: [document.uri.toString(), r.state.pointer, undefined, document.version],
          };
        actions.push(action);
      }
    }
    return actions;
  }

  /** XC109 links to the IAM kit: the cross-account roles with the polling permissions. */
  private iamKitAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction('Generate the cross-account roles (IAM kit)', vscode.CodeActionKind.QuickFix);
    action.command = { command: IAM_CROSS_ACCOUNT_COMMAND, title: action.title, arguments: [{ uri: document.uri }] };
    action.diagnostics = [diagnostic];
    return action;
  }

  private quickFix(document: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = toWorkspaceEdit(document, fix.edits);
    action.diagnostics = [diagnostic];
    action.isPreferred = fix.preferred === true;
    return action;
  }
}
