// The schema editor feature: field-level hover (descriptions, enum values) and completion (field names, enum
// values) inside the crossing parts of state machines (Credentials, apigateway:invoke and http:invoke
// Parameters/Arguments, invoker payloads), from the JSON Schemas in schemas/. VS Code's own JSON support
// (and so `jsonValidation`) never serves the `asl`/`asl-yaml` languages, hence this provider. The crossings
// feature answers on the crossing STATE (its name, its Resource); this one only inside those parts.
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import { languageOf } from '../documents';
import { readValidationSettings } from '../settings';
import { CrossingSchemaService, type SchemaCompletion } from './service';

const SELECTOR: vscode.DocumentSelector = ['asl', 'asl-yaml', 'json', 'jsonc', 'yaml'].map((language) => ({
  language,
}));

export function registerCrossingSchemas(ctx: ExtensionContextLike): void {
  let service: CrossingSchemaService | undefined;
  // Built on first use: the JSON language service and the schemas are not needed until a part is hovered.
  const get = () => (service ??= new CrossingSchemaService());
  /** A failure here must not break the editor's other hovers and completions: log it and answer nothing. */
  const guard = async <T>(what: string, run: () => Promise<T | undefined>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (e) {
      ctx.log.error(`Schema ${what} failed: ${(e as Error)?.message ?? String(e)}`);
      return undefined;
    }
  };

  const hover: vscode.HoverProvider = {
    async provideHover(document, position) {
      if (!ctx.isAsl(document)) return undefined;
      return guard('hover', async () => {
        const text = document.getText();
        const model = ctx.analyze(document).model;
        if (!model) return undefined;
        const found = await get().hover(
          text,
          languageOf(document),
          document.offsetAt(position),
          readValidationSettings(document).invokerNames,
          model,
        );
        if (!found) return undefined;
        const range = new vscode.Range(
          document.positionAt(found.offset),
          document.positionAt(found.offset + found.length),
        );
        return new vscode.Hover(new vscode.MarkdownString(found.markdown), range);
      });
    },
  };

  const completion: vscode.CompletionItemProvider = {
    async provideCompletionItems(document, position) {
      if (!ctx.isAsl(document)) return undefined;
      return guard('completion', async () => {
        const language = languageOf(document);
        // JSON: the cached analysis of this version; YAML: the service parses a patched copy of the line.
        const model = language === 'asl' ? ctx.analyze(document).model : undefined;
        const items = await get().complete(
          document.getText(),
          language,
          document.offsetAt(position),
          readValidationSettings(document).invokerNames,
          model,
        );
        return items.map((item) => toCompletionItem(document, item));
      });
    },
  };

  ctx.extension.subscriptions.push(
    vscode.languages.registerHoverProvider(SELECTOR, hover),
    vscode.languages.registerCompletionItemProvider(SELECTOR, completion, '"', ':', ' '),
  );
}

function toCompletionItem(document: vscode.TextDocument, item: SchemaCompletion): vscode.CompletionItem {
  const result = new vscode.CompletionItem(
    item.label,
    item.kind === 'property' ? vscode.CompletionItemKind.Property : vscode.CompletionItemKind.EnumMember,
  );
  result.insertText = item.isSnippet ? new vscode.SnippetString(item.insertText) : item.insertText;
  result.range = new vscode.Range(
    document.positionAt(item.replace.offset),
    document.positionAt(item.replace.offset + item.replace.length),
  );
  if (item.documentation) result.documentation = new vscode.MarkdownString(item.documentation);
  if (item.filterText) result.filterText = item.filterText;
  if (item.sortText) result.sortText = item.sortText;
  result.detail = 'Step Functions Crossings schema';
  if (item.retrigger) result.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return result;
}
