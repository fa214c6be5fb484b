// Serverless Framework (serverless-step-functions): stepFunctions.stateMachines.<name>.definition is found,
// its findings land on serverless.yml lines, Serverless variables and Fn::GetAtt of functions are placeholders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintSource } from '../../../src/core/sources';
import { LineIndex } from '../../../src/core/parse/lineIndex';

const yml = `service: orders
provider:
  name: aws
functions:
  charge:
    handler: handler.charge
stepFunctions:
  stateMachines:
    ordersFlow:
      name: orders-\${sls:stage}
      definition:
        StartAt: Charge
        States:
          Charge:
            Type: Task
            Resource:
              Fn::GetAtt: [charge, Arn]
            Next: Notify
          Notify:
            Type: Task
            Resource: arn:aws:states:::sns:publish
            Parameters:
              TopicArn: \${self:custom.topicArn}
              Message.$: $
            Next: Done
plugins:
  - serverless-step-functions
`;

test('a serverless.yml state machine: found by name, findings on its lines, variables as placeholders', () => {
  const r = lintSource('/p/serverless.yml', yml, { readFile: () => undefined });
  assert.equal(r.kind, 'serverless');
  assert.deepEqual(
    r.machines.map((m) => m.unit.name),
    ['ordersFlow'],
  );
  const unit = r.machines[0]!.unit;
  assert.deepEqual(unit.substitutions.symbols.get('charge.Arn'), {
    kind: 'lambdaFunction',
    logicalId: 'charge',
    attribute: 'Arn',
  });
  const findings = r.files.get('/p/serverless.yml')!.findings;
  const lines = new LineIndex(yml);
  const missing = findings.filter((f) => f.code === 'ASL102');
  assert.equal(missing.length, 1);
  assert.equal(
    lines.positionAt(missing[0]!.offset).line + 1,
    yml.slice(0, yml.indexOf('Next: Done')).split('\n').length,
  );
  assert.equal(missing[0]!.path, '/stepFunctions/stateMachines/ordersFlow/definition/States/Notify/Next');
  // Neither the GetAtt Resource nor the ${self:...} TopicArn is reported.
  assert.ok(
    !findings.some((f) => f.path.endsWith('/Resource') || f.path.endsWith('/TopicArn')),
    JSON.stringify(findings),
  );
});
