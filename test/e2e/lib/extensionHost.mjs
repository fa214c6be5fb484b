// Runs one compiled mocha suite inside a real extension host with @vscode/test-electron `runTests`:
// through our launcher (code-server + headless chromium), or, in desktop mode, in the VS Code that
// runTests downloads. Captures the output so the harness can report mocha's summary lines.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { removeOnExit } from './cleanup.mjs';
import { launcherPath, repoRoot } from './paths.mjs';

/** VS Code version inside code-server 4.100.3; desktop mode downloads the same one. */
export const vscodeVersion = '1.100.3';

/** Tees process.stdout/stderr into a string while `fn` runs; `quiet` keeps it off the terminal. */
async function capturing(quiet, fn) {
  let text = '';
  const originals = { stdout: process.stdout.write, stderr: process.stderr.write };
  for (const name of ['stdout', 'stderr']) {
    const stream = process[name];
    stream.write = (chunk, ...rest) => {
      text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      return quiet ? true : originals[name].call(stream, chunk, ...rest);
    };
  }
  try {
    const value = await fn();
    return { value, text };
  } catch (error) {
    return { error, text };
  } finally {
    process.stdout.write = originals.stdout;
    process.stderr.write = originals.stderr;
  }
}

/** mocha's spec-reporter summary lines ("12 passing (3s)", "1 failing", "2 pending"). */
export function mochaSummary(output) {
  const count = (word) => Number(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'm').exec(output)?.[1] ?? 0);
  const passingLine = /^\s*\d+ passing.*$/m.exec(output)?.[0].trim();
  return { passing: count('passing'), failing: count('failing'), pending: count('pending'), passingLine };
}

/**
 * @param {{ testsPath: string, folder: string, env?: Record<string, string>, desktop?: boolean, quiet?: boolean }} o
 * @returns {Promise<{ ok: boolean, error?: unknown, output: string, summary: ReturnType<typeof mochaSummary> }>}
 */
export async function runExtensionTests({ testsPath, folder, env = {}, desktop = false, quiet = false }) {
  // Desktop VS Code gets a fresh profile here; the launcher makes (and removes) its own, so runTests
  // must not add its default .vscode-test/ profile arguments (reuseMachineInstall).
  const profileDir = desktop ? removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), 'sfn-e2e-profile-'))) : undefined;
  if (!desktop) fs.chmodSync(launcherPath, 0o755); // runTests spawns it directly (a checkout may drop the +x bit)
  const where = desktop
    ? { version: vscodeVersion }
    : { vscodeExecutablePath: launcherPath, reuseMachineInstall: true };
  const profileArgs = profileDir
    ? [
        `--user-data-dir=${path.join(profileDir, 'user-data')}`,
        `--extensions-dir=${path.join(profileDir, 'extensions')}`,
      ]
    : [];
  try {
    const { error, text } = await capturing(quiet, () =>
      runTests({
        ...where,
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: testsPath,
        launchArgs: [folder, ...profileArgs],
        extensionTestsEnv: { SFN_E2E: '1', SFN_E2E_EXPECT_VSCODE: vscodeVersion, SFN_E2E_REPO: repoRoot, ...env },
      }),
    );
    return { ok: !error, error, output: text, summary: mochaSummary(text) };
  } finally {
    if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
  }
}
