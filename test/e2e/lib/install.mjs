// Installs what the real-editor tests need on a fresh Debian machine, each part only when missing:
// Debian packages (ripgrep, libkrb5-dev for code-server's kerberos module, a compiler), the headless
// browser (through test/lib/browser.mjs, the helper the webview tests share) and code-server from npm into
// the ignored cache. No GitHub or VS Code CDN access is needed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { codeServerBin, codeServerDir, codeServerVersion, ripgrepPackageVersion } from './paths.mjs';
import { removeOnExit } from './cleanup.mjs';
import { aptGetInstall, ensureChromium } from '../../lib/browser.mjs';
import { note } from './log.mjs';

/** Debian package -> why the harness needs it. */
const debianPackages = {
  'build-essential': 'compiles code-server native modules (argon2, kerberos, node-pty)',
  python3: 'node-gyp',
  'libkrb5-dev': "headers for code-server's kerberos module",
  ripgrep: "code-server's search, seeded instead of a GitHub download",
};

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

const installed = (pkg) => spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status === 0;

export function ensureDebianPackages() {
  const missing = Object.keys(debianPackages).filter((pkg) => !installed(pkg));
  if (missing.length === 0) note('install', 'Debian packages present');
  else aptGetInstall(missing, { log: (line) => note('install', line) });
  // The headless browser that opens the workbench: Debian's chromium unless SFN_E2E_CHROMIUM names one.
  note('install', `chromium: ${ensureChromium({ log: (line) => note('install', line) })}`);
}

function codeServerComplete() {
  const vscodeModules = path.join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  return (
    fs.existsSync(codeServerBin) &&
    fs.existsSync(path.join(vscodeModules, '@vscode', 'ripgrep', 'bin', 'rg')) &&
    fs.existsSync(path.join(vscodeModules, 'node-pty', 'build', 'Release', 'pty.node')) &&
    fs.existsSync(path.join(codeServerDir, `.installed-${codeServerVersion}`))
  );
}

/** @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds the archive in its temp cache. */
function seedRipgrep(tmpDir) {
  const rg = '/usr/bin/rg';
  if (!fs.existsSync(rg)) throw new Error('ripgrep is not installed (/usr/bin/rg)');
  const seedDir = path.join(tmpDir, 'rg-seed');
  const archiveDir = path.join(tmpDir, `vscode-ripgrep-cache-${ripgrepPackageVersion}`);
  fs.mkdirSync(seedDir, { recursive: true });
  fs.mkdirSync(archiveDir, { recursive: true });
  fs.copyFileSync(rg, path.join(seedDir, 'rg'));
  fs.chmodSync(path.join(seedDir, 'rg'), 0o755);
  run('tar', [
    'czf',
    path.join(archiveDir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'),
    '-C',
    seedDir,
    'rg',
  ]);
}

export function ensureCodeServer() {
  if (process.env.SFN_E2E_CODE_SERVER) return note('install', `using code-server ${codeServerBin}`);
  if (codeServerComplete()) return note('install', `code-server ${codeServerVersion} present in ${codeServerDir}`);
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20) throw new Error(`code-server ${codeServerVersion} needs Node 20 (this is ${process.version})`);
  const tmpDir = removeOnExit(path.join(codeServerDir, '..', `code-server-tmp-${process.pid}`));
  fs.rmSync(codeServerDir, { recursive: true, force: true });
  fs.mkdirSync(codeServerDir, { recursive: true });
  fs.writeFileSync(path.join(codeServerDir, 'package.json'), '{ "name": "sfn-e2e-code-server", "private": true }\n');
  seedRipgrep(tmpDir);
  note('install', `npm install code-server@${codeServerVersion} (compiles native modules, about 2-3 minutes)`);
  run('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${codeServerVersion}`], {
    cwd: codeServerDir,
    env: {
      ...process.env,
      TMPDIR: tmpDir, // where @vscode/ripgrep looks for the seeded archive
      npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root without it
      npm_config_yes: 'true', // node-pty's postinstall runs npx, which cancels when yes=false
      ...(fs.existsSync('/usr/include/node/node_version.h') ? { npm_config_nodedir: '/usr' } : {}), // local headers
    },
  });
  fs.writeFileSync(path.join(codeServerDir, `.installed-${codeServerVersion}`), new Date().toISOString() + '\n');
  fs.rmSync(tmpDir, { recursive: true, force: true });
  if (!codeServerComplete()) throw new Error(`code-server install in ${codeServerDir} is incomplete`);
}
