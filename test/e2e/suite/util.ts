// Helpers for extension-host tests, shared by every room's `test/e2e/suite/<room>.test.ts`: poll for a
// condition with a deadline (never a fixed sleep), open fixtures of the test workspace, read our
// diagnostics, run the editor's providers (code actions, completion, hover) the way the UI does.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'sfn-crossings.sfn-crossings';
export const DIAGNOSTIC_SOURCE = 'sfn-crossings';

export interface WaitOptions {
  /** Deadline in ms (default 10 s). */
  timeout?: number;
  /** Poll interval in ms (default 50). */
  interval?: number;
  /** Said in the error when the deadline passes. */
  message?: string;
}

/**
 * Polls `condition` until it returns a truthy value (which is returned) or the deadline passes (throws,
 * naming `message` and the last value seen). `condition` may be async; a throw counts as "not yet".
 */
export async function waitFor<T>(
  condition: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  { timeout = 10_000, interval = 50, message = 'condition' }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline)
      throw new Error(`timed out after ${timeout} ms waiting for ${message}; last: ${String(last)}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this extension host`);
  return ext;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is not open');
  return folder.uri;
}

/** A file of the fixture workspace (test/e2e/fixtures/ and examples/ copied into a temp folder). */
export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...name.split('/'));
}

/** Opens a fixture in an editor (so it counts as visible, as a user's file would) and returns its document. */
export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Diagnostic.code as a string, whatever shape the provider used. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Our diagnostics (source `sfn-crossings`) currently published for `uri`, optionally of one code. */
export function diagnosticsFor(
  uri: vscode.Uri,
  { code, source = DIAGNOSTIC_SOURCE }: { code?: string; source?: string } = {},
) {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => (source === undefined || d.source === source) && (code === undefined || codeOf(d) === code));
}

/** Waits until at least one diagnostic with `code` is published for `uri`, and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, code: string, options: WaitOptions = {}) {
  return waitFor(
    () => {
      const found = diagnosticsFor(uri, { code });
      return found.length > 0 && found;
    },
    { message: `a ${code} diagnostic on ${uri.path}`, ...options },
  );
}

/** Replaces the whole text of an open document (unsaved, like typing), returns the document. */
export async function setText(document: vscode.TextDocument, text: string): Promise<vscode.TextDocument> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
  return document;
}

/** Undoes unsaved edits to a fixture so the next test sees it as on disk. */
export async function revert(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/** The text a range covers in a document. */
export const textAt = (document: vscode.TextDocument, range: vscode.Range) => document.getText(range);

/** Code actions (Quick Fixes, refactors) the editor would offer for `range`, optionally of one kind. */
export async function executeCodeActions(uri: vscode.Uri, range: vscode.Range, kind?: vscode.CodeActionKind) {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    kind?.value,
  );
  return (actions ?? []).filter(
    (a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'),
  );
}

/** Completion items at `position`, as the suggest widget would list them. */
export async function executeCompletion(uri: vscode.Uri, position: vscode.Position, triggerCharacter?: string) {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    position,
    triggerCharacter,
  );
  return list?.items ?? [];
}

/** Hovers at `position`, flattened to their markdown/plain text. */
export async function executeHover(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? []).flatMap((h) =>
    h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')),
  );
}

/** Position of the first occurrence of `needle` in the document (after `after`, if given). */
export function positionOf(document: vscode.TextDocument, needle: string, after?: string): vscode.Position {
  const text = document.getText();
  const start = after === undefined ? 0 : text.indexOf(after);
  assert.ok(start >= 0, `"${after}" not found in ${document.uri.path}`);
  const offset = text.indexOf(needle, start);
  assert.ok(offset >= 0, `"${needle}" not found in ${document.uri.path}`);
  return document.positionAt(offset);
}
