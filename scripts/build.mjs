// Bundles the extension client, the language server and the CLI into dist/, and writes the
// JSON Schema of .redis-config.json (dist/redis-config.schema.json) from the settings schema.
// `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const cliPackage = JSON.parse(readFileSync(new URL('../packages/cli/package.json', import.meta.url), 'utf8'));
if (cliPackage.version !== version) {
  console.error(
    `packages/cli/package.json has version ${cliPackage.version}, package.json ${version}: the npm package and the extension are released together`,
  );
  process.exit(1);
}

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(version) },
};

/**
 * The extension and its server are each one bundle for Node and the browser: the entry
 * loads the Node or the browser half at run time (client/src/main.ts, server/src/lsp/main.ts),
 * so the analysis ships once. Everything that runs in the browser half must stay off Node's
 * APIs; the browser test (test/browser/) loads the server in Chromium to hold it to that.
 */
const bothPlatforms = {
  plugins: [
    {
      name: 'browser-halves',
      setup(build) {
        // The browser halves of the LSP libraries are exported under the `browser` condition only.
        build.onResolve({ filter: /^vscode-(languageclient|languageserver|languageserver-protocol|jsonrpc)\/browser$/ }, (args) => ({
          path: fileURLToPath(new URL(`../node_modules/${args.path.replace(/\/browser$/, '')}/lib/browser/main.js`, import.meta.url)),
        }));
        // Web Crypto is everywhere (Node 20 too): not the node:crypto fallback, which a browser cannot load.
        build.onResolve({ filter: /^@noble\/hashes\/crypto$/ }, (args) => ({
          path: fileURLToPath(new URL(`../node_modules/@noble/hashes/${args.importer.includes('/esm/') ? 'esm/' : ''}crypto.js`, import.meta.url)),
        }));
      },
    },
  ],
};

const entries = [
  { ...bothPlatforms, entryPoints: ['client/src/main.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...bothPlatforms, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // What Node runs: small loaders that start the two bundles above through V8's code cache.
  { entryPoints: ['server/src/loader/languageServer.ts'], outfile: 'dist/bin/redis-config-language-server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/loader/lint.ts'], outfile: 'dist/bin/redis-config-lint.js', banner: { js: '#!/usr/bin/env node' } },
];

/** Runs the schema builder bundled in memory and writes its result. */
async function writeSchema() {
  const out = await esbuild.build({ ...common, entryPoints: ['server/src/settings/jsonSchema.ts'], write: false, sourcemap: false, minify: false });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/redis-config.schema.json', `${JSON.stringify(module.exports.projectFileSchema(), null, 2)}\n`);
}

const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
await writeSchema();
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
