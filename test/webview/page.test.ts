// The built Crossings page (dist/webview) in headless Chromium, served with the host's own HTML and CSP and
// a stub acquireVsCodeApi: it announces ready, renders every example through the real view-model builder,
// posts the right messages (Copy, Open, reveal, deploy), ignores malformed messages, stays inside its CSP,
// and renders a 500-state definition within the 300 ms budget (measured in the page with performance.now()).
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildViewModel, viewModelFromText } from '../../src/extension/panel/viewModel';
import { makeIamProvider } from '../../src/extension/panel/iamDocuments';
import { analyze } from '../../src/core/lint';
import type { ViewModel } from '../../webview/protocol';
import { bigDefinition } from './bigDefinition';
import { launchBrowser, openPanel, type PanelPage } from './harness';
import { startPageServer, type PageServer } from './server';

const root = path.resolve(__dirname, '..', '..');
const RENDER_BUDGET_MS = 300;
let server: PageServer;
let browser: Browser;
let version = 1;

before(async () => {
  assert.ok(
    fs.existsSync(path.join(root, 'dist', 'webview', 'main.js')),
    'dist/webview/main.js is missing: run `npm run build` first',
  );
  server = await startPageServer(root);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const iam = makeIamProvider();
const examples = fs
  .readdirSync(path.join(root, 'examples'))
  .filter((f) => /\.asl\.(json|ya?ml)$/.test(f))
  .sort();

function exampleModel(file: string, deploy: Partial<ViewModel['deploy']> = {}): ViewModel {
  const text = fs.readFileSync(path.join(root, 'examples', file), 'utf8');
  const languageId = file.endsWith('.json') ? 'asl' : 'asl-yaml';
  return viewModelFromText(text, {
    title: file,
    uri: `file:///examples/${file}`,
    version: version++,
    iam,
    deploy,
    analyzeOptions: { languageId },
  });
}

/** Checks shared by every page: no CSP violation, no script error. */
async function assertClean(panel: PanelPage): Promise<void> {
  assert.deepEqual(await panel.violations(), [], 'CSP violations');
  assert.deepEqual(panel.errors, [], 'page errors');
}

async function withPanel(run: (panel: PanelPage) => Promise<void>): Promise<void> {
  const panel = await openPanel(browser, server.origin);
  try {
    await run(panel);
    await assertClean(panel);
  } finally {
    await panel.close();
  }
}

void test('the page announces ready before anything else, and posts nothing more unprompted', () =>
  withPanel(async (panel) => {
    assert.deepEqual(await panel.posted(), [{ type: 'ready' }]);
  }));

void test('the toolkit components are styled under the CSP (adopted stylesheets, no inline styles)', () =>
  withPanel(async (panel) => {
    await panel.render(exampleModel('panel-tour.asl.json'));
    const styled = await panel.js<{ tab: string; grid: boolean; button: string }>(`({
      tab: getComputedStyle(document.querySelector('vscode-panel-tab')).display,
      grid: !!document.querySelector('vscode-panels').shadowRoot,
      button: getComputedStyle(document.querySelector('vscode-button')).display,
    })`);
    assert.equal(styled.grid, true, 'vscode-panels has no shadow root: the toolkit did not register');
    assert.notEqual(styled.tab, 'inline', 'vscode-panel-tab has no :host style');
    assert.notEqual(styled.button, 'inline', 'vscode-button has no :host style');
  }));

for (const file of examples) {
  void test(`renders the example ${file}: map, groups, crossings table, IAM documents`, () =>
    withPanel(async (panel) => {
      const model = exampleModel(file);
      assert.equal(model.valid, true, model.message);
      await panel.render(model);
      // The table and the IAM documents render when their tab opens.
      await panel.page.click('#tab-crossings');
      await panel.page.click('#tab-iam');
      const seen = await panel.js<{
        states: number;
        crossingStates: number;
        groups: number;
        rows: number;
        iam: number;
        title: string;
        summary: string;
      }>(`({
        states: document.querySelectorAll('#map g.state').length,
        crossingStates: document.querySelectorAll('#map g.state.crossing').length,
        groups: document.querySelectorAll('#groups button.group-button').length,
        rows: document.querySelectorAll('#crossings vscode-data-grid-row.crossing-row').length,
        iam: document.querySelectorAll('#iam .iam-document').length,
        title: document.getElementById('title').textContent,
        summary: document.getElementById('summary').textContent,
      })`);
      assert.equal(seen.title, file);
      assert.equal(seen.states, model.nodes.length);
      assert.equal(seen.crossingStates, model.nodes.filter((n) => n.group >= 0).length);
      assert.equal(seen.groups, model.groups.length);
      assert.equal(seen.rows, model.crossings.length);
      assert.equal(seen.iam, model.iam.documents.length);
      assert.ok(
        seen.summary.startsWith(
          `${model.nodes.length} state${model.nodes.length === 1 ? '' : 's'} · ${model.crossings.length} crossing`,
        ),
        seen.summary,
      );
      const rowText = await panel.js<string[]>(
        `[...document.querySelectorAll('#crossings vscode-data-grid-row.crossing-row')].map((r) => r.textContent)`,
      );
      model.crossings.forEach((c, i) => {
        assert.ok(
          rowText[i]!.includes(c.state) && rowText[i]!.includes(c.target),
          `row ${i} shows ${c.state} -> ${c.target}`,
        );
      });
    }));
}

void test('the tour example shows all four kinds of crossing and their targets grouped', () => {
  const model = exampleModel('panel-tour.asl.json');
  assert.deepEqual([...new Set(model.crossings.map((c) => c.kind))].sort(), [
    'api-gateway',
    'cross-account',
    'cross-region',
    'http',
  ]);
  const groups = model.groups.map((g) => `${g.kind} ${g.target}`);
  for (const expected of [
    'region us-west-2',
    'region eu-central-1',
    'account 222233334444',
    'endpoint a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
    'endpoint api.partner.example.com',
  ])
    assert.ok(groups.includes(expected), `groups ${JSON.stringify(groups)} include ${expected}`);
  assert.equal(model.iam.status, 'ready', model.iam.message);
  const ids = model.iam.documents.map((d) => d.id);
  for (const id of [
    'execution-role-policy',
    'cross-account-0-trust',
    'cross-account-0-policy',
    'api-gateway-0-resource-policy',
    'invoker-role-policy',
  ])
    assert.ok(ids.includes(id), `IAM documents ${ids.join(', ')} include ${id}`);
  assert.deepEqual(model.deploy.allowedCalls, ['s3:getObject', 's3:putObject']);
});

void test('Copy and Open as document post the document id; the host confirmation shows', () =>
  withPanel(async (panel) => {
    const model = exampleModel('panel-tour.asl.json');
    await panel.render(model);
    await panel.page.click('#tab-iam');
    const doc = model.iam.documents[2]!;
    await panel.page.click(`vscode-button[data-action="copy"][data-id="${doc.id}"]`);
    await panel.page.click(`vscode-button[data-action="open"][data-id="${doc.id}"]`);
    const posted = await panel.posted();
    assert.deepEqual(posted.slice(1), [
      { type: 'copyDocument', id: doc.id },
      { type: 'openDocument', id: doc.id },
    ]);
    await panel.send({ type: 'copied', id: doc.id });
    await panel.waitFor(`document.getElementById('toast').textContent.includes(${JSON.stringify(doc.title)})`);
  }));

void test('clicking a state, Enter on a focused state, and a table row post revealState', () =>
  withPanel(async (panel) => {
    const model = exampleModel('panel-tour.asl.json');
    await panel.render(model);
    await panel.page.click('#map g.state[data-pointer="/States/NotifyPartner"]');
    await panel.page.focus('#map g.state[tabindex="0"]');
    await panel.page.keyboard.press('ArrowDown');
    await panel.page.keyboard.press('Enter');
    await panel.page.click('#tab-crossings');
    await panel.page.click('#crossings vscode-data-grid-row.crossing-row >> nth=0');
    const reveals = (await panel.posted()).filter((m) => m.type === 'revealState').map((m) => m.pointer);
    // The click moved the roving tab stop to NotifyPartner: ArrowDown goes to the next state in document order.
    const after = model.nodes[model.nodes.findIndex((n) => n.id === '/States/NotifyPartner') + 1]!.id;
    assert.deepEqual(reveals, ['/States/NotifyPartner', after, model.crossings[0]!.pointer]);
  }));

void test('malformed and unknown messages are dropped, logged, and change nothing', () =>
  withPanel(async (panel) => {
    const model = exampleModel('panel-tour.asl.json');
    await panel.render(model);
    const snapshot = () =>
      panel.js<string>(`document.getElementById('app').innerHTML + JSON.stringify(document.body.dataset)`);
    const before = await snapshot();
    const postedBefore = (await panel.posted()).length;
    const bad: unknown[] = [
      null,
      'update',
      42,
      [],
      {},
      { type: 'nope' },
      { type: 'update' },
      { type: 'update', model: { ...model, nodes: 'x' } },
      { type: 'update', model: { ...model, title: 7 } },
      { type: 'update', model: { ...model, edges: [{ from: model.nodes[0]!.id, to: '/States/Ghost', kind: 'next' }] } },
      { type: 'update', model: { ...model, nodes: model.nodes.map((n, i) => (i === 0 ? { ...n, group: 99 } : n)) } },
      { type: 'update', model: { ...model, crossings: [{ ...model.crossings[0]!, kind: 'teleport' }] } },
      { type: 'empty', message: 5 },
      { type: 'deployProgress', step: 'role', status: 'exploded', message: '' },
      { type: 'deployResult', ok: 'yes', message: '', functionArn: '' },
      { type: 'copied' },
      { type: '__proto__' },
      { type: 'toString' },
    ];
    for (const m of bad) await panel.send(m);
    const deadline = Date.now() + 5000;
    while (panel.warnings.length < bad.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(panel.warnings.length, bad.length, `one warning per dropped message: ${panel.warnings.join(' | ')}`);
    assert.ok(panel.warnings.every((w) => w.startsWith('[crossings] dropped a host message')));
    assert.equal(await snapshot(), before, 'the page changed');
    assert.equal((await panel.posted()).length, postedBefore, 'the page posted something');
  }));

void test('the deploy form checks its fields, posts a deploy request and shows live progress', () =>
  withPanel(async (panel) => {
    await panel.render(
      exampleModel('panel-tour.asl.json', {
        available: true,
        message: '',
        profiles: ['dev', 'prod'],
        region: 'us-east-1',
      }),
    );
    await panel.page.click('#tab-deploy');
    const field = (id: string) => panel.page.locator(`#${id} input`); // Playwright's CSS pierces the shadow root
    await field('deploy-region').fill('not a region');
    await panel.page.click('#deploy-submit');
    await panel.waitFor(`!document.getElementById('deploy-error').hidden`);
    assert.equal((await panel.posted()).filter((m) => m.type === 'deploy').length, 0, 'an invalid form must not post');
    await field('deploy-region').fill('us-east-1');
    await field('deploy-profile').fill('dev');
    await panel.page.click('#deploy-submit');
    const deploy = (await panel.posted()).find((m) => m.type === 'deploy');
    assert.deepEqual(deploy, {
      type: 'deploy',
      request: {
        profile: 'dev',
        region: 'us-east-1',
        functionName: 'sfn-crossings-invoker',
        allowedCalls: ['s3:getObject', 's3:putObject'],
      },
    });
    assert.equal(
      await panel.js('document.getElementById("deploy-submit").hasAttribute("disabled")'),
      true,
      'Deploy is disabled while running',
    );
    await panel.page.click('#deploy-cancel');
    assert.deepEqual((await panel.posted()).at(-1), { type: 'cancelDeploy' });
    await panel.send({ type: 'deployProgress', step: 'identity', status: 'done', message: 'Account 111122223333' });
    await panel.send({ type: 'deployProgress', step: 'role', status: 'running', message: 'Creating role' });
    await panel.send({
      type: 'deployResult',
      ok: true,
      message: 'Deployed.',
      functionArn: 'arn:aws:lambda:us-east-1:111122223333:function:sfn-crossings-invoker',
    });
    await panel.waitFor(
      `document.getElementById('deploy-result').textContent.includes('function:sfn-crossings-invoker')`,
    );
    const steps = await panel.js<string[]>(
      `[...document.querySelectorAll('#deploy-steps li')].map((li) => li.textContent)`,
    );
    assert.deepEqual(steps, ['done Account — Account 111122223333', 'running Role — Creating role']);
    // A step that ends without a message keeps the last one.
    await panel.send({ type: 'deployProgress', step: 'role', status: 'done', message: '' });
    await panel.waitFor(`document.querySelectorAll('#deploy-steps li')[1].textContent === 'done Role — Creating role'`);
  }));

void test('colours come from the VS Code theme variables, with borders in high contrast', () =>
  withPanel(async (panel) => {
    await panel.render(exampleModel('panel-tour.asl.json'));
    // VS Code sets its theme as CSS variables on <html> and a class on <body>; CSSOM is allowed by the CSP.
    const colours = await panel.js<{ stripe: string; text: string; hcBox: string }>(`(() => {
      const root = document.documentElement.style;
      root.setProperty('--vscode-charts-blue', 'rgb(1, 2, 3)');
      root.setProperty('--vscode-foreground', 'rgb(4, 5, 6)');
      root.setProperty('--vscode-contrastBorder', 'rgb(7, 8, 9)');
      const stripe = getComputedStyle(document.querySelector('#map g.state.group-0 .stripe')).fill;
      const text = getComputedStyle(document.querySelector('#map g.state .name')).fill;
      document.body.classList.add('vscode-high-contrast');
      const hcBox = getComputedStyle(document.querySelector('#map g.state:not(.crossing) .box')).stroke;
      return { stripe, text, hcBox };
    })()`);
    assert.deepEqual(colours, { stripe: 'rgb(1, 2, 3)', text: 'rgb(4, 5, 6)', hcBox: 'rgb(7, 8, 9)' });
  }));

void test('state names are shown as text, never as markup', () =>
  withPanel(async (panel) => {
    const evil = `<img src=x onerror="window.__pwned=1">"&'`;
    const text = JSON.stringify({ StartAt: evil, States: { [evil]: { Type: 'Pass', End: true } } });
    const model = viewModelFromText(text, { title: 'evil.asl.json', uri: 'file:///evil.asl.json', version: version++ });
    await panel.render(model);
    assert.equal(
      await panel.js('document.querySelector("#map g.state text.name").textContent'),
      evil.slice(0, 26) + '…',
    );
    assert.equal(
      await panel.js('document.querySelector("#map g.state").getAttribute("data-pointer")'),
      model.nodes[0]!.id,
    );
    assert.equal(await panel.js('document.querySelectorAll("#map img").length'), 0);
    assert.equal(await panel.js('window.__pwned === undefined'), true);
  }));

void test('a definition that is not a state machine shows its message, and "empty" hides the sections', () =>
  withPanel(async (panel) => {
    const model = buildViewModel({
      analysis: analyze('{"Comment": "no states"}'),
      title: 'x.json',
      uri: 'file:///x.json',
      version: version++,
    });
    assert.equal(model.valid, false);
    await panel.render(model);
    assert.equal(await panel.js('document.getElementById("summary").textContent'), model.message);
    await panel.send({ type: 'empty', message: 'Open an ASL file.' });
    await panel.waitFor(`!document.getElementById('empty').hidden && document.getElementById('tabs').hidden`);
  }));

void test(`a 500-state definition renders within ${RENDER_BUDGET_MS} ms`, async (t) => {
  const model = viewModelFromText(bigDefinition(500), {
    title: 'big.asl.json',
    uri: 'file:///big.asl.json',
    version: version++,
    iam,
  });
  assert.equal(model.nodes.length, 500);
  // Each sample is a first render in a fresh page (cold), timed inside the page from the message to the
  // frame after layout. The machine is shared (2 cores), so the best of three is compared with the budget
  // and every sample is reported with the load average.
  const samples: Array<{ renderMs: number; buildMs: number }> = [];
  for (let i = 0; i < 3; i++) {
    const panel = await openPanel(browser, server.origin);
    try {
      samples.push(await panel.render({ ...model, version: version++ }));
      assert.equal(await panel.js('document.querySelectorAll("#map g.state").length'), 500);
      await assertClean(panel);
    } finally {
      await panel.close();
    }
  }
  const best = Math.min(...samples.map((s) => s.renderMs));
  const line =
    `500 states, ${model.edges.length} edges, ${model.crossings.length} crossings: first render in a fresh page ` +
    `${samples.map((s) => `${s.renderMs} ms (DOM + layout ${s.buildMs} ms)`).join(', ')}; best ${best} ms; ` +
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} CPUs`;
  t.diagnostic(line);
  console.log(`# ${line}`);
  assert.ok(best <= RENDER_BUDGET_MS, `best of three renders took ${best} ms`);
});
