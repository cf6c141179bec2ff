/** `acl-dryrun`: the CLI function, on ACL files and redis.conf files written to a temporary folder. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAclDryrun } from '../../server/src/cli/aclDryrun';

const SECRET = 'do-not-print-me-0123456789abcdef';

function run(...args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAclDryrun(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'acl-dryrun-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const acl = join(dir, 'users.acl');
writeFileSync(acl, `user default off\nuser app on >${SECRET} ~app:* %R~ro:* &events:* -@all +@read +set (~shared:* +get)\n`);
const plain = join(dir, 'users.txt');
writeFileSync(plain, 'user app on nopass ~* +get\n');
const conf = join(dir, 'redis.conf');
writeFileSync(conf, 'port 6379\nuser app on nopass ~app:* +get\n');
mkdirSync(join(dir, 'etc'));
const withAclfile = join(dir, 'etc', 'redis.conf');
writeFileSync(withAclfile, 'aclfile ../users.acl\n');

test('allowed: exit 0 and "allowed"', () => {
  assert.deepEqual(run(acl, 'app', 'get', 'app:1'), { code: 0, out: 'allowed', err: '' });
  assert.equal(run(acl, 'app', 'get', 'shared:1').code, 0); // through the selector
  assert.equal(run(acl, 'app', 'SET', 'app:1', 'v').code, 0);
});

test('denied: exit 1 and the reason', () => {
  const key = run(acl, 'app', 'set', 'ro:1', 'v');
  assert.equal(key.code, 1);
  assert.match(key.out, /^denied: .*key 'ro:1'/);
  const cmd = run(acl, 'app', 'config', 'get', 'maxmemory');
  assert.equal(cmd.code, 1);
  assert.match(cmd.out, /^denied: .*'config\|get'/);
  assert.match(run(acl, 'app', 'publish', 'other', 'm').out, /^denied: /);
  assert.equal(run(acl, 'default', 'get', 'x').code, 1);
});

test('passwords are never printed', () => {
  for (const r of [run(acl, 'app', 'get', 'x'), run(acl, 'app', 'get', 'app:1'), run(acl, 'nobody', 'get', 'x')])
    assert.ok(!`${r.out}${r.err}`.includes(SECRET));
});

test('a file whose lines start with `user ` is an ACL file; a redis.conf gives its user lines', () => {
  assert.equal(run(plain, 'app', 'get', 'x').code, 0);
  assert.equal(run(conf, 'app', 'get', 'app:1').code, 0);
  assert.equal(run(conf, 'app', 'get', 'x').code, 1);
});

test('a redis.conf with aclfile is followed to the ACL file, relative to its folder', () => {
  assert.equal(run(withAclfile, 'app', 'get', 'app:1').code, 0);
  assert.equal(run(withAclfile, 'app', 'del', 'app:1').code, 1);
});

test('--include-base: a relative aclfile starts there, as in the lint', () => {
  writeFileSync(join(dir, 'etc', 'by-base.conf'), 'aclfile users.acl\n');
  // From the folder of the config, etc/users.acl does not exist.
  assert.equal(run(join(dir, 'etc', 'by-base.conf'), 'app', 'get', 'app:1').code, 2);
  assert.deepEqual(run('--include-base', dir, join(dir, 'etc', 'by-base.conf'), 'app', 'get', 'app:1'), { code: 0, out: 'allowed', err: '' });
  assert.equal(run(`--include-base=${dir}`, '--target', 'redis-7.0', join(dir, 'etc', 'by-base.conf'), 'app', 'del', 'app:1').code, 1);
});

test('a file without `default` answers for the built-in one', () => {
  assert.equal(run(plain, 'default', 'flushall').code, 0);
});

test('usage, file and lookup errors: exit 2 with one line on stderr', () => {
  for (const args of [
    [],
    [acl],
    [acl, 'app'],
    [join(dir, 'missing.acl'), 'app', 'get', 'x'],
    [acl, 'nobody', 'get', 'x'],
    [acl, 'app', 'nosuchcommand'],
    [acl, 'app', 'get'],
    ['--target', 'redis-5', acl, 'app', 'get', 'x'],
  ]) {
    const r = run(...args);
    assert.equal(r.code, 2, JSON.stringify(args));
    assert.equal(r.out, '');
    assert.ok(r.err.startsWith('acl-dryrun: '), r.err);
  }
});

test('--target picks the command table', () => {
  writeFileSync(join(dir, 'hash.acl'), 'user u on ~* +@hash\n');
  assert.equal(run('--target', 'redis-7.4', join(dir, 'hash.acl'), 'u', 'hexpire', 'k', '10', 'FIELDS', '1', 'f').code, 0);
  assert.equal(run('--target', 'redis-7.2', join(dir, 'hash.acl'), 'u', 'hexpire', 'k', '10', 'FIELDS', '1', 'f').code, 2);
});
