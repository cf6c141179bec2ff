// Fills packages/cli/ with the bundles, the rule pages and README images, the project-file
// schema, the README (links made absolute under the published package) and the licence,
// then packs it into dist/ with `npm pack` (offline: the package has no dependencies,
// esbuild bundled them). Run after a production build (`npm run package`).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedBase } from './published.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'packages/cli');

const bundles = ['dist/cli.js', 'dist/server.js', 'dist/bin/redis-config-lint.js', 'dist/bin/redis-config-language-server.js'];
for (const f of [...bundles, 'dist/redis-config.schema.json']) {
  if (!existsSync(join(root, f))) {
    console.error(`${f} is missing: run \`node scripts/build.mjs --production\` first`);
    process.exit(1);
  }
}
for (const d of ['dist', 'docs']) rmSync(join(pkg, d), { recursive: true, force: true });
mkdirSync(join(pkg, 'dist/bin'), { recursive: true });
for (const f of bundles) copyFileSync(join(root, f), join(pkg, f));
copyFileSync(join(root, 'dist/redis-config.schema.json'), join(pkg, 'redis-config.schema.json'));
cpSync(join(root, 'docs/rules'), join(pkg, 'docs/rules'), { recursive: true });
cpSync(join(root, 'docs/images'), join(pkg, 'docs/images'), { recursive: true });
copyFileSync(join(root, 'LICENSE'), join(pkg, 'LICENSE'));
// The README's relative links (docs/...) as absolute addresses of this published version.
const base = publishedBase(root);
const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\]\((docs\/[^)\s]+)\)/g, (_m, path) => `](${base}${path})`);
writeFileSync(join(pkg, 'README.md'), readme);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const out = execFileSync(npm, ['pack', '--json', '--pack-destination', join(root, 'dist')], {
  cwd: pkg,
  encoding: 'utf8',
  env: { ...process.env, npm_config_offline: 'true' },
});
const [{ filename }] = JSON.parse(out);
const tarball = join(root, 'dist', filename);
console.log(`${tarball.slice(root.length + 1)}: ${(statSync(tarball).size / 1024).toFixed(0)} KB, ${readdirSync(join(pkg, 'docs/rules')).length} rule pages`);
