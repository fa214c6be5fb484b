// The UI pass: the real workbench (code-server) in headless chromium, driven like a user would, with PNG
// screenshots. Exports `openWorkbench()` and small page helpers so other rooms (e.g. the panel's light and
// dark screenshots) can drive the same editor; `runUiPass()` is the pass `npm run test:e2e` runs:
// open a definition with a mistake, see its finding in the Problems panel, run one of our commands from
// the command palette. The extension is the .vsix packaged from this checkout, installed into code-server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { launchChromium } from './lib/chromium.mjs';
import { installExtension, makeProfile, startCodeServer } from './lib/codeServer.mjs';
import { note } from './lib/log.mjs';
import { repoRoot } from './lib/paths.mjs';
import { packageVsix } from './lib/vsix.mjs';

const say = (message) => note('ui', message);
const themes = { dark: 'Default Dark Modern', light: 'Default Light Modern' };

/**
 * Starts code-server on `folder` with our extension and opens the workbench in chromium.
 * @param {{ folder: string, theme?: 'dark' | 'light', settings?: object, viewport?: { width: number, height: number },
 *           env?: NodeJS.ProcessEnv }} options  `env` reaches the extension host.
 * @returns {Promise<{ page: import('playwright-core').Page, origin: string, close(): Promise<void> }>}
 */
export async function openWorkbench({
  folder,
  theme = 'dark',
  settings = {},
  viewport = { width: 1400, height: 860 },
  env,
}) {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sfn-e2e-ui-'));
  const profile = makeProfile(profileDir, { 'workbench.colorTheme': themes[theme], ...settings });
  let server;
  let browser;
  const close = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    fs.rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    server = await startCodeServer({ ...profile, env: { ...process.env, ...env } });
    browser = await launchChromium(profileDir);
    const page = await (await browser.newContext({ viewport })).newPage();
    page.on('pageerror', (error) => say(`browser pageerror: ${error.message}`));
    const payload = [['extensionDevelopmentPath', server.remoteUri(repoRoot)]];
    await page.goto(server.workbenchUrl({ folder, payload }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    say(`workbench ready on ${server.origin} (${theme})`);
    return { page, origin: server.origin, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Opens a quick-input (`key`), types `text` and accepts the row that contains `rowText`. */
async function pickFromQuickInput(page, key, text, rowText) {
  await page.keyboard.press(key);
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Opens a workspace file by name with Quick Open (Ctrl+P) and waits for its text to show. */
export async function quickOpen(page, fileName) {
  await pickFromQuickInput(page, 'Control+P', fileName, path.basename(fileName));
  await page.locator('.tabs-container .tab.active', { hasText: path.basename(fileName) }).waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Runs a command by its palette title ("Category: Title"), as a user would with F1. */
export const runCommand = (page, title) => pickFromQuickInput(page, 'F1', `>${title}`, title);

/** Shows the Problems panel and waits for a row containing `text`; returns every row's text. */
export async function problemsRows(page, text) {
  await runCommand(page, 'View: Focus Problems');
  await page.locator('.markers-panel .monaco-list-row', { hasText: text }).first().waitFor({ timeout: 30_000 });
  return page.locator('.markers-panel .monaco-list-row').allInnerTexts();
}

export async function screenshot(page, outDir, name) {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, name);
  await page.screenshot({ path: file });
  say(`saved ${path.relative(repoRoot, file)}`);
  return file;
}

/**
 * The definition the pass shows, judged by dist/core.js: the most severe finding wins (error, warning, info),
 * an example before a fixture at equal severity.
 */
function pickShowcase(folder) {
  const { lint } = createRequire(import.meta.url)(path.join(repoRoot, 'dist', 'core.js'));
  const examples = path.join(folder, 'examples');
  const candidates = fs.existsSync(examples)
    ? fs
        .readdirSync(examples)
        .filter((f) => /\.asl\.(json|ya?ml)$/.test(f))
        .map((f) => `examples/${f}`)
        .sort()
    : [];
  const rank = { error: 0, warning: 2, info: 4 };
  let best;
  for (const file of [...candidates, 'start-at-missing.asl.json']) {
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    const findings = lint(text, { languageId: file.endsWith('.json') ? 'asl' : 'asl-yaml' });
    for (const finding of findings) {
      const score = rank[finding.severity] + (file.startsWith('examples/') ? 0 : 1);
      if (!best || score < best.score) best = { file, code: finding.code, score };
    }
  }
  if (!best) throw new Error('no example or fixture has a finding to show');
  return best;
}

/** The command the pass runs from the palette, with its palette title from package.json. */
function validateCommandTitle() {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const command = manifest.contributes.commands.find((c) => c.command === 'sfnCrossings.validateWorkspace');
  if (!command) throw new Error('package.json contributes no sfnCrossings.validateWorkspace command');
  return command.category ? `${command.category}: ${command.title}` : command.title;
}

/** Runs the pass and returns the PNG files it wrote to `outDir`. */
export async function runUiPass({ folder, outDir }) {
  const { file, code } = pickShowcase(folder);
  say(`showing ${file} (expects ${code})`);
  const workbench = await openWorkbench({ folder });
  const { page } = workbench;
  try {
    const shots = [];
    await quickOpen(page, file);
    const rows = await problemsRows(page, code);
    say(`Problems panel: ${rows.length} row(s), e.g. ${JSON.stringify(rows.find((r) => r.includes(code)))}`);
    shots.push(await screenshot(page, outDir, 'problems.png'));

    const title = validateCommandTitle();
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input.input').fill(`>${title.split(':')[0]}`);
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: title.split(': ')[1] })
      .first()
      .waitFor();
    shots.push(await screenshot(page, outDir, 'command-palette.png'));
    await page.keyboard.press('Escape');
    await runCommand(page, title);
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Validated' }).first();
    await toast.waitFor({ timeout: 30_000 });
    say(`command ran: ${(await toast.innerText()).split('\n')[0]}`);
    shots.push(await screenshot(page, outDir, 'command-result.png'));
    return shots;
  } finally {
    await workbench.close();
  }
}
