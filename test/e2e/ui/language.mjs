// UI scene "language": the ASL editor as a user sees it. Our grammar colours an .asl.json and an .asl.yaml
// file (asserted through "Developer: Inspect Editor Tokens and Scopes" and the keys' rendered colour), the
// Outline view lists the states with a Parallel's branches nested, and renaming a state (F2, Ctrl+Enter)
// opens the Refactor Preview with every reference, and the IAM commands' input box shows an example ARN and
// no other file's answer. Screenshots: editor-highlighted, editor-highlighted-yaml, editor-outline,
// editor-rename-preview, editor-prompt.
import fs from 'node:fs';
import path from 'node:path';
import { note } from '../lib/log.mjs';
import { inWorkbench, quickOpen, runCommand, screenshot } from '../ui.mjs';

const say = (message) => note('ui/language', message);

const MACHINE = {
  Comment: 'Checks the order, then ships and bills in parallel.',
  StartAt: 'Check',
  States: {
    Check: {
      Type: 'Choice',
      Choices: [{ Variable: '$.ready', BooleanEquals: true, Next: 'Fan' }],
      Default: 'Done',
    },
    Fan: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Ship', States: { Ship: { Type: 'Pass', Next: 'Shipped' }, Shipped: { Type: 'Succeed' } } },
        { StartAt: 'Bill', States: { Bill: { Type: 'Pass', End: true } } },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }],
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};
const JSON_FILE = 'editor-demo.asl.json';
const YAML_FILE = 'editor-demo.asl.yaml';
const YAML_TEXT = [
  '# Ships an order.',
  'StartAt: Ship',
  'States:',
  '  Ship:',
  '    Type: Pass',
  "    Result: { carrier: 'ups' }",
  '    Next: Done',
  '  Done:',
  '    Type: Succeed',
  '',
].join('\n');

/** Puts the cursor on `needle` (first occurrence after `after`) with Go to Line/Column. */
async function goTo(page, text, needle, after = '') {
  const offset = text.indexOf(needle, text.indexOf(after));
  if (offset < 0) throw new Error(`"${needle}" not in the file`);
  const before = text.slice(0, offset).split('\n');
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input.input').fill(`:${before.length}:${before.at(-1).length + 2}`);
  await page.keyboard.press('Enter');
}

/** The TextMate scopes "Inspect Editor Tokens and Scopes" shows for the token under the cursor. */
async function inspectScopes(page) {
  await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
  const widget = page.locator('.token-inspect-widget');
  await widget.waitFor({ timeout: 15_000 });
  return widget.innerText();
}

/** The rendered colour of the first token whose text is exactly `text`. */
const colourOf = (page, text) =>
  page
    .locator('.monaco-editor .view-lines span > span')
    .filter({ hasText: new RegExp(`^${text.replace(/[.$"]/g, '\\$&')}$`) })
    .first()
    .evaluate((el) => getComputedStyle(el).color);

function expectScopes(scopes, wanted) {
  for (const scope of wanted)
    if (!scopes.includes(scope)) throw new Error(`the token's scopes lack ${scope}:\n${scopes}`);
}

export default async function languageScene({ folder, outDir, vsix }) {
  const jsonText = JSON.stringify(MACHINE, null, 2) + '\n';
  fs.writeFileSync(path.join(folder, JSON_FILE), jsonText);
  fs.writeFileSync(path.join(folder, YAML_FILE), YAML_TEXT);
  return inWorkbench({ folder, vsix, settings: { 'breadcrumbs.enabled': true } }, outDir, async (page) => {
    const shots = [];
    const shoot = async (name) => shots.push(await screenshot(page, outDir, name));

    await quickOpen(page, JSON_FILE);
    const keyColour = await colourOf(page, '"StartAt"');
    const valueColour = await colourOf(page, '"Check"');
    say(`"StartAt" drawn in ${keyColour}, "Check" in ${valueColour}`);
    if (keyColour === valueColour) throw new Error(`a key and a string value share the colour ${keyColour}`);
    await goTo(page, jsonText, 'StartAt');
    const scopes = await inspectScopes(page);
    expectScopes(scopes, ['source.asl', 'support.type.property-name.json']);
    say('StartAt in the JSON file: source.asl + support.type.property-name.json');
    await shoot('editor-highlighted.png');
    await page.keyboard.press('Escape');

    await runCommand(page, 'Explorer: Focus on Outline View');
    // Collapse the folder section so the outline has the height of the side bar.
    await page.locator('.pane-header', { hasText: 'state-machines' }).first().click();
    const outline = page.locator('.outline-pane .monaco-list-row');
    await outline.filter({ hasText: 'Fan' }).first().waitFor({ timeout: 15_000 });
    const rows = await outline.allInnerTexts();
    say(`outline rows: ${JSON.stringify(rows.map((r) => r.split('\n')[0]))}`);
    for (const name of ['Check', 'Fan', 'Done'])
      if (!rows.some((r) => r.startsWith(name))) throw new Error(`the outline lacks ${name}: ${JSON.stringify(rows)}`);
    await shoot('editor-outline.png');

    await page.locator('.monaco-editor .view-lines').first().click();
    await goTo(page, jsonText, '"Done"', '"Default"');
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill('Finished');
    await page.keyboard.press('Control+Enter'); // rename with preview
    const preview = page.locator('.part.panel');
    await preview.locator('.monaco-list-row', { hasText: JSON_FILE }).first().waitFor({ timeout: 15_000 });
    say(`rename preview: ${JSON.stringify((await preview.locator('.monaco-list-row').allInnerTexts()).slice(0, 6))}`);
    await shoot('editor-rename-preview.png');
    await preview.getByRole('button', { name: 'Discard' }).first().click();

    // The IAM commands' first question shows the expected form and no answer of another file.
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Step Functions Crossings: Generate execution role policy');
    const box = page.locator('.quick-input-widget input.input');
    await page.locator('.quick-input-widget', { hasText: 'state machine ARN' }).waitFor({ timeout: 15_000 });
    const placeholder = await box.getAttribute('placeholder');
    const value = await box.inputValue();
    say(`state machine ARN box: placeholder ${JSON.stringify(placeholder)}, value ${JSON.stringify(value)}`);
    if (!/^arn:aws:states:[a-z0-9-]+:\d{12}:stateMachine:/.test(placeholder ?? ''))
      throw new Error(`the state machine ARN box shows no example ARN: ${placeholder}`);
    if (value !== '') throw new Error(`the box is prefilled with ${value} for a file never answered`);
    await shoot('editor-prompt.png');
    await page.keyboard.press('Escape');

    await quickOpen(page, YAML_FILE);
    await goTo(page, YAML_TEXT, 'StartAt');
    const yamlScopes = await inspectScopes(page);
    expectScopes(yamlScopes, ['source.asl.yaml', 'entity.name.tag.yaml']);
    say('StartAt in the YAML file: source.asl.yaml + entity.name.tag.yaml');
    await shoot('editor-highlighted-yaml.png');
    await page.keyboard.press('Escape');
    return shots;
  });
}
