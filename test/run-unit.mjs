// Runs every unit test (test/unit/**/*.test.ts) with node's built-in runner and tsx as the loader.
import { spawnSync } from 'node:child_process';
import { globSync } from 'tinyglobby';

const files = globSync('test/unit/**/*.test.ts', { ignore: ['**/node_modules/**'] }).sort();
if (!files.length) {
  console.error('no unit tests found');
  process.exit(1);
}
const extra = process.argv.slice(2);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...extra, ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
