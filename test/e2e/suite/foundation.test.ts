// Foundation tests in the real extension host: activation on ASL files, the language ids, whole-document
// diagnostics as a user sees them (code, link, range, clearing after a fix), files we must leave alone,
// and the registration of every contributed command. Also measures and prints the activation time.
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { ruleDocUrl } from '../../../src/core/findings';
import {
  codeOf,
  DIAGNOSTIC_SOURCE,
  diagnosticsFor,
  extension,
  fixtureUri,
  openFixture,
  positionOf,
  revert,
  setText,
  waitFor,
  waitForDiagnostics,
} from './util';

suite('foundation: activation and languages', () => {
  test('runs inside the intended VS Code with the extension from this checkout', () => {
    console.log(
      `    VS Code ${vscode.version} (${vscode.env.appName}, remote ${vscode.env.remoteName ?? 'none'}), Node ${process.version}`,
    );
    assert.equal(
      vscode.version,
      process.env.SFN_E2E_EXPECT_VSCODE ?? vscode.version,
      'the harness asked for another VS Code',
    );
    assert.equal(extension().packageJSON.name, 'sfn-crossings');
    if (process.env.SFN_E2E_REPO) assert.equal(extension().extensionUri.fsPath, process.env.SFN_E2E_REPO);
  });

  test('activates when an .asl.json file opens, and reports the activation time', async () => {
    const ext = extension();
    assert.equal(ext.isActive, false, 'the extension was active before any ASL file opened');
    const started = performance.now();
    const document = await vscode.workspace.openTextDocument(fixtureUri('start-at-missing.asl.json'));
    await waitFor(() => ext.isActive, { interval: 5, message: 'activation after opening an .asl.json file' });
    const openToActive = performance.now() - started;
    const exported = (ext.exports as { activationMs?: unknown } | undefined)?.activationMs;
    console.log(
      `    activation: ${openToActive.toFixed(1)} ms from openTextDocument(.asl.json) to isActive (5 ms polling)` +
        (typeof exported === 'number' ? `; activate() itself: ${exported.toFixed(1)} ms (exports.activationMs)` : ''),
    );
    assert.equal(document.languageId, 'asl');
  });

  test('.asl.json is language "asl"; .asl.yaml and .asl.yml are "asl-yaml"', async () => {
    assert.equal((await openFixture('hello.asl.json')).languageId, 'asl');
    assert.equal((await openFixture('start-at-missing.asl.yaml')).languageId, 'asl-yaml');
    assert.equal((await openFixture('hello.asl.yml')).languageId, 'asl-yaml');
  });

  test('asl-yaml activates the extension too (declared, and served with diagnostics)', async () => {
    const ext = extension();
    const events: string[] = ext.packageJSON.activationEvents ?? [];
    const languages: { id: string }[] = ext.packageJSON.contributes?.languages ?? [];
    // VS Code >= 1.74 derives onLanguage:<id> for every contributed language.
    assert.ok(
      events.includes('onLanguage:asl-yaml') || languages.some((l) => l.id === 'asl-yaml'),
      'no activation path for asl-yaml documents',
    );
    const document = await openFixture('start-at-missing.asl.yaml');
    await waitForDiagnostics(document.uri, 'ASL101');
  });

  test('every command in package.json contributes.commands is registered', async () => {
    const contributed: { command: string }[] = extension().packageJSON.contributes?.commands ?? [];
    assert.ok(contributed.length > 0, 'package.json contributes no commands yet');
    await extension().activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});

suite('foundation: diagnostics', () => {
  test('StartAt naming a missing state gives ASL101 on the StartAt value, with a doc link', async () => {
    const document = await openFixture('start-at-missing.asl.json');
    const [diagnostic, ...others] = await waitForDiagnostics(document.uri, 'ASL101');
    assert.equal(others.length, 0, 'one ASL101 expected');
    assert.ok(diagnostic);
    assert.equal(diagnostic.source, DIAGNOSTIC_SOURCE);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(typeof diagnostic.code, 'object', 'code must be { value, target }');
    const code = diagnostic.code as { value: string | number; target: vscode.Uri };
    assert.equal(code.value, 'ASL101');
    assert.equal(code.target.toString(true), ruleDocUrl('ASL101'));
    const valueStart = positionOf(document, '"Missing"', '"StartAt"');
    assert.equal(diagnostic.range.start.line, valueStart.line, 'range must be on the StartAt line');
    assert.equal(
      document.getText(diagnostic.range).replace(/^"|"$/g, ''),
      'Missing',
      'range must cover the StartAt value',
    );
    assert.ok(diagnostic.message.includes('Missing'), `message should name the state: ${diagnostic.message}`);
  });

  test('the same mistake in YAML gives ASL101 on the YAML value', async () => {
    const document = await openFixture('start-at-missing.asl.yaml');
    const [diagnostic] = await waitForDiagnostics(document.uri, 'ASL101');
    assert.ok(diagnostic);
    assert.equal(diagnostic.range.start.line, positionOf(document, 'Missing', 'StartAt').line);
    assert.equal(document.getText(diagnostic.range).replace(/^["']|["']$/g, ''), 'Missing');
  });

  test('a state with both End and Next gets an error on one of them', async () => {
    const document = await openFixture('end-and-next.asl.json');
    const nextLine = positionOf(document, '"Next"', '"First"').line;
    const endLine = positionOf(document, '"End"', '"First"').line;
    const errors = await waitFor(
      () => {
        const found = diagnosticsFor(document.uri).filter(
          (d) =>
            d.severity === vscode.DiagnosticSeverity.Error &&
            (d.range.start.line === nextLine || d.range.start.line === endLine),
        );
        return found.length > 0 && found;
      },
      { message: 'an error on the Next or End of state First' },
    );
    for (const error of errors) {
      assert.match(codeOf(error) ?? '', /^ASL1\d\d$/, 'a document-structure code (ASL1xx)');
      assert.equal(error.range.start.line, error.range.end.line, 'the range is the key or value, not the state');
    }
  });

  test('an edit that fixes the mistake clears its diagnostic; undoing it brings it back', async () => {
    const document = await openFixture('start-at-missing.asl.json');
    await waitForDiagnostics(document.uri, 'ASL101');
    const original = document.getText();
    await setText(document, original.replace('"StartAt": "Missing"', '"StartAt": "Hello"'));
    await waitFor(() => diagnosticsFor(document.uri, { code: 'ASL101' }).length === 0, { message: 'ASL101 to clear' });
    assert.deepEqual(
      diagnosticsFor(document.uri)
        .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
        .map(codeOf),
      [],
      'the fixed definition has no errors',
    );
    await revert(document);
    await waitForDiagnostics(document.uri, 'ASL101');
  });

  test('a plain .json file whose root has StartAt + States is validated', async () => {
    const document = await openFixture('plain-state-machine.json');
    assert.equal(document.languageId, 'json');
    await waitForDiagnostics(document.uri, 'ASL101');
  });

  test('a JSON file that is not a state machine gets no diagnostics', async () => {
    // Opened together with a served file: once that one has its diagnostics, this one has had its turn.
    const other = await openFixture('not-a-state-machine.json');
    const witness = await setText(
      await openFixture('plain-state-machine.json'),
      '{ "StartAt": "Nowhere", "States": {} }\n',
    );
    await waitFor(() => diagnosticsFor(witness.uri).some((d) => witness.getText(d.range).includes('Nowhere')), {
      message: 'the witness file to be validated',
    });
    assert.deepEqual(diagnosticsFor(other.uri).map(codeOf), []);
    await revert(witness);
  });

  test('a valid definition gets no diagnostics', async () => {
    const valid = await openFixture('hello.asl.json');
    const witness = await openFixture('start-at-missing.asl.json');
    await setText(witness, witness.getText().replace('"Missing"', '"Missing2"'));
    await waitFor(() => diagnosticsFor(witness.uri).some((d) => witness.getText(d.range).includes('Missing2')), {
      message: 'the witness file to be validated',
    });
    assert.deepEqual(
      diagnosticsFor(valid.uri).map((d) => `${codeOf(d)}: ${d.message}`),
      [],
    );
    await revert(witness);
  });
});
