// Bundles the extension-host suites with esbuild into the ignored cache: `suite/index.ts` plus every
// `*.test.ts` of a folder, one CommonJS file each (vscode and mocha stay external, resolved at run time).
import fs from 'node:fs';
import path from 'node:path';
import esbuild from 'esbuild';
import { e2eDir } from './paths.mjs';

/**
 * Compiles `test/e2e/<testsFolder>/*.test.ts` with the shared suite index into `<runDir>/<testsFolder>/`
 * (runDir: this run's folder under .cache/e2e/, so parallel runs never share files); returns the index's path.
 */
export async function compileSuite(testsFolder, runDir) {
  const outdir = path.join(runDir, testsFolder);
  const testFiles = fs.readdirSync(path.join(e2eDir, testsFolder)).filter((file) => file.endsWith('.test.ts'));
  if (testFiles.length === 0) throw new Error(`no *.test.ts in test/e2e/${testsFolder}`);
  // Output name -> source: every file lands flat in outdir, next to the index that loads them.
  const entryPoints = { index: path.join(e2eDir, 'suite', 'index.ts') };
  for (const file of testFiles) entryPoints[file.replace(/\.ts$/, '')] = path.join(e2eDir, testsFolder, file);
  await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return path.join(outdir, 'index.js');
}
