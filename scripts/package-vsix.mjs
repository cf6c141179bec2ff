// Packages the extension (dist/redis-config.vsix) after a production build. The README's
// relative links and images (docs/rules/*.md, docs/images/*.png) become absolute under the
// published npm package of this version on jsDelivr — the base the documentation links use
// too — so the Marketplace and Open VSX pages render them without a repository. Fails when
// the .vsix reaches 600 KB. Reports the size of each bundle it ships: the client and the server
// are one bundle each for desktop VS Code (Node) and VS Code in the browser (web workers).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedBase } from './published.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/redis-config.vsix');
const base = publishedBase(root);
const vsce = join(root, 'node_modules/.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
execFileSync(vsce, ['package', '--no-dependencies', '--baseContentUrl', base, '--baseImagesUrl', base, '--out', out], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
for (const [file, what] of [
  ['dist/extension.js', 'the client, desktop and web extension host'],
  ['dist/server.js', 'the language server, Node and web worker'],
]) {
  const bytes = readFileSync(join(root, file));
  console.log(`${file}: ${kb(bytes.length)} (${kb(gzipSync(bytes).length)} gzipped): ${what}`);
}
const size = statSync(out).size;
console.log(`dist/redis-config.vsix: ${(size / 1024).toFixed(0)} KB (README links under ${base})`);
if (size >= 600 * 1024) {
  console.error('the .vsix must stay under 600 KB');
  process.exit(1);
}
