// Which documents are state machines, and their analysis cached per document version.
import * as vscode from 'vscode';
import { analyze, type Analysis } from '../core/lint';
import { looksLikeStateMachine } from '../core/model/model';
import { parseDefinition } from '../core/parse';
import { documentRulesEnabled, readValidationSettings } from './settings';

const ASL_LANGUAGES = new Set(['asl', 'asl-yaml']);
const SNIFFED_LANGUAGES = new Set(['json', 'jsonc', 'yaml']);

export function languageOf(document: vscode.TextDocument): 'asl' | 'asl-yaml' {
  return document.languageId === 'asl-yaml' || document.languageId === 'yaml' ? 'asl-yaml' : 'asl';
}

export class DocumentAnalyses {
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();
  private readonly sniffed = new Map<string, { version: number; isAsl: boolean }>();

  isAsl(document: vscode.TextDocument): boolean {
    if (ASL_LANGUAGES.has(document.languageId)) return true;
    if (!SNIFFED_LANGUAGES.has(document.languageId) || document.uri.scheme === 'output') return false;
    const key = document.uri.toString();
    const hit = this.sniffed.get(key);
    if (hit && hit.version === document.version) return hit.isAsl;
    const text = document.getText();
    // Cheap pre-check before parsing: both keys must appear somewhere in the text.
    let isAsl = false;
    if (
      text.includes('StartAt') &&
      text.includes('States') &&
      text.length <= readValidationSettings(document).maxFileSize
    ) {
      isAsl = looksLikeStateMachine(parseDefinition(text, { languageId: languageOf(document) }).root);
    }
    this.sniffed.set(key, { version: document.version, isAsl });
    return isAsl;
  }

  analyze(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit.analysis;
    const settings = readValidationSettings(document);
    const analysis = analyze(document.getText(), {
      languageId: languageOf(document),
      documentRules: documentRulesEnabled(settings.documentRules, document.languageId),
      invokerNames: settings.invokerNames,
      maxSize: settings.maxFileSize,
    });
    this.cache.set(key, { version: document.version, analysis });
    return analysis;
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
    this.sniffed.delete(document.uri.toString());
  }

  /** Drop cached results (settings changed). */
  clear(): void {
    this.cache.clear();
    this.sniffed.clear();
  }
}
