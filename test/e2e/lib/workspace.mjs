// The fixture workspace the editor opens: test/e2e/fixtures/ plus a copy of examples/ (under examples/),
// in a fresh temp folder so tests may edit and save files without touching the checkout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeOnExit } from './cleanup.mjs';
import { e2eDir, repoRoot } from './paths.mjs';

export function makeFixtureWorkspace() {
  const parent = removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), 'sfn-e2e-workspace-')));
  const folder = path.join(parent, 'state-machines'); // the name the Explorer (and the screenshots) show
  fs.cpSync(path.join(e2eDir, 'fixtures'), folder, { recursive: true });
  const examples = path.join(repoRoot, 'examples');
  if (fs.existsSync(examples)) fs.cpSync(examples, path.join(folder, 'examples'), { recursive: true });
  return { folder, dispose: () => fs.rmSync(parent, { recursive: true, force: true }) };
}
