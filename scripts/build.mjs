// Bundles the extension client, the language server and the CLI into dist/, and writes the
// JSON Schema of .redis-config.json (dist/redis-config.schema.json) from the settings schema.
// `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const cliPackage = JSON.parse(readFileSync(new URL('../packages/cli/package.json', import.meta.url), 'utf8'));
if (cliPackage.version !== version) {
  console.error(`packages/cli/package.json has version ${cliPackage.version}, package.json ${version}: the npm package and the extension are released together`);
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

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
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
