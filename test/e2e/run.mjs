#!/usr/bin/env node
// `npm run test:e2e`: the real-editor tests. Installs what is missing (Debian packages, code-server into
// .cache/e2e/), builds the extension, bundles the extension-host suites, then runs
//   1. suite     test/e2e/suite/*.test.ts in VS Code's extension host (runTests + our launcher),
//   2. selftest  a deliberately failing suite, which must make runTests fail (the harness's own test),
//   3. ui        the workbench in headless chromium: Problems panel, command palette, PNG screenshots.
// Options: --only=suite,selftest,ui   --selftest (= --only=selftest)   --docs (screenshots to docs/images/)
// SFN_E2E_DESKTOP=1: no launcher; runTests downloads desktop VS Code (suite and selftest only).
// Exits non-zero when anything fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { exitOnSignals } from './lib/cleanup.mjs';
import { compileSuite } from './lib/compile.mjs';
import { runExtensionTests } from './lib/extensionHost.mjs';
import { ensureCodeServer, ensureDebianPackages } from './lib/install.mjs';
import { elapsed, step } from './lib/log.mjs';
import { docsImagesDir, makeRunDir, outDir, repoRoot } from './lib/paths.mjs';
import { makeFixtureWorkspace } from './lib/workspace.mjs';

const PHASES = ['suite', 'selftest', 'ui'];

function parseOptions(argv) {
  let only = PHASES;
  let docs = false;
  for (const arg of argv) {
    if (arg === '--selftest') only = ['selftest'];
    else if (arg === '--docs') docs = true;
    else if (arg.startsWith('--only=')) only = arg.slice('--only='.length).split(',');
    else throw new Error(`unknown option ${arg} (use --only=${PHASES.join(',')}, --selftest, --docs)`);
  }
  const unknown = only.filter((phase) => !PHASES.includes(phase));
  if (unknown.length) throw new Error(`unknown phase ${unknown.join(', ')}`);
  const desktop = process.env.SFN_E2E_DESKTOP === '1' || process.platform !== 'linux';
  return { phases: new Set(only), docs, desktop };
}

function build() {
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`npm run build failed (${result.status ?? result.signal})`);
}

async function runSuite({ folder, runDir, desktop }) {
  const testsPath = await compileSuite('suite', runDir);
  const started = Date.now();
  const run = await runExtensionTests({ testsPath, folder, desktop });
  const { passing, failing, pending, passingLine } = run.summary;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\nextension-host suite: ${passingLine ?? '0 passing'}, ${failing} failing, ${pending} pending (${seconds} s)`,
  );
  if (!run.ok) return `extension-host suite failed (${run.error?.message ?? run.error})`;
  if (passing === 0) return 'extension-host suite printed no "N passing" line';
  return undefined;
}

/** The harness's own test: a failing extension-host test must make runTests fail. */
async function runSelftest({ folder, runDir, desktop }) {
  const testsPath = await compileSuite('selftest', runDir);
  const marker = path.join(runDir, 'selftest-ran');
  const run = await runExtensionTests({
    testsPath,
    folder,
    desktop,
    quiet: true,
    env: { SFN_E2E_SELFTEST_MARKER: marker },
  });
  const ran = fs.existsSync(marker);
  const { passing, failing } = run.summary;
  if (!run.ok && ran && failing === 1 && passing === 1) {
    console.log(
      `selftest: the deliberately failing suite failed the run, as it must (${passing} passing, ${failing} failing; ${run.error?.message})`,
    );
    return undefined;
  }
  process.stdout.write(run.output);
  if (run.ok) return 'selftest: a failing extension-host test did NOT make the run fail';
  return `selftest: the run failed, but not because of the test (test ran: ${ran}, ${passing} passing, ${failing} failing)`;
}

async function runUi({ folder, runDir, docs }) {
  const { runUiPass } = await import('./ui.mjs');
  const written = await runUiPass({ folder, outDir, runDir });
  console.log(`UI pass: ${written.shots.length} screenshots in ${path.relative(repoRoot, outDir)}/`);
  if (docs) {
    fs.mkdirSync(docsImagesDir, { recursive: true });
    for (const shot of written.docs) fs.copyFileSync(shot, path.join(docsImagesDir, path.basename(shot)));
    console.log(
      `copied ${written.docs.map((f) => path.basename(f)).join(', ')} to ${path.relative(repoRoot, docsImagesDir)}/`,
    );
  }
  return undefined;
}

async function main() {
  const { phases, docs, desktop } = parseOptions(process.argv.slice(2));
  if (desktop && phases.has('ui')) {
    console.log('desktop mode: the UI pass needs code-server and is skipped');
    phases.delete('ui');
  }
  const failures = [];
  step(desktop ? 'setup (desktop mode: runTests downloads VS Code)' : 'setup: Debian packages, code-server');
  if (!desktop) {
    ensureDebianPackages();
    ensureCodeServer();
  }
  step('build the extension (npm run build)');
  build();
  const workspace = makeFixtureWorkspace();
  const run = { folder: workspace.folder, runDir: makeRunDir(), desktop, docs };
  try {
    if (phases.has('suite')) {
      step('extension-host suite (test/e2e/suite)');
      failures.push(await runSuite(run));
    }
    if (phases.has('selftest')) {
      step('harness self-test: a failing suite must fail the run (its failure output is hidden)');
      failures.push(await runSelftest(run));
    }
    if (phases.has('ui')) {
      step('UI pass: workbench in headless chromium, screenshots');
      failures.push(await runUi(run).catch((e) => `UI pass failed: ${e.stack ?? e}`));
    }
  } finally {
    workspace.dispose();
    fs.rmSync(run.runDir, { recursive: true, force: true });
  }
  const failed = failures.filter(Boolean);
  step(failed.length ? `FAILED after ${elapsed()} s` : `all e2e phases passed in ${elapsed()} s`);
  for (const failure of failed) console.log(`- ${failure}`);
  return failed.length ? 1 : 0;
}

exitOnSignals(); // so the exit hooks remove temp folders and stop code-server
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error.stack ?? String(error));
    process.exit(1);
  },
);
