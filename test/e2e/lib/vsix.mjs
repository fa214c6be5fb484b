// Packages the built extension as a .vsix (the file users install) into the ignored cache, with the
// project's own @vscode/vsce; the UI pass installs it into code-server with --install-extension.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, repoRoot } from './paths.mjs';

export function packageVsix() {
  const vsix = path.join(cacheDir, 'sfn-crossings.vsix');
  fs.rmSync(vsix, { force: true });
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
