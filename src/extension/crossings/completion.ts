// Completion of service, action, region and member names in invoker payloads and aws-sdk tasks (from the API
// catalog, loaded on the first request, not at activation).
import * as vscode from 'vscode';
import { completionsAt, type CompletionKind } from '../../core/crossings/assist';
import type { ExtensionContextLike } from '../context';
import { readValidationSettings } from '../settings';

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  service: vscode.CompletionItemKind.Module,
  action: vscode.CompletionItemKind.Method,
  member: vscode.CompletionItemKind.Property,
  region: vscode.CompletionItemKind.Value,
  field: vscode.CompletionItemKind.Field,
};

export class CrossingCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly ctx: ExtensionContextLike) {}

  provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): vscode.CompletionItem[] | undefined {
    if (!this.ctx.isAsl(document)) return undefined;
    const model = this.ctx.analyze(document).model;
    if (!model) return undefined;
    const result = completionsAt(model, document.offsetAt(position), readValidationSettings(document).invokerNames);
    if (!result?.items.length) return undefined;
    const range = new vscode.Range(
      document.positionAt(result.replace.offset),
      document.positionAt(result.replace.offset + result.replace.length),
    );
    return result.items.map((entry) => {
      const item = new vscode.CompletionItem(entry.label, KINDS[entry.kind]);
      item.insertText = entry.insertText;
      item.range = range;
      // The filter text must match what the range covers (JSON keys include their quotes).
      item.filterText = document.getText(range).startsWith('"') ? `"${entry.label}"` : entry.label;
      if (entry.detail) item.detail = entry.detail;
      if (entry.sortText) item.sortText = entry.sortText;
      return item;
    });
  }
}
