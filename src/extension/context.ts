// The one context object that activate() builds and hands to every feature.
import type * as vscode from 'vscode';
import type { Analysis } from '../core/lint';

export interface ExtensionContextLike {
  extension: vscode.ExtensionContext;
  /** The "Step Functions Crossings" log channel. Never log credentials. */
  log: vscode.LogOutputChannel;
  /** Is this an ASL document we serve (asl / asl-yaml, or json/yaml whose root has StartAt + States)? */
  isAsl(document: vscode.TextDocument): boolean;
  /** The analysis (model + findings) of the document's current text; cached per version. */
  analyze(document: vscode.TextDocument): Analysis;
  /** Fires after diagnostics were published for a document (its analysis is current). */
  onDidAnalyze: vscode.Event<{ document: vscode.TextDocument; analysis: Analysis }>;
}
