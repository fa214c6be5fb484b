// The ASL editor in the real extension host (the grammar's colours are asserted in the UI scene
// ui/language.mjs): the language configuration toggles comments, Format Document formats both languages keeping
// comments and key order, and state names work as symbols (completion at Next per scope, definition,
// references, rename edits of one scope, outline with Parallel branches nested).
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { mixedDefinition } from '../../../bench/generate';
import { executeCompletion, positionOf, waitFor, workspaceRoot } from './util';

const EXTENSION: Record<string, string> = { asl: '.asl.json', 'asl-yaml': '.asl.yaml' };
let opened = 0;

/** A new unsaved `*.asl.json` / `*.asl.yaml` file (language from our file association) holding `content`. */
async function openUntitled(language: 'asl' | 'asl-yaml', content: string): Promise<vscode.TextEditor> {
  const name = `editor-test-${++opened}${EXTENSION[language]}`;
  const uri = vscode.Uri.joinPath(workspaceRoot(), name).with({ scheme: 'untitled' });
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  assert.equal(editor.document.languageId, language, `${name} opens as ${editor.document.languageId}`);
  assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content)));
  return editor;
}

async function closeAll(): Promise<void> {
  for (const editor of vscode.window.visibleTextEditors) {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

const MACHINE = {
  StartAt: 'Check',
  States: {
    Check: {
      Type: 'Choice',
      Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Fan' }],
      Default: 'Done',
    },
    Fan: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Work', States: { Work: { Type: 'Pass', Next: '' }, Last: { Type: 'Succeed' } } },
        { StartAt: 'Other', States: { Other: { Type: 'Pass', End: true } } },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }],
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};
const MACHINE_TEXT = JSON.stringify(MACHINE, null, 2) + '\n';

suite('editor: language configuration and formatter', () => {
  suiteTeardown(closeAll);

  for (const [language, line, comment] of [
    ['asl', '  "StartAt": "A"', '//'],
    ['asl-yaml', 'StartAt: A', '#'],
  ] as const) {
    test(`Toggle Line Comment uses ${comment} in ${language}`, async () => {
      const editor = await openUntitled(language, `${line}\n`);
      editor.selection = new vscode.Selection(0, 3, 0, 3);
      await vscode.commands.executeCommand('editor.action.commentLine');
      assert.ok(editor.document.lineAt(0).text.trimStart().startsWith(comment), editor.document.lineAt(0).text);
    });
  }

  test('Format Document formats asl JSON, keeping key order and comments', async () => {
    const editor = await openUntitled('asl', '{"StartAt":"B",\n// first\n"States":{"B":{"Type":"Pass","End":true}}}\n');
    editor.options = { tabSize: 2, insertSpaces: true };
    await vscode.commands.executeCommand('editor.action.formatDocument');
    assert.equal(
      editor.document.getText(),
      '{\n  "StartAt": "B",\n  // first\n  "States": {\n    "B": {\n      "Type": "Pass",\n      "End": true\n    }\n  }\n}\n',
    );
  });

  test('format on save formats an .asl.json file when the user turns it on for asl', async () => {
    const file = vscode.Uri.joinPath(workspaceRoot(), 'format-on-save.asl.json');
    fs.writeFileSync(file.fsPath, '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}\n');
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'asl' });
    await config.update('formatOnSave', true, vscode.ConfigurationTarget.Workspace, true);
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      editor.options = { tabSize: 2, insertSpaces: true };
      assert.ok(await editor.edit((e) => e.insert(new vscode.Position(0, 1), ' ')));
      assert.ok(await editor.document.save());
      assert.equal(
        fs.readFileSync(file.fsPath, 'utf8'),
        '{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Succeed"\n    }\n  }\n}\n',
      );
    } finally {
      await config.update('formatOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(file.fsPath, { force: true });
    }
  });

  test('Format Document formats asl-yaml, keeping comments and quotes', async () => {
    const editor = await openUntitled(
      'asl-yaml',
      "StartAt:   A  # first\nStates:\n    A:\n        Type: 'Pass'\n        End: true\n",
    );
    editor.options = { tabSize: 2, insertSpaces: true };
    await vscode.commands.executeCommand('editor.action.formatDocument');
    assert.equal(editor.document.getText(), "StartAt: A # first\nStates:\n  A:\n    Type: 'Pass'\n    End: true\n");
  });
});

