// Entry point the extension host calls (`extensionTestsPath`): runs every `*.test.js` bundled next to it
// with mocha (TDD interface). Each room adds `test/e2e/suite/<room>.test.ts`; the harness bundles them here.
// foundation.test.js runs first: it checks that nothing activated the extension before an ASL file opened.
// SFN_E2E_GREP (env) runs only the tests whose full title matches.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const FIRST = 'foundation.test.js';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  if (process.env.SFN_E2E_GREP) mocha.grep(process.env.SFN_E2E_GREP);
  const files = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js'))
    .sort((a, b) => Number(b === FIRST) - Number(a === FIRST) || a.localeCompare(b));
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) =>
      failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve(),
    );
  });
}
