// Field rules: End/Next (ASL107), Choice rules (ASL108), scope shapes (ASL109), unknown and missing
// fields, Type, exclusions, value types and ranges, Retry/Catch, enums (ASL201-ASL212).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, expectAt, machine, none, one } from './helpers';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:work';
const task = (extra: Record<string, unknown>): Record<string, unknown> =>
  machine({ T: { Type: 'Task', Resource: LAMBDA, End: true, ...extra } });

void test('ASL107: Next and End together; neither; End on a Succeed state', () => {
  let r = check(machine({ A: { Type: 'Pass', Next: 'B', End: true }, B: { Type: 'Succeed' } }));
  expectAt(r.findings, r.text, { code: 'ASL107', path: '/States/A/End', needle: '"End"' });
  r = check(machine({ A: { Type: 'Pass' }, B: { Type: 'Succeed' } }));
  expectAt(r.findings, r.text, { code: 'ASL107', path: '/States/A', needle: '"A"', nth: 2 });
  r = check(machine({ A: { Type: 'Succeed', End: true } }));
  expectAt(r.findings, r.text, { code: 'ASL107', path: '/States/A/End', needle: '"End"' });
});

void test('ASL108: Choice rule with End and without Next; empty Choices; nested rule with Next', () => {
  let r = check(
    machine({
      C: { Type: 'Choice', Choices: [{ Variable: '$.x', NumericEquals: 1, End: true }], Default: 'D' },
      D: { Type: 'Succeed' },
    }),
  );
  expectAt(r.findings, r.text, { code: 'ASL108', path: '/States/C/Choices/0/End', needle: '"End"' });
  assert.ok(r.findings.some((f) => f.code === 'ASL108' && /no "Next"/.test(f.message)));
  r = check(machine({ C: { Type: 'Choice', Choices: [], Default: 'D' }, D: { Type: 'Succeed' } }));
  expectAt(r.findings, r.text, { code: 'ASL108', path: '/States/C/Choices', needle: '[]' });
  r = check(
    machine({
      C: { Type: 'Choice', Choices: [{ Not: { Variable: '$.x', IsNull: true, Next: 'D' }, Next: 'D' }], Default: 'D' },
      D: { Type: 'Succeed' },
    }),
  );
  expectAt(r.findings, r.text, { code: 'ASL108', path: '/States/C/Choices/0/Not/Next', needle: '"Next"' });
});

void test('ASL108: two comparisons in one rule; a valid And/Or/Not tree passes', () => {
  let r = check(
    machine({
      C: {
        Type: 'Choice',
        Choices: [{ Variable: '$.x', NumericEquals: 1, NumericLessThan: 3, Next: 'D' }],
        Default: 'D',
      },
      D: { Type: 'Succeed' },
    }),
  );
  expectAt(r.findings, r.text, { code: 'ASL108', path: '/States/C/Choices/0/Variable', needle: '"Variable"' });
  r = check(
    machine({
      C: {
        Type: 'Choice',
        Choices: [
          {
            And: [
              { Variable: '$.a', StringMatches: 'x*' },
              {
                Or: [
                  { Variable: '$.b', IsPresent: true },
                  { Not: { Variable: '$.c', TimestampLessThan: '2026-01-01T00:00:00Z' } },
                ],
              },
            ],
            Next: 'D',
          },
        ],
        Default: 'D',
      },
      D: { Type: 'Succeed' },
    }),
  );
  none(r.findings);
});

void test('ASL109: Parallel branch that is not an object, empty Branches', () => {
  let r = check(machine({ P: { Type: 'Parallel', End: true, Branches: ['x'] } }));
  expectAt(r.findings, r.text, { code: 'ASL109', path: '/States/P/Branches/0', needle: '"x"' });
  r = check(machine({ P: { Type: 'Parallel', End: true, Branches: [] } }));
  expectAt(r.findings, r.text, { code: 'ASL109', path: '/States/P/Branches', needle: '[]' });
});

void test('ASL201: unknown field with did-you-mean, on the key', () => {
  const r = check(task({ TimeoutSecond: 30 }));
  const f = expectAt(r.findings, r.text, {
    code: 'ASL201',
    path: '/States/T/TimeoutSecond',
    needle: '"TimeoutSecond"',
  });
  assert.match(f.message, /Did you mean "TimeoutSeconds"\?/);
});

