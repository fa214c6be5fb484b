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
import { removeOnExit } from './lib/cleanup.mjs';
import { installExtension, makeProfile, startCodeServer } from './lib/codeServer.mjs';
import { note } from './lib/log.mjs';
import { repoRoot } from './lib/paths.mjs';
import { packageVsix } from './lib/vsix.mjs';

const say = (message) => note('ui', message);
const themes = { dark: 'Default Dark Modern', light: 'Default Light Modern' };

export { packageVsix };

/**
 * Starts code-server on `folder` with our extension and opens the workbench in chromium. The extension is
 * `vsix` installed into a fresh profile (see packageVsix()), or, without `vsix`, this checkout loaded as
 * a development extension (the window title then says "[Extension Development Host]").
 * @param {{ folder: string, vsix?: string, theme?: 'dark' | 'light', settings?: object,
 *           viewport?: { width: number, height: number }, env?: NodeJS.ProcessEnv }} options
 *        `env` reaches the extension host.
 * @returns {Promise<{ page: import('playwright-core').Page, origin: string, close(): Promise<void> }>}
 */
export async function openWorkbench({
  folder,
  vsix,
  theme = 'dark',
  settings = {},
  viewport = { width: 1400, height: 860 },
  env,
}) {
  const profileDir = removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), 'sfn-e2e-ui-')));
  const profile = makeProfile(profileDir, { 'workbench.colorTheme': themes[theme], ...settings });
  let server;
  let browser;
  const close = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    fs.rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    if (vsix) installExtension(vsix, profile);
    server = await startCodeServer({ ...profile, env: { ...process.env, ...env } });
    browser = await launchChromium(profileDir);
    const page = await (await browser.newContext({ viewport })).newPage();
    page.on('pageerror', (error) => say(`browser pageerror: ${error.message}`));
    const payload = vsix ? undefined : [['extensionDevelopmentPath', server.remoteUri(repoRoot)]];
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

const lexicographicLess = (a, b) => {
  const i = a.findIndex((value, k) => value !== b[k]);
  return i >= 0 && a[i] < b[i];
};

/**
 * The definition the pass shows (SFN_E2E_SHOWCASE names one), judged by dist/core.js: the most severe
 * finding wins (error, warning, info), then an example before a fixture, then the fewest findings.
 * Returns the file and the code of its first finding by position (where F8 lands).
 */
function pickShowcase(folder) {
  const { lint } = createRequire(import.meta.url)(path.join(repoRoot, 'dist', 'core.js'));
  const examples = path.join(folder, 'examples');
  const candidates = process.env.SFN_E2E_SHOWCASE
    ? [process.env.SFN_E2E_SHOWCASE]
    : [
        ...(fs.existsSync(examples) ? fs.readdirSync(examples) : [])
          .filter((f) => /\.asl\.(json|ya?ml)$/.test(f))
          .map((f) => `examples/${f}`)
          .sort(),
        'start-at-missing.asl.json',
      ];
  const rank = { error: 0, warning: 1, info: 2 };
  let best;
  for (const file of candidates) {
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    const findings = lint(text, { languageId: file.endsWith('.json') ? 'asl' : 'asl-yaml' });
    if (findings.length === 0) continue;
    const score = [
      Math.min(...findings.map((f) => rank[f.severity])),
      file.startsWith('examples/') ? 0 : 1,
      findings.length,
    ];
    if (!best || lexicographicLess(score, best.score)) {
      const first = [...findings].sort((a, b) => a.line - b.line || a.column - b.column)[0];
      best = { file, code: first.code, score };
    }
  }
  if (!best) throw new Error(`no finding to show in ${candidates.join(', ')}`);
  return best;
}

/** The command the pass runs from the palette, with its palette title from package.json. */
function validateCommandTitle() {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const command = manifest.contributes.commands.find((c) => c.command === 'sfnCrossings.validateWorkspace');
  if (!command) throw new Error('package.json contributes no sfnCrossings.validateWorkspace command');
  return command.category ? `${command.category}: ${command.title}` : command.title;
}

/** Adds what the workbench showed when a step failed (screenshot, Problems rows, notifications) to the error. */
async function describeFailure(page, outDir, error) {
  const texts = (selector) =>
    page
      .locator(selector)
      .allInnerTexts()
      .catch(() => []);
  const file = await screenshot(page, outDir, 'failure.png').catch(() => 'none');
  const problems = await texts('.markers-panel .monaco-list-row');
  const toasts = await texts('.notification-toast');
  error.message += `\nfailure screenshot: ${file}\nProblems rows: ${JSON.stringify(problems)}\nnotifications: ${JSON.stringify(toasts)}`;
}

/** Runs the pass and returns the PNG files it wrote to `outDir`. */
export async function runUiPass({ folder, outDir, runDir }) {
  const { file, code } = pickShowcase(folder);
  const vsix = packageVsix(runDir);
  say(`packaged ${path.relative(repoRoot, vsix)}; showing ${file} (expects ${code})`);
  const workbench = await openWorkbench({ folder, vsix });
  const { page } = workbench;
  try {
    const shots = [];
    await quickOpen(page, file);
    const rows = await problemsRows(page, code);
    say(`Problems panel: ${rows.length} row(s), e.g. ${JSON.stringify(rows.find((r) => r.includes(code)))}`);
    shots.push(await screenshot(page, outDir, 'problems.png'));

    // F8 (Go to Next Problem) puts the cursor on the first finding; Show or Focus Hover shows it with its doc link.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('F8');
    await page.locator('.marker-widget', { hasText: code }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    await page.locator('.marker-widget').waitFor({ state: 'hidden' });
    await runCommand(page, 'Show or Focus Hover');
    await page.locator('.monaco-hover:not(.hidden)', { hasText: code }).first().waitFor({ timeout: 15_000 });
    shots.push(await screenshot(page, outDir, 'problem-hover.png'));
    await page.keyboard.press('Escape');

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
    const toast = page.locator('.notification-toast.notification-fade-in-done', { hasText: 'Validated' }).first();
    await toast.waitFor({ timeout: 30_000 });
    say(`command ran: ${(await toast.innerText()).split('\n')[0]}`);
    shots.push(await screenshot(page, outDir, 'command-result.png'));
    return shots;
  } catch (error) {
    await describeFailure(page, outDir, error);
    throw error;
  } finally {
    await workbench.close();
  }
}
