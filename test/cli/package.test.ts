/**
 * The npm package as users get it: `npm pack` of packages/cli, installed offline into an
 * empty prefix, then both bins run from there — the CLI on a folder and on standard input,
 * --explain from the shipped pages, and the language server answering over stdio.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lspClient';
import { installInto, offlineNpmEnv, packCli } from '../support/npmPackage';
import { NPM_PACKAGE } from '../../server/src/version';
import { DEFAULT_DOCS_BASE_URL } from '../../server/src/settings/docsLinks';
import { RULE_LIST } from '../../server/src/knowledge/rules';

const ROOT = join(__dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const manifest = JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  dependencies?: unknown;
  files: string[];
};
const rootVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const work = mkdtempSync(join(tmpdir(), 'rcl-pack-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const tarball = packCli();
const npmEnv = offlineNpmEnv(join(work, 'cache'));

test('the manifest: the chosen name, the extension’s version, two bins, no dependencies', () => {
  assert.equal(manifest.name, NPM_PACKAGE);
  assert.equal(manifest.version, rootVersion, 'the npm package and the extension are released together');
  assert.deepEqual(manifest.bin, {
    'redis-config-lint': 'dist/bin/redis-config-lint.js',
    'redis-config-language-server': 'dist/bin/redis-config-language-server.js',
  });
  assert.equal(manifest.dependencies, undefined, 'esbuild bundles everything');
  assert.ok(DEFAULT_DOCS_BASE_URL.startsWith(`https://cdn.jsdelivr.net/npm/${manifest.name}@`), 'documentation links point into this package');
});

test('the tarball holds the bundles, every rule page, the README images and the schema', () => {
  const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
  const expected = [
    'package/LICENSE',
    'package/README.md',
    'package/dist/bin/redis-config-language-server.js',
    'package/dist/bin/redis-config-lint.js',
    'package/dist/cli.js',
    'package/dist/server.js',
    'package/package.json',
    'package/redis-config.schema.json',
    ...RULE_LIST.map((r) => `package/docs/rules/${r.code}.md`),
    ...['hover.png', 'problems.png', 'quickfix.png'].map((f) => `package/docs/images/${f}`),
  ].sort();
  assert.deepEqual(files, expected);
  // Every relative link of the README now points into the published package, where the file exists.
  const readme = execFileSync('tar', ['xzOf', tarball, 'package/README.md'], { encoding: 'utf8' });
  const base = `https://cdn.jsdelivr.net/npm/${manifest.name}@${manifest.version}/`;
  const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '').filter((l) => !l.startsWith('#'));
  assert.ok(links.length > RULE_LIST.length);
  for (const link of links.filter((l) => !/^https:\/\/(?!cdn\.jsdelivr)/.test(l))) {
    assert.ok(link.startsWith(base), `relative or foreign link left in the npm README: ${link}`);
    assert.ok(files.includes(`package/${link.slice(base.length)}`), `${link} is not in the package`);
  }
});

test('installed offline into an empty prefix, both bins work', async () => {
  const prefix = join(work, 'prefix');
  const bins = installInto(prefix, tarball, join(work, 'cache'));
  const bin = (name: string): string => join(bins, name);
  assert.ok(existsSync(bin('redis-config-lint')) && existsSync(bin('redis-config-language-server')));

  const project = join(work, 'project');
  mkdirSync(join(project, 'deploy'), { recursive: true });
  writeFileSync(join(project, 'deploy', 'redis.conf'), 'bind 0.0.0.0\nprotected-mode no\n');
  writeFileSync(join(project, 'deploy', 'users.acl'), 'user default off\n');
  const lint = spawnSync(bin('redis-config-lint'), ['--color', 'never', 'deploy'], { cwd: project, encoding: 'utf8' });
  assert.equal(lint.status, 1, lint.stderr);
  assert.match(lint.stdout, /^deploy\/redis\.conf:2:16: error protected-mode-off /m);
  assert.match(lint.stdout, /in 1 file \(2 checked\)/);
  const stdin = spawnSync(bin('redis-config-lint'), ['--stdin-filename', 'users.acl', '-'], { input: 'user app on nopass ~* +@all\n', encoding: 'utf8' });
  assert.match(stdin.stdout, /^users\.acl:1:13: warning acl-missing-default-user|^users\.acl:\d+:\d+: /m);
  const explain = spawnSync(bin('redis-config-lint'), ['--explain', 'no-auth'], { encoding: 'utf8' });
  assert.equal(explain.status, 0);
  assert.ok(explain.stdout.startsWith(readFileSync(join(ROOT, 'docs/rules/no-auth.md'), 'utf8').trimEnd()), 'the page comes from the installed package');
  // The address printed is that page inside this very version of the package.
  assert.ok(explain.stdout.endsWith(`\nhttps://cdn.jsdelivr.net/npm/${manifest.name}@${manifest.version}/docs/rules/no-auth.md\n`), explain.stdout.slice(-200));
  assert.equal(spawnSync(bin('redis-config-lint'), ['--version'], { encoding: 'utf8' }).stdout.trim(), manifest.version);

  // The language server from the same prefix, as an editor starts it.
  const server = realpathSync(bin('redis-config-language-server'));
  assert.ok(server.startsWith(realpathSync(prefix)), server);
  const client = new LspTestClient(server);
  try {
    const init = await client.initialize(false);
    assert.equal(init.serverInfo?.name, 'redis-config-language-server');
    assert.equal(init.serverInfo?.version, manifest.version);
    const uri = pathToFileURL(join(project, 'deploy', 'redis.conf')).href;
    const diagnostics = client.nextDiagnostics(uri, 1);
    await client.open(uri, 'redis-conf', 'bind 0.0.0.0\nprotected-mode no\n');
    const codes = (await diagnostics).diagnostics.map((d) => d.code);
    assert.ok(codes.includes('protected-mode-off'), JSON.stringify(codes));
  } finally {
    assert.equal(await client.shutdown(), 0);
  }
});

test('npm exec runs the bin named after the package, as `npx <package>@<version>` does', () => {
  const r = spawnSync(npm, ['exec', '--yes', '--package', tarball, '--', 'redis-config-lint', '--version'], { cwd: work, env: npmEnv, encoding: 'utf8' });
  assert.equal(r.stdout.trim(), manifest.version, r.stderr);
  const s = spawnSync(npm, ['exec', '--yes', '--package', tarball, '--', 'redis-config-language-server', '--version'], {
    cwd: work,
    env: npmEnv,
    encoding: 'utf8',
  });
  assert.equal(s.stdout.trim(), manifest.version, s.stderr);
});