void test('ASL201: fields of another state type are unknown (Resource on a Pass state)', () => {
  const r = check(machine({ A: { Type: 'Pass', Resource: LAMBDA, End: true } }));
  expectAt(r.findings, r.text, { code: 'ASL201', path: '/States/A/Resource', needle: '"Resource"' });
});

void test('ASL202: required fields per type', () => {
  let r = check(machine({ T: { Type: 'Task', End: true } }));
  expectAt(r.findings, r.text, { code: 'ASL202', path: '/States/T', needle: '"T"', nth: 2 });
  r = check(machine({ W: { Type: 'Wait', End: true } }));
  assert.match(one(r.findings, 'ASL202').message, /Seconds/);
  r = check(machine({ M: { Type: 'Map', End: true } }));
  assert.match(one(r.findings, 'ASL202').message, /ItemProcessor/);
  r = check(machine({ A: { Next: 'B' }, B: { Type: 'Succeed' } }));
  assert.match(one(r.findings, 'ASL202').message, /no "Type"/);
});

void test('ASL203: unknown Type with did-you-mean', () => {
  const r = check(machine({ A: { Type: 'Paralel', End: true } }));
  const f = expectAt(r.findings, r.text, { code: 'ASL203', path: '/States/A/Type', needle: '"Paralel"' });
  assert.match(f.message, /Did you mean "Parallel"\?/);
});

void test('ASL204: mutually exclusive fields, reported on the second key', () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [task({ TimeoutSeconds: 10, TimeoutSecondsPath: '$.t' }), 'TimeoutSecondsPath'],
    [task({ HeartbeatSeconds: 10, HeartbeatSecondsPath: '$.h' }), 'HeartbeatSecondsPath'],
    [machine({ F: { Type: 'Fail', Error: 'E', ErrorPath: '$.e' } }), 'ErrorPath'],
    [machine({ F: { Type: 'Fail', Cause: 'C', CausePath: '$.c' } }), 'CausePath'],
    [machine({ W: { Type: 'Wait', Seconds: 1, Timestamp: '2026-01-01T00:00:00Z', End: true } }), 'Timestamp'],
  ];
  for (const [doc, key] of cases) {
    const r = check(doc);
    const f = one(r.findings, 'ASL204');
    assert.ok(f.path.endsWith(`/${key}`), `${key}: ${f.path}`);
  }
  const map = machine({
    M: {
      Type: 'Map',
      End: true,
      ItemsPath: '$.items',
      Parameters: { 'a.$': '$.a' },
      ItemSelector: { 'b.$': '$.b' },
      Iterator: { StartAt: 'I', States: { I: { Type: 'Succeed' } } },
      ItemProcessor: { StartAt: 'J', States: { J: { Type: 'Succeed' } } },
      ItemBatcher: { MaxItemsPerBatch: 2, MaxItemsPerBatchPath: '$.n' },
    },
  });
  const r = check(map);
  const paths = r.findings.filter((f) => f.code === 'ASL204').map((f) => f.path);
  assert.deepEqual(
    paths.sort(),
    ['/States/M/ItemBatcher/MaxItemsPerBatchPath', '/States/M/ItemProcessor', '/States/M/ItemSelector'].sort(),
  );
});

void test('ASL205: wrong value types (Credentials null, End as string, Seconds as a path string)', () => {
  let r = check(task({ Credentials: null }));
  expectAt(r.findings, r.text, { code: 'ASL205', path: '/States/T/Credentials', needle: 'null' });
  r = check(machine({ A: { Type: 'Pass', End: 'true' } }));
  expectAt(r.findings, r.text, { code: 'ASL205', path: '/States/A/End', needle: '"true"' });
  r = check(machine({ W: { Type: 'Wait', Seconds: '$.wait', End: true } }));
  const f = expectAt(r.findings, r.text, { code: 'ASL205', path: '/States/W/Seconds', needle: '"$.wait"' });
  assert.match(f.message, /SecondsPath/);
});

