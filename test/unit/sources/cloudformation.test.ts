// Templates read by the source-aware entry: every way CloudFormation/SAM hold a definition, findings on the
// template's (or referenced file's) line and column, substitutions applied or described as symbols.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintSource, readSource, type SourceHost } from '../../../src/core/sources';
import { LineIndex } from '../../../src/core/parse/lineIndex';
import type { Finding } from '../../../src/core/findings';

const noFiles: SourceHost = { readFile: () => undefined };

function hostOf(files: Record<string, string>): SourceHost {
  return { readFile: (f) => files[f] };
}

/** The findings of one file as `code line:column` (1-based) plus the text they cover. */
function where(text: string, findings: Finding[], code?: string) {
  const lines = new LineIndex(text);
  return findings
    .filter((f) => !code || f.code === code)
    .map((f) => {
      const p = lines.positionAt(f.offset);
      return {
        code: f.code,
        line: p.line + 1,
        column: p.character + 1,
        text: text.slice(f.offset, f.offset + f.length),
        path: f.path,
      };
    });
}

/** 1-based line and column of the first occurrence of `needle`. */
function locate(text: string, needle: string, from = 0) {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `${needle} not in text`);
  const p = new LineIndex(text).positionAt(at);
  return { line: p.line + 1, column: p.character + 1 };
}

const inlineYaml = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
  Orders:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Charge
        States:
          Charge:
            Type: Task
            Resource: !GetAtt Worker.Arn
            Next: Shipp
          Ship:
            Type: Succeed
`;

test('an inline SAM Definition is checked, its finding on the template line with a pointer into the template', () => {
  const r = lintSource('/p/template.yaml', inlineYaml, noFiles);
  assert.equal(r.kind, 'template');
  assert.deepEqual(
    r.machines.map((m) => m.unit.name),
    ['Orders'],
  );
  const found = where(inlineYaml, r.files.get('/p/template.yaml')!.findings, 'ASL102');
  assert.deepEqual(found, [
    {
      code: 'ASL102',
      ...locate(inlineYaml, 'Shipp'),
      text: 'Shipp',
      path: '/Resources/Orders/Properties/Definition/States/Charge/Next',
    },
  ]);
  // `!GetAtt Worker.Arn` is a placeholder for the template's own Lambda function, not an error.
  const symbols = r.machines[0]!.unit.substitutions.symbols;
  assert.deepEqual(symbols.get('Worker.Arn'), { kind: 'lambdaFunction', logicalId: 'Worker', attribute: 'Arn' });
  assert.ok(!r.files.get('/p/template.yaml')!.findings.some((f) => f.path.endsWith('/Resource')));
});

test('a DefinitionString !Sub block: literal variables substituted, a finding inside one lands on its placeholder', () => {
  const text = `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: !Sub
        - |-
          {
            "StartAt": "Wait",
            "States": {
              "Wait": { "Type": "Wait", "Seconds": 5, "Next": "\${Target}" },
              "Call": {
                "Type": "Task",
                "Resource": "arn:\${AWS::Partition}:states:::apigateway:invoke",
                "Parameters": { "ApiEndpoint": "\${Api}.execute-api.\${AWS::Region}.amazonaws.com", "Method": "GET" },
                "End": true
              }
            }
          }
        - Target: Nowhere
`;
  const r = lintSource('/p/t.yaml', text, noFiles);
  assert.equal(r.machines.length, 1);
  const unit = r.machines[0]!.unit;
  assert.ok(unit.parsed.text.includes('"Next": "Nowhere"'), 'the literal variable is substituted');
  assert.deepEqual(unit.substitutions.symbols.get('Api'), { kind: 'apiGatewayRestApi', logicalId: 'Api' });
  assert.deepEqual(unit.substitutions.symbols.get('AWS::Region'), { kind: 'region' });
  const found = where(text, r.files.get('/p/t.yaml')!.findings, 'ASL102');
  assert.equal(found.length, 1);
  const placeholder = locate(text, '"${Target}"');
  assert.deepEqual({ line: found[0]!.line, column: found[0]!.column }, placeholder);
  assert.equal(found[0]!.text, '"${Target}"');
  assert.equal(found[0]!.path, '/Resources/Machine/Properties/DefinitionString/States/Wait/Next');
});

test('a JSON template DefinitionString (escaped string): the finding lands on the escaped text', () => {
  const definition = JSON.stringify({
    StartAt: 'A',
    States: { A: { Type: 'Pass', Next: 'Gone' }, B: { Type: 'Succeed' } },
  });
  const text = JSON.stringify(
    { Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: definition } } } },
    null,
    2,
  );
  const r = lintSource('/p/cdk.out/Stack.template.json', text, noFiles);
  const found = where(text, r.files.get('/p/cdk.out/Stack.template.json')!.findings, 'ASL102');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.text, '\\"Gone\\"');
});

test('Fn::Join of strings and !Ref is read; an unreadable Fn::Join gets one finding', () => {
  const text = `Resources:
  Fn:
    Type: AWS::Lambda::Function
  Joined:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: !Join
        - ""
        - - '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "'
          - !GetAtt Fn.Arn
          - '", "Next": "Lost"}}}'
  Opaque:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: !Join ["", !If [Cond, ["a"], ["b"]]]
