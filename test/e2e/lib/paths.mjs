// Where the e2e harness keeps things: the repository, the ignored cache (code-server, compiled suites,
// profiles) and the pinned versions of the real editor it runs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeOnExit } from './cleanup.mjs';
import { chromiumPath } from '../../lib/browser.mjs';

export const e2eDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const repoRoot = path.resolve(e2eDir, '..', '..');
/** Everything the harness installs or generates lives here (.cache/ is in .gitignore). */
export const cacheDir = path.join(repoRoot, '.cache', 'e2e');
/** A fresh folder for one run's generated files (compiled suites, .vsix), removed by the caller. */
export function makeRunDir() {
  fs.mkdirSync(cacheDir, { recursive: true });
  return removeOnExit(fs.mkdtempSync(path.join(cacheDir, 'run-')));
}
/** Screenshots of the UI pass (ignored by git). */
export const outDir = path.join(e2eDir, 'out');
/** The README's images, refreshed by `npm run screenshots`. */
export const docsImagesDir = path.join(repoRoot, 'docs', 'images');

/** code-server 4.100.3 = VS Code 1.100.3, the newest code-server whose engines is Node 20. */
export const codeServerVersion = '4.100.3';
/** @vscode/ripgrep version pinned by code-server 4.100.3 (lib/vscode/npm-shrinkwrap.json). */
export const ripgrepPackageVersion = '1.15.11';
/** Where code-server is installed; SFN_E2E_CODE_SERVER_DIR moves it (e.g. to a CI cache). */
export const codeServerDir = process.env.SFN_E2E_CODE_SERVER_DIR
  ? path.resolve(process.env.SFN_E2E_CODE_SERVER_DIR)
  : path.join(cacheDir, 'code-server');
export const codeServerBin =
  process.env.SFN_E2E_CODE_SERVER || path.join(codeServerDir, 'node_modules', '.bin', 'code-server');
/** The browser both harnesses drive (one answer: test/lib/browser.mjs). */
export const chromiumBin = chromiumPath();
/** The stand-in for the VS Code executable that runTests() spawns. */
export const launcherPath = path.join(e2eDir, 'launcher.mjs');
