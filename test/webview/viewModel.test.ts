// The pure parts of the panel under Node: the host's view-model builder (graph edges, findings per state,
// crossing groups, deploy defaults), the protocol validators of both directions, and the map layout.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { viewModelFromText } from '../../src/extension/panel/viewModel';
import { analyze } from '../../src/core/lint';
import { parseHostMessage, parsePageMessage } from '../../webview/protocol';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from '../../webview/layout';
import { bigDefinition } from './bigDefinition';

const tour = fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'panel-tour.asl.json'), 'utf8');
const model = viewModelFromText(tour, { title: 'panel-tour.asl.json', uri: 'file:///tour', version: 1 });

void test('the graph has every state, its scopes, and Next/Default/Choices/Catch/branch edges', () => {
  assert.equal(model.nodes.length, 10);
  assert.deepEqual(
    model.scopes.map((s) => s.kind),
    ['root', 'branch', 'branch', 'itemProcessor'],
  );
  const edge = (from: string, to: string) =>
    model.edges.find((e) => e.from === `/States/${from}` && e.to.endsWith(`/${to}`))?.kind;
  assert.equal(edge('ReadConfigInOregon', 'RouteByTier'), 'next');
  assert.equal(edge('RouteByTier', 'FanOut'), 'choice');
  assert.equal(edge('RouteByTier', 'NotifyPartner'), 'default');
  assert.equal(edge('FanOut', 'Failed'), 'catch');
  assert.equal(edge('FanOut', 'StartBillingInAccountB'), 'branch');
  assert.equal(edge('ArchiveEachItem', 'CopyToDrBucket'), 'branch');
  assert.ok(model.nodes.find((n) => n.name === 'ReadConfigInOregon')!.start);
});

void test('findings count once, on the innermost state that contains them', () => {
  const text = JSON.stringify({
    StartAt: 'P',
    States: {
      P: {
        Type: 'Parallel',
        Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } }],
        End: true,
      },
      PX: { Type: 'Pass', End: true },
    },
  });
  const m = viewModelFromText(text, { title: 't', uri: 'u', version: 1 });
  const count = (name: string) => m.nodes.find((n) => n.name === name)!.findings;
  // ASL102 (A's Next) is A's; ASL104 (the branch has no end: path /States/P/Branches/0/States) is P's; ASL103 is PX's.
  assert.equal(count('A'), 1);
  assert.equal(count('P'), 1, "A's finding is not counted again on the Parallel");
  assert.equal(count('PX'), 1);
  const total = m.findings.errors + m.findings.warnings + m.findings.infos;
  assert.equal(
    m.nodes.reduce((sum, n) => sum + n.findings, 0),
    total,
  );
  // Each node's icon follows its own finding's severity (an info never shows the warning icon).
  const findings = analyze(text).findings;
  const severityOf = (code: string) => findings.find((f) => f.code === code)!.severity;
  const node = (name: string) => m.nodes.find((n) => n.name === name)!;
  assert.equal(node('A').severity, severityOf('ASL102'));
  assert.equal(node('PX').severity, severityOf('ASL103'));
});

void test("a state's severity is the worst of its findings; none gives ''", () => {
  const text = JSON.stringify({
    StartAt: 'A',
    States: {
      A: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'B' }], Default: 'Nowhere' },
      B: { Type: 'Succeed' },
      C: { Type: 'Succeed' },
    },
  });
  const m = viewModelFromText(text, { title: 't', uri: 'u', version: 1 });
  const rank = { error: 3, warning: 2, info: 1, '': 0 } as const;
  const findings = analyze(text).findings;
  for (const n of m.nodes) {
    const own = findings.filter((f) => f.path === n.id || f.path.startsWith(`${n.id}/`));
    const worst = own.reduce<keyof typeof rank>((w, f) => (rank[f.severity] > rank[w] ? f.severity : w), '');
    assert.equal(n.severity, worst, n.name);
  }
  assert.ok(
    m.nodes.some((n) => n.severity === ''),
    'a state without findings',
  );
});

void test('crossings are grouped by target and the deploy form is prefilled from the invoker tasks', () => {
  const groups = Object.fromEntries(model.groups.map((g) => [`${g.kind} ${g.target}`, g.states]));
  assert.deepEqual(groups['region us-west-2'], ['/States/ReadConfigInOregon']);
  assert.deepEqual(groups['account 222233334444'], ['/States/FanOut/Branches/0/States/StartBillingInAccountB']);
  assert.deepEqual(groups['endpoint api.partner.example.com'], ['/States/NotifyPartner']);
  const crossingNodes = model.nodes
    .filter((n) => n.group >= 0)
    .map((n) => n.name)
    .sort();
  assert.deepEqual(crossingNodes, [
    'CallOrdersApi',
    'CopyToDrBucket',
    'NotifyPartner',
    'ReadConfigInOregon',
    'StartBillingInAccountB',
  ]);
  assert.equal(model.deploy.region, 'us-east-1', 'the invoker ARN says where the state machine runs');
  assert.equal(model.deploy.functionName, 'sfn-crossings-invoker');
  assert.deepEqual(model.deploy.allowedCalls, ['s3:getObject', 's3:putObject']);
  assert.equal(model.deploy.available, false, 'unavailable unless the host says otherwise');
  assert.equal(model.iam.status, 'unavailable', 'no IAM provider given: the placeholder');
});

