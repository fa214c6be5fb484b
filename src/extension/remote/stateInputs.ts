// Saved TestState inputs: `.sfn-crossings/inputs/<State>.json` (and `<State>.variables.json` for states that read
// variables) in the definition's workspace folder. Read when present; otherwise asked for once in an input box and
// saved as a NEW file. An existing file is never overwritten (the write fails if one appeared meanwhile).
import * as vscode from 'vscode';
import { inputFileName, jsonProblem, variablesFileName } from '../../aws/sfnTestState';

export interface SavedText {
  text: string;
  /** Where it came from, for the result view: a workspace-relative path, "input box" or "argument". */
  source: string;
}

async function readIfPresent(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}

/** Creates the file only if it does not exist; false when it already did. */
async function createNew(uri: vscode.Uri, text: string): Promise<boolean> {
  if ((await readIfPresent(uri)) !== undefined) return false;
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  if (uri.scheme === 'file') {
    const { writeFile } = await import('node:fs/promises');
    try {
      await writeFile(uri.fsPath, text, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
    return true;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return true;
}

interface SavedOptions {
  document: vscode.TextDocument;
  relativePath: string;
  prompt: string;
  initial: string;
  what: string;
  object: boolean;
}

/** The saved text, or the user's answer (then saved); undefined when the user cancels. */
async function savedOrAsk(o: SavedOptions): Promise<SavedText | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(o.document.uri);
  const uri = folder && vscode.Uri.joinPath(folder.uri, ...o.relativePath.split('/'));
  if (uri) {
    const text = await readIfPresent(uri);
    if (text !== undefined) {
      const problem = jsonProblem(text, `${o.relativePath}`, o.object);
      if (problem) throw new Error(`${problem}: fix the file (it is used as it is)`);
      return { text, source: o.relativePath };
    }
  }
  const answer = await vscode.window.showInputBox({
    title: o.prompt,
    value: o.initial,
    prompt: uri ? `Saved to ${o.relativePath} for the next runs` : 'Not saved: the file is outside a workspace folder',
    validateInput: (v) => jsonProblem(v, o.what, o.object),
    ignoreFocusOut: true,
  });
  if (answer === undefined) return undefined;
  const text = JSON.stringify(JSON.parse(answer), null, 2) + '\n';
  if (uri && (await createNew(uri, text))) return { text, source: `${o.relativePath} (created)` };
  return { text, source: 'input box' };
}

export function stateInput(document: vscode.TextDocument, stateName: string): Promise<SavedText | undefined> {
  return savedOrAsk({
    document,
    relativePath: inputFileName(stateName),
    prompt: `Input of state ${stateName} (JSON)`,
    initial: '{}',
    what: 'the input',
    object: false,
  });
}

export function stateVariables(
  document: vscode.TextDocument,
  stateName: string,
  names: string[],
): Promise<SavedText | undefined> {
  const initial = JSON.stringify(Object.fromEntries(names.map((n) => [n, null])));
  return savedOrAsk({
    document,
    relativePath: variablesFileName(stateName),
    prompt: `Variables read by ${stateName}: ${names.map((n) => `$${n}`).join(', ')} (JSON object)`,
    initial,
    what: 'the variables',
    object: true,
  });
}
