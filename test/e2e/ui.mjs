// The UI pass: the real workbench (code-server) in headless chromium, driven like a user would, with PNG
// screenshots. `runUiPass()` packages the extension as a .vsix once and runs every scene in test/e2e/ui/*.mjs;
// a scene is `export default async ({ folder, outDir, vsix }) => [pngPaths]` and drives the editor with the
// helpers exported here (openWorkbench, quickOpen, runCommand, problemsRows, screenshot). Rooms add scenes
// (e.g. the panel's light and dark screenshots) as test/e2e/ui/<room>.mjs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from './lib/chromium.mjs';
import { removeOnExit } from './lib/cleanup.mjs';
import { installExtension, makeProfile, startCodeServer, untrustedSettings } from './lib/codeServer.mjs';
import { note } from './lib/log.mjs';
import { e2eDir, repoRoot } from './lib/paths.mjs';
import { packageVsix } from './lib/vsix.mjs';

const say = (message) => note('ui', message);
const themes = {
  dark: 'Default Dark Modern',
  light: 'Default Light Modern',
  'high-contrast': 'Default High Contrast',
};

export { packageVsix };

/**
 * Starts code-server on `folder` with our extension and opens the workbench in chromium. The extension is
 * `vsix` installed into a fresh profile (see packageVsix()), or, without `vsix`, this checkout loaded as
 * a development extension (the window title then says "[Extension Development Host]").
 * @param {{ folder: string, vsix?: string, theme?: 'dark' | 'light' | 'high-contrast', settings?: object,
 *           viewport?: { width: number, height: number }, env?: NodeJS.ProcessEnv, untrusted?: boolean }} options
 *        `env` reaches the extension host; `untrusted` opens the folder in Restricted Mode.
 * @returns {Promise<{ page: import('playwright-core').Page, origin: string, close(): Promise<void> }>}
 */
export async function openWorkbench({
  folder,
  vsix,
  theme = 'dark',
  settings = {},
  viewport = { width: 1400, height: 860 },
  env,
  untrusted = false,
}) {
  const profileDir = removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), 'sfn-e2e-ui-')));
  const profile = makeProfile(profileDir, {
    'workbench.colorTheme': themes[theme],
    ...(untrusted ? untrustedSettings : {}),
    ...settings,
  });
  let server;
  let browser;
  const close = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    fs.rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    if (vsix) installExtension(vsix, profile);
    server = await startCodeServer({ ...profile, env: { ...process.env, ...env }, workspaceTrust: untrusted });
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

/** Saves a PNG of the page as `outDir/name` and returns its path. */
export async function screenshot(page, outDir, name) {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, name);
  await page.screenshot({ path: file });
  say(`saved ${path.relative(repoRoot, file)}`);
  return file;
}

/** Adds what the workbench showed when a step failed (screenshot, Problems rows, notifications) to the error. */
export async function describeFailure(page, outDir, error) {
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

/**
 * Opens the workbench (`options` as for openWorkbench), runs `steps(page)` and returns its result; when a
 * step fails, adds what the workbench showed (describeFailure) to the error. Always closes the workbench.
 */
export async function inWorkbench(options, outDir, steps) {
  const workbench = await openWorkbench(options);
  try {
    return await steps(workbench.page);
  } catch (error) {
    await describeFailure(workbench.page, outDir, error);
    throw error;
  } finally {
    await workbench.close();
  }
}

/**
 * Packages the extension once and runs every scene of test/e2e/ui/ (a failing scene does not stop the
 * others). Returns every PNG written to `outDir` and, as `docs`, those the scenes name in their optional
 * `export const docsImages = ['file.png', ...]` (all of a scene's PNGs when it names none).
 */
export async function runUiPass({ folder, outDir, runDir }) {
  fs.rmSync(path.join(outDir, 'failure.png'), { force: true });
  const vsix = packageVsix(runDir);
  say(`packaged ${path.relative(repoRoot, vsix)}`);
  const scenes = fs
    .readdirSync(path.join(e2eDir, 'ui'))
    .filter((file) => file.endsWith('.mjs'))
    // SFN_E2E_SCENE=iam runs one scene (while working on it).
    .filter((file) => !process.env.SFN_E2E_SCENE || file === `${process.env.SFN_E2E_SCENE}.mjs`)
    .sort();
  const shots = [];
  const docs = [];
  const failures = [];
  for (const scene of scenes) {
    say(`scene ui/${scene}`);
    try {
      const { default: run, docsImages } = await import(path.join(e2eDir, 'ui', scene));
      const written = await run({ folder, outDir, vsix });
      shots.push(...written);
      docs.push(...written.filter((file) => !docsImages || docsImages.includes(path.basename(file))));
    } catch (error) {
      failures.push(`ui/${scene}: ${error.stack ?? error}`);
    }
  }
  if (failures.length) throw new Error(failures.join('\n'));
  return { shots, docs };
}
