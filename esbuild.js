// The one build script: extension, CLI, core library, invoker Lambda and webview bundles.
// `node esbuild.js` builds with sourcemaps; `--production` minifies; `--watch` rebuilds on change.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const version = require('./package.json').version;
const watch = process.argv.includes('--watch');

/** Node bundles (CommonJS, explicit target). */
const node = (entry, outfile, extra = {}) => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // jsonc-parser's UMD build requires its modules dynamically: take its ESM build.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  ...extra,
  // ESM dependencies read import.meta.url, which a CommonJS bundle lacks: give them this file's URL.
  define: { 'import.meta.url': '__importMetaUrl', ...(extra.define ?? {}) },
  banner: {
    js: [extra.banner?.js, "const __importMetaUrl = require('url').pathToFileURL(__filename).href;"]
      .filter(Boolean)
      .join('\n'),
  },
});

const configs = [
  node('src/extension/extension.ts', 'dist/extension.js', { external: ['vscode'] }),
  node('src/cli/main.ts', 'dist/cli.js', {
    banner: { js: '#!/usr/bin/env node' },
    define: { __SFN_CROSSINGS_VERSION__: JSON.stringify(version) },
  }),
  node('src/core/index.ts', 'dist/core.js'),
];
// Later rooms add their bundles here once their entry points exist.
const optional = [
  // The invoker runs on the Lambda Node.js runtime, which ships the AWS SDK v3: never bundle it.
  [
    'src/invoker/index.ts',
    () =>
      node('src/invoker/index.ts', 'dist/invoker/index.js', {
        external: ['@aws-sdk/*'],
        target: 'node20',
        minify: true,
        sourcemap: false,
      }),
  ],
  [
    'webview/main.ts',
    () => ({
      entryPoints: ['webview/main.ts'],
      outfile: 'dist/webview/main.js',
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      minify: production,
      sourcemap: !production,
      logLevel: 'warning',
    }),
  ],
];
for (const [entry, make] of optional) if (fs.existsSync(path.join(__dirname, entry))) configs.push(make());

async function main() {
  // A release build starts from an empty dist/ so no stale file (or source map) is packaged.
  if (production) fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
  const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  for (const hook of postBuild) await hook();
}

// Steps that run after bundling (copying assets, zipping the invoker). Rooms register theirs in build/.
const postBuild = fs.existsSync(path.join(__dirname, 'build'))
  ? fs
      .readdirSync(path.join(__dirname, 'build'))
      .filter((f) => f.endsWith('.js'))
      .sort()
      .map((f) => require(path.join(__dirname, 'build', f)))
  : [];

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
