#!/usr/bin/env node
// Stand-in for the VS Code executable, given to @vscode/test-electron `runTests({ vscodeExecutablePath })`.
// It takes the arguments runTests passes (`[folder] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE
// --user-data-dir=DIR --extensions-dir=DIR`, Electron-only flags ignored), starts code-server, opens the
// workbench in headless chromium with a payload that carries the development path, the tests path and a
// debugId (without it the extension host's output is swallowed), prints the extension host's console, and
// exits with the code the workbench hands to window.codeAutomationExit when the suite ends.
// The environment reaches the extension host through code-server (runTests' extensionTestsEnv works).
// Env: SFN_E2E_TIMEOUT_S (600), SFN_E2E_BROWSER_CONSOLE=1 (also print the workbench's own console).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { launchChromium } from './lib/chromium.mjs';
import { removeOnExit } from './lib/cleanup.mjs';
import { makeProfile, startCodeServer } from './lib/codeServer.mjs';
import { note } from './lib/log.mjs';

const timeoutMs = Number(process.env.SFN_E2E_TIMEOUT_S || 600) * 1000;
const say = (message) => note('launcher', message);

export function parseLauncherArgs(argv) {
  const parsed = {
    developmentPaths: [],
    testsPath: undefined,
    userDataDir: undefined,
    extensionsDir: undefined,
    folder: undefined,
    ignored: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) {
      parsed.folder ??= path.resolve(argv[i]);
      continue;
    }
    const [, name, inline] = match;
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (name === 'extensionDevelopmentPath') parsed.developmentPaths.push(path.resolve(value()));
    else if (name === 'extensionTestsPath') parsed.testsPath = path.resolve(value());
    else if (name === 'user-data-dir') parsed.userDataDir = path.resolve(value());
    else if (name === 'extensions-dir') parsed.extensionsDir = path.resolve(value());
    else parsed.ignored.push(argv[i]);
  }
  return parsed;
}

/**
 * The extension host's console.* reach the page as console.log('%c[Extension Host] %c<first arg>', css, css, ...rest)
 * (or '%c[Extension Host]%', css, ...args when the first argument is not a string): Node's util.format skips the
 * CSS of each %c, so formatting every argument and dropping the label gives back the original line.
 */
function forwardExtensionHostConsole(page) {
  let printing = Promise.resolve();
  let lastMessageAt = Date.now();
  page.on('console', (message) => {
    lastMessageAt = Date.now();
    if (!message.text().includes('[Extension Host]')) {
      if (process.env.SFN_E2E_BROWSER_CONSOLE) process.stderr.write(`[browser ${message.type()}] ${message.text()}\n`);
      return;
    }
    const values = Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '?')));
    const stream = message.type() === 'error' || message.type() === 'warning' ? process.stderr : process.stdout;
    printing = printing.then(async () => {
      const line = util.format(...(await values)).replace(/^\[Extension Host\](?: |%(?: |$))?/, '');
      stream.write(line + '\n');
    });
  });
  // Resolves once the console has been quiet for 300 ms (the last lines may trail the exit call), at most 3 s.
  return async () => {
    const deadline = Date.now() + 3000;
    while (Date.now() - lastMessageAt < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await printing;
  };
}

async function main() {
  const args = parseLauncherArgs(process.argv.slice(2));
  if (!args.testsPath || args.developmentPaths.length === 0) {
    throw new Error('usage: launcher.mjs [folder] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE');
  }
  if (args.ignored.length) say(`ignoring ${args.ignored.join(' ')}`);
  const profileDir = removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), 'sfn-e2e-launcher-')));
  const profile = makeProfile(profileDir, {}, { userDataDir: args.userDataDir, extensionsDir: args.extensionsDir });
  let server;
  let browser;
  let cleaning;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await browser?.close().catch(() => {});
      await server?.stop();
      fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
    })());
  // Once runTests' process is gone, its pipes are too: writing must not crash the cleanup.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  // If runTests' process dies without a signal reaching us, do not leave code-server behind.
  const parentPid = process.ppid;
  setInterval(() => {
    if (process.ppid !== parentPid) void cleanup().finally(() => process.exit(1));
  }, 1000).unref();
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));

  try {
    server = await startCodeServer(profile);
    say(`code-server pid ${server.pid} on ${server.origin}`);
    const payload = [
      ...args.developmentPaths.map((dir) => ['extensionDevelopmentPath', server.remoteUri(dir)]),
      ['extensionTestsPath', server.remoteUri(args.testsPath)],
      ['debugId', 'sfn-e2e'],
    ];
    browser = await launchChromium(profileDir);
    const page = await browser.newPage();
    let exitCodeFromWorkbench;
    const finished = new Promise((resolve) => (exitCodeFromWorkbench = resolve));
    // The workbench calls window.codeAutomationExit(code) when the extension tests end.
    await page.exposeFunction('codeAutomationExit', (code) => exitCodeFromWorkbench(code));
    const printed = forwardExtensionHostConsole(page);
    page.on('pageerror', (error) => process.stderr.write(`[browser pageerror] ${error.message}\n`));
    const crashed = new Promise((resolve) => page.once('crash', () => resolve('the workbench page crashed')));
    const serverGone = server.exited.then((code) => `code-server exited (${code}):\n${server.output()}`);
    const timedOut = new Promise((resolve) =>
      setTimeout(() => resolve(`no result after ${timeoutMs / 1000} s`), timeoutMs).unref(),
    );
    await page.goto(server.workbenchUrl({ folder: args.folder, payload }));
    const outcome = await Promise.race([finished, crashed, serverGone, timedOut]);
    await printed();
    if (typeof outcome !== 'number') {
      say(outcome);
      return 1;
    }
    say(`extension tests finished with ${outcome}`);
    return outcome;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    say(error.stack || String(error));
    process.exit(2);
  },
);
