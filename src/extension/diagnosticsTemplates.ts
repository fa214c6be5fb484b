// State machines inside templates, for the editor: a CloudFormation/SAM/CDK template document's own
// findings (every state machine it holds, placed on its lines), and, for a definition file a template
// references (`DefinitionUri`), the nearest such template, so the file is checked with its substitutions.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import type { Analysis, AnalyzeOptions } from '../core/lint';
import {
  analyzeUnit,
  fileAnalysis,
  lintSource,
  readSource,
  sourceKindOf,
  TEMPLATE_HINT,
  type DefinitionUnit,
  type SourceHost,
} from '../core/sources';

const TEMPLATE_LANGUAGES = new Set(['json', 'jsonc', 'yaml', 'cloudformation-yaml', 'cloudformation-json']);
const TEMPLATE_FILE = /\.(json|ya?ml|template)$/i;
/** Folders above a definition file searched for the template that references it. */
const MAX_LEVELS = 4;
const MAX_TEMPLATE_SIZE = 5_000_000;

/** One state machine of a template document, analysed, in the document's coordinates. */
export interface TemplateMachine {
  name: string;
  unit: DefinitionUnit;
  analysis: Analysis;
}

export class TemplateSources {
  /** Definition file -> the template that references it (null: none found), until a template changes. */
  private readonly owners = new Map<string, string | null>();

  /** Is this document a template that declares a state machine? (cheap: a text test, no parse) */
  isTemplate(document: vscode.TextDocument): boolean {
    if (!TEMPLATE_LANGUAGES.has(document.languageId) || document.uri.scheme === 'output') return false;
    if (/\.asl\.(json|ya?ml)$/i.test(document.uri.path)) return false;
    return sourceKindOf(fileOf(document), document.getText()) === 'template';
  }

  /** Every finding of a template document that lands in the document itself (offsets into its text). */
  templateFindings(document: vscode.TextDocument, options: AnalyzeOptions): Finding[] {
    const file = fileOf(document);
    const result = lintSource(file, document.getText(), this.host(), options);
    return result.files.get(file)?.findings ?? [];
  }

  /** The state machines of a template document, each analysed in the document's coordinates. */
  machines(document: vscode.TextDocument, options: AnalyzeOptions): TemplateMachine[] {
    const file = fileOf(document);
    const reading = readSource(file, document.getText(), this.host());
    return reading.units
      .filter((u) => u.file === file)
      .map((unit) => ({ name: unit.name, unit, analysis: fileAnalysis(analyzeUnit(unit, options)) }));
  }

  /**
   * The analysis of a definition document through the nearest template that references it (with that
   * template's substitutions), or undefined when no template references it.
   */
  analyzeReferenced(document: vscode.TextDocument, options: AnalyzeOptions): Analysis | undefined {
    if (document.uri.scheme !== 'file') return undefined;
    const file = fileOf(document);
    const template = this.ownerOf(file);
    if (!template) return undefined;
    const text = this.host().readFile(template);
    if (text === undefined) return undefined;
    const unit = readSource(template, text, this.host()).units.find((u) => samePath(u.file, file));
    if (!unit) {
      this.owners.delete(file);
      return undefined;
    }
    return fileAnalysis(analyzeUnit(unit, options));
  }

  /** The template a definition file is checked through (for messages and tests). */
  ownerOf(file: string): string | undefined {
    if (!this.owners.has(file)) this.owners.set(file, this.findOwner(file) ?? null);
    return this.owners.get(file) ?? undefined;
  }

  /** A template changed or was saved: the owner of every definition file is looked up again. */
  templatesChanged(): void {
    this.owners.clear();
  }

  /** Definition files the template references (to re-check them when it changes). */
  referencedBy(document: vscode.TextDocument): string[] {
    const file = fileOf(document);
    return readSource(file, document.getText(), this.host())
      .units.filter((u) => u.file !== file)
      .map((u) => u.file);
  }

  private findOwner(file: string): string | undefined {
    const base = path.basename(file);
    const root = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath;
    let dir = path.dirname(file);
    for (let level = 0; level <= MAX_LEVELS; level++) {
      for (const candidate of templatesIn(dir)) {
        const text = this.host().readFile(candidate);
        if (text === undefined || !text.includes(base) || !TEMPLATE_HINT.test(text)) continue;
        if (readSource(candidate, text, this.host()).units.some((u) => samePath(u.file, file))) return candidate;
      }
      const parent = path.dirname(dir);
      if (parent === dir || (root && samePath(dir, root))) break;
      dir = parent;
    }
    return undefined;
  }

  /** Open documents first (unsaved edits count), else the disk. */
  private host(): SourceHost {
    return {
      readFile: (f) => {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && samePath(d.uri.fsPath, f));
        if (open) return open.getText();
        try {
          if (fs.statSync(f).size > MAX_TEMPLATE_SIZE) return undefined;
          return fs.readFileSync(f, 'utf8');
        } catch {
          return undefined;
        }
      },
    };
  }
}

function fileOf(document: vscode.TextDocument): string {
  return document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.path;
}

function templatesIn(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((n) => TEMPLATE_FILE.test(n) && !/\.asl\./i.test(n) && n !== 'package.json' && !n.startsWith('.'))
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
      .map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

/** `template.yaml` (SAM's default name) first. */
function rank(name: string): number {
  return /^template\.(ya?ml|json)$/i.test(name) ? 0 : 1;
}

function samePath(a: string, b: string): boolean {
  return path.normalize(a) === path.normalize(b);
}
