#!/usr/bin/env node
// The README's snippet screenshots, taken in the real workbench (code-server + headless chromium, this checkout
// as the development extension; run `npm run build` first): a user types `sfnx-apigw-res` inside `States`
// of an .asl.json file, the suggest widget shows the snippet with its description and preview
// (snippet-suggest.png), Enter inserts it with its first placeholder selected (snippet-inserted.png).
// Saves to test/e2e/out/; `--docs` also copies them to docs/images/. Reuses the UI pass helpers of test/e2e/ui.mjs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeOnExit } from '../../test/e2e/lib/cleanup.mjs';
import { docsImagesDir, outDir, repoRoot } from '../../test/e2e/lib/paths.mjs';
import { openWorkbench, quickOpen, screenshot } from '../../test/e2e/ui.mjs';

const FILE = 'orders.asl.json';
const TYPED = 'sfnx-apigw-res';
const DEFINITION = `{
  "Comment": "Orders: start the billing workflow in account B through its REST API",
  "StartAt": "StartExecutionInTargetAccount",
  "States": {
    
  }
}
`;

async function main() {
  const parent = removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), 'sfn-snippet-shots-')));
  const folder = path.join(parent, 'state-machines');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, FILE), DEFINITION);
  const workbench = await openWorkbench({
    folder,
    settings: { 'editor.suggest.preview': true, 'editor.suggest.showStatusBar': true, 'editor.minimap.enabled': false },
  });
  const { page } = workbench;
  const shots = [];
  try {
    await quickOpen(page, FILE);
    await page.locator('.monaco-editor .view-lines').first().click();
    // Line 5 is the empty line inside "States".
    await page.keyboard.press('Control+G');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.type(TYPED, { delay: 60 });
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'sfnx-apigw-resource-policy' }).first();
    await row.waitFor({ timeout: 30_000 });
    // Show the details pane (description and the snippet's preview) as Ctrl+Space does.
    if (
      !(await page
        .locator('.suggest-details-container .details')
        .isVisible()
        .catch(() => false))
    ) {
      await page.keyboard.press('Control+Space');
    }
    await page
      .locator('.suggest-details-container', { hasText: 'RESOURCE_POLICY' })
      .first()
      .waitFor({ timeout: 10_000 });
    shots.push(await screenshot(page, outDir, 'snippet-suggest.png'));
    await page.keyboard.press('Enter');
    await page
      .locator('.monaco-editor .view-lines', { hasText: 'apigateway:invoke' })
      .first()
      .waitFor({ timeout: 10_000 });
    // The inserted state is valid: wait for the squiggles of the half-typed prefix to go.
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: 20_000 });
    shots.push(await screenshot(page, outDir, 'snippet-inserted.png'));
  } finally {
    await workbench.close();
  }
  if (process.argv.includes('--docs')) {
    fs.mkdirSync(docsImagesDir, { recursive: true });
    for (const shot of shots) fs.copyFileSync(shot, path.join(docsImagesDir, path.basename(shot)));
  }
  console.log(`snippet screenshots: ${shots.map((s) => path.relative(repoRoot, s)).join(', ')}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error.stack ?? String(error));
    process.exit(1);
  },
);
