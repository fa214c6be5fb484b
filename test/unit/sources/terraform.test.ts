// Terraform sources: aws_sfn_state_machine definitions from templatefile() (vars substituted or described),
// file(), a heredoc, jsonencode({...}) and data.template_file, each finding at its line in the right file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintSource, type SourceHost } from '../../../src/core/sources';
import { LineIndex } from '../../../src/core/parse/lineIndex';
import type { Finding } from '../../../src/core/findings';

function hostOf(files: Record<string, string>): SourceHost {
  return {
    readFile: (f) => files[f],
    listFiles: (dir) =>
      Object.keys(files).filter((f) => f.startsWith(dir + '/') && !f.slice(dir.length + 1).includes('/')),
  };
}

function lines(text: string, findings: Finding[], code: string) {
  const index = new LineIndex(text);
  return findings
    .filter((f) => f.code === code)
    .map((f) => {
      const p = index.positionAt(f.offset);
      return [p.line + 1, p.character + 1, text.slice(f.offset, f.offset + f.length)];
    });
}

/** 1-based line and column of a needle, found independently of the tool. */
function spot(text: string, needle: string): [number, number] {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return [before.length, before[before.length - 1]!.length + 1];
}

const definitionFile = `{
  "StartAt": "\${first}",
  "States": {
    "Start": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": { "FunctionName": "\${fn_arn}" },
      "Next": "Nowhere"
    }
  }
}
`;

test('templatefile(): literal vars substituted, references described, the finding in the definition file', () => {
  const tf = `resource "aws_sfn_state_machine" "orders" {
  name       = "orders"
  definition = templatefile("\${path.module}/sm/orders.asl.json", {
    first  = "Start"
    fn_arn = aws_lambda_function.charge.arn
  })
}
`;
  const host = hostOf({ '/p/main.tf': tf, '/p/sm/orders.asl.json': definitionFile });
  const r = lintSource('/p/main.tf', tf, host);
  assert.equal(r.kind, 'terraform');
  const unit = r.machines[0]!.unit;
  assert.equal(unit.name, 'aws_sfn_state_machine.orders');
  assert.equal(unit.file, '/p/sm/orders.asl.json');
  assert.ok(unit.parsed.text.includes('"StartAt": "Start"'));
  assert.deepEqual(unit.substitutions.symbols.get('fn_arn'), {
    kind: 'lambdaFunction',
    logicalId: 'aws_lambda_function.charge',
    attribute: 'arn',
  });
  const inFile = r.files.get('/p/sm/orders.asl.json')!.findings;
  assert.deepEqual(lines(definitionFile, inFile, 'ASL102'), [[8, 15, '"Nowhere"']]);
  assert.ok(!inFile.some((f) => f.code === 'ASL101'), 'StartAt was substituted');
});

test('a heredoc and jsonencode({...}): findings on the .tf lines', () => {
  const tf = `resource "aws_sfn_state_machine" "heredoc" {
  definition = <<EOF
{
  "StartAt": "A",
  "States": { "A": { "Type": "Pass", "Next": "Lost" } }
}
EOF
}

resource "aws_sfn_state_machine" "encoded" {
  definition = jsonencode({
    StartAt = "A"
    States = {
      A = {
        Type     = "Task"
        Resource = aws_lambda_function.f.arn
        Next     = "Gone"
      }
    }
  })
}
`;
  const r = lintSource('/p/main.tf', tf, hostOf({ '/p/main.tf': tf }));
  assert.deepEqual(
    r.machines.map((m) => m.unit.name),
    ['aws_sfn_state_machine.heredoc', 'aws_sfn_state_machine.encoded'],
  );
  const found = lines(tf, r.files.get('/p/main.tf')!.findings, 'ASL102');
  assert.deepEqual(found, [
    [...spot(tf, '"Lost"'), '"Lost"'],
    [...spot(tf, '"Gone"'), '"Gone"'],
  ]);
  // The Terraform reference in Resource is a placeholder, not an invalid ARN.
  assert.ok(!r.files.get('/p/main.tf')!.findings.some((f) => f.path.endsWith('/Resource')));
});

test('data.template_file in a sibling .tf file, file(), and a computed definition', () => {
  const main = `resource "aws_sfn_state_machine" "a" {
  definition = data.template_file.def.rendered
}
resource "aws_sfn_state_machine" "b" {
  definition = file("sm/orders.asl.json")
}
resource "aws_sfn_state_machine" "c" {
  definition = var.definition
}
`;
  const data = `data "template_file" "def" {
  template = file("\${path.module}/sm/orders.asl.json")
  vars = {
    first = "Start"
  }
}
`;
  const host = hostOf({ '/p/main.tf': main, '/p/data.tf': data, '/p/sm/orders.asl.json': definitionFile });
  const r = lintSource('/p/main.tf', main, host);
  const a = r.machines.find((m) => m.unit.name === 'aws_sfn_state_machine.a')!;
  assert.ok(a.unit.parsed.text.includes('"StartAt": "Start"'));
  const b = r.machines.find((m) => m.unit.name === 'aws_sfn_state_machine.b')!;
  assert.ok(b.unit.parsed.text.includes('"StartAt": "${first}"'), 'file() does not template');
  assert.deepEqual(
    lines(main, r.files.get('/p/main.tf')!.findings, 'SRC004').map((x) => x[0]),
    [8],
  );
});
