// Test helper: bundles src/invoker/index.ts in memory with the same esbuild options as esbuild.js's invoker
// config, and zips it with build/zip-invoker.js.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const requireFromProject = createRequire(join(process.cwd(), 'package.json'));
const { zipInvokerCode } = requireFromProject('./build/zip-invoker.js') as {
  zipInvokerCode: (code: Uint8Array) => Uint8Array;
};

export async function bundleInvoker(): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [join(process.cwd(), 'src/invoker/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    sourcemap: false,
    external: ['@aws-sdk/*'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

export async function buildInvokerZip(): Promise<Uint8Array> {
  return zipInvokerCode(await bundleInvoker());
}

export { zipInvokerCode };
