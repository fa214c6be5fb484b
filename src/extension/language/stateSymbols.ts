// State names as a language feature: completion of the scope's names in StartAt/Next/Default/Choice and
// Catch targets, go to definition, find references, rename (edits of that scope only) and the outline.
// The scope logic lives in src/core/model/stateNames.ts; this file converts offsets to editor ranges.
import * as vscode from 'vscode';
import type { AslModel } from '../../core/model/model';
import {
  outline,
  type OutlineNode,
  referencesTo,
  renameProblem,
  stateNameAt,
  stateNamePositionAt,
} from '../../core/model/stateNames';
import type { ExtensionContextLike } from '../context';
import { literalFor, nameRange } from './nameText';

const rangeOf = (document: vscode.TextDocument, offset: number, length: number) =>
  new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));

export class StateNameFeatures
  implements
    vscode.DefinitionProvider,
    vscode.ReferenceProvider,
    vscode.RenameProvider,
    vscode.CompletionItemProvider,
    vscode.DocumentSymbolProvider
{
  constructor(private readonly ctx: ExtensionContextLike) {}

  private model(document: vscode.TextDocument): AslModel | undefined {
    return this.ctx.analyze(document).model;
  }

  private at(document: vscode.TextDocument, position: vscode.Position) {
    const model = this.model(document);
    return model && { model, found: stateNameAt(model, document.offsetAt(position)) };
  }

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    const state = this.at(document, position)?.found?.state;
    if (!state) return undefined;
    return new vscode.Location(document.uri, rangeOf(document, state.entry.keyOffset, state.entry.keyLength));
  }

  provideReferences(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
  ): vscode.Location[] | undefined {
    const found = this.at(document, position)?.found;
    if (!found) return undefined;
    const locations = referencesTo(found.scope, found.name).map(
      (r) => new vscode.Location(document.uri, rangeOf(document, r.node.offset, r.node.length)),
    );
    if (context.includeDeclaration && found.state)
      locations.unshift(
        new vscode.Location(document.uri, rangeOf(document, found.state.entry.keyOffset, found.state.entry.keyLength)),
      );
    return locations;
  }

  prepareRename(document: vscode.TextDocument, position: vscode.Position) {
    const found = this.at(document, position)?.found;
    if (!found?.state) throw new Error('Only a state name can be renamed here (a state key or a reference to one).');
    const literal = found.reference?.node ?? {
      offset: found.state.entry.keyOffset,
      length: found.state.entry.keyLength,
    };
    return { range: nameRange(document, literal.offset, literal.length), placeholder: found.name };
  }

  provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string) {
    const at = this.at(document, position);
    const found = at?.found;
    if (!at || !found?.state) return undefined;
    const problem = renameProblem(at.model, found.name, newName);
    if (problem) throw new Error(problem);
    const edit = new vscode.WorkspaceEdit();
    const replace = (offset: number, length: number) =>
      edit.replace(document.uri, rangeOf(document, offset, length), literalFor(document, offset, length, newName));
    for (const state of found.scope.order)
      if (state.name === found.name) replace(state.entry.keyOffset, state.entry.keyLength);
    for (const r of referencesTo(found.scope, found.name)) replace(r.node.offset, r.node.length);
    return edit;
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position) {
    const model = this.model(document);
    const target = model && stateNamePositionAt(model, document.offsetAt(position));
    if (!target) return undefined;
    const node = target.node;
    const quoted = node.kind === 'string' && /^["']/.test(document.getText(rangeOf(document, node.offset, 1)));
    const range = quoted ? nameRange(document, node.offset, node.length) : rangeOf(document, node.offset, node.length);
    const yaml = document.languageId === 'asl-yaml';
    return [...target.scope.states.values()].map((state, index) => {
      const item = new vscode.CompletionItem(state.name, vscode.CompletionItemKind.Reference);
      item.detail = state.type ? `${state.type} state` : 'state';
      item.range = range;
      // Escaped inside quotes; a YAML value without quotes gets the literal it needs.
      item.insertText = quoted
        ? JSON.stringify(state.name).slice(1, -1)
        : yaml
          ? literalFor(document, node.offset, 0, state.name)
          : JSON.stringify(state.name);
      // The state that owns the field last (a state rarely goes to itself); the rest in document order.
      item.sortText = `${state === target.from ? 1 : 0}${String(index).padStart(6, '0')}`;
      return item;
    });
  }

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const model = this.model(document);
    if (!model) return [];
    const convert = (node: OutlineNode): vscode.DocumentSymbol => {
      const symbol = new vscode.DocumentSymbol(
        node.label,
        node.detail,
        node.kind === 'scope' ? vscode.SymbolKind.Namespace : symbolKind(node.detail),
        rangeOf(document, node.offset, node.length),
        rangeOf(document, node.selectionOffset, node.selectionLength),
      );
      symbol.children = node.children.map(convert);
      return symbol;
    };
    return outline(model).map(convert);
  }
}

function symbolKind(type: string): vscode.SymbolKind {
  switch (type) {
    case 'Task':
      return vscode.SymbolKind.Function;
    case 'Choice':
      return vscode.SymbolKind.Enum;
    case 'Parallel':
    case 'Map':
      return vscode.SymbolKind.Module;
    case 'Succeed':
    case 'Fail':
      return vscode.SymbolKind.Event;
    default:
      return vscode.SymbolKind.Object;
  }
}
