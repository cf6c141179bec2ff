/**
 * `.redis-config.json` from the command line: found upwards from each file (stopping at
 * the repository root), applied per glob, beaten by flags, and beaten by a file's own
 * target pragma; an invalid one stops the run with exit status 2.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '../../dist/cli.js');

function cli(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, '--color', 'never', ...args], { encoding: 'utf8', cwd });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rcl-project-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** `enable-debug-command` exists from Redis 7.0: its verdict shows which target was used. */
const V7 = 'bind 127.0.0.1\nenable-debug-command no\n';
/** The version findings of a file (a bare test config has others: no password, no memory limit). */
const codes = (stdout: string, file: string): string[] =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith(`${file}:`))
    .map((l) => l.split(' ')[2] ?? '')
    .filter((c) => c === 'unsupported-in-version' || c === 'unknown-directive');

test('target: pragma > --target > project override > project top level > default', () => {
  const dir = tree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.redis-config.json': JSON.stringify({ targetVersion: 'redis-6.2', overrides: [{ files: ['new/*.conf'], targetVersion: 'redis-7.0' }] }),
    'old/redis.conf': V7,
    'new/redis.conf': V7,
    'pinned/redis.conf': `# redis-config: target=redis-7.2\n${V7}`,
  });
  try {
    const r = cli(dir, '--fail-on', 'none', '.');
    assert.deepEqual(codes(r.stdout, 'old/redis.conf'), ['unsupported-in-version'], 'the project says 6.2');
    assert.deepEqual(codes(r.stdout, 'new/redis.conf'), [], 'the override says 7.0');
    assert.deepEqual(codes(r.stdout, 'pinned/redis.conf'), [], 'the pragma says 7.2');
    const flag = cli(dir, '--fail-on', 'none', '--target', 'redis-7.0', 'old/redis.conf', 'pinned/redis.conf');
    assert.deepEqual(codes(flag.stdout, 'old/redis.conf'), [], '--target beats the project file');
    const flag62 = cli(dir, '--fail-on', 'none', '--target', 'redis-6.2', 'pinned/redis.conf');
    assert.deepEqual(codes(flag62.stdout, 'pinned/redis.conf'), [], 'the pragma beats --target');
    const none = cli(dir, '--fail-on', 'none', '--no-config', 'old/redis.conf');
    assert.deepEqual(codes(none.stdout, 'old/redis.conf'), [], '--no-config: the default target (newest Redis)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rules, profile and password length from the project file, flags on top, rules merged per code', () => {
  const conf = 'bind 0.0.0.0\nprotected-mode yes\nrequirepass vT9qK2mX7pL4wR8nZ3sJ6\nmaxmemory 1gb\nmaxmemory-policy allkeys-lru\n';
  const dir = tree({
    '.git/HEAD': 'x\n',
    '.redis-config.json': JSON.stringify({
      minPasswordLength: 24,
      rules: { 'bind-all-interfaces': 'error', 'requirepass-prefer-acl': 'off', 'plaintext-password': 'off' },
    }),
    'redis.conf': conf,
  });
  try {
    const r = cli(dir, '--fail-on', 'none', 'redis.conf');
    assert.match(r.stdout, /^redis\.conf:1:6: error bind-all-interfaces /m);
    assert.match(r.stdout, /weak-password .*shorter than 24\b/);
    assert.doesNotMatch(r.stdout, /requirepass-prefer-acl|plaintext-password/);
    const flags = cli(dir, '--fail-on', 'none', '--rule', 'bind-all-interfaces=hint', '--min-password-length', '16', 'redis.conf');
    assert.match(flags.stdout, /^redis\.conf:1:6: hint bind-all-interfaces /m);
    assert.doesNotMatch(flags.stdout, /shorter than/, '--min-password-length beats the project file');
    assert.doesNotMatch(flags.stdout, /requirepass-prefer-acl|plaintext-password/, 'the flag replaces one code, the project keeps the others');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the search stops at the repository root; --config names the file to use', () => {
  const dir = tree({
    '.redis-config.json': JSON.stringify({ rules: { 'protected-mode-off': 'off' } }),
    'repo/.git/HEAD': 'x\n',
    'repo/redis.conf': 'bind 127.0.0.1\nprotected-mode no\n',
    'shared/strict.json': JSON.stringify({ rules: { 'protected-mode-off': 'off' } }),
  });
  try {
    const inRepo = cli(join(dir, 'repo'), 'redis.conf');
    assert.match(inRepo.stdout, /protected-mode-off/, 'a project file above the repository does not apply');
    const given = cli(join(dir, 'repo'), '--config', '../shared/strict.json', 'redis.conf');
    assert.doesNotMatch(given.stdout, /protected-mode-off/);
    assert.equal(cli(dir, '--config', 'missing.json', 'repo/redis.conf').status, 2);
    assert.equal(cli(dir, '--config', 'x.json', '--no-config', 'repo/redis.conf').status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an invalid project file stops the run with exit status 2 and says what is wrong', () => {
  const dir = tree({
    '.git/HEAD': 'x\n',
    '.redis-config.json': JSON.stringify({ targetVersion: 'redis-latest', rules: { 'no-such-rule': 'off' } }),
    'redis.conf': 'bind 127.0.0.1\n',
  });
  try {
    const r = cli(dir, 'redis.conf');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /invalid value for 'targetVersion' in .*\.redis-config\.json: 'redis-latest'/);
    assert.match(r.stderr, /unknown rule code in 'rules' in .*\.redis-config\.json: 'no-such-rule'/);
    writeFileSync(join(dir, '.redis-config.json'), '{ "profile": "development", }');
    assert.match(cli(dir, 'redis.conf').stderr, /\.redis-config\.json: not valid JSON/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