void test('text that is not a state machine gives an invalid, empty view model instead of throwing', () => {
  for (const text of ['', '{', '[]', '{"StartAt": "A"}', 'null']) {
    const m = viewModelFromText(text, { title: 'x', uri: 'u', version: 1 });
    assert.equal(m.valid, false, text);
    assert.equal(m.nodes.length, 0);
    assert.equal(parseHostMessage({ type: 'update', model: m }).ok, true, 'the page accepts it');
  }
});

void test('every view model the builder makes passes the page-side validator', () => {
  assert.equal(parseHostMessage({ type: 'update', model }).ok, true);
  const big = viewModelFromText(bigDefinition(500), { title: 'big', uri: 'u', version: 2 });
  assert.equal(parseHostMessage({ type: 'update', model: big }).ok, true);
});

void test('the host-side validator accepts the page messages and rejects everything else', () => {
  const ok = [
    { type: 'ready' },
    { type: 'revealState', pointer: '/States/A' },
    { type: 'copyDocument', id: 'execution-role-policy' },
    { type: 'openDocument', id: 'invoker-role-trust' },
    {
      type: 'deploy',
      request: { profile: '', region: 'us-east-1', functionName: 'f', allowedCalls: ['s3:getObject'] },
    },
    { type: 'cancelDeploy' },
  ];
  for (const m of ok) assert.equal(parsePageMessage(m).ok, true, JSON.stringify(m));
  const bad = [
    undefined,
    null,
    'ready',
    { type: 'Ready' },
    { type: 'hasOwnProperty' },
    { type: 'revealState' },
    { type: 'copyDocument', id: '' },
    { type: 'copyDocument', id: 5 },
    { type: 'deploy', request: { region: 'us-east-1' } },
    { type: 'deploy', request: { profile: '', region: 'us-east-1', functionName: 'f', allowedCalls: [1] } },
  ];
  for (const m of bad) assert.equal(parsePageMessage(m).ok, false, JSON.stringify(m));
});

void test('the layout places every state once, without overlaps, forward edges going down', () => {
  const big = viewModelFromText(bigDefinition(500), { title: 'big', uri: 'u', version: 2 });
  const started = performance.now();
  const layout = layoutGraph(big.nodes, big.edges, big.scopes);
  const ms = performance.now() - started;
  assert.equal(layout.nodes.length, 500);
  assert.equal(new Set(layout.nodes.map((p) => p.node.id)).size, 500);
  const byLayer = new Map<number, number[]>();
  for (const p of layout.nodes) byLayer.set(p.layer, [...(byLayer.get(p.layer) ?? []), p.x]);
  for (const xs of byLayer.values()) {
    xs.sort((a, b) => a - b);
    for (let i = 1; i < xs.length; i++) assert.ok(xs[i]! - xs[i - 1]! >= NODE_WIDTH, 'boxes of one layer overlap');
  }
  for (const p of layout.nodes) {
    assert.ok(
      p.x >= 0 && p.x + NODE_WIDTH <= layout.width && p.y >= 0 && p.y + NODE_HEIGHT <= layout.height,
      'inside the canvas',
    );
  }
  const at = new Map(layout.nodes.map((p) => [p.node.id, p]));
  const forward = layout.edges.filter((e) => !e.back);
  assert.ok(forward.every((e) => at.get(e.edge.to)!.layer > at.get(e.edge.from)!.layer));
  assert.equal(layout.edges.length, big.edges.length);
  console.log(`# layout of 500 states and ${big.edges.length} edges: ${ms.toFixed(1)} ms in Node`);
});

void test('an invoker call that assumes a role is listed under its region and its account', () => {
  const text = JSON.stringify({
    StartAt: 'Read',
    States: {
      Read: {
        Type: 'Task',
        Resource: 'arn:aws:lambda:us-east-1:111122223333:function:sfn-crossings-invoker',
        Parameters: {
          service: 's3',
          action: 'getObject',
          region: 'eu-west-1',
          assumeRoleArn: 'arn:aws:iam::444455556666:role/Reader',
          parameters: { Bucket: 'b', Key: 'k' },
        },
        End: true,
      },
    },
  });
  const m = viewModelFromText(text, { title: 't', uri: 'u', version: 1 });
  assert.deepEqual(
    m.groups.map((g) => `${g.kind} ${g.target} ${g.states.join(',')}`),
    ['region eu-west-1 /States/Read', 'account 444455556666 /States/Read'],
  );
  assert.equal(m.nodes[0]!.group, 0, 'drawn in the colour of its first group');
});
