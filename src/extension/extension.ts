// activate(): builds the one context object, wires diagnostics, and registers every feature from the
// features table. Heavy parts (AWS SDK, API catalog) load lazily on first use, not here.
import * as vscode from 'vscode';
import type { ExtensionContextLike } from './context';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentAnalyses } from './documents';
import { features } from './features';
import { registerCoreCommands } from './coreCommands';

export interface CrossingsApi {
  /** Milliseconds spent in activate(), measured inside the extension host. */
  activationMs: number;
}

export function activate(extension: vscode.ExtensionContext): CrossingsApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Step Functions Crossings', { log: true });
  const analyses = new DocumentAnalyses();
  const diagnostics = new DiagnosticsPublisher(analyses);
  extension.subscriptions.push(log, diagnostics);

  const ctx: ExtensionContextLike = {
    extension,
    log,
    isAsl: (document) => analyses.isAsl(document),
    analyze: (document) => analyses.analyze(document),
    isTemplate: (document) => analyses.templates.isTemplate(document),
    stateMachines: (document) => analyses.stateMachines(document),
    analyzeAt: (document, offset) => analyses.analyzeAt(document, offset),
    onDidAnalyze: diagnostics.onDidAnalyze,
  };

  extension.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => diagnostics.schedule(d, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) diagnostics.schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      // A late close event must not clear a document reopened under the same URI.
      const key = d.uri.toString();
      if (vscode.workspace.textDocuments.some((o) => !o.isClosed && o.uri.toString() === key)) return;
      diagnostics.clear(d);
      analyses.forget(d);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('sfnCrossings')) revalidateAll();
    }),
    vscode.extensions.onDidChange(() => revalidateAll()),
  );
  function revalidateAll(): void {
    analyses.clear();
    for (const d of vscode.workspace.textDocuments) diagnostics.schedule(d, 0);
  }

  registerCoreCommands(ctx, diagnostics);
  for (const feature of features) {
    try {
      feature(ctx);
    } catch (e) {
      log.error(`A feature failed to start: ${(e as Error).message}`);
    }
  }
  for (const d of vscode.workspace.textDocuments) diagnostics.schedule(d, 0);

  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs };
}

export function deactivate(): void {}
