/**
 * The CLI contract, run against the bundled dist/cli.js as users and CI scripts run it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { RULE_LIST } from '../../server/src/knowledge/rules';

const CLI = join(__dirname, '../../dist/cli.js');
const FIX = 'test/fixtures/cli';

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: join(__dirname, '../..') });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('text output: one finding per line, file:line:col: severity code message, then a summary', () => {
  const r = cli(`${FIX}/insecure.conf`);
  assert.equal(r.status, 1);
  const [body = '', last] = r.stdout.split('\n\n');
  // Only the comment's fix is safe: rebinding and protected mode wait for --unsafe-fixes.
  assert.equal(last, '5 errors, 1 warning, 1 information in 1 file; 1 fixable with --fix\n');
  const lines = body.split('\n');
  assert.deepEqual(
    lines.map((l) => l.split(' ').slice(0, 3).join(' ')),
    [
      `${FIX}/insecure.conf:1:1: error no-auth`,
      `${FIX}/insecure.conf:1:1: warning no-tls`,
      `${FIX}/insecure.conf:1:1: information unbounded-memory`,
      `${FIX}/insecure.conf:1:6: error bind-all-interfaces`,
      `${FIX}/insecure.conf:2:16: error protected-mode-off`,
      `${FIX}/insecure.conf:3:11: error trailing-comment`,
      `${FIX}/insecure.conf:4:1: error unknown-directive`,
    ],
  );
  assert.match(lines[6] ?? '', /Did you mean 'maxmemory'\?/);
});

test('exit status follows --fail-on', () => {
  assert.equal(cli(`${FIX}/clean.conf`).status, 0);
  assert.equal(cli(`${FIX}/warnings.conf`).status, 0);
  assert.equal(cli('--fail-on', 'warning', `${FIX}/warnings.conf`).status, 1);
  assert.equal(cli('--fail-on', 'none', `${FIX}/insecure.conf`).status, 0);
  assert.equal(cli('--fail-on', 'hint', `${FIX}/clean.conf`).status, 0);
  assert.equal(cli('--profile', 'development', '--fail-on', 'information', `${FIX}/warnings.conf`).status, 0);
  assert.equal(cli('--profile', 'development', '--fail-on', 'hint', `${FIX}/warnings.conf`).status, 1);
});

test('--target changes what is known', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rcl-'));
  try {
    const f = join(dir, 'redis.conf');
    writeFileSync(f, 'bind 127.0.0.1\nenable-debug-command no\n');
    assert.equal(cli('--target', 'redis-7.0', f).status, 0);
    const old = cli('--target', 'redis-6.2', f);
    assert.equal(old.status, 1);
    assert.match(old.stdout, /unsupported-in-version/);
    // A version without a table: checked as the nearest, a new name is a warning, one notice.
    writeFileSync(f, 'bind 127.0.0.1\nprotected-mode yes\nsome-setting-of-8-2 yes\n');
    const newer = cli('--target', 'redis-8.2', f);
    assert.equal(newer.status, 0, newer.stdout);
    assert.match(newer.stdout, /redis\.conf:1:1: information approximated-target There is no table for Redis 8\.2 here: our tables stop at Redis 8\.0/);
    assert.match(newer.stdout, /redis\.conf:3:1: warning unknown-directive .*Checked as Redis 8\.0/);
    assert.equal(cli('--target', 'redis-8.2', '--fail-on', 'warning', f).status, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('json output follows the documented shape', () => {
  const r = cli('--format', 'json', `${FIX}/insecure.conf`, `${FIX}/users.acl`);
  assert.equal(r.status, 1);
  const json = JSON.parse(r.stdout) as { version: number; files: { file: string; diagnostics: Record<string, unknown>[] }[] };
  assert.equal(json.version, 1);
  assert.deepEqual(
    json.files.map((f) => f.file),
    [`${FIX}/insecure.conf`, `${FIX}/users.acl`],
  );
  assert.deepEqual(json.files[1]?.diagnostics, [
    {
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 9,
      severity: 'error',
      code: 'invalid-acl-line',
      message: json.files[1]?.diagnostics[0]?.message,
      source: 'redis-config',
    },
  ]);
  assert.equal(json.files[0]?.diagnostics.length, 7);
});

test('sarif output validates against the SARIF 2.1.0 schema and lists every rule', () => {
  const r = cli('--format', 'sarif', `${FIX}/insecure.conf`, `${FIX}/users.acl`);
  assert.equal(r.status, 1);
  const log = JSON.parse(r.stdout) as {
    runs: {
      tool: { driver: { rules: { id: string; helpUri: string; shortDescription: { text: string } }[] } };
      results: { ruleId: string; ruleIndex: number }[];
    }[];
  };
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const run = log.runs[0];
  assert.ok(run);
  assert.deepEqual(
    run.tool.driver.rules.map((x) => x.id),
    RULE_LIST.map((x) => x.code),
  );
  for (const rule of run.tool.driver.rules) {
    assert.match(rule.helpUri, /^https:\/\/.+\/docs\/rules\/[a-z-]+\.md$/);
    assert.ok(rule.shortDescription.text.length > 10);
  }
  assert.equal(run.results.length, 8);
  for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
});

test('usage and I/O errors exit 2 with one line naming the file and the reason', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rcl-'));
  try {
    const binary = join(dir, 'dump.rdb');
    writeFileSync(binary, Buffer.from([0x52, 0x45, 0x44, 0x49, 0x53, 0, 1, 2, 0xff]));
    const unreadable = join(dir, 'secret.conf');
    writeFileSync(unreadable, 'port 1\n');
    chmodSync(unreadable, 0o000);
    const cases: [string[], RegExp][] = [
      [[join(dir, 'missing.conf')], /missing\.conf: no such file or folder$/],
      [[dir], /: no Redis or Valkey config found \(a folder is searched for/],
      [[binary], /dump\.rdb: binary file/],
      [['--format', 'xml', `${FIX}/clean.conf`], /invalid value for --format: 'xml'/],
      [['--target', 'redis-latest', `${FIX}/clean.conf`], /invalid value for --target: 'redis-latest'/],
      [['--fail-on', 'fatal', `${FIX}/clean.conf`], /invalid value for --fail-on/],
      [['--bogus', `${FIX}/clean.conf`], /Unknown option '--bogus'/],
      [[], /no file given/],
    ];
    // Root reads any file whatever its mode; the unreadable case only means something for other users.
    if (process.getuid?.() !== 0) cases.push([[unreadable], /secret\.conf: permission denied$/]);
    for (const [args, pattern] of cases) {
      const r = cli(...args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr.split('\n')[0] ?? '', pattern);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--help and --version', () => {
  const help = cli('--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--format text\|json\|sarif/);
  const version = cli('--version');
  assert.equal(version.status, 0);
  assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version);
});

test('--rule sets a severity per code, and refuses unknown codes or levels', () => {
  assert.equal(cli('--rule', 'protected-mode-off=error', `${FIX}/warnings.conf`).status, 1);
  assert.equal(cli('--rule', 'protected-mode-off=off', '--fail-on', 'warning', `${FIX}/warnings.conf`).status, 0);
  const bad = cli('--rule', 'nope=error', `${FIX}/clean.conf`);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown rule code in --rule: 'nope'/);
  assert.equal(cli('--rule', 'protected-mode-off=loud', `${FIX}/clean.conf`).status, 2);
});

test('--fix-dry-run prints a unified diff and changes nothing; --fix writes the safe fixes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rcl-'));
  try {
    const f = join(dir, 'redis.conf');
    const original = 'bind 0.0.0.0\nprotected-mode no\ntimeout 0 # never\n';
    writeFileSync(f, original);
    const dry = cli('--fix-dry-run', f);
    assert.match(dry.stdout, /^-timeout 0 # never$/m);
    assert.match(dry.stdout, /^\+# never$/m);
    // Rebinding and protected mode would refuse clients that connect today: not safe.
    assert.doesNotMatch(dry.stdout, /^[-+](bind|protected-mode)/m);
    assert.equal(readFileSync(f, 'utf8'), original);
    const fixed = cli('--fix', '--fail-on', 'none', f);
    assert.equal(fixed.status, 0, fixed.stdout);
    assert.equal(readFileSync(f, 'utf8'), 'bind 0.0.0.0\nprotected-mode no\n# never\ntimeout 0\n');
    assert.equal(cli('--fix-dry-run', f).stdout, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--unsafe-fixes also applies the fixes that change behaviour, and needs --fix or --fix-dry-run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rcl-'));
  try {
    const f = join(dir, 'redis.conf');
    writeFileSync(f, 'bind 0.0.0.0\nprotected-mode no\ntimeout 0 # never\n');
    // Without --unsafe-fixes, --fix would apply the comment's fix only: the count says so.
    assert.match(cli(f).stdout, /; 1 fixable with --fix\n$/);
    const dry = cli('--fix-dry-run', '--unsafe-fixes', f);
    assert.match(dry.stdout, /^-bind 0\.0\.0\.0$/m);
    assert.match(dry.stdout, /^\+bind 127\.0\.0\.1 -::1$/m);
    const fixed = cli('--fix', '--unsafe-fixes', '--fail-on', 'error', f);
    assert.equal(fixed.status, 0, fixed.stdout);
    assert.equal(readFileSync(f, 'utf8'), 'bind 127.0.0.1 -::1\nprotected-mode yes\n# never\ntimeout 0\n');
    const alone = cli('--unsafe-fixes', f);
    assert.equal(alone.status, 2);
    assert.match(alone.stderr, /--unsafe-fixes needs --fix or --fix-dry-run/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no CLI output ever contains a configured password', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rcl-'));
  try {
    const f = join(dir, 'redis.conf');
    writeFileSync(f, 'bind 0.0.0.0\nrequirepass hunter2-secret\nmasterauth other-secret-77\nuser bob on >bob-secret-99 ~* +@all\n');
    for (const format of ['text', 'json', 'sarif']) {
      const r = cli('--format', format, '--min-password-length', '40', f);
      for (const secret of ['hunter2-secret', 'other-secret-77', 'bob-secret-99'])
        assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret), `${format} shows ${secret}`);
      assert.match(r.stdout, /weak-password/);
    }
    assert.equal(cli('--min-password-length', 'x', f).status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
