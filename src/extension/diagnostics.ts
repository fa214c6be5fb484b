// Publishes findings as diagnostics: debounced per document, stale results dropped by version,
// cleared on close. Whole-document rules can be left to the AWS Toolkit (setting `auto`).
import * as vscode from 'vscode';
import { ruleDocUrl, type Finding } from '../core/findings';
import { ParseCodes } from '../core/parse/problems';
import type { Analysis } from '../core/lint';
import type { DocumentAnalyses } from './documents';
import { documentRulesEnabled, readValidationSettings } from './settings';

export const DIAGNOSTIC_SOURCE = 'sfn-crossings';

const severities: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(document: vscode.TextDocument, f: Finding): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(f.offset), document.positionAt(f.offset + f.length));
  const d = new vscode.Diagnostic(range, f.message, severities[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.code, target: vscode.Uri.parse(ruleDocUrl(f.code)) };
  return d;
}

/** Parse problems the AWS Toolkit reports too; hidden when it serves the document. */
const TOOLKIT_OVERLAP = new Set<string>([
  ParseCodes.syntax,
  ParseCodes.comment,
  ParseCodes.trailingComma,
  ParseCodes.duplicateKey,
  ParseCodes.rootNotObject,
  ParseCodes.empty,
]);

export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly emitter = new vscode.EventEmitter<{ document: vscode.TextDocument; analysis: Analysis }>();
  readonly onDidAnalyze = this.emitter.event;

  constructor(private readonly analyses: DocumentAnalyses) {}

  schedule(document: vscode.TextDocument, delayMs = readValidationSettings(document).debounceMs): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const version = document.version;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (document.isClosed || document.version !== version) return; // a newer change is scheduled
        this.publish(document);
      }, delayMs),
    );
  }

  publish(document: vscode.TextDocument): void {
    if (!this.analyses.isAsl(document)) {
      if (this.analyses.templates.isTemplate(document)) this.publishTemplate(document);
      else this.collection.delete(document.uri);
      return;
    }
    const analysis = this.analyses.analyze(document);
    const docRules = documentRulesEnabled(readValidationSettings(document).documentRules, document.languageId);
    const shown = docRules ? analysis.findings : analysis.findings.filter((f) => !TOOLKIT_OVERLAP.has(f.code));
    this.collection.set(
      document.uri,
      shown.map((f) => toDiagnostic(document, f)),
    );
    this.emitter.fire({ document, analysis });
  }

  /**
   * A template: the findings of every state machine it holds, on its own lines (a DefinitionUri file gets
   * its findings when it is opened, checked through this template). Open definition files it references
   * are checked again, as its substitutions may have changed.
   */
  private publishTemplate(document: vscode.TextDocument): void {
    const settings = readValidationSettings(document);
    const options = {
      documentRules: documentRulesEnabled(settings.documentRules, document.languageId),
      invokerNames: settings.invokerNames,
      maxSize: settings.maxFileSize,
    };
    const findings = this.analyses.templates.templateFindings(document, options);
    this.collection.set(
      document.uri,
      findings.map((f) => toDiagnostic(document, f)),
    );
    this.analyses.templates.templatesChanged();
    const referenced = new Set(this.analyses.templates.referencedBy(document));
    for (const d of vscode.workspace.textDocuments)
      if (d.uri.scheme === 'file' && referenced.has(d.uri.fsPath)) {
        this.analyses.forget(d);
        this.schedule(d, 0);
      }
  }

  clear(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.collection.dispose();
    this.emitter.dispose();
  }
}
