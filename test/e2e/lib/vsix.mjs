// Packages the built extension as a .vsix (the file users install) into the ignored cache, with the
// project's own @vscode/vsce; the UI pass installs it into code-server with --install-extension.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, repoRoot } from './paths.mjs';

/** Packages into `dir` (default: a fresh folder under .cache/e2e/) and returns the .vsix path. */
export function packageVsix(dir = fs.mkdtempSync(path.join(cacheDir, 'vsix-'))) {
  const vsix = path.join(dir, 'sfn-crossings.vsix');
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(vsce, ['package', '--no-dependencies', '--out', vsix], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0 || !fs.existsSync(vsix)) {
    throw new Error(`vsce package failed (${result.status ?? result.error}):\n${result.stdout}${result.stderr}`);
  }
  return vsix;
}
