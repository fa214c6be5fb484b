// The source readers never throw: every truncation and a sample of character edits of the example
// templates, Terraform and Serverless texts still come back as findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintSource, type SourceHost } from '../../../src/core/sources';

const examples = path.resolve(__dirname, '../../../examples/templates');
const host: SourceHost = {
  readFile: (f) => {
    try {
      return fs.readFileSync(f, 'utf8');
    } catch {
      return undefined;
    }
  },
  listFiles: () => [],
};

const terraform = `resource "aws_sfn_state_machine" "a" {
  definition = jsonencode({ StartAt = "A", States = { A = { Type = "Pass", End = true } } })
}
resource "aws_sfn_state_machine" "b" {
  definition = templatefile("\${path.module}/x.asl.json", { a = "b", c = aws_iam_role.r.arn })
}
`;
const serverless = `stepFunctions:
  stateMachines:
    flow:
      definition:
        StartAt: A
        States:
          A: { Type: Pass, End: true }
`;

function sources(): Array<{ file: string; text: string }> {
  const out = [
    { file: path.join(examples, 'main.tf'), text: terraform },
    { file: path.join(examples, 'serverless.yml'), text: serverless },
  ];
  for (const dir of fs.readdirSync(examples)) {
    const file = path.join(examples, dir, 'template.yaml');
    if (fs.existsSync(file)) out.push({ file, text: fs.readFileSync(file, 'utf8') });
  }
  return out;
}

test('truncated and edited sources never make the readers throw', () => {
  let runs = 0;
  for (const { file, text } of sources()) {
    const step = Math.max(1, Math.floor(text.length / 50));
    for (let cut = 0; cut <= text.length; cut += step) {
      const variants = [text.slice(0, cut), text.slice(0, cut) + '}]"\n' + text.slice(cut + 3)];
      for (const v of variants) {
        const r = lintSource(file, v, host);
        assert.ok(r.files.has(file));
        runs++;
      }
    }
  }
  assert.ok(runs > 200, `only ${runs} variants`);
});
