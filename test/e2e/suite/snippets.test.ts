// Snippets and schema assistance in the real editor: the crossing snippets are offered (kind Snippet) in
// `asl` and `asl-yaml` documents and not in plain JSON; inserting each one with `editor.action.insertSnippet`
// ({ langId, name }) in place of a broken line leaves a document without error diagnostics; hovering a
// crossing field shows the schema's description; completion inside a crossing part offers the schema's fields.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SNIPPETS, type SnippetSpec } from '../../../scripts/snippets/catalog';
import { templateDefault } from '../../../scripts/snippets/template';
import { jsonMachine, yamlMachine } from '../../unit/snippets/machine';
import { DIAGNOSTIC_SOURCE, executeCompletion, executeHover, positionOf, waitFor, workspaceRoot } from './util';

type Lang = 'asl' | 'asl-yaml';
/** A line neither JSON nor YAML can parse: its error diagnostic proves the document was analysed before the insertion. */
const MARKER: Record<Lang, string> = { asl: '"replace me with a snippet"', 'asl-yaml': '"replace me with a snippet' };

const errorsIn = (document: vscode.TextDocument) =>
  vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.severity === vscode.DiagnosticSeverity.Error);

const EXTENSION: Record<string, string> = { asl: '.asl.json', 'asl-yaml': '.asl.yaml', json: '.json' };
let opened = 0;

/**
 * Opens a new unsaved file named like a real definition (`*.asl.json`, `*.asl.yaml`), so the language comes
 * from the extension's own file association. Each gets a fresh name: reusing an untitled URI right after
 * closing it can let the old document's close event clear the new one's diagnostics.
 */
async function openUntitled(language: string, content: string): Promise<vscode.TextEditor> {
  const name = `snippet-test-${++opened}${EXTENSION[language]}`;
  const uri = vscode.Uri.joinPath(workspaceRoot(), name).with({ scheme: 'untitled' });
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  assert.equal(editor.document.languageId, language, `${name} opens as ${editor.document.languageId}`);
  assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content)));
  return editor;
}

async function closeAll(): Promise<void> {
  // Untitled documents: revert so closing does not ask to save.
  for (const editor of vscode.window.visibleTextEditors) {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

/** The document a snippet goes into, with MARKER where the snippet belongs. */
function hostText(spec: SnippetSpec, language: Lang): string {
  const first = spec.kind === 'state' ? templateDefault(Object.keys(spec.body)[0]!) : undefined;
  return language === 'asl' ? jsonMachine(spec, MARKER.asl, first) : yamlMachine(spec, MARKER['asl-yaml'], first);
}

suite('snippets: offered in ASL documents', () => {
  suiteTeardown(closeAll);

  for (const [language, start] of [
    ['asl', '{\n  "StartAt": "A",\n  "States": {\n    sfnx\n  }\n}\n'],
    ['asl-yaml', 'StartAt: A\nStates:\n  sfnx\n'],
  ] as const) {
    test(`every crossing snippet is offered as a Snippet in ${language}`, async () => {
      const editor = await openUntitled(language, start);
      const position = positionOf(editor.document, 'sfnx').translate(0, 4);
      const items = await waitFor(
        async () => {
          const list = (await executeCompletion(editor.document.uri, position)).filter((i) =>
            labelOf(i).startsWith('sfnx-'),
          );
          return list.length >= SNIPPETS.length && list;
        },
        { message: `the sfnx snippets in ${language}` },
      );
      for (const spec of SNIPPETS) {
        const item = items.find((i) => labelOf(i) === spec.prefix);
        assert.ok(item, `${spec.prefix} is not offered in ${language}`);
        assert.equal(item.kind, vscode.CompletionItemKind.Snippet, spec.prefix);
      }
    });
  }

  test('the snippets are not offered in plain JSON', async () => {
    const editor = await openUntitled('json', '{\n  sfnx\n}\n');
    const items = await executeCompletion(editor.document.uri, positionOf(editor.document, 'sfnx').translate(0, 4));
    assert.deepEqual(items.filter((i) => labelOf(i).startsWith('sfnx-')).map(labelOf), []);
  });
});

suite('snippets: inserting one gives a valid document', () => {
  suiteTeardown(closeAll);

  for (const spec of SNIPPETS) {
    for (const language of ['asl', 'asl-yaml'] as const) {
      test(`${spec.prefix} in ${language}`, async () => {
        const editor = await openUntitled(language, hostText(spec, language));
        const document = editor.document;
        await waitFor(() => errorsIn(document).length > 0, { message: 'the error on the placeholder line' });
        const start = positionOf(document, MARKER[language]);
        editor.selection = new vscode.Selection(start, start.translate(0, MARKER[language].length));
        await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: language, name: spec.name });
        assert.ok(!document.getText().includes(MARKER[language]), 'the snippet was not inserted');
        await waitFor(() => errorsIn(document).length === 0, {
          message: `no error diagnostics after inserting ${spec.prefix}; errors: ${errorsIn(document)
            .map((d) => `${String((d.code as { value?: unknown })?.value ?? d.code)} ${d.message}`)
            .join(' | ')}\n${document.getText()}`,
        });
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      });
    }
  }
});

