// Issue 14: no false alarms on real projects (document rules). Deploy-time placeholders (class 1), JSONata
// delimiters without blanks (class 3), aws-sdk ARNs with region and account (class 4), error names the
// definition's own Fail states raise (class 7), and the gaps the service rejects: ErrorPath/CausePath
// intrinsics, ResultWriter.WriterConfig values, the 1,048,576-character limit.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, machine, none, one } from './helpers';

const waitFor = (seconds: unknown): Record<string, unknown> =>
  machine({ W: { Type: 'Wait', Seconds: seconds, Next: 'D' }, D: { Type: 'Succeed' } });

void test('class 1: an unquoted YAML placeholder may become any type; a quoted one stays a string', () => {
  const yaml = [
    'StartAt: W',
    'States:',
    '  W:',
    '    Type: Wait',
    '    Seconds: ${ReminderTimeout}',
    '    Next: T',
    '  T:',
    '    Type: Task',
    '    Resource: arn:aws:states:::lambda:invoke',
    '    TimeoutSeconds: ${TaskTimeout}',
    '    Retry:',
    '      - ErrorEquals: [States.ALL]',
    '        MaxAttempts: ${Attempts}',
    '        JitterStrategy: ${Jitter}',
    '    End: true',
    '',
  ].join('\n');
  none(check(yaml, 'asl-yaml').findings);
  // JSON: "Seconds": "${X}" is still the string "30" after the replace.
  const r = check(waitFor('${ReminderTimeout}'));
  const f = one(r.findings, 'ASL205');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /stays a string/);
  // A literal string is still an error.
  assert.equal(one(check(waitFor('thirty')).findings, 'ASL205').severity, 'error');
});

void test('class 1: placeholders in timestamps, enums, paths, intrinsics and JSONata: literal parts only', () => {
  none(
    check(
      machine({
        W: { Type: 'Wait', Timestamp: '${Deadline}', Next: 'P' },
        P: {
          Type: 'Pass',
          Parameters: {
            'a.$': '$.items.${Field}',
            'b.$': '${WholePath}',
            'c.$': "States.Format('${Prefix}-{}', $.id)",
          },
          ResultPath: '$.${Key}',
          End: true,
        },
      }),
    ).findings,
  );
  // The literal part around a placeholder is still checked.
  one(
    check(machine({ P: { Type: 'Pass', Parameters: { 'a.$': '$.items..${Field}.' }, End: true } })).findings,
    'ASL307',
  );
  none(
    check(
      machine({ P: { Type: 'Pass', Output: '{% $states.input.${Field} %}', End: true } }, { QueryLanguage: 'JSONata' }),
    ).findings,
  );
});

void test('class 3: "{%$states.input%}" without inner blanks is accepted', () => {
  none(
    check(
      machine(
        { P: { Type: 'Pass', Output: { a: '{%$states.input%}', n: '{%1+1%}' }, Assign: { v: '{%$x%}' }, End: true } },
        { QueryLanguage: 'JSONata' },
      ),
    ).findings,
  );
});

void test('class 4: aws-sdk Resource with region and account; other forms keep their error', () => {
  none(
    check(
      machine({
        T: { Type: 'Task', Resource: 'arn:aws:states:eu-west-1:111122223333:aws-sdk:s3:listBuckets', End: true },
      }),
    ).findings,
  );
  for (const bad of [
    'arn:aws:states:eu-west-1:1111:aws-sdk:s3:listBuckets',
    'arn:aws:states:eu-west-1:111122223333:lambda:invoke',
  ])
    one(check(machine({ T: { Type: 'Task', Resource: bad, End: true } })).findings, 'ASL209');
});

void test("class 7: ASL212 is quiet for an error the definition's own Fail state raises", () => {
  const catching = (errorName: string, fail: Record<string, unknown>): Record<string, unknown> =>
    machine({
      P: {
        Type: 'Parallel',
        Branches: [{ StartAt: 'F', States: { F: { Type: 'Fail', ...fail } } }],
        Catch: [{ ErrorEquals: [errorName], Next: 'D' }],
        End: true,
      },
      D: { Type: 'Succeed' },
    });
  none(check(catching('States.QuorumReached', { Error: 'States.QuorumReached' })).findings);
  // A computed error may be anything.
  none(check(catching('States.Custom', { ErrorPath: '$.error' })).findings);
  // A name nobody raises still gets the warning.
  const f = one(check(catching('States.TaskFaild', { Error: 'Other' })).findings, 'ASL212');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /States.TaskFailed/);
});

void test('gap: ErrorPath and CausePath take only string-returning intrinsics', () => {
  const fail = (fields: Record<string, unknown>): Record<string, unknown> =>
    machine({ F: { Type: 'Fail', ...fields } });
  none(check(fail({ ErrorPath: "States.Format('E{}', $.n)", CausePath: 'States.JsonToString($.detail)' })).findings);
  none(check(fail({ ErrorPath: 'States.ArrayGetItem($.errors, 0)', CausePath: 'States.UUID()' })).findings);
  const f = one(check(fail({ ErrorPath: 'States.ArrayLength($.errors)' })).findings, 'ASL308');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /does not return a string/);
  one(check(fail({ CausePath: 'States.MathAdd($.a, 1)' })).findings, 'ASL308');
});

void test('gap: Distributed Map ResultWriter.WriterConfig values', () => {
  const map = (writerConfig: Record<string, unknown>): Record<string, unknown> =>
    machine({
      M: {
        Type: 'Map',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'S',
          States: { S: { Type: 'Succeed' } },
        },
        ResultWriter: { WriterConfig: writerConfig },
        End: true,
      },
    });
  none(check(map({ OutputType: 'JSONL', Transformation: 'FLATTEN' })).findings);
  none(check(map({ OutputType: 'JSON', Transformation: 'COMPACT' })).findings);
  assert.match(one(check(map({ OutputType: 'CSV' })).findings, 'ASL211').message, /"JSON", "JSONL"/);
  assert.match(one(check(map({ Transformation: 'COMPACTED' })).findings, 'ASL211').message, /Did you mean "COMPACT"/);
});

void test('gap: a definition over 1,048,576 characters', () => {
  const big = (n: number, pad: string): string =>
    JSON.stringify(machine({ P: { Type: 'Pass', Result: { blob: 'x'.repeat(n) }, End: true } }), null, pad);
  none(check(big(1_000_000, '')).findings);
  const f = one(check(big(1_100_000, '')).findings, 'ASL110');
  assert.equal(f.severity, 'error');
  // Over the limit only because of the file's indentation: a warning.
  const padded = JSON.stringify(
    machine({ P: { Type: 'Pass', Result: Array.from({ length: 30_000 }, (_, i) => ({ k: i })), End: true } }),
    null,
    40,
  );
  assert.ok(padded.length > 1_048_576 && JSON.stringify(JSON.parse(padded)).length < 1_048_576);
  assert.equal(one(check(padded).findings, 'ASL110').severity, 'warning');
  // The compact length is counted exactly, escapes inside strings included.
  const escaped = JSON.stringify(
    machine({ P: { Type: 'Pass', Result: { blob: 'a"b\\c\n'.repeat(200_000) }, End: true } }),
    null,
    2,
  );
  const compact = JSON.stringify(JSON.parse(escaped)).length.toLocaleString('en-US');
  assert.ok(one(check(escaped).findings, 'ASL110').message.includes(`has ${compact} characters even as compact JSON`));
});
