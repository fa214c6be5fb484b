// UI scene "iam": "Generate execution role policy" driven through its input boxes, as a user types them in
// the real workbench. A wrong state machine ARN is refused while typing (the box shows why), the right
// answers produce the policy in a new untitled JSON editor, and nothing is written to the definition. Then "Add
// the required IAM to this template" on a SAM template: VS Code's refactor preview shows the edit, Apply writes it.
// Screenshots: iam-input-invalid, iam-result, iam-template-preview.
import fs from 'node:fs';
import path from 'node:path';
import { note } from '../lib/log.mjs';
import { inWorkbench, quickOpen, runCommand, screenshot } from '../ui.mjs';

const say = (message) => note('ui/iam', message);

export const docsImages = [];

const DEFINITION = 'examples/iam-kit.asl.json';
const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:111111111111:stateMachine:OrderHub';
const ROLE_ARN = 'arn:aws:iam::111111111111:role/OrderHubRole';
const TEMPLATE = 'iam-preview-template.yaml';
const SAM_TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties: { Handler: index.handler, Runtime: nodejs20.x, CodeUri: src/ }
  OrderStateMachine:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionSubstitutions:
        WorkerArn: !GetAtt Worker.Arn
      Definition:
        StartAt: Work
        States:
          Work:
            Type: Task
            Resource: arn:aws:states:::lambda:invoke
            Parameters: { FunctionName: '\${WorkerArn}', Payload.$: $ }
            End: true
`;

/** Waits for the input box titled `title` and types `text` into it. */
async function typeIntoInputBox(page, title, text) {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 30_000 });
  await widget.locator('input.input').fill(text);
}

export default async function iamScene({ folder, outDir, vsix }) {
  const definitionPath = path.join(folder, DEFINITION);
  const before = fs.readFileSync(definitionPath, 'utf8');
  // Written before the workbench opens, so Quick Open has it indexed.
  const templatePath = path.join(folder, TEMPLATE);
  fs.writeFileSync(templatePath, SAM_TEMPLATE);
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

    // A SAM template: the command previews its edit (needs confirmation) before anything changes.
    await quickOpen(page, TEMPLATE);
    // Focus the template's editor (the definition and the policy are still open in other groups).
    const templateLines = page
      .locator('.monaco-editor .view-lines', { hasText: 'AWS::Serverless::StateMachine' })
      .first();
    await templateLines.waitFor({ timeout: 30_000 });
    await templateLines.click();
    await runCommand(page, 'Step Functions Crossings: Add the required IAM to this template');
    const preview = page.locator('.bulk-edit-panel').first();
    try {
      await preview.waitFor({ timeout: 30_000 });
    } catch (error) {
      const toasts = await page
        .locator('.notifications-toasts')
        .innerText()
        .catch(() => '');
      const dialog = await page
        .locator('.monaco-dialog-box')
        .innerText()
        .catch(() => '');
      await screenshot(page, outDir, 'iam-template-no-preview.png');
      throw new Error(
        `no refactor preview; notifications: ${JSON.stringify(toasts)}; dialog: ${JSON.stringify(dialog)}`,
        {
          cause: error,
        },
      );
    }
    await page.locator('.monaco-tl-row', { hasText: TEMPLATE }).first().waitFor({ timeout: 30_000 });
    say(`refactor preview: ${JSON.stringify((await preview.innerText()).slice(0, 200))}`);
    if (fs.readFileSync(templatePath, 'utf8') !== SAM_TEMPLATE) throw new Error('the template changed before Apply');
    shots.push(await screenshot(page, outDir, 'iam-template-preview.png'));
    // VS Code lists edits that need confirmation unchecked: the user ticks them, then Apply.
    await preview.locator('input[type="checkbox"]').first().check();
    await page.getByRole('button', { name: 'Apply', exact: true }).first().click();
    await templateLines.filter({ hasText: 'CrossingsLambdaInvoke' }).waitFor({ timeout: 30_000 });
    await templateLines.click();
    await page.keyboard.press('Control+S');
    const deadline = Date.now() + 30_000;
    while (!fs.readFileSync(templatePath, 'utf8').includes('Sid: CrossingsLambdaInvoke')) {
      if (Date.now() > deadline)
        throw new Error(`the applied edit was not saved:\n${fs.readFileSync(templatePath, 'utf8')}`);
      await page.waitForTimeout(200);
    }
    say('template saved with the CrossingsLambdaInvoke statement');
    return shots;
  });
}
