// Format Document / Format Selection (and format-on-save) for `asl` and `asl-yaml`: adapts the editor's
// formatting options to the text functions of formatText.ts and their offsets to TextEdits.
import * as vscode from 'vscode';
import { formatJson, formatYaml, type FormatOptions, type FormatRange } from './formatText';

export class AslFormatter implements vscode.DocumentFormattingEditProvider, vscode.DocumentRangeFormattingEditProvider {
  provideDocumentFormattingEdits(document: vscode.TextDocument, options: vscode.FormattingOptions): vscode.TextEdit[] {
    return this.edits(document, options);
  }

  provideDocumentRangeFormattingEdits(
    document: vscode.TextDocument,
    range: vscode.Range,
    options: vscode.FormattingOptions,
  ): vscode.TextEdit[] {
    const offset = document.offsetAt(range.start);
    return this.edits(document, options, { offset, length: document.offsetAt(range.end) - offset });
  }

  private edits(document: vscode.TextDocument, options: vscode.FormattingOptions, range?: FormatRange) {
    const text = document.getText();
    const opts: FormatOptions = {
      tabSize: options.tabSize,
      insertSpaces: options.insertSpaces,
      eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
    };
    const edits = document.languageId === 'asl-yaml' ? formatYaml(text, opts, range) : formatJson(text, opts, range);
    return edits.map(
      (e) =>
        new vscode.TextEdit(
          new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)),
          e.content,
        ),
    );
  }
}
