// The real CLI (dist/cli.js, built by `npm test`): formats, folder walking, globs and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const cli = path.resolve(__dirname, '../../../dist/cli.js');
const good = '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}';
const bad = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Pass", "End": true,}\n  }\n}';

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sfn-cli-'));
  fs.mkdirSync(path.join(dir, 'defs/nested'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'node_modules/x'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'defs/good.asl.json'), good);
  fs.writeFileSync(path.join(dir, 'defs/nested/bad.asl.json'), bad);
  fs.writeFileSync(
    path.join(dir, 'defs/nested/good.asl.yaml'),
    'StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n',
  );
  fs.writeFileSync(path.join(dir, 'defs/other.json'), '{"not": "a definition"}');
  fs.writeFileSync(path.join(dir, 'node_modules/x/ignored.asl.json'), bad);
  return dir;
}

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('lint --format json walks folders and prints the documented finding shape', () => {
  const cwd = workspace();
  const r = run(['lint', '--format', 'json', 'defs'], cwd);
  assert.equal(r.code, 1, r.stderr);
  const findings = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0], {
    file: path.join('defs', 'nested', 'bad.asl.json'),
    line: 4,
    column: 38,
    endLine: 4,
    endColumn: 39,
    severity: 'error',
    code: 'ASL003',
    message: 'Trailing comma: Step Functions rejects it. Remove the comma.',
    path: '/States/A',
  });
});

test('lint exits 0 on valid files, with a text summary', () => {
  const cwd = workspace();
  const r = run(['lint', 'defs/good.asl.json', 'defs/nested/good.asl.yaml'], cwd);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /2 file\(s\) checked: 0 error\(s\)/);
});

test('lint expands globs', () => {
  const cwd = workspace();
  const r = run(['lint', '--format', 'json', 'defs/**/*.asl.yaml'], cwd);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), []);
});

test('lint --format sarif prints SARIF 2.1.0 with rules and regions', () => {
  const cwd = workspace();
  const r = run(['lint', '--format', 'sarif', 'defs'], cwd);
  assert.equal(r.code, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  assert.equal(run0.tool.driver.name, 'sfn-crossings');
  assert.deepEqual(
    run0.tool.driver.rules.map((x: { id: string }) => x.id),
    ['ASL003'],
  );
  const result = run0.results[0];
  assert.equal(result.level, 'error');
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'defs/nested/bad.asl.json');
  assert.deepEqual(result.locations[0].physicalLocation.region, {
    startLine: 4,
    startColumn: 38,
    endLine: 4,
    endColumn: 39,
  });
});

test('usage errors and unreadable paths exit 2 with one line and no stack trace', () => {
  const cwd = workspace();
  for (const args of [
    ['lint'],
    ['lint', '--format', 'xml', 'defs'],
    ['lint', 'missing.asl.json'],
    ['lint', '--bogus', 'defs'],
    ['frobnicate'],
  ]) {
    const r = run(args, cwd);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('an unreadable file exits 2', { skip: process.getuid?.() === 0 ? 'root reads every file' : false }, () => {
  const cwd = workspace();
  const f = path.join(cwd, 'defs/good.asl.json');
  fs.chmodSync(f, 0o000);
  const r = run(['lint', 'defs/good.asl.json'], cwd);
  assert.equal(r.code, 2);
});

test('a folder given as unreadable file path (a directory named *.asl.json) exits 2', () => {
  const cwd = workspace();
  fs.mkdirSync(path.join(cwd, 'dir.asl.json'));
  fs.writeFileSync(path.join(cwd, 'dir.asl.json', 'inner.asl.json'), good);
  const r = run(['lint', 'dir.asl.json'], cwd);
  assert.equal(r.code, 0, 'a folder is walked, whatever its name');
});
