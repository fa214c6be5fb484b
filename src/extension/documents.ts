// Which documents are state machines, and their analysis cached per document version.
import * as vscode from 'vscode';
import { analyzeParsed, parseSafely, type Analysis } from '../core/lint';
import { looksLikeStateMachine } from '../core/model/model';
import type { ParsedDocument } from '../core/parse';
import { documentRulesEnabled, readValidationSettings } from './settings';
import { TemplateSources } from './diagnosticsTemplates';
import type { StateMachineAnalysis } from './context';

const ASL_LANGUAGES = new Set(['asl', 'asl-yaml']);
const SNIFFED_LANGUAGES = new Set(['json', 'jsonc', 'yaml']);

export function languageOf(document: vscode.TextDocument): 'asl' | 'asl-yaml' {
  return document.languageId === 'asl-yaml' || document.languageId === 'yaml' ? 'asl-yaml' : 'asl';
}

export class DocumentAnalyses {
  /** State machines in templates, and definition files checked through the template referencing them. */
  readonly templates = new TemplateSources();
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();
  private readonly machineCache = new Map<string, { version: number; machines: StateMachineAnalysis[] }>();
  /** For plain JSON/YAML: is it a state machine, and (until analysed) its parse, so it is parsed once. */
  private readonly sniffed = new Map<string, { version: number; isAsl: boolean; parsed?: ParsedDocument }>();

  isAsl(document: vscode.TextDocument): boolean {
    if (ASL_LANGUAGES.has(document.languageId)) return true;
    if (!SNIFFED_LANGUAGES.has(document.languageId) || document.uri.scheme === 'output') return false;
    const key = document.uri.toString();
    const hit = this.sniffed.get(key);
    if (hit && hit.version === document.version) return hit.isAsl;
    const text = document.getText();
    // Cheap pre-check before parsing: both keys must appear somewhere in the text.
    const maxSize = readValidationSettings(document).maxFileSize;
    let parsed: ParsedDocument | undefined;
    if (text.includes('StartAt') && text.includes('States') && text.length <= maxSize) {
      parsed = parseSafely(text, { languageId: languageOf(document), maxSize });
    }
    const isAsl = looksLikeStateMachine(parsed?.root);
    this.sniffed.set(key, { version: document.version, isAsl, parsed: isAsl ? parsed : undefined });
    return isAsl;
  }

  analyze(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit.analysis;
    const settings = readValidationSettings(document);
    const options = {
      languageId: languageOf(document),
      documentRules: documentRulesEnabled(settings.documentRules, document.languageId),
      invokerNames: settings.invokerNames,
      maxSize: settings.maxFileSize,
    };
    // A definition file a template references is checked with that template's substitutions.
    const viaTemplate = this.templates.analyzeReferenced(document, options);
    if (viaTemplate) {
      this.cache.set(key, { version: document.version, analysis: viaTemplate });
      return viaTemplate;
    }
    const sniffed = this.sniffed.get(key);
    const parsed =
      sniffed?.parsed && sniffed.version === document.version
        ? sniffed.parsed
        : parseSafely(document.getText(), options);
    if (sniffed) sniffed.parsed = undefined; // parsed once; the analysis below keeps it
    const analysis = analyzeParsed(parsed, options);
    this.cache.set(key, { version: document.version, analysis });
    return analysis;
  }

  /** The state machines of a document (see ExtensionContextLike.stateMachines). */
  stateMachines(document: vscode.TextDocument): StateMachineAnalysis[] {
    if (this.isAsl(document)) {
      const analysis = this.analyze(document);
      return [
        {
          name: document.uri.path.split('/').pop() ?? '',
          analysis,
          range: { offset: 0, length: analysis.parsed.text.length },
        },
      ];
    }
    if (!this.templates.isTemplate(document)) return [];
    const key = document.uri.toString();
    const hit = this.machineCache.get(key);
    if (hit && hit.version === document.version) return hit.machines;
    const settings = readValidationSettings(document);
    const machines = this.templates
      .machines(document, {
        documentRules: documentRulesEnabled(settings.documentRules, document.languageId),
        invokerNames: settings.invokerNames,
        maxSize: settings.maxFileSize,
      })
      .map((m) => ({ name: m.name, analysis: m.analysis, range: m.unit.range }));
    this.machineCache.set(key, { version: document.version, machines });
    return machines;
  }

  /** The analysis of the state machine whose definition holds the offset (the document's own for a file). */
  analyzeAt(document: vscode.TextDocument, offset: number): Analysis | undefined {
    if (this.isAsl(document)) return this.analyze(document);
    return this.stateMachines(document).find(
      (m) => offset >= m.range.offset && offset <= m.range.offset + m.range.length,
    )?.analysis;
  }

  forget(document: vscode.TextDocument): void {
    this.machineCache.delete(document.uri.toString());
    this.cache.delete(document.uri.toString());
    this.sniffed.delete(document.uri.toString());
  }

  /** Drop cached results (settings changed). */
  clear(): void {
    this.cache.clear();
    this.machineCache.clear();
    this.sniffed.clear();
  }
}
