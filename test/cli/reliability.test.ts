/**
 * The CLI on hostile or unusual input, through the bundled dist/cli.js: `--fix` keeps every
 * byte it does not mean to change, never renames to names the file's version may refuse, and
 * include targets that are not files are named for what they are.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedPath } from '../support/shared';

const CLI = join(__dirname, '../../dist/cli.js');
const ROOT = join(__dirname, '../..');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function inTemp<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'rcl-rel-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('--fix without --target keeps the names a Redis 6 file needs', () => {
  // The official redis-6.0.conf when the shared corpus is there; our own sample otherwise.
  const source = sharedPath('corpus', 'official', 'redis-6.0.conf') ?? join(ROOT, 'test/fixtures/cli/redis-6-names.conf');
  inTemp((dir) => {
    const file = join(dir, 'redis.conf');
    copyFileSync(source, file);
    cli('--fix', '--fail-on', 'none', file);
    const after = readFileSync(file, 'utf8');
    assert.match(after, /^lua-time-limit 5000$/m);
    assert.match(after, /^hash-max-ziplist-entries 512$/m);
    assert.doesNotMatch(after, /busy-reply-threshold|listpack/);
    // With the version known, the renames are safe.
    copyFileSync(source, file);
    cli('--fix', '--fail-on', 'none', '--target', 'redis-7.0', file);
    assert.match(readFileSync(file, 'utf8'), /^busy-reply-threshold 5000$/m);
  });
});

test('--fix rewrites only what it fixes: bytes that are not UTF-8 and CRLF line breaks stay', () => {
  inTemp((dir) => {
    const file = join(dir, 'redis.conf');
    const before = Buffer.concat([
      Buffer.from('# caf'),
      Buffer.from('e9', 'hex'),
      Buffer.from(' \xff\r\nbind 127.0.0.1\r\nrequirepass "x'),
      Buffer.from('fe', 'hex'),
      Buffer.from('y-0123456789abcdefghijklmnopqrstu"\r\ntimeout 0 # never\r\n'),
    ]);
    writeFileSync(file, before);
    cli('--fix', '--fail-on', 'none', '--target', 'redis-7.0', file);
    const after = readFileSync(file);
    const expected = Buffer.concat([before.subarray(0, before.indexOf('timeout')), Buffer.from('# never\r\ntimeout 0\r\n')]);
    assert.equal(after.toString('hex'), expected.toString('hex'));
  });
});

test('include targets that are not files: each named for what it is', () => {
  inTemp((dir) => {
    mkdirSync(join(dir, 'conf.d'));
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const file = join(dir, 'redis.conf');
    writeFileSync(file, `bind 127.0.0.1\ninclude ${dir}/conf.d\ninclude ${dir}/pipe\ninclude /dev/zero\ninclude /dev/null\ninclude ${dir}/gone.conf\n`);
    const r = cli('--fail-on', 'none', file);
    const lines = r.stdout.split('\n').filter((l) => / include-/.test(l));
    assert.deepEqual(
      lines.map((l) => / (error|warning) (include-[a-z-]+) /.exec(l)?.slice(1, 3).join(' ')),
      ['warning include-unreadable', 'error include-unreadable', 'error include-unreadable', 'error include-not-found'],
    );
    assert.match(lines[0] ?? '', /is a directory/);
    assert.match(lines[1] ?? '', /is a FIFO/);
    assert.match(lines[2] ?? '', /is a device/);
    assert.match(lines[3] ?? '', /does not exist/);
  });
});

test('what an included file makes redis-server refuse is reported on the include line', () => {
  inTemp((dir) => {
    mkdirSync(join(dir, 'conf.d'));
    writeFileSync(join(dir, 'conf.d', 'x.conf'), 'maxmemory 1gb\nmaxmemroy 1gb\n');
    const file = join(dir, 'redis.conf');
    writeFileSync(file, 'bind 127.0.0.1\ninclude conf.d/x.conf\n');
    const r = cli('--rule', 'no-auth=off', file);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /redis\.conf:2:9: error unknown-directive In conf\.d\/x\.conf, line 2: Unknown directive 'maxmemroy'/);
  });
});
