// `npm run demo`: lints the bundled examples (some contain mistakes on purpose) with the built CLI.
// Findings are the point of the demo, so exit 1 ("errors found") counts as success; 2 does not.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['dist/cli.js', 'lint', 'examples'], { stdio: 'inherit' });
if (r.status === 1)
  console.log('\n(The examples above marked "error" contain mistakes on purpose: each demonstrates a rule.)');
process.exit(r.status === 0 || r.status === 1 ? 0 : (r.status ?? 2));