suite('editor: state names as symbols', () => {
  suiteTeardown(closeAll);

  test('completion at a branch state Next offers that branch states only', async () => {
    const editor = await openUntitled('asl', MACHINE_TEXT);
    const position = positionOf(editor.document, '""', '"Work": {').translate(0, 1);
    const items = await waitFor(
      async () => {
        const list = (await executeCompletion(editor.document.uri, position)).filter(
          (i) => i.kind === vscode.CompletionItemKind.Reference,
        );
        return list.length > 0 && list;
      },
      { message: 'state-name completion at Next' },
    );
    assert.deepEqual(items.map(labelOf).sort(), ['Last', 'Work']);
    const last = items.find((i) => labelOf(i) === 'Last')!;
    assert.equal(last.detail, 'Succeed state');
  });

  test('completion at a YAML Next offers the root states', async () => {
    const editor = await openUntitled(
      'asl-yaml',
      'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: \n  B:\n    Type: Succeed\n',
    );
    const position = positionOf(editor.document, 'Next: ').translate(0, 6);
    const items = await waitFor(
      async () => {
        const list = (await executeCompletion(editor.document.uri, position)).filter(
          (i) => i.kind === vscode.CompletionItemKind.Reference,
        );
        return list.length > 0 && list;
      },
      { message: 'state-name completion at a YAML Next' },
    );
    assert.deepEqual(items.map(labelOf).sort(), ['A', 'B']);
  });

  test('go to definition, references and rename of a root state', async () => {
    const editor = await openUntitled('asl', MACHINE_TEXT.replace('"Next": ""', '"Next": "Last"'));
    const document = editor.document;
    const onDefault = positionOf(document, '"Done"', '"Default"').translate(0, 2);
    const definitions = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      onDefault,
    );
    const definition = definitions.find((d) => d.uri.toString() === document.uri.toString());
    assert.ok(definition, 'no definition of Done');
    assert.equal(document.getText(definition.range), '"Done"');
    assert.equal(definition.range.start.line, positionOf(document, '"Done": {').line);

    const references = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      onDefault,
    );
    assert.equal(references.length, 4, 'declaration + Default + Catch + Next');

    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      onDefault,
      'Finished',
    );
    const edits = edit.get(document.uri);
    assert.equal(edits.length, 4);
    assert.ok(edits.every((e) => e.newText === '"Finished"'));
    assert.deepEqual(
      edits.map((e) => document.getText(e.range)),
      ['"Done"', '"Done"', '"Done"', '"Done"'],
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(!document.getText().includes('"Done"'));
    assert.equal((document.getText().match(/"Finished"/g) ?? []).length, 4);
  });

  test('rename inside a Parallel branch changes that branch only; a taken name is refused', async () => {
    const editor = await openUntitled('asl', MACHINE_TEXT.replace('"Next": ""', '"Next": "Last"'));
    const document = editor.document;
    const onLast = positionOf(document, '"Last"', '"Work": {').translate(0, 2);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      onLast,
      'Closing',
    );
    const lines = edit.get(document.uri).map((e) => e.range.start.line);
    assert.deepEqual(
      lines.sort((a, b) => a - b),
      [positionOf(document, '"Last"', '"Work": {').line, positionOf(document, '"Last": {').line],
    );
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, onLast, 'Check'),
      ),
      /already has a state named "Check"/,
    );
  });

  test('the outline lists the states with Parallel branches nested', async () => {
    const editor = await openUntitled('asl', MACHINE_TEXT);
    const symbols = await waitFor(
      async () =>
        await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
          'vscode.executeDocumentSymbolProvider',
          editor.document.uri,
        ),
      { message: 'document symbols' },
    );
    const tree = (list: vscode.DocumentSymbol[]): unknown =>
      list.map((s) => (s.children.length ? [s.name, tree(s.children)] : s.name));
    assert.deepEqual(tree(symbols), [
      'Check',
      [
        'Fan',
        [
          ['Branch 1', ['Work', 'Last']],
          ['Branch 2', ['Other']],
        ],
      ],
      'Done',
    ]);
    assert.equal(symbols[1]!.detail, 'Parallel');
  });
});

suite('editor: whole-definition snippets', () => {
  suiteTeardown(closeAll);

  for (const [language, name] of [
    ['asl', 'State machine: whole definition (JSONPath)'],
    ['asl-yaml', 'State machine: whole definition (JSONata)'],
  ] as const) {
    test(`${name} in an empty ${language} file: offered, inserted valid, cursor on the first tab stop`, async () => {
      const editor = await openUntitled(language, 'sfnx');
      const document = editor.document;
      const items = await waitFor(
        async () =>
          (await executeCompletion(document.uri, new vscode.Position(0, 4))).filter(
            (i) => i.kind === vscode.CompletionItemKind.Snippet && labelOf(i).startsWith('sfnx-machine'),
          ),
        { message: 'the whole-definition snippets' },
      );
      assert.deepEqual(items.map(labelOf).sort(), ['sfnx-machine', 'sfnx-machine-jsonata']);
      // 'sfnx' alone is not a definition: its diagnostic proves the document was analysed before the insertion.
      await waitFor(() => vscode.languages.getDiagnostics(document.uri).length > 0, {
        message: 'a diagnostic on "sfnx"',
      });
      editor.selection = new vscode.Selection(0, 0, 0, 4);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: language, name });
      assert.ok(document.getText().includes('StartAt'), document.getText());
      // The first tab stop (the Comment) is selected, ready to type over.
      assert.equal(document.getText(editor.selection), 'What this state machine does');
      await waitFor(() => vscode.languages.getDiagnostics(document.uri).length === 0, {
        message: `no diagnostics on the inserted definition: ${vscode.languages
          .getDiagnostics(document.uri)
          .map((d) => d.message)
          .join(' | ')}`,
      });
      // Tab twice: the second stop is the first state's name, mirrored in StartAt and in the States key.
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      assert.equal(editor.selections.length, 2, 'StartAt and the state key are edited together');
      assert.ok(editor.selections.every((s) => document.getText(s) === 'FirstState'));
    });
  }
});

