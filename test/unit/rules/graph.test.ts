// Graph rules: StartAt (ASL101), targets in their own scope (ASL102), unreachable states (ASL103),
// terminal states (ASL104), unique names across scopes (ASL105), name length (ASL106).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, expectAt, machine, none, one } from './helpers';

const pass = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ Type: 'Pass', ...extra });

void test('ASL101: StartAt naming a missing state points at the StartAt value, with a suggestion', () => {
  const { text, findings } = check({ StartAt: 'Frist', States: { First: pass({ End: true }) } });
  const f = expectAt(findings, text, { code: 'ASL101', path: '/StartAt', needle: '"Frist"' });
  assert.match(f.message, /Did you mean "First"\?/);
});

void test('ASL101: missing StartAt in a Parallel branch', () => {
  const doc = machine({ P: { Type: 'Parallel', End: true, Branches: [{ States: { A: pass({ End: true }) } }] } });
  const { text, findings } = check(doc);
  expectAt(findings, text, { code: 'ASL101', path: '/States/P/Branches/0/States', needle: '"States"', nth: 2 });
});

void test('ASL101: a valid StartAt gives nothing', () => {
  none(check(machine({ A: pass({ End: true }) })).findings);
});

void test('ASL102: Next, Default and Catch targets must exist', () => {
  const doc = machine({
    T: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Next: 'Nowhere',
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Gone' }],
    },
    C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'T' }], Default: 'Missing' },
  });
  const { text, findings } = check(doc);
  expectAt(findings, text, { code: 'ASL102', path: '/States/T/Next', needle: '"Nowhere"' });
  expectAt(findings, text, { code: 'ASL102', path: '/States/T/Catch/0/Next', needle: '"Gone"' });
  expectAt(findings, text, { code: 'ASL102', path: '/States/C/Default', needle: '"Missing"' });
});

void test('ASL102: a Next from a Map processor into the parent scope is an error that names the other scope', () => {
  const doc = machine({
    M: { Type: 'Map', Next: 'After', ItemProcessor: { StartAt: 'In', States: { In: pass({ Next: 'After' }) } } },
    After: pass({ End: true }),
  });
  const { text, findings } = check(doc);
  const f = expectAt(findings, text, {
    code: 'ASL102',
    path: '/States/M/ItemProcessor/States/In/Next',
    needle: '"After"',
    nth: 2,
  });
  assert.match(f.message, /another scope/);
});

void test('ASL103: an unreachable state is an error on its name', () => {
  const doc = machine({ A: pass({ Next: 'C' }), B: pass({ Next: 'C' }), C: pass({ End: true }) });
  const { text, findings } = check(doc);
  expectAt(findings, text, { code: 'ASL103', path: '/States/B', needle: '"B"' });
  assert.equal(findings.filter((f) => f.code === 'ASL103').length, 1);
});

void test('ASL103: states reached only through Catch or Choice are reachable; loops are fine', () => {
  const doc = machine({
    T: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Next: 'C',
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F' }],
    },
    C: { Type: 'Choice', Choices: [{ Variable: '$.done', BooleanEquals: false, Next: 'T' }], Default: 'S' },
    S: { Type: 'Succeed' },
    F: { Type: 'Fail', Error: 'E' },
  });
  none(check(doc).findings);
});

void test('ASL104: a branch without a terminal state', () => {
  const doc = machine({
    P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'L', States: { L: pass({ Next: 'L' }) } }] },
  });
  const { text, findings } = check(doc);
  expectAt(findings, text, { code: 'ASL104', path: '/States/P/Branches/0/States', needle: '"States"', nth: 2 });
});

void test('ASL105: a state name used in the root and inside a Map', () => {
  const doc = machine({
    M: { Type: 'Map', Next: 'Done', ItemProcessor: { StartAt: 'Done', States: { Done: pass({ End: true }) } } },
    Done: pass({ End: true }),
  });
  const { text, findings } = check(doc);
  // The root scope is indexed before the Map's processor: the one inside the Map is reported.
  const f = expectAt(findings, text, {
    code: 'ASL105',
    path: '/States/M/ItemProcessor/States/Done',
    needle: '"Done"',
    nth: 3,
  });
  assert.match(f.message, /already used at \/States\/Done/);
});

void test('ASL106: state names over 80 characters', () => {
  const long = 'x'.repeat(81);
  const { text, findings } = check(machine({ [long]: pass({ End: true }) }));
  expectAt(findings, text, { code: 'ASL106', path: `/States/${long}`, needle: `"${long}"`, nth: 2 });
  none(check(machine({ ['y'.repeat(80)]: pass({ End: true }) })).findings, 'ASL106');
});

void test('graph rules work on YAML with the same paths', () => {
  const { findings } = check(machine({ A: pass({ Next: 'Nope' }) }), 'asl-yaml');
  const f = one(findings, 'ASL102');
  assert.equal(f.path, '/States/A/Next');
  assert.equal(f.line, 5);
});
