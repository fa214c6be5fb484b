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
  /** A CloudFormation/SAM/CDK template that holds state machines (their findings are its diagnostics). */
  isTemplate(document: vscode.TextDocument): boolean;
  /**
   * The state machines of a document, each analysed in the document's coordinates: the document itself for
   * a definition file, one per state machine of a template (named by its logical ID). Cached per version.
   */
  stateMachines(document: vscode.TextDocument): StateMachineAnalysis[];
  /** The analysis of the state machine at an offset: the document's own for a definition file. */
  analyzeAt(document: vscode.TextDocument, offset: number): Analysis | undefined;
  /** Fires after diagnostics were published for a document (its analysis is current). */
  onDidAnalyze: vscode.Event<{ document: vscode.TextDocument; analysis: Analysis }>;
}

/** One state machine of a document (see `stateMachines`). */
export interface StateMachineAnalysis {
  /** The template's logical ID, or the file name for a definition file. */
  name: string;
  analysis: Analysis;
  /** Where the definition is in the document (a template's `Definition` value...). */
  range: { offset: number; length: number };
}
