// UI scene "trust": the folder opened in Restricted Mode (VS Code's workspace trust on, folder not trusted).
// Validation still runs (its findings reach the Problems panel); deploying is not offered at all; calling
// AWS ("Validate with Step Functions") is refused with a message that says why, before any request.
// Screenshot: untrusted.
import { note } from '../lib/log.mjs';
import { inWorkbench, problemsRows, quickOpen, runCommand, screenshot } from '../ui.mjs';

const say = (message) => note('ui/trust', message);

export const docsImages = [];

const DEFINITION = 'examples/order-pipeline-broken.asl.json';
const CATEGORY = 'Step Functions Crossings';

export default async function trustScene({ folder, outDir, vsix }) {
  // A region in the environment: the remote command goes straight to its trust check, no profile picker.
  return inWorkbench({ folder, vsix, untrusted: true, env: { AWS_REGION: 'us-east-1' } }, outDir, async (page) => {
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 30_000 });
    await quickOpen(page, DEFINITION);
    const rows = await problemsRows(page, 'ASL');
    say(`validation runs restricted: ${rows.length} Problems row(s)`);

    // The palette offers our validation commands but not the deploy command (enabled only when trusted).
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input.input').fill(`>${CATEGORY}`);
    const list = page.locator('.quick-input-list .monaco-list-row');
    await list.filter({ hasText: 'Validate with Step Functions' }).first().waitFor();
    const offered = await list.allInnerTexts();
    if (offered.some((row) => row.includes('Deploy cross-region invoker')))
      throw new Error(`the palette offers the deploy command in Restricted Mode: ${JSON.stringify(offered)}`);
    say(`palette rows: ${offered.length}, no deploy command`);
    await page.keyboard.press('Escape');

    await page.locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, `${CATEGORY}: Validate with Step Functions`);
    const toast = page.locator('.notification-toast', { hasText: 'trusted workspace' }).first();
    await toast.waitFor({ timeout: 30_000 });
    say(`refused: ${(await toast.innerText()).split('\n')[0]}`);
    return [await screenshot(page, outDir, 'untrusted.png')];
  });
}
