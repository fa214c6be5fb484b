// Which documents are state machines, and their analysis cached per document version.
import * as vscode from 'vscode';
import { analyzeParsed, parseSafely, type Analysis } from '../core/lint';
import { looksLikeStateMachine } from '../core/model/model';
import type { ParsedDocument } from '../core/parse';
import { documentRulesEnabled, readValidationSettings } from './settings';

const ASL_LANGUAGES = new Set(['asl', 'asl-yaml']);
const SNIFFED_LANGUAGES = new Set(['json', 'jsonc', 'yaml']);

export function languageOf(document: vscode.TextDocument): 'asl' | 'asl-yaml' {
  return document.languageId === 'asl-yaml' || document.languageId === 'yaml' ? 'asl-yaml' : 'asl';
}

export class DocumentAnalyses {
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();
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
