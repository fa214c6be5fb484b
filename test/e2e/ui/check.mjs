// UI scene "check": "Check crossings against AWS" in the real workbench against the two-account fake AWS world
// (test/unit/check/fakeProcess.ts, a child process), on examples/live-check-orders.asl.json whose target role lacks
// the sts:ExternalId condition: the warning reaches the Problems panel (source "AWS check"), and the Crossings
// panel's Live check tab lists the results, the failure first with its Copy fix button.
// Screenshot: panel-live-check.png (dark).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { note } from '../lib/log.mjs';
import { repoRoot } from '../lib/paths.mjs';
import { inWorkbench, problemsRows, quickOpen, runCommand, screenshot } from '../ui.mjs';

const say = (message) => note('ui/check', message);

export const docsImages = ['panel-live-check.png'];

const DEFINITION = 'examples/live-check-orders.asl.json';
const SM_ARN = 'arn:aws:states:eu-west-1:111111111111:stateMachine:Orders';
const panelFrame = (page) => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

async function startFake() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sfn-ui-check-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'test/unit/check/fakeProcess.ts'), 'no-external-id', dir],
    { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const line = await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the fake AWS world exited (${code})`)));
  });
  return {
    ...JSON.parse(line),
    stop: () => new Promise((resolve) => (child.once('exit', resolve), child.stdin.end())),
  };
}

export default async function checkScene({ folder, outDir, vsix }) {
  const aws = await startFake();
  try {
    const options = {
      folder,
      vsix,
      viewport: { width: 1500, height: 900 },
      settings: {
        'sfnCrossings.aws.endpointUrl': aws.url,
        'sfnCrossings.iam.stateMachineArn': SM_ARN,
        'sfnCrossings.accounts': { 222222222222: 'orders-b' },
      },
      env: {
        AWS_ACCESS_KEY_ID: aws.keysA.accessKeyId,
        AWS_SECRET_ACCESS_KEY: aws.keysA.secretAccessKey,
        AWS_CONFIG_FILE: aws.configFile,
        AWS_SHARED_CREDENTIALS_FILE: aws.credentialsFile,
        AWS_REGION: 'eu-west-1',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_PROFILE: '',
      },
    };
    return await inWorkbench(options, outDir, async (page) => {
      await quickOpen(page, DEFINITION);
      // The command is offered in the palette once the editor is known as a definition (its CodeLens shows it).
      await page
        .locator('.monaco-editor .codelens-decoration', { hasText: 'Check crossings against AWS' })
        .first()
        .waitFor({ timeout: 30_000 });
      await runCommand(page, 'Step Functions Crossings: Check crossings against AWS');
      const toast = page.locator('.notification-toast', { hasText: 'AWS check:' }).first();
      await toast.waitFor({ timeout: 60_000 });
      const summary = (await toast.innerText()).split('\n')[0];
      say(`command: ${summary}`);
      if (!/1 failed, 0 not checked/.test(summary)) throw new Error(`unexpected summary: ${summary}`);
      const rows = await problemsRows(page, 'sts:ExternalId');
      say(`Problems: ${rows.find((r) => r.includes('ExternalId'))?.replace(/\s+/g, ' ')}`);

      await runCommand(page, 'Step Functions Crossings: Show Crossings');
      const frame = panelFrame(page);
      await frame.locator('#tab-live').click();
      const first = frame.locator('#live-results .live-row').first();
      await first.waitFor({ timeout: 30_000 });
      const firstText = (await first.innerText()).replace(/\s+/g, ' ');
      if (!/Fail \(warning\).*credentials\.trust.*sts:ExternalId/.test(firstText))
        throw new Error(`the Live check section does not list the trust failure first: ${firstText}`);
      say(
        `Live check: ${(await frame.locator('#live-status').innerText()).trim()}; first row: ${firstText.slice(0, 120)}`,
      );
      await frame.locator('#live-results .live-row-fail vscode-button').first().click();
      await page
        .locator('.notification-toast', { hasText: 'Copied: Trust policy' })
        .first()
        .waitFor({ timeout: 20_000 });
      say('Copy fix: the host wrote the trust policy to the clipboard');
      return [await screenshot(page, outDir, 'panel-live-check.png')];
    });
  } finally {
    await aws.stop();
  }
}
