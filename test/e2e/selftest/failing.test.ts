// Deliberately failing extension-host suite for the harness's own test: `npm run test:e2e` runs it and
// succeeds only if this failure makes the run exit non-zero. Leaves a marker file so the harness knows
// the failure came from a test that ran, not from a launch problem.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';

suite('harness self-test (expected to fail)', () => {
  test('runs in the extension host', () => {
    assert.ok(vscode.version.length > 0);
    const marker = process.env.SFN_E2E_SELFTEST_MARKER;
    if (marker) fs.writeFileSync(marker, `ran in VS Code ${vscode.version}\n`);
  });

  test('fails on purpose', () => {
    assert.equal(1 + 1, 3, 'deliberate failure: the harness must report this run as failed');
  });
});
