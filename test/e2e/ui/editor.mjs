// UI scene "editor": a definition with a mistake in the real workbench. Its finding in the Problems panel,
// its hover with the doc link, our commands in the command palette, and the result of running
// "Validate all definitions in the workspace". Screenshots: problems, problem-hover, command-palette,
// command-result.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { note } from '../lib/log.mjs';
import { repoRoot } from '../lib/paths.mjs';
import { inWorkbench, problemsRows, quickOpen, runCommand, screenshot } from '../ui.mjs';

const say = (message) => note('ui/editor', message);

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

/** Our "Validate all definitions in the workspace" command: its category and title from package.json. */
function validateCommand() {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const command = manifest.contributes.commands.find((c) => c.command === 'sfnCrossings.validateWorkspace');
  if (!command) throw new Error('package.json contributes no sfnCrossings.validateWorkspace command');
  return { category: command.category ?? '', title: command.title };
}

/** F8 (Go to Next Problem) from the top puts the cursor on the first finding; then its hover. */
async function showFirstFindingHover(page, code) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('F8');
  await page.locator('.marker-widget', { hasText: code }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Escape');
  await page.locator('.marker-widget').waitFor({ state: 'hidden' });
  await runCommand(page, 'Show or Focus Hover');
  await page.locator('.monaco-hover:not(.hidden)', { hasText: code }).first().waitFor({ timeout: 15_000 });
}

/** Opens the command palette filtered to our category, with `title` among the rows. */
async function showOurCommands(page, { category, title }) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input.input').fill(`>${category}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
}

/** The scene: returns the PNG files it wrote to `outDir`. */
export default async function editorScene({ folder, outDir, vsix }) {
  const { file, code } = pickShowcase(folder);
  say(`showing ${file} (expects ${code})`);
  return inWorkbench({ folder, vsix }, outDir, async (page) => {
    const shots = [];
    const shoot = async (name) => shots.push(await screenshot(page, outDir, name));
    await quickOpen(page, file);
    const rows = await problemsRows(page, code);
    say(`Problems panel: ${rows.length} row(s), e.g. ${JSON.stringify(rows.find((r) => r.includes(code)))}`);
    // Clicking the row reveals the finding in the editor, as a user would.
    await page.locator('.markers-panel .monaco-list-row', { hasText: code }).first().click();
    await page
      .locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info')
      .first()
      .waitFor();
    await shoot('problems.png');

    await showFirstFindingHover(page, code);
    await shoot('problem-hover.png');
    await page.keyboard.press('Escape');

    const command = validateCommand();
    await showOurCommands(page, command);
    await shoot('command-palette.png');
    await page.keyboard.press('Escape');
    await runCommand(page, command.category ? `${command.category}: ${command.title}` : command.title);
    const toast = page.locator('.notification-toast.notification-fade-in-done', { hasText: 'Validated' }).first();
    await toast.waitFor({ timeout: 30_000 });
    say(`command ran: ${(await toast.innerText()).split('\n')[0]}`);
    await shoot('command-result.png');
    return shots;
  });
}