`;
  const r = lintSource('/p/t.yaml', text, noFiles);
  const findings = r.files.get('/p/t.yaml')!.findings;
  const lost = where(text, findings, 'ASL102');
  assert.deepEqual(
    lost.map((f) => [f.line, f.column, f.text]),
    [[locate(text, '"Lost"').line, locate(text, '"Lost"').column, '"Lost"']],
  );
  assert.deepEqual(
    where(text, findings, 'SRC004').map((f) => f.line),
    [locate(text, '!Join ["').line],
  );
  assert.deepEqual(
    r.machines.find((m) => m.unit.name === 'Joined')!.unit.substitutions.symbols.get('Fn.Arn')?.kind,
    'lambdaFunction',
  );
});

test('DefinitionUri + DefinitionSubstitutions: the file is checked with them, findings in the file', () => {
  const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  Role:
    Type: AWS::IAM::Role
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/machine.asl.json
      DefinitionSubstitutions:
        RoleArn: !GetAtt Role.Arn
        WaitState: Pause
        Imported: !ImportValue shared-topic
`;
  const definition = `{
  "StartAt": "\${WaitState}",
  "States": {
    "Pause": { "Type": "Wait", "Seconds": 3, "Next": "Call" },
    "Call": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sns:publish",
      "Credentials": { "RoleArn": "\${RoleArn}" },
      "Parameters": { "TopicArn": "\${Imported}", "Message": "hi" },
      "Next": "Missing"
    }
  }
}
`;
  const host = hostOf({ '/p/template.yaml': template, '/p/statemachine/machine.asl.json': definition });
  const r = lintSource('/p/template.yaml', template, host);
  const unit = r.machines[0]!.unit;
  assert.equal(unit.file, '/p/statemachine/machine.asl.json');
  assert.ok(unit.parsed.text.includes('"StartAt": "Pause"'));
  assert.deepEqual(unit.substitutions.symbols.get('RoleArn'), { kind: 'iamRole', logicalId: 'Role', attribute: 'Arn' });
  assert.deepEqual(unit.substitutions.symbols.get('Imported'), { kind: 'unknown' });
  const inFile = r.files.get('/p/statemachine/machine.asl.json')!.findings;
  assert.deepEqual(
    where(definition, inFile, 'ASL102').map((f) => [f.line, f.column, f.path]),
    [[locate(definition, '"Missing"').line, locate(definition, '"Missing"').column, '/States/Call/Next']],
  );
  // No finding says "StartAt names a state that does not exist": WaitState was substituted.
  assert.ok(!inFile.some((f) => f.path === '/StartAt'));
  const inTemplate = r.files.get('/p/template.yaml')!.findings;
  assert.deepEqual(
    where(template, inTemplate).map((f) => [f.code, f.line]),
    [['SRC005', locate(template, '!ImportValue').line]],
  );
});

test('a missing DefinitionUri file, an S3 location and a template that does not parse: one finding each', () => {
  const template = `Resources:
  Missing:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: ./nope.asl.json
  InS3:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionS3Location: { Bucket: b, Key: k }
  InS3Uri:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: s3://bucket/key.json
`;
  const r = lintSource('/p/template.yaml', template, noFiles);
  const f = where(template, r.files.get('/p/template.yaml')!.findings);
  assert.deepEqual(
    f.map((x) => [x.code, x.line]),
    [
      ['SRC002', 5],
      ['SRC003', 9],
      ['SRC003', 13],
    ],
  );
  assert.equal(r.files.get('/p/template.yaml')!.findings[0]!.severity, 'error');

  const broken =
    '{ "Resources": { "M": { "Type": "AWS::StepFunctions::StateMachine", "Properties": { "Definition": { ] } } } }';
  const b = lintSource('/p/broken.json', broken, noFiles);
  const codes = b.files.get('/p/broken.json')!.findings.map((x) => x.code);
  assert.deepEqual(codes, ['SRC001']);
});

test('a YAML error outside the state machines is skipped with an info finding; the machine is still checked', () => {
  const text = `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy: {
        "Version": "2012-10-17"
    }
  M:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition:
        StartAt: A
        States:
          A: { Type: Pass, Next: Nope }
`;
  const r = lintSource('/p/t.yaml', text, noFiles);
  const f = r.files.get('/p/t.yaml')!.findings;
  assert.deepEqual(
    f.map((x) => [x.code, x.severity]),
    [
      ['SRC001', 'info'],
      ['ASL104', 'error'],
      ['ASL102', 'error'],
    ],
  );
  assert.equal(where(text, f, 'ASL102')[0]!.line, 14);
});

test('a plain definition and a template without state machines yield no unit', () => {
  assert.equal(readSource('/p/a.asl.json', '{"StartAt":"A","States":{}}', noFiles).kind, 'definition');
  const r = readSource('/p/t.yaml', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n', noFiles);
  assert.equal(r.kind, 'definition'); // no state machine type named: not even parsed as a template
});