suite('snippets: schema hover and completion in crossing parts', () => {
  suiteTeardown(closeAll);

  test('hovering a crossing field shows the schema description (JSON and YAML)', async () => {
    const spec = SNIPPETS.find((s) => s.prefix === 'sfnx-apigw-jsonata')!;
    for (const language of ['asl', 'asl-yaml'] as const) {
      const editor = await openUntitled(language, hostText(spec, language));
      const start = positionOf(editor.document, MARKER[language]);
      editor.selection = new vscode.Selection(start, start.translate(0, MARKER[language].length));
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: language, name: spec.name });
      const hover = await waitFor(
        async () =>
          (await executeHover(editor.document.uri, positionOf(editor.document, 'AuthType').translate(0, 2))).join('\n'),
        { message: `a hover on AuthType in ${language}` },
      );
      assert.match(hover, /How the request is authorised/);
      const endpoint = (
        await executeHover(editor.document.uri, positionOf(editor.document, 'ApiEndpoint').translate(0, 2))
      ).join('\n');
      assert.match(endpoint, /The API host only/);
    }
  });

  test('completion inside http:invoke Parameters offers the schema fields', async () => {
    const editor = await openUntitled(
      'asl',
      [
        '{',
        '  "StartAt": "Call",',
        '  "States": {',
        '    "Call": {',
        '      "Type": "Task",',
        '      "Resource": "arn:aws:states:::http:invoke",',
        '      "Parameters": {',
        '        "ApiEndpoint": "https://api.example.com/v1",',
        '        ',
        '      },',
        '      "End": true',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
    const position = new vscode.Position(positionOf(editor.document, '"ApiEndpoint"').line + 1, 8);
    const labels = await waitFor(
      async () => {
        const found = (await executeCompletion(editor.document.uri, position)).map(labelOf);
        return found.includes('Authentication') && found;
      },
      { message: 'the schema fields of http:invoke' },
    );
    for (const name of ['Method', 'Authentication', 'Transform'])
      assert.ok(labels.includes(name), `${name} in ${labels.join(', ')}`);
  });
});

suite('snippets: the invoker payload schema in plain JSON files', () => {
  suiteTeardown(closeAll);

  test("VS Code's JSON support validates a *.invoker.json test event with our schema (jsonValidation)", async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), `event-${++opened}.invoker.json`).with({ scheme: 'untitled' });
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), {
      preview: false,
    });
    assert.equal(editor.document.languageId, 'json');
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '{ "service": "s3", "action": "GetObject" }\n'));
    const messages = await waitFor(
      () => {
        const found = vscode.languages.getDiagnostics(uri).map((d) => d.message);
        return found.some((m) => /region/.test(m)) && found;
      },
      { message: 'the JSON schema diagnostics of the invoker payload', timeout: 20_000 },
    );
    assert.ok(
      messages.some((m) => /camelCase/.test(m)),
      messages.join(' | '),
    );
  });
});