void test('ASL206: ranges (TimeoutSeconds 0, ToleratedFailurePercentage 105, negative Seconds, bad Timestamp)', () => {
  let r = check(task({ TimeoutSeconds: 0 }));
  expectAt(r.findings, r.text, {
    code: 'ASL206',
    path: '/States/T/TimeoutSeconds',
    needle: '0',
    after: '"TimeoutSeconds"',
  });
  r = check(
    machine({
      M: {
        Type: 'Map',
        End: true,
        ToleratedFailurePercentage: 105,
        ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } },
      },
    }),
  );
  expectAt(r.findings, r.text, { code: 'ASL206', path: '/States/M/ToleratedFailurePercentage', needle: '105' });
  r = check(machine({ W: { Type: 'Wait', Seconds: -1, End: true } }));
  one(r.findings, 'ASL206');
  r = check(machine({ W: { Type: 'Wait', Timestamp: '2026-13-01 10:00', End: true } }));
  one(r.findings, 'ASL206');
});

void test('ASL207: HeartbeatSeconds must be below TimeoutSeconds', () => {
  const r = check(task({ TimeoutSeconds: 60, HeartbeatSeconds: 60 }));
  expectAt(r.findings, r.text, {
    code: 'ASL207',
    path: '/States/T/HeartbeatSeconds',
    needle: '60',
    after: '"HeartbeatSeconds"',
  });
  none(check(task({ TimeoutSeconds: 60, HeartbeatSeconds: 30 })).findings);
});

void test('ASL208: ErrorEquals shapes and States.ALL placement', () => {
  let r = check(task({ Retry: [{ ErrorEquals: [] }] }));
  expectAt(r.findings, r.text, { code: 'ASL208', path: '/States/T/Retry/0/ErrorEquals', needle: '[]' });
  r = check(task({ Retry: [{ ErrorEquals: ['States.ALL', 'States.Timeout'] }] }));
  expectAt(r.findings, r.text, { code: 'ASL208', path: '/States/T/Retry/0/ErrorEquals/0', needle: '"States.ALL"' });
  r = check(task({ Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['States.Timeout'] }] }));
  assert.match(one(r.findings, 'ASL208').message, /last retrier/);
  r = check(machine({ T: { Type: 'Task', Resource: LAMBDA, End: true, Catch: [{ ErrorEquals: ['States.ALL'] }] } }));
  assert.match(one(r.findings, 'ASL208').message, /no "Next"/);
});

void test('ASL208/ASL206/ASL211: retrier numbers and JitterStrategy; modern retrier fields pass', () => {
  let r = check(
    task({ Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 0, BackoffRate: 0.5, JitterStrategy: 'HALF' }] }),
  );
  assert.deepEqual(r.findings.map((f) => f.code).sort(), ['ASL206', 'ASL206', 'ASL211']);
  expectAt(r.findings, r.text, { code: 'ASL211', path: '/States/T/Retry/0/JitterStrategy', needle: '"HALF"' });
  r = check(
    task({
      Retry: [
        {
          ErrorEquals: ['States.ALL'],
          IntervalSeconds: 1,
          MaxAttempts: 3,
          BackoffRate: 2,
          MaxDelaySeconds: 10,
          JitterStrategy: 'FULL',
        },
      ],
    }),
  );
  none(r.findings);
});

void test('ASL212: a States.* error name that does not exist is a warning', () => {
  const r = check(task({ Catch: [{ ErrorEquals: ['States.Timout'], Next: 'T' }] }));
  const f = expectAt(r.findings, r.text, {
    code: 'ASL212',
    severity: 'warning',
    path: '/States/T/Catch/0/ErrorEquals/0',
    needle: '"States.Timout"',
  });
  assert.match(f.message, /Did you mean "States.Timeout"\?/);
});

void test('ASL211: Map ProcessorConfig Mode and ExecutionType', () => {
  const r = check(
    machine({
      M: {
        Type: 'Map',
        End: true,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTE', ExecutionType: 'EXPRESS' },
          StartAt: 'I',
          States: { I: { Type: 'Succeed' } },
        },
      },
    }),
  );
  const f = expectAt(r.findings, r.text, {
    code: 'ASL211',
    path: '/States/M/ItemProcessor/ProcessorConfig/Mode',
    needle: '"DISTRIBUTE"',
  });
  assert.match(f.message, /DISTRIBUTED/);
});
