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

/**
 * The lazy AWS bundle. Activation must not parse the AWS SDK: every `import('…/aws/…')` (a dynamic import) of
 * the extension is cut out of dist/extension.js and served from dist/aws.js, which loads on the first command
 * that calls AWS. The main bundle keeps a stub per module (`require('./aws.js')['aws/session']`); after each
 * build, dist/aws.js is built from the modules the stubs name. Static imports stay in the main bundle.
 */
function lazyAwsPlugin(outdir) {
  const srcDir = path.join(__dirname, 'src');
  let modules = new Map();
  return {
    name: 'lazy-aws',
    setup(build) {
      build.onStart(() => {
        modules = new Map();
      });
      build.onResolve({ filter: /(^|[\\/])aws[\\/]/ }, (args) => {
        if (args.kind !== 'dynamic-import' || args.namespace !== 'file') return undefined;
        const base = path.resolve(args.resolveDir, args.path);
        const resolved = [base, `${base}.ts`, path.join(base, 'index.ts')].find((f) =>
          fs.statSync(f, { throwIfNoEntry: false })?.isFile(),
        );
        if (!resolved || !resolved.startsWith(path.join(srcDir, 'aws') + path.sep)) return undefined;
        const key = path.relative(srcDir, resolved).replace(/\\/g, '/').replace(/\.ts$/, '');
        modules.set(key, resolved);
        return { path: key, namespace: 'lazy-aws' };
      });
      build.onResolve({ filter: /^\.\/aws\.js$/, namespace: 'lazy-aws' }, () => ({ path: './aws.js', external: true }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-aws' }, (args) => ({
        contents: `module.exports = require('./aws.js')[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
      build.onEnd(async (result) => {
        if (result.errors.length) return;
        const entry = [...modules].map(
          ([key, file]) => `exports[${JSON.stringify(key)}] = require(${JSON.stringify(file)});`,
        );
        await esbuild.build({
          ...node('src/extension/extension.ts', path.join(outdir, 'aws.js'), { external: ['vscode'] }),
          entryPoints: undefined,
          stdin: {
            contents: entry.join('\n') || '',
            resolveDir: __dirname,
            sourcefile: 'lazy-aws-entry.js',
            loader: 'js',
          },
        });
      });
    },
  };
}

const configs = [
  node('src/extension/extension.ts', 'dist/extension.js', { external: ['vscode'], plugins: [lazyAwsPlugin('dist')] }),
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
