// The crossing rules through the real CLI (`sfn-crossings lint`): exit codes and JSON output on the examples.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
function lint(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'lint', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

void test('the seeds example fails the CLI with both crossing errors; the valid crossing example passes', () => {
  const broken = lint('--format', 'json', 'examples/seed-broken-api-call.asl.json');
  assert.equal(broken.status, 1, broken.stderr);
  const findings = JSON.parse(broken.stdout) as Array<{ code: string; line: number; path: string }>;
  assert.deepEqual(
    findings.map((f) => f.code),
    ['XC203', 'XC206'],
  );
  assert.equal(findings[1]!.path, '/States/Call external API/Parameters/Headers/Authorization');
  const valid = lint('examples/crossing-valid.asl.json', 'examples/crossing-mixed.asl.yaml', '--no-document-rules');
  assert.equal(valid.status, 1, 'crossing-mixed has an error (XC303/XC305)');
  assert.equal(lint('examples/crossing-valid.asl.json').status, 0);
});

void test('--invoker-name changes which Lambda tasks are invoker calls', () => {
  const text = lint('--format', 'json', '--invoker-name', 'another-function', 'examples/crossing-invoker.asl.json');
  assert.deepEqual(JSON.parse(text.stdout), [], 'no task calls "another-function"');
});
