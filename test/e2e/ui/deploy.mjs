// UI scene "deploy": "Deploy cross-region invoker" in the real workbench against the local fake AWS server. An
// invoker is already deployed with s3:getObject (through the CLI); the open definition also calls DynamoDB, so the
// confirmation shows the role policy as a diff against the deployed one (scoped to the table), and after the
// deployment the ARN is written into the definition. Screenshots: deploy-confirm-diff, deploy-arn-written.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { note } from '../lib/log.mjs';
import { repoRoot } from '../lib/paths.mjs';
import { inWorkbench, quickOpen, screenshot } from '../ui.mjs';

const say = (message) => note('ui/deploy', message);

export const docsImages = ['deploy-confirm-diff.png'];

const FILE = 'deploy-scene.asl.json';
const TITLE = 'Deploy cross-region invoker';
const ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:sfn-crossings-invoker';
const invokerTask = (payload, next) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: 'sfn-crossings-invoker', Payload: payload },
  Retry: [{ ErrorEquals: ['Lambda.ServiceException'], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2 }],
  ...(next ? { Next: next } : { End: true }),
});
const DEFINITION = JSON.stringify(
  {
    StartAt: 'ReadReport',
    States: {
      ReadReport: invokerTask(
        {
          service: 's3',
          action: 'getObject',
          region: 'us-west-2',
          parameters: { Bucket: 'reports', 'Key.$': '$.key' },
        },
        'RecordReport',
      ),
      RecordReport: invokerTask({
        service: 'dynamodb',
        action: 'putItem',
        region: 'us-east-1',
        parameters: { TableName: 'Reports', Item: {} },
      }),
    },
  },
  null,
  2,
);

/** Starts the fake AWS server in a child process (this scene is plain Node); resolves to its URL and keys. */
async function startFakeAws() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'test', 'webview', 'fakeAwsProcess.ts')],
    {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the fake AWS server exited (${code})`)));
  });
  return {
    ...JSON.parse(line),
    stop: () => new Promise((resolve) => (child.once('exit', resolve), child.stdin.end())),
  };
}

/** The CLI deploys the first version (s3:getObject only), so the editor's deployment changes a deployed policy. */
function deployWithCli(aws) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(repoRoot, 'src', 'cli', 'main.ts'),
        'deploy-invoker',
        '--region',
        'eu-west-1',
        '--calls',
        's3:getObject',
        '--endpoint-url',
        aws.url,
        '--yes',
      ],
      {
        cwd: repoRoot,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          AWS_ACCESS_KEY_ID: aws.accessKeyId,
          AWS_SECRET_ACCESS_KEY: aws.secretAccessKey,
          AWS_EC2_METADATA_DISABLED: 'true',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`deploy-invoker exited ${code}:\n${out}`)),
    );
  });
}

export default async function deployScene({ folder, outDir, vsix }) {
  const aws = await startFakeAws();
  const file = path.join(folder, FILE);
  fs.writeFileSync(file, DEFINITION);
  try {
    await deployWithCli(aws);
    say('deployed the first version (s3:getObject) with the CLI');
    return await inWorkbench(
      {
        folder,
        vsix,
        theme: 'light',
        viewport: { width: 1400, height: 1000 },
        settings: { 'sfnCrossings.aws.endpointUrl': aws.url },
        env: {
          AWS_ACCESS_KEY_ID: aws.accessKeyId,
          AWS_SECRET_ACCESS_KEY: aws.secretAccessKey,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_PROFILE: '',
        },
      },
      outDir,
      async (page) => {
        const shots = [];
        await quickOpen(page, FILE);
        await page.locator('.monaco-editor .view-lines').first().click();
        // F1 and the command, as runCommand() does, except that the command's own quick input opens right away.
        const widget = page.locator('.quick-input-widget');
        await page.keyboard.press('F1');
        await widget.locator('input.input').fill('>Step Functions Crossings: Deploy cross-region invoker');
        await page
          .locator('.quick-input-list .monaco-list-row', { hasText: 'Deploy cross-region invoker' })
          .first()
          .waitFor();
        await page.keyboard.press('Enter');
        // Profile picker (only when ~/.aws has profiles): the default credential chain.
        await widget.locator('.quick-input-title', { hasText: TITLE }).first().waitFor({ timeout: 30_000 });
        if (/AWS profile/.test(await widget.locator('.quick-input-title').innerText())) {
          await widget.locator('input.input').fill('default credential chain');
          await page.keyboard.press('Enter');
        }
        await widget.locator('.quick-input-title', { hasText: 'region' }).waitFor({ timeout: 30_000 });
        await widget.locator('input.input').fill('eu-west-1');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'eu-west-1' }).first().waitFor();
        await page.keyboard.press('Enter');
        // The allowed calls, prefilled from the definition.
        await widget.locator('.quick-input-title', { hasText: 'allowed calls' }).waitFor({ timeout: 30_000 });
        const prefilled = await widget.locator('input.input').inputValue();
        say(`allowed calls prefilled: ${prefilled}`);
        if (prefilled !== 's3:getObject, dynamodb:putItem') throw new Error(`unexpected calls: ${prefilled}`);
        await page.keyboard.press('Enter');

        // The confirmation: the role policy as it will be written, diffed against the deployed one.
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor({ timeout: 60_000 });
        const shown = await dialog.innerText();
        for (const expected of [
          'changed: +',
          '+ update inline policy sfn-crossings-invoker',
          '"Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/Reports"',
          '- ',
        ])
          if (!shown.includes(expected)) throw new Error(`the confirmation does not show ${expected}:\n${shown}`);
        say(
          `confirmation: ${shown.split('\n').length} lines, e.g. ${JSON.stringify(
            shown
              .split('\n')
              .filter((l) => /^[+-] /.test(l))
              .slice(0, 4),
          )}`,
        );
        shots.push(await screenshot(page, outDir, 'deploy-confirm-diff.png'));
        await dialog.locator('.monaco-button', { hasText: 'Deploy' }).first().click();

        // After the deployment: write the ARN into the definition (one undoable edit).
        const toast = page.locator('.notification-toast', { hasText: `Deployed ${ARN}` });
        await toast.waitFor({ timeout: 90_000 });
        await toast.locator('.monaco-button', { hasText: 'Write ARN into definition' }).click();
        await page
          .locator('.monaco-editor .view-lines', { hasText: `"FunctionName": "${ARN}"` })
          .first()
          .waitFor({ timeout: 30_000 });
        say('the function ARN was written into the definition');
        shots.push(await screenshot(page, outDir, 'deploy-arn-written.png'));
        return shots;
      },
    );
  } finally {
    fs.rmSync(file, { force: true });
    await aws.stop();
  }
}
