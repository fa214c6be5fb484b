// aws-sdk task <-> cross-region invoker call, for a chosen region and back.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { taskOfState, toAwsSdkEdits, toInvokerEdits } from '../../../src/core/crossings/convert';
import { applyEdits } from '../../../src/core/crossings/edits';
import { LANGS, render, run, task, type Lang } from './helpers';

function convert(text: string, lang: Lang, region: string) {
  const model = run(text, lang).model!;
  const t = taskOfState(model.states[0]!, ['sfn-crossings-invoker'])!;
  const result = toInvokerEdits(model, t, region)!;
  return { title: result.title, text: applyEdits(text, result.edits) };
}
function back(text: string, lang: Lang) {
  const model = run(text, lang).model!;
  const t = taskOfState(model.states[0]!, ['sfn-crossings-invoker'])!;
  const result = toAwsSdkEdits(model, t)!;
  return applyEdits(text, result.edits);
}
const parse = (text: string, lang: Lang) => (lang === 'asl' ? JSON.parse(text) : parseYaml(text));

for (const lang of LANGS) {
  void test(`aws-sdk -> invoker -> aws-sdk round trip (${lang})`, () => {
    const original = task({
      Resource: 'arn:aws:states:::aws-sdk:cloudwatchlogs:describeLogGroups',
      Parameters: { 'LogGroupNamePrefix.$': '$.prefix' },
      Credentials: { RoleArn: 'arn:aws:iam::222222222222:role/Reader' },
      ResultPath: '$.groups',
    });
    const text = render(original, lang);
    const out = convert(text, lang, 'eu-central-1');
    assert.match(out.title, /cloudwatch-logs:describeLogGroups in eu-central-1/);
    const state = parse(out.text, lang).States.T;
    assert.equal(state.Resource, 'arn:aws:states:::lambda:invoke');
    assert.deepEqual(state.Parameters, {
      FunctionName: 'sfn-crossings-invoker',
      Payload: {
        service: 'cloudwatch-logs',
        action: 'describeLogGroups',
        region: 'eu-central-1',
        // CloudWatch Logs members are camelCase in its model: the invoker passes them as the SDK spells them.
        parameters: { 'logGroupNamePrefix.$': '$.prefix' },
        assumeRoleArn: 'arn:aws:iam::222222222222:role/Reader',
      },
    });
    assert.equal(state.Credentials, undefined);
    assert.equal(state.Retry[0].MaxAttempts, 6);
    // The converted task is a valid invoker call.
    assert.deepEqual(
      run(out.text, lang).findings.map((f) => f.code),
      [],
    );
    // And back: the native task again.
    const again = parse(back(out.text, lang), lang).States.T;
    assert.deepEqual(again, original.States && (original.States as Record<string, unknown>).T);
  });
}

void test('JSONPath output is unwrapped with OutputPath, JSONata with Output', () => {
  const jp = parse(
    convert(render(task({ Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets' })), 'asl', 'us-west-2').text,
    'asl',
  ).States.T;
  assert.equal(jp.OutputPath, '$.Payload');
  const ja = parse(
    convert(
      render(
        task({ Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets', Arguments: {} }, { QueryLanguage: 'JSONata' }),
      ),
      'asl',
      'us-west-2',
    ).text,
    'asl',
  ).States.T;
  assert.equal(ja.Output, '{% $states.result.Payload %}');
  assert.deepEqual(ja.Arguments.Payload, { service: 's3', action: 'listBuckets', region: 'us-west-2', parameters: {} });
});

void test('waitForTaskToken and partitions are kept', () => {
  const out = convert(
    render(
      task({
        Resource: 'arn:aws-cn:states:::aws-sdk:sqs:sendMessage.waitForTaskToken',
        Parameters: { QueueUrl: 'q', 'MessageBody.$': '$$.Task.Token' },
      }),
    ),
    'asl',
    'cn-northwest-1',
  );
  assert.equal(parse(out.text, 'asl').States.T.Resource, 'arn:aws-cn:states:::lambda:invoke.waitForTaskToken');
});
