// UI scene "iam": "Generate execution role policy" driven through its input boxes, as a user types them in
// the real workbench. A wrong state machine ARN is refused while typing (the box shows why), the right
// answers produce the policy in a new untitled JSON editor, and nothing is written to the definition.
// Screenshots: iam-input-invalid, iam-result.
import fs from 'node:fs';
import path from 'node:path';
import { note } from '../lib/log.mjs';
import { inWorkbench, quickOpen, runCommand, screenshot } from '../ui.mjs';

const say = (message) => note('ui/iam', message);

export const docsImages = [];

const DEFINITION = 'examples/iam-kit.asl.json';
const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:111111111111:stateMachine:OrderHub';
const ROLE_ARN = 'arn:aws:iam::111111111111:role/OrderHubRole';

/** Waits for the input box titled `title` and types `text` into it. */
async function typeIntoInputBox(page, title, text) {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 30_000 });
  await widget.locator('input.input').fill(text);
}

export default async function iamScene({ folder, outDir, vsix }) {
  const definitionPath = path.join(folder, DEFINITION);
  const before = fs.readFileSync(definitionPath, 'utf8');
  return inWorkbench({ folder, vsix }, outDir, async (page) => {
    const shots = [];
    await quickOpen(page, DEFINITION);
    // The IAM commands are offered once the definition is analysed (its CodeLenses show).
    await page.locator('.monaco-editor .codelens-decoration', { hasText: 'IAM:' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Step Functions Crossings: Generate execution role policy');

    // A value that is not a state machine ARN: the box says why and Enter does not accept it.
    await typeIntoInputBox(page, 'state machine ARN', 'OrderHub');
    const refusal = page.locator('.quick-input-widget', { hasText: 'Expected a state machine ARN' });
    await refusal.waitFor({ timeout: 15_000 });
    say(
      `refused while typing: ${JSON.stringify(await page.locator('.quick-input-widget .quick-input-message').innerText())}`,
    );
    shots.push(await screenshot(page, outDir, 'iam-input-invalid.png'));
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'state machine ARN' }).waitFor();

    await typeIntoInputBox(page, 'state machine ARN', STATE_MACHINE_ARN);
    await page.keyboard.press('Enter');
    await typeIntoInputBox(page, 'execution role ARN', ROLE_ARN);
    await page.keyboard.press('Enter');

    // The policy opens beside the definition as an untitled JSON document.
    await page
      .locator('.tabs-container .tab.active', { hasText: 'iam-executionRole-iam-kit' })
      .waitFor({ timeout: 30_000 });
    const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    await lines.filter({ hasText: 'Statement' }).waitFor({ timeout: 30_000 });
    const shown = await lines.innerText();
    for (const expected of ['"trustPolicy"', 'states.amazonaws.com', ROLE_ARN])
      if (!shown.includes(expected)) throw new Error(`the generated policy does not show ${expected}:\n${shown}`);
    say(`policy opened: ${shown.split('\n').length} visible lines`);
    shots.push(await screenshot(page, outDir, 'iam-result.png'));

    if (fs.readFileSync(definitionPath, 'utf8') !== before) throw new Error(`${DEFINITION} was modified`);
    return shots;
  });
}
