/**
 * The .vsix as the Marketplace and Open VSX receive it: `vsce ls` lists only what runs
 * (bundles, manifest, grammars, snippets, rule pages, schema, icon, texts), the package
 * stays under 600 KB, and its README has no repository-relative link or image left.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_LIST } from '../../server/src/knowledge/rules';

const ROOT = join(__dirname, '../..');
const VSIX = join(ROOT, 'dist/redis-config.vsix');
const vsce = join(ROOT, 'node_modules/.bin/vsce');

test('vsce ls: exactly the files the extension needs', () => {
  const listed = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').sort();
  const expected = [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist/bin/redis-config-language-server.js',
    'dist/extension.js',
    'dist/redis-config.schema.json',
    'dist/server.js',
    'images/icon.png',
    'language-configuration-acl.json',
    'language-configuration.json',
    'package.json',
    ...readdirSync(join(ROOT, 'snippets')).map((f) => `snippets/${f}`),
    ...readdirSync(join(ROOT, 'syntaxes'))
      .filter((f) => f.endsWith('.tmLanguage.json'))
      .map((f) => `syntaxes/${f}`),
    ...RULE_LIST.map((r) => `docs/rules/${r.code}.md`),
  ].sort();
  assert.deepEqual(listed, expected);
});

test('the packaged .vsix: under 600 KB, README links absolute', () => {
  assert.ok(existsSync(VSIX), 'dist/redis-config.vsix is missing: run `npm run package` (npm test does)');
  const size = statSync(VSIX).size;
  console.log(`dist/redis-config.vsix: ${(size / 1024).toFixed(0)} KB`);
  assert.ok(size < 600 * 1024, `${size} bytes`);
  const readme = execFileSync('unzip', ['-p', VSIX, 'extension/readme.md'], { encoding: 'utf8' });
  const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
  assert.ok(links.length > RULE_LIST.length);
  for (const link of links) assert.match(link, /^(https:\/\/|#)/, `relative link left: ${link}`);
  const manifest = JSON.parse(execFileSync('unzip', ['-p', VSIX, 'extension/package.json'], { encoding: 'utf8' })) as {
    icon?: string;
    galleryBanner?: unknown;
    categories?: string[];
  };
  assert.equal(manifest.icon, 'images/icon.png');
  assert.ok(manifest.galleryBanner && manifest.categories?.includes('Linters'));
});
