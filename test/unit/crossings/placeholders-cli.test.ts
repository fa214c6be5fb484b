// Issue 14 through the real CLI (`sfn-crossings lint`): a SAM-style definition file full of deploy-time
// placeholders (role, API host, connection, numbers in YAML) lints clean, and one literal mistake next to
// them is still an error.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

const DEFINITION = `StartAt: Wait
States:
  Wait:
    Type: Wait
    Seconds: \${ReminderSeconds}
    Next: Call API
  Call API:
    Type: Task
    Resource: arn:\${AWS::Partition}:states:::apigateway:invoke.waitForTaskToken
    Credentials:
      RoleArn: \${TargetRoleArn}
    Parameters:
      ApiEndpoint: \${ApiId}.execute-api.\${AWS::Region}.amazonaws.com
      Method: POST
      Stage: prod
      AuthType: IAM_ROLE
      RequestBody:
        token.$: $$.Task.Token
    Next: Notify
  Notify:
    Type: Task
    Resource: arn:aws:states:us-east-1:111122223333:aws-sdk:sns:publish
    Parameters:
      TopicArn: \${TopicArn}
      Message.$: $.text
    Next: Partner
  Partner:
    Type: Task
    Resource: arn:aws:states:::http:invoke
    Parameters:
      ApiEndpoint: \${PartnerUrl}/orders
      Method: POST
      Authentication:
        ConnectionArn: \${PartnerConnection}
    End: true
`;

function lint(file: string): { status: number | null; findings: Array<{ code: string; severity: string }> } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'lint', '--format', 'json', file], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, findings: JSON.parse(r.stdout || '[]') as Array<{ code: string; severity: string }> };
}

void test('the CLI: placeholders are not findings; a literal mistake beside them still is', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sfn-placeholders-'));
  try {
    const file = path.join(dir, 'statemachine.asl.yaml');
    fs.writeFileSync(file, DEFINITION);
    const clean = lint(file);
    assert.deepEqual(clean.findings, []);
    assert.equal(clean.status, 0);
    fs.writeFileSync(
      file,
      DEFINITION.replace('${ApiId}.execute-api.${AWS::Region}.amazonaws.com', '${Sub}.example.com'),
    );
    const broken = lint(file);
    assert.deepEqual(
      broken.findings.map((f) => `${f.code} ${f.severity}`),
      ['XC203 error'],
    );
    assert.equal(broken.status, 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
