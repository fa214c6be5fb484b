// State names as symbols on the model: references per scope (StartAt, Next, Default, Choice, Catch),
// the name under an offset, scopes of Parallel branches kept apart, rename checks, and the outline tree.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../../../src/core/model/model';
import {
  outline,
  referencesTo,
  renameProblem,
  stateNameAt,
  stateNamePositionAt,
} from '../../../src/core/model/stateNames';
import { parseDefinition } from '../../../src/core/parse';

const machine = {
  StartAt: 'Check',
  States: {
    Check: {
      Type: 'Choice',
      Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Fan' }],
      Default: 'Done',
    },
    Fan: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Work', States: { Work: { Type: 'Pass', Next: 'Last' }, Last: { Type: 'Succeed' } } },
        { StartAt: 'Other', States: { Other: { Type: 'Pass', End: true } } },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }],
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};
const text = JSON.stringify(machine, null, 2);
const model = buildModel(parseDefinition(text, { languageId: 'asl' }))!;
const offsetOf = (needle: string, after = '') => text.indexOf(needle, text.indexOf(after)) + 1;

test('references of a root state: Choice rule, Default, Catch and Next, each with its kind', () => {
  const root = model.scopes[0]!;
  assert.deepEqual(
    referencesTo(root, 'Done').map((r) => [r.kind, r.from?.name]),
    [
      ['Default', 'Check'],
      ['Next', 'Fan'],
      ['Catch', 'Fan'],
    ],
  );
  assert.deepEqual(
    referencesTo(root, 'Fan').map((r) => r.kind),
    ['Choice'],
  );
  assert.deepEqual(
    referencesTo(root, 'Check').map((r) => r.kind),
    ['StartAt'],
  );
});

test('the name under the cursor: a key, a reference, and a branch state kept in its own scope', () => {
  const onKey = stateNameAt(model, offsetOf('"Done": {'))!;
  assert.equal(onKey.name, 'Done');
  assert.equal(onKey.reference, undefined);
  assert.equal(onKey.scope.kind, 'root');
  const onRef = stateNameAt(model, offsetOf('"Last"', '"Work": {'))!;
  assert.equal(onRef.name, 'Last');
  assert.equal(onRef.scope.kind, 'branch');
  assert.equal(onRef.state?.pointer, '/States/Fan/Branches/0/States/Last');
  assert.equal(stateNameAt(model, offsetOf('"Pass"')), undefined);
});

test('a state-name position offers its own scope', () => {
  const inBranch = stateNamePositionAt(model, offsetOf('"Other"'))!;
  assert.equal(inBranch.kind, 'StartAt');
  assert.deepEqual([...inBranch.scope.states.keys()], ['Other']);
  const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: \n  B:\n    Type: Succeed\n';
  const ym = buildModel(parseDefinition(yaml, { languageId: 'asl-yaml' }))!;
  const empty = stateNamePositionAt(ym, yaml.indexOf('Next: ') + 6);
  assert.equal(empty?.kind, 'Next');
  assert.deepEqual([...empty!.scope.states.keys()], ['A', 'B']);
});

test('rename is refused for a name used anywhere in the machine, an empty or a too long name', () => {
  assert.equal(renameProblem(model, 'Done', 'Finished'), undefined);
  assert.match(renameProblem(model, 'Done', 'Work')!, /already has a state named "Work"/);
  assert.match(renameProblem(model, 'Done', ' ')!, /empty/);
  assert.match(renameProblem(model, 'Done', 'x'.repeat(81))!, /at most 80/);
});

test('the outline nests branch states under their Parallel state', () => {
  const tree = outline(model);
  const simple = (nodes: ReturnType<typeof outline>): unknown =>
    nodes.map((n) => (n.children.length ? [n.label, simple(n.children)] : n.label));
  assert.deepEqual(simple(tree), [
    'Check',
    [
      'Fan',
      [
        ['Branch 1', ['Work', 'Last']],
        ['Branch 2', ['Other']],
      ],
    ],
    'Done',
  ]);
  const fan = tree[1]!;
  assert.equal(text.slice(fan.selectionOffset, fan.selectionOffset + fan.selectionLength), '"Fan"');
  assert.equal(fan.detail, 'Parallel');
});