suite('editor: clear remote errors', () => {
  suiteTeardown(closeAll);
  const saved: Record<string, string | undefined> = {};
  const env = {
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'example-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  suiteSetup(() => {
    for (const [key, value] of Object.entries(env)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
  });
  suiteTeardown(() => {
    for (const [key, value] of Object.entries(saved))
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  });

  test('an endpoint that answers with a web page is named in one sentence', async () => {
    // A real HTTP server that answers every request like a proxy's login page.
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><body>Please sign in to the proxy</body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpointUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const editor = await openUntitled('asl', MACHINE_TEXT.replace('"Next": ""', '"Next": "Last"'));
      const outcome = await vscode.commands.executeCommand<{ ok: boolean; message?: string }>(
        'sfnCrossings.validateRemote',
        { uri: editor.document.uri.toString(), region: 'us-east-1', endpointUrl },
      );
      assert.equal(outcome?.ok, false);
      assert.equal(
        outcome?.message,
        `${endpointUrl} answered with a web page, not the Step Functions API: check the endpoint URL (setting sfnCrossings.aws.endpointUrl or AWS_ENDPOINT_URL) and any proxy in between.`,
      );
    } finally {
      server.close();
    }
  });
});

/**
 * Latency in the real editor, measured (never asserted as a time: SFN_E2E_LATENCY=1 runs it, for
 * docs/benchmarks.md): open -> first diagnostics, and keystroke -> updated diagnostics, on 100-, 1,500- and
 * 5,000-state definitions, plus the longest stall of the extension host's event loop while it works (a 5 ms
 * timer in this same thread: a gap above 5 ms is time the host was blocked).
 */
suite('latency: diagnostics in the real editor', function () {
  suiteSetup(function () {
    if (process.env.SFN_E2E_LATENCY !== '1') this.skip();
  });
  suiteTeardown(closeAll);
  this.timeout(180_000);

  /** Resolves at the first diagnostics change for `uri` after now that `accept` takes. */
  const nextDiagnostics = (uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean) =>
    new Promise<number>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (!e.uris.some((u) => u.toString() === uri.toString())) return;
        const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sfn-crossings');
        if (!accept(ours)) return;
        sub.dispose();
        resolve(performance.now());
      });
    });

  /** Records the longest gap between 5 ms timer ticks until stopped. */
  function stallMeter() {
    let last = performance.now();
    let worst = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last - 5);
      last = now;
    }, 5);
    return () => {
      clearInterval(timer);
      return worst;
    };
  }

  for (const states of [100, 1500, 5000]) {
    test(`${states} states`, async () => {
      // One broken Next so the definition always has a finding to publish.
      const text = mixedDefinition(states).replace('"End": true', '"Next": "Nowhere"');
      const file = vscode.Uri.joinPath(workspaceRoot(), `latency-${states}.asl.json`);
      fs.writeFileSync(file.fsPath, text);
      const debounce = vscode.workspace.getConfiguration('sfnCrossings').get<number>('validation.debounceMs', 300);
      const hasBroken = (name: string) => (d: readonly vscode.Diagnostic[]) => d.some((x) => x.message.includes(name));

      let stop = stallMeter();
      const openStart = performance.now();
      const firstShown = nextDiagnostics(file, hasBroken('"Nowhere"'));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), {
        preview: false,
      });
      const openMs = (await firstShown) - openStart;
      const openStall = stop();

      const keystrokes: number[] = [];
      const stalls: number[] = [];
      for (let i = 0; i < 5; i++) {
        const at = positionOf(editor.document, '"Nowhere').translate(0, 8);
        const updated = nextDiagnostics(file, hasBroken(`"Nowhere${'x'.repeat(i + 1)}"`));
        stop = stallMeter();
        const typed = performance.now();
        assert.ok(await editor.edit((e) => e.insert(at, 'x')));
        keystrokes.push((await updated) - typed);
        stalls.push(stop());
      }
      const median = [...keystrokes].sort((a, b) => a - b)[2]!;
      console.log(
        `LATENCY ${states} states (${Math.round(text.length / 1024)} KB): open->diagnostics ${openMs.toFixed(0)} ms ` +
          `(host stall max ${openStall.toFixed(0)} ms); keystroke->diagnostics median ${median.toFixed(0)} ms = ` +
          `debounce ${debounce} + ${(median - debounce).toFixed(0)} ms (all: ${keystrokes.map((k) => k.toFixed(0)).join(', ')}); ` +
          `host stall max ${Math.max(...stalls).toFixed(0)} ms`,
      );
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(file.fsPath, { force: true });
    });
  }
});
