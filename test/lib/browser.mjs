// Finds or installs the headless Chromium that the webview tests (test/webview) and the real-editor UI pass
// (test/e2e) drive through playwright-core: ONE helper for both, so each test command works on its own.
// SFN_E2E_CHROMIUM names another executable (used as is, never installed); otherwise Debian's `chromium`
// at /usr/bin/chromium, installed with apt-get when missing (as root, or through `sudo -n`).
// `node test/lib/browser.mjs` does the same from the command line and prints the path.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The executable the tests launch: $SFN_E2E_CHROMIUM, else Debian's chromium. */
export function chromiumPath(env = process.env) {
  return env.SFN_E2E_CHROMIUM || DEBIAN_CHROMIUM;
}

/** What the machine can do, asked for real; tests inject their own. */
export const systemProbes = {
  exists: (file) => fs.existsSync(file),
  isRoot: () => process.getuid?.() === 0,
  canSudo: () => spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
  hasAptGet: () => spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0,
};

/**
 * The decision, without side effects: `use` an executable, `install` Debian's chromium (with or without
 * sudo), or `fail` with a message that says what to do.
 */
export function planChromium(env = process.env, probes = systemProbes) {
  const override = env.SFN_E2E_CHROMIUM;
  if (override) {
    if (probes.exists(override)) return { action: 'use', path: override };
    return {
      action: 'fail',
      message:
        `SFN_E2E_CHROMIUM=${override}: no such file. Point SFN_E2E_CHROMIUM at a Chromium or Chrome executable, ` +
        `or unset it to use (and install if missing) Debian's chromium at ${DEBIAN_CHROMIUM}.`,
    };
  }
  if (probes.exists(DEBIAN_CHROMIUM)) return { action: 'use', path: DEBIAN_CHROMIUM };
  if (!probes.hasAptGet())
    return {
      action: 'fail',
      message:
        `${DEBIAN_CHROMIUM} is missing and apt-get is not available to install it. Install Chromium and set ` +
        `SFN_E2E_CHROMIUM to its executable.`,
    };
  if (probes.isRoot()) return { action: 'install', path: DEBIAN_CHROMIUM, sudo: false };
  if (probes.canSudo()) return { action: 'install', path: DEBIAN_CHROMIUM, sudo: true };
  return {
    action: 'fail',
    message:
      `${DEBIAN_CHROMIUM} is missing and this user can install nothing (not root, no passwordless sudo). ` +
      `As root run: apt-get install -y chromium, or set SFN_E2E_CHROMIUM to a Chromium executable.`,
  };
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

/** `apt-get update` + `apt-get install -y <packages>`, as root or through `sudo -n`; a clear error otherwise. */
export function aptGetInstall(packages, { sudo = process.getuid?.() !== 0, log = console.log } = {}) {
  log(`apt-get install ${packages.join(' ')}${sudo ? ' (through sudo -n)' : ''}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) => (sudo ? run('sudo', ['-n', 'apt-get', ...args], { env }) : run('apt-get', args, { env }));
  try {
    apt('update');
    apt('install', '-y', ...packages);
  } catch (e) {
    throw new Error(
      `could not install ${packages.join(', ')} (${e.message}); as root run: apt-get install ${packages.join(' ')}`,
    );
  }
}

/** Returns the Chromium executable to launch, installing Debian's chromium first when it is missing. */
export function ensureChromium({
  env = process.env,
  probes = systemProbes,
  install = aptGetInstall,
  log = console.log,
} = {}) {
  const plan = planChromium(env, probes);
  if (plan.action === 'fail') throw new Error(`Chromium for the browser tests: ${plan.message}`);
  if (plan.action === 'install') {
    log(`Chromium for the browser tests: ${plan.path} is missing; installing Debian's chromium`);
    install(['chromium'], { sudo: plan.sudo, log });
    if (!probes.exists(plan.path))
      throw new Error(`Chromium for the browser tests: apt-get installed chromium but ${plan.path} is still missing`);
  }
  return plan.path;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(`Chromium for the browser tests: ${ensureChromium()}`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
