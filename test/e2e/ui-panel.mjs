#!/usr/bin/env node
// The Crossings panel in the real workbench (code-server + headless chromium, the packaged .vsix): opens an
// example, runs "Show Crossings" from the command palette, waits for the map inside the webview, clicks a
// state and checks the editor selected it, saves light, dark and high-contrast screenshots (panel-*.png) to
// test/e2e/out/, and (dark pass) reloads the window to check the panel is restored by its serializer. Reuses the UI pass helpers of ui.mjs. `runPanelUiPass()` can join `npm run test:e2e`'s UI
// phase; standalone: `node test/e2e/ui-panel.mjs [--docs]` (after `npm run build`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { note } from './lib/log.mjs';
import { docsImagesDir, outDir, repoRoot } from './lib/paths.mjs';
import { makeFixtureWorkspace } from './lib/workspace.mjs';
import { openWorkbench, packageVsix, quickOpen, runCommand, screenshot } from './ui.mjs';

const say = (message) => note('ui-panel', message);
const EXAMPLE = 'examples/panel-tour.asl.json';
const COMMAND = 'Step Functions Crossings: Show Crossings';

/** The panel page: the webview's outer iframe, then its active inner frame. */
const panelFrame = (page) => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

async function showPanel(page) {
  await quickOpen(page, EXAMPLE);
  await runCommand(page, COMMAND);
  const frame = panelFrame(page);
  await frame.locator('#map g.state').first().waitFor({ timeout: 60_000 });
  return frame;
}

/** Clicks a state in the map and waits for the editor to select its name (the host's revealState). */
async function revealFromMap(page, frame, state) {
  await frame.locator(`#map g.state[data-pointer="/States/${state}"]`).click();
  const status = page.locator('.statusbar-item', { hasText: `(${state.length + 2} selected)` }).first();
  await status.waitFor({ timeout: 20_000 });
  say(`clicking ${state} in the map selected it in the editor: ${(await status.innerText()).trim()}`);
}

/** Copy, then "Open as document", on the execution role policy: the host writes the clipboard, then opens the
 * policy as an untitled JSON editor. */
async function opensDocument(page, frame) {
  await frame.locator('vscode-button[data-action="copy"][data-id="execution-role-policy"]').click();
  await frame.locator('#toast', { hasText: 'Copied Execution role: permissions' }).waitFor({ timeout: 20_000 });
  say('Copy: the host wrote the clipboard and the page confirmed it');
  await frame.locator('vscode-button[data-action="open"][data-id="execution-role-policy"]').click();
  await page
    .locator('.tabs-container .tab.active', { hasText: 'iam-execution-role-policy' })
    .waitFor({ timeout: 20_000 });
  await page.locator('.monaco-editor .view-lines', { hasText: '2012-10-17' }).first().waitFor({ timeout: 20_000 });
  say('Open as document: the execution role policy opened in an untitled JSON editor');
}

