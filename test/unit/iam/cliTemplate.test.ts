// The real CLI on a template: `policy --template T` prints a unified diff (and the other-account templates) and
// changes nothing; `--write` writes the template (the diff applies with `patch`), a second run has nothing to do.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseTemplate } from '../../../src/core/iam/templateDoc';

const ROOT = path.resolve(__dirname, '../../..');

function run(args: string[], _dir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'policy', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function copy(name: string): { dir: string; file: string; text: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sfn-tpl-'));
  const text = fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return { dir, file, text };
}

void test('policy --template prints the diff and the other-account template, and writes nothing', () => {
  const { dir, file, text } = copy('sam-template.yaml');
  const r = run(['--template', file], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^--- a\/.*sam-template\.yaml\n\+\+\+ b\/.*sam-template\.yaml\n@@ /);
  assert.match(r.stdout, /^\+ +- Sid: CrossingsLambdaInvoke$/m);
  assert.match(r.stdout, /# For another account: Role assumed by state machine OrderStateMachine/);
  assert.equal(fs.readFileSync(file, 'utf8'), text, 'the template is unchanged');
  assert.deepEqual(fs.readdirSync(dir), ['sam-template.yaml']);
  // The printed diff is a real patch.
  const diff = r.stdout.slice(0, r.stdout.indexOf('\n# For another account'));
  const patched = spawnSync('patch', ['-s', '-o', '-', file], { input: diff + '\n', encoding: 'utf8' });
  assert.equal(patched.status, 0, patched.stderr);
  assert.match(patched.stdout, /Sid: CrossingsDynamoDb/);
});

void test('policy --template --write writes the template and the other-account template; a second run is a no-op', () => {
  const { dir, file } = copy('sam-template.yaml');
  const w = run(['--template', file, '--write'], dir);
  assert.equal(w.code, 0, w.stderr);
  assert.match(
    w.stdout,
    /wrote .*sam-template\.yaml: added CrossingsAssumeTargetRoles, CrossingsDynamoDb, CrossingsLambdaInvoke/,
  );
  const saved = parseTemplate(fs.readFileSync(file, 'utf8')).value as { Resources: Record<string, unknown> };
  assert.ok(saved.Resources.OrderStateMachine);
  assert.ok(fs.existsSync(path.join(dir, 'OrderStateMachine-crossAccount-0.yaml')));
  const again = run(['--template', file, '--write'], dir);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /already has the required IAM/);
});

void test('policy --template: errors are one line (several machines, unknown machine, --write without --template)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sfn-tpl-'));
  const two = path.join(dir, 't.yaml');
  const m =
    '{ Type: AWS::StepFunctions::StateMachine, Properties: { Definition: { StartAt: P, States: { P: { Type: Pass, End: true } } } } }';
  fs.writeFileSync(two, `Resources:\n  A: ${m}\n  B: ${m}\n`);
  const r = run(['--template', two], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /2 state machines: name one \(A, B\)/);
  assert.match(run(['--template', two, '--machine', 'Z'], dir).stderr, /no state machine Z/);
  assert.equal(run(['--template', two, '--machine', 'A'], dir).code, 0);
  const u = run(['--write'], dir);
  assert.equal(u.code, 2);
  assert.match(u.stderr, /--write and --machine go with --template/);
});
