/**
 * What the README states about settings and the package stays true: the list of findings
 * the development profile relaxes, the project-file example, the settings table and the
 * package version in every command.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_LIST } from '../../server/src/knowledge/rules';
import { parseProjectFile } from '../../server/src/settings/projectFile';
import { SETTINGS_SCHEMA } from '../../server/src/settings/schema';
import { USAGE } from '../../server/src/cli/options';
import { CONFIG_NAME } from '../../server/src/cli/discover';
import { NPM_PACKAGE } from '../../server/src/version';
import { README, readmeBlock } from '../support/readme';

const version = (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;

test('the README lists exactly the findings the development profile relaxes', () => {
  const listed = /<!-- development-relaxed -->(.*?)<!-- \/development-relaxed -->/s.exec(README)?.[1] ?? '';
  const codes = [...listed.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);
  assert.deepEqual(
    codes,
    RULE_LIST.filter((r) => r.relaxedInDevelopment).map((r) => r.code),
  );
  assert.ok(codes.includes('weak-password') && codes.includes('plaintext-password'), 'password findings are relaxed too');
});

test('the project-file example is valid', () => {
  const project = parseProjectFile(readmeBlock('project-file-example'), '/repo/.redis-config.json');
  assert.deepEqual(project.problems, []);
  assert.equal(project.overrides.length, 2);
});

test('the settings table names every setting, with a command-line flag the CLI knows', () => {
  for (const name of Object.keys(SETTINGS_SCHEMA)) {
    const row = README.split('\n').find((l) => l.startsWith(`| \`redisConfig.${name}\``));
    assert.ok(row, `no row for redisConfig.${name}`);
    const flag = /\| `(--[a-z-]+)/.exec(row)?.[1];
    assert.ok(flag && USAGE.includes(flag), `${name}: ${flag} is not a CLI option`);
  }
  assert.ok(README.includes('`redisConfig.minPasswordLength` | `32` | `--min-password-length N`'));
});

test('every command in the README names this version of the package', () => {
  const pinned = [...README.matchAll(new RegExp(`${NPM_PACKAGE.replace('/', '\\/')}@(\\d[^\\s/'"\`)]*)`, 'g'))].map((m) => m[1]);
  assert.ok(pinned.length >= 5);
  for (const v of pinned) assert.equal(v, version);
  for (const m of README.matchAll(/rev: v(\S+)/g)) assert.equal(m[1], version);
  assert.ok(!/npx redis-config-lint/.test(README), 'npx with the unscoped name would run someone else’s package');
});

test('the pre-commit hooks select the files a folder search selects', () => {
  const hooksFile = readFileSync(join(__dirname, '../../.pre-commit-hooks.yaml'), 'utf8');
  const patterns = [/files: '([^']+)'/.exec(hooksFile)?.[1], /files: '([^']+)'/.exec(readmeBlock('pre-commit-local'))?.[1]];
  const names = [
    'redis.conf',
    'deploy/redis-6379.conf',
    'a/sentinel.conf',
    'sentinel-eu.conf',
    'valkey.conf',
    'x/app.redis.conf',
    'users.acl',
    'b/prod.acl',
    'notes.txt',
    'redis.conf.bak',
    'myredis.conf',
    'a/redis/b.conf',
    'acl',
    'x.aclx',
  ];
  for (const p of patterns) {
    assert.ok(p, 'a files pattern');
    const re = new RegExp(p);
    for (const n of names) assert.equal(re.test(n), CONFIG_NAME.test(n.split('/').pop() ?? n), `${p} on ${n}`);
  }
});
