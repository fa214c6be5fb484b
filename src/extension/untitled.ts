// Opens generated text (IAM documents) in a new untitled JSON editor with a telling, unique name
// (e.g. iam-apiGateway-orders-3.json): never a user's file, and never a just-closed untitled document
// that VS Code could still hand back.
import * as vscode from 'vscode';

let untitledCount = 0;

export async function openUntitledJson(name: string, text: string): Promise<vscode.TextDocument> {
  const safe = name.replace(/[^\w.-]+/g, '-');
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `${safe}-${++untitledCount}.json` });
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  await vscode.workspace.applyEdit(edit);
  return document;
}

/** A definition's file name without its .asl.json / .asl.yaml / .json / .yaml ending. */
export function definitionBaseName(uri: vscode.Uri): string {
  const file = uri.path.split('/').pop() ?? '';
  return file.replace(/\.asl\.(json|ya?ml)$|\.(json|ya?ml)$/i, '') || 'definition';
}
