// The real CLI (dist/cli.js, built by `npm test`) on templates: `lint template.yaml` reports on template
// lines, `lint .` walks a project (templates, definitions, cdk.out) and reports a referenced definition once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const cli = path.resolve(__dirname, '../../../dist/cli.js');

const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  Inline:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: A
        States:
          A:
            Type: Pass
            Next: Nowhere
  FromFile:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/flow.asl.json
      DefinitionSubstitutions:
        First: Start
`;
// Alone, "${First}" names no state; through the template it is "Start".
const flow = '{\n  "StartAt": "${First}",\n  "States": {\n    "Start": { "Type": "Pass", "Next": "Gone" }\n  }\n}\n';
const cdkTemplate = JSON.stringify(
  {
    Resources: {
      Machine: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: { DefinitionString: '{"StartAt":"X","States":{"X":{"Type":"Succeed"}},"Oops":1}' },
        Metadata: { 'aws:cdk:path': 'App/Machine/Resource' },
      },
    },
  },
  null,
  1,
);

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sfn-tpl-'));
  fs.mkdirSync(path.join(dir, 'statemachine'));
  fs.mkdirSync(path.join(dir, 'node_modules/dep'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'cdk.out/asset.123'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'template.yaml'), template);
  fs.writeFileSync(path.join(dir, 'statemachine/flow.asl.json'), flow);
  fs.writeFileSync(path.join(dir, 'cdk.out/App.template.json'), cdkTemplate);
  fs.writeFileSync(path.join(dir, 'cdk.out/asset.123/template.yaml'), template);
  fs.writeFileSync(path.join(dir, 'node_modules/dep/template.yaml'), template);
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name": "x"}');
  return dir;
}

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Row = { file: string; line: number; column: number; code: string; path: string; message: string };

test('lint template.yaml reports the inline definition on template lines and the DefinitionUri file with its substitutions', () => {
  const cwd = project();
  const r = run(['lint', '--format', 'json', 'template.yaml'], cwd);
  assert.equal(r.code, 1, r.stderr);
  const rows = (JSON.parse(r.stdout) as Row[]).filter((f) => f.code === 'ASL102');
  assert.deepEqual(
    rows.map((f) => [f.file, f.line, f.column, f.path]),
    [
      [path.join('statemachine', 'flow.asl.json'), 4, 40, '/States/Start/Next'],
      ['template.yaml', 11, 19, '/Resources/Inline/Properties/Definition/States/A/Next'],
    ],
  );
  const all = JSON.parse(r.stdout) as Row[];
  assert.ok(!all.some((f) => f.code === 'ASL101'), 'StartAt ${First} was substituted: ' + r.stdout);
});

test('lint . walks the project: templates, cdk.out templates, no asset folders or node_modules, each file once', () => {
  const cwd = project();
  const r = run(['lint', '--format', 'json', '.'], cwd);
  assert.equal(r.code, 1, r.stderr);
  const rows = JSON.parse(r.stdout) as Row[];
  const files = [...new Set(rows.map((f) => f.file))].sort();
  assert.deepEqual(files, [
    path.join('cdk.out', 'App.template.json'),
    path.join('statemachine', 'flow.asl.json'),
    'template.yaml',
  ]);
  const cdk = rows.filter((f) => f.file.startsWith('cdk.out'));
  assert.equal(cdk.length, 1);
  assert.equal(cdk[0]!.path, '/Resources/Machine/Properties/DefinitionString/Oops');
  assert.match(cdk[0]!.message, /\[App\/Machine\/Resource\]$/);
  // The referenced file is reported once, through the template (so without an ASL101 for "${First}").
  const flowRows = rows.filter((f) => f.file.endsWith('flow.asl.json'));
  assert.deepEqual(flowRows.map((f) => f.code).sort(), ['ASL102', 'ASL104']);
  const text = run(['lint', '.'], cwd);
  assert.match(text.stdout, /3 file\(s\) checked: 5 error\(s\)/);
});

test('lint of a template that does not parse: one clear finding, exit 1', () => {
  const cwd = project();
  fs.writeFileSync(
    path.join(cwd, 'broken.json'),
    '{"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine",, }}}',
  );
  const r = run(['lint', '--format', 'json', 'broken.json'], cwd);
  assert.equal(r.code, 1);
  const rows = JSON.parse(r.stdout) as Row[];
  assert.deepEqual(
    rows.map((f) => f.code),
    ['SRC001'],
  );
});
