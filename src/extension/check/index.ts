// The live-check feature (issue 17): the "Check crossings against AWS" command and CodeLens, its diagnostics
// (source "AWS check": error where the run will fail, warning where it may; cleared when the text changes, since
// they describe the checked text), and a Code Action that copies a failed check's fix to the clipboard.
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import { prop, stringValue } from '../../core/parse/ast';
import type { CheckResult } from '../../core/check/types';
import { readValidationSettings } from '../settings';
import { checkCrossings, type CheckCrossingsArgs } from './command';
import { CHECK_COMMAND, COPY_FIX_COMMAND, liveCheckResults, type LiveCheckState } from './results';

export const AWS_CHECK_SOURCE = 'AWS check';

const SELECTOR: vscode.DocumentSelector = ['asl', 'asl-yaml', 'json', 'jsonc', 'yaml'].map((language) => ({
  language,
}));

function failures(state: LiveCheckState | undefined): CheckResult[] {
  return state?.status === 'done' ? state.report.results.filter((r) => r.status === 'fail') : [];
}

function publish(collection: vscode.DiagnosticCollection, state: LiveCheckState): void {
  if (state.status === 'running') return;
  const uri = vscode.Uri.parse(state.uri);
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === state.uri);
  if (!document) return;
  collection.set(
    uri,
    failures(state).map((r) => {
      const range = new vscode.Range(document.positionAt(r.offset), document.positionAt(r.offset + r.length));
      const d = new vscode.Diagnostic(
        range,
        r.message + (r.fix ? ' (Quick Fix: copy the fix)' : ''),
        r.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error,
      );
      d.source = AWS_CHECK_SOURCE;
      d.code = r.id;
      return d;
    }),
  );
}

class CopyFixActions implements vscode.CodeActionProvider {
  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext) {
    const results = failures(liveCheckResults.get(document.uri.toString()));
    const out: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== AWS_CHECK_SOURCE) continue;
      const r = results.find((x) => x.id === d.code && x.fix && document.offsetAt(d.range.start) === x.offset);
      if (!r?.fix) continue;
      const action = new vscode.CodeAction(`Copy the fix: ${r.fix.label}`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [d];
      action.command = { title: action.title, command: COPY_FIX_COMMAND, arguments: [r.fix.text, r.fix.label] };
      out.push(action);
    }
    return out;
  }
}

/** A CodeLens on the StartAt line of definitions that cross an account, an API or the invoker. */
class CheckCodeLens implements vscode.CodeLensProvider {
  constructor(private readonly ctx: ExtensionContextLike) {}
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.ctx.isAsl(document)) return [];
    const model = this.ctx.analyze(document).model;
    if (!model) return [];
    const invokers = readValidationSettings(document.uri).invokerNames;
    const text = document.getText();
    const callsInvoker = invokers.some((name) => text.includes(name));
    const crosses = model.states.some((s) => {
      const resource = stringValue(prop(s.node, 'Resource')?.value) ?? '';
      return (
        !!prop(s.node, 'Credentials') ||
        /:(apigateway|http):invoke/.test(resource) ||
        (callsInvoker && /:lambda:/.test(resource))
      );
    });
    const start = prop(model.root, 'StartAt');
    if (!crosses || !start) return [];
    const at = document.positionAt(start.keyOffset);
    return [
      new vscode.CodeLens(new vscode.Range(at, at), {
        title: '$(cloud) Check crossings against AWS',
        tooltip: 'Read-only checks of both sides of every crossing (roles, trust, APIs, connections, invoker, drift)',
        command: CHECK_COMMAND,
        arguments: [{ uri: document.uri.toString() }],
      }),
    ];
  }
}

export function registerLiveCheck(ctx: ExtensionContextLike): void {
  const collection = vscode.languages.createDiagnosticCollection('sfnCrossings.awsCheck');
  ctx.extension.subscriptions.push(
    collection,
    liveCheckResults,
    liveCheckResults.onDidChange((s) => publish(collection, s)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && collection.has(e.document.uri)) collection.delete(e.document.uri);
    }),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new CopyFixActions(), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
    vscode.languages.registerCodeLensProvider(SELECTOR, new CheckCodeLens(ctx)),
    vscode.commands.registerCommand(CHECK_COMMAND, (arg?: unknown) =>
      checkCrossings(
        ctx,
        (arg instanceof vscode.Uri ? { uri: arg } : arg && typeof arg === 'object' ? arg : {}) as CheckCrossingsArgs,
      ),
    ),
    vscode.commands.registerCommand(COPY_FIX_COMMAND, async (text: unknown, label: unknown) => {
      if (typeof text !== 'string') return;
      await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage(`Copied: ${typeof label === 'string' ? label : 'the fix'}.`);
    }),
  );
}
