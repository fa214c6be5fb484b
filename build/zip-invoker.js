// Post-build step (esbuild.js runs every build/*.js export after bundling): zips dist/invoker/index.js into
// dist/invoker/invoker.zip deterministically (fixed entry name, timestamp and attributes), so the same bundle
// always gives the same bytes and so the same Lambda CodeSha256: a redeploy with unchanged code writes nothing.
const fs = require('fs');
const path = require('path');
const { zipSync } = require('fflate');

const DIST = path.join(__dirname, '..', 'dist', 'invoker');
/**
 * 1980-01-02 00:00 in the local time of the moment of zipping: fflate writes DOS local-time fields, so building
 * the date at zip time encodes the same fields in every time zone.
 */
const fixedMtime = () => new Date(1980, 0, 2, 0, 0, 0);
/** Unix regular file, rw-r--r--: readable by the Lambda runtime user. */
const FILE_ATTRS = (0o100644 << 16) >>> 0;

/** Zips the handler bundle as `index.js` (Lambda handler `index.handler`). Same input -> same bytes. */
function zipInvokerCode(code) {
  const mtime = fixedMtime();
  return zipSync({ 'index.js': [code, { level: 9, mtime, os: 3, attrs: FILE_ATTRS }] }, { level: 9, mtime });
}

async function zipInvoker() {
  const source = path.join(DIST, 'index.js');
  if (!fs.existsSync(source)) return;
  const zip = zipInvokerCode(new Uint8Array(fs.readFileSync(source)));
  fs.writeFileSync(path.join(DIST, 'invoker.zip'), zip);
}

module.exports = zipInvoker;
module.exports.zipInvokerCode = zipInvokerCode;