/** Starts the fake AWS server (real wire protocols on 127.0.0.1) in a child process; resolves to its URL and keys. */
async function startFakeAws() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'test', 'webview', 'fakeAwsProcess.ts')],
    {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the fake AWS server exited (${code})`)));
  });
  const info = JSON.parse(line);
  return { ...info, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.stdin.end())) };
}

/** The deploy form against the fake AWS server: plan, the confirmation dialog, live steps, the function ARN. */
async function deploysFromForm(page, frame, out) {
  await frame.locator('#tab-deploy').click();
  await frame.locator('#deploy-region input').fill('eu-west-1');
  await frame.locator('#deploy-submit').click();
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 30_000 });
  say(`confirmation: ${(await dialog.innerText()).replace(/\s+/g, ' ').slice(0, 160)}`);
  await dialog.locator('.monaco-button', { hasText: 'Deploy' }).first().click();
  const result = frame.locator('#deploy-result', { hasText: 'function:sfn-crossings-invoker' });
  await result.waitFor({ timeout: 60_000 });
  const steps = await frame.locator('#deploy-steps li').allInnerTexts();
  say(`deploy: ${(await result.innerText()).trim()}; steps: ${steps.map((s) => s.split(' — ')[0]).join(', ')}`);
  if (!steps.some((s) => s.startsWith('done Function')))
    throw new Error(`no "Function" step done: ${steps.join(' | ')}`);
  return screenshot(page, out, 'panel-deploy-progress-light.png');
}

/** Reloads the window: the WebviewPanelSerializer must bring the panel back with its definition and tab. */
async function restoresAfterReload(page) {
  await page.evaluate('window.__beforeReload = true');
  await runCommand(page, 'Developer: Reload Window');
  await page.waitForFunction('window.__beforeReload === undefined', undefined, { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const frame = panelFrame(page);
  await frame.locator('#summary', { hasText: 'crossings' }).waitFor({ timeout: 60_000 });
  await frame.locator('#deploy-form').waitFor({ timeout: 30_000 }); // the tab it was on, drawn from the restored state
  const summary = (await frame.locator('#summary').innerText()).trim();
  const active = await frame.locator('#tabs').getAttribute('activeid');
  say(`after a window reload the panel came back: "${summary}", active tab ${active}`);
  if (!/10 states · 5 crossings/.test(summary)) throw new Error(`the restored panel shows: ${summary}`);
  if (active !== 'tab-deploy') throw new Error(`the restored panel lost its tab (${active})`);
}

/** Runs the pass in one theme; returns the screenshots. */
async function runTheme({ folder, vsix, theme, outDir: out }) {
  // The light pass also deploys from the form, against the fake AWS server (credentials from the environment).
  const aws = theme === 'light' ? await startFakeAws() : undefined;
  const workbench = await openWorkbench({
    folder,
    vsix,
    theme,
    viewport: { width: 1600, height: 900 },
    settings: aws ? { 'sfnCrossings.aws.endpointUrl': aws.url } : {},
    env: aws
      ? {
          AWS_ACCESS_KEY_ID: aws.accessKeyId,
          AWS_SECRET_ACCESS_KEY: aws.secretAccessKey,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_PROFILE: '',
        }
      : {},
  }).catch(async (error) => {
    await aws?.stop();
    throw error;
  });
  const { page } = workbench;
  const shots = [];
  try {
    const frame = await showPanel(page);
    const summary = (await frame.locator('#summary').innerText()).trim();
    say(`${theme}: panel shows "${summary}"`);
    if (!/10 states · 5 crossings/.test(summary)) throw new Error(`unexpected panel summary: ${summary}`);
    // High contrast: VS Code marks the webview's body, and the panel draws its borders from the theme.
    if (theme === 'high-contrast') await frame.locator('body.vscode-high-contrast').waitFor({ timeout: 15_000 });
    shots.push(await screenshot(page, out, `panel-map-${theme}.png`));
    await revealFromMap(page, frame, 'NotifyPartner');
    await frame.locator('#tab-crossings').click();
    await frame.locator('#crossings vscode-data-grid-row.crossing-row').first().waitFor();
    shots.push(await screenshot(page, out, `panel-crossings-${theme}.png`));
    await frame.locator('#tab-iam').click();
    await frame.locator('#iam .iam-document').first().waitFor();
    shots.push(await screenshot(page, out, `panel-iam-${theme}.png`));
    if (theme === 'light') await opensDocument(page, frame);
    await frame.locator('#tab-deploy').click();
    await frame.locator('#deploy-form').waitFor();
    shots.push(await screenshot(page, out, `panel-deploy-${theme}.png`));
    if (aws) shots.push(await deploysFromForm(page, frame, out));
    if (theme === 'dark') await restoresAfterReload(page);
    return shots;
  } catch (error) {
    await screenshot(page, out, `panel-failure-${theme}.png`).catch(() => {});
    throw error;
  } finally {
    await workbench.close();
    await aws?.stop();
  }
}

/** Light, dark and high-contrast passes over the packaged extension; returns every PNG written. */
export async function runPanelUiPass({ folder, outDir: out = outDir, vsix = packageVsix() }) {
  const shots = [];
  for (const theme of ['light', 'dark', 'high-contrast'])
    shots.push(...(await runTheme({ folder, vsix, theme, outDir: out })));
  return shots;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const workspace = makeFixtureWorkspace();
  runPanelUiPass({ folder: workspace.folder })
    .then((shots) => {
      if (process.argv.includes('--docs')) {
        fs.mkdirSync(docsImagesDir, { recursive: true });
        for (const shot of shots.filter((s) => /panel-map-(light|dark)/.test(s)))
          fs.copyFileSync(shot, path.join(docsImagesDir, path.basename(shot)));
      }
      console.log(`panel UI pass: ${shots.length} screenshots in ${path.relative(repoRoot, outDir)}/`);
      workspace.dispose();
      process.exit(0);
    })
    .catch((error) => {
      console.error(error.stack ?? String(error));
      workspace.dispose();
      process.exit(1);
    });
}
