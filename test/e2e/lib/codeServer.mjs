// Starts and stops one code-server (the real VS Code 1.100.3 server) for the harness: a fresh profile,
// a free port on 127.0.0.1, no auth, no telemetry, and its whole process group ended on stop or exit.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { atExit } from './cleanup.mjs';
import { codeServerBin } from './paths.mjs';

/** User settings for a quiet, reproducible workbench. */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

/** Settings that open the folder in Restricted Mode (with `workspaceTrust`), without the trust dialog. */
export const untrustedSettings = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'always',
};

/**
 * Prepares a code-server profile under `profileDir` (user data, extensions, XDG folders, config.yaml) with
 * quiet user settings plus `settings`; `dirs` may point user data / extensions elsewhere.
 */
export function makeProfile(profileDir, settings = {}, dirs = {}) {
  const userDataDir = dirs.userDataDir ?? path.join(profileDir, 'user-data');
  const extensionsDir = dirs.extensionsDir ?? path.join(profileDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.writeFileSync(file, JSON.stringify({ ...quietSettings, ...settings }, null, 2));
  return { profileDir, userDataDir, extensionsDir };
}

/** code-server keeps config.yaml and logs under XDG folders: keep them inside the profile. */
const xdgEnv = (profileDir) => ({
  XDG_CONFIG_HOME: path.join(profileDir, 'xdg-config'),
  XDG_DATA_HOME: path.join(profileDir, 'xdg-data'),
});

export function installExtension(vsix, { profileDir, userDataDir, extensionsDir }) {
  const result = spawnSync(
    codeServerBin,
    ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { env: { ...process.env, ...xdgEnv(profileDir) }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.status !== 0)
    throw new Error(`code-server --install-extension ${vsix} failed:\n${result.stdout}${result.stderr}`);
}

/**
 * Starts code-server. `env` reaches the extension host (the workbench payload cannot carry env vars).
 * `workspaceTrust`: keep VS Code's workspace trust on (off by default, as folders would open restricted);
 * with the `untrustedSettings` below the folder opens in Restricted Mode.
 * Resolves to { port, origin, remoteUri(path), workbenchUrl({ folder, payload }), output(), stop() }.
 */
export async function startCodeServer({
  profileDir,
  userDataDir,
  extensionsDir,
  env = process.env,
  startTimeoutMs = 60_000,
  workspaceTrust = false,
}) {
  const child = spawn(
    codeServerBin,
    [
      '--auth',
      'none',
      '--bind-addr',
      '127.0.0.1:0',
      '--disable-telemetry',
      '--disable-update-check',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--config',
      path.join(profileDir, 'config.yaml'),
    ],
    { env: { ...env, ...xdgEnv(profileDir) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  // detached: code-server leads its own process group (server, extension hosts, pty host, watchers).
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const forget = atExit(() => killGroup('SIGKILL'));

  let output = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`code-server did not start in ${startTimeoutMs} ms:\n${output}`)),
      startTimeoutMs,
    );
    const onData = (chunk) => {
      output += chunk;
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`code-server exited early (${code}):\n${output}`)));
  }).catch((e) => {
    killGroup('SIGKILL');
    throw e;
  });
  const authority = `127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once('exit', resolve));

  return {
    pid: child.pid,
    port,
    origin: `http://${authority}`,
    exited,
    output: () => output,
    /** A local path as the workbench sees it. */
    remoteUri: (localPath) => `vscode-remote://${authority}${localPath}`,
    workbenchUrl({ folder, payload } = {}) {
      const query = [];
      if (folder) query.push(`folder=${encodeURIComponent(folder)}`);
      else query.push('ew=true');
      if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `http://${authority}/?${query.join('&')}`;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        killGroup('SIGTERM');
        const timedOut = await Promise.race([
          exited.then(() => false),
          new Promise((r) => setTimeout(() => r(true), 5000)),
        ]);
        if (timedOut) killGroup('SIGKILL');
      }
      killGroup('SIGKILL'); // children that outlived the server
      forget();
    },
  };
}
