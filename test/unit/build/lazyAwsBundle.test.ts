// The lazy AWS bundle (esbuild.js, plugin lazy-aws): after `npm run build`, the activation bundle
// dist/extension.js holds no AWS SDK code, every module the extension imports on demand from src/aws/ is
// served by dist/aws.js, and the stubs in dist/extension.js name exactly the modules dist/aws.js exports.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const dist = path.resolve(__dirname, '../../../dist');
const read = (name: string) => fs.readFileSync(path.join(dist, name), 'utf8');

test(
  'dist/extension.js holds no AWS SDK module; dist/aws.js does',
  { skip: !fs.existsSync(path.join(dist, 'aws.js')) },
  () => {
    const sdk = /\/\/ node_modules\/@aws-sdk\/|\/\/ node_modules\/@smithy\//;
    assert.doesNotMatch(read('extension.js'), sdk);
    assert.match(read('aws.js'), sdk);
  },
);

test(
  'every on-demand stub of dist/extension.js is exported by dist/aws.js',
  { skip: !fs.existsSync(path.join(dist, 'aws.js')) },
  () => {
    const stubs = [...read('extension.js').matchAll(/require\("\.\/aws\.js"\)\["([^"]+)"\]/g)].map((m) => m[1]!);
    assert.ok(stubs.length > 0, 'no lazy stub in dist/extension.js');
    const exported = Object.keys(createRequire(__filename)(path.join(dist, 'aws.js')) as object);
    assert.deepEqual([...new Set(stubs)].sort(), exported.sort());
    // The modules a remote command needs first are among them.
    for (const key of ['aws/session', 'aws/sfnClient']) assert.ok(exported.includes(key), key);
  },
);
