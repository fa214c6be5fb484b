// Where the e2e harness keeps things: the repository, the ignored cache (code-server, compiled suites,
// profiles) and the pinned versions of the real editor it runs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const e2eDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const repoRoot = path.resolve(e2eDir, '..', '..');
/** Everything the harness installs or generates lives here (listed in .gitignore). */
export const cacheDir = path.join(repoRoot, '.cache', 'e2e');
/** Screenshots of the UI pass (ignored by git). */
export const outDir = path.join(e2eDir, 'out');
/** The README's images, refreshed by `npm run screenshots`. */
export const docsImagesDir = path.join(repoRoot, 'docs', 'images');

/** code-server 4.100.3 = VS Code 1.100.3, the newest code-server whose engines is Node 20. */
export const codeServerVersion = '4.100.3';
/** @vscode/ripgrep version pinned by code-server 4.100.3 (lib/vscode/npm-shrinkwrap.json). */
export const ripgrepPackageVersion = '1.15.11';
export const codeServerDir = path.join(cacheDir, 'code-server');
export const codeServerBin =
  process.env.SFN_E2E_CODE_SERVER || path.join(codeServerDir, 'node_modules', '.bin', 'code-server');
export const chromiumBin = process.env.SFN_E2E_CHROMIUM || '/usr/bin/chromium';
/** The stand-in for the VS Code executable that runTests() spawns. */
export const launcherPath = path.join(e2eDir, 'launcher.mjs');
