// The read-only view of TestState results: one virtual Markdown document per state (scheme sfn-crossings-test),
// refreshed in place on each run and opened beside the definition. Nothing is written to disk.
import * as vscode from 'vscode';

export const RESULT_SCHEME = 'sfn-crossings-test';

export class TestResultView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(RESULT_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '# TestState\n\nNo result yet: run "Test this state".\n';
  }

  uriFor(stateName: string): vscode.Uri {
    return vscode.Uri.from({ scheme: RESULT_SCHEME, path: `/TestState ${stateName.replace(/[\\/]/g, '_')}.md` });
  }

  /** Sets the result of a state and shows it beside the editor; returns the document shown. */
  async show(stateName: string, markdown: string): Promise<vscode.TextDocument> {
    const uri = this.uriFor(stateName);
    this.contents.set(uri.toString(), markdown);
    this.emitter.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.getText() !== markdown) await this.refreshed(document, markdown);
    await vscode.window.showTextDocument(document, {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
      preserveFocus: true,
    });
    return document;
  }

  /** An open document re-reads its content after onDidChange fires: wait for that (bounded). */
  private refreshed(document: vscode.TextDocument, markdown: string): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        listener.dispose();
        clearTimeout(timer);
        resolve();
      };
      const listener = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === document && document.getText() === markdown) done();
      });
      const timer = setTimeout(done, 2000);
    });
  }

  dispose(): void {
    this.registration.dispose();
    this.emitter.dispose();
  }
}
