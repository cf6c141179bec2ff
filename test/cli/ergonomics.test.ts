/**
 * The CLI as people use it from a terminal and CI: folders and globs, standard input,
 * colour, the summary, --quiet, --statistics, --explain, GitHub annotations, SARIF
 * security severities, and the binary-file heuristic. Runs the bundled dist/cli.js.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULE_LIST } from '../../server/src/knowledge/rules';
import { CONTAINED_SECURITY_SEVERITY, SECURITY_SEVERITY } from '../../server/src/knowledge/securitySeverity';
import { escapeGithubData, escapeGithubProperty } from '../../server/src/cli/formats';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const FIX = 'test/fixtures/cli';
/** No colour unless a test asks: CI runners often set FORCE_COLOR. */
const PLAIN_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'FORCE_COLOR' && k !== 'NO_COLOR'));

function cli(
  args: string[],
  opts: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {},
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    env: { ...PLAIN_ENV, ...opts.env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The files named in text output, in order, each once. */
function filesOf(stdout: string): string[] {
  return [
    ...new Set(
      stdout
        .split('\n')
        .map((l) => /^(.+?):\d+:\d+: /.exec(l)?.[1])
        .filter((f): f is string => f !== undefined),
    ),
  ];
}

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rcl-tree-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const BAD = 'bind 0.0.0.0\nprotected-mode no\n';

test('a folder: configs by name, by target pragma, or named by the project file; node_modules and VCS folders skipped', () => {
  const dir = tree({
    'redis.conf': BAD,
    'deploy/redis-6380.conf': BAD,
    'deploy/sentinel-eu.conf': 'sentinel monitor m 10.0.0.1 6379 2\n',
    'deploy/valkey.conf': BAD,
    'deploy/app.redis.conf': BAD,
    'deploy/users.acl': 'user default on nopass ~* +@all\n',
    'deploy/cache.cfg': `# redis-config: target=redis-7.0\n${BAD}`,
    'deploy/cache-b.cfg': BAD,
    'deploy/notes.txt': 'bind 0.0.0.0\n',
    'deploy/README.md': '# redis.conf notes\n',
    'special/6379.conf': BAD,
    'node_modules/pkg/redis.conf': BAD,
    '.git/redis.conf': BAD,
    '.hg/redis.conf': BAD,
    '.redis-config.json': JSON.stringify({ overrides: [{ files: ['special/*.conf'], targetVersion: 'redis-7.0' }] }),
  });
  try {
    symlinkSync(join(dir, 'deploy'), join(dir, 'linked'));
    const r = cli(['--fail-on', 'none', '.'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(filesOf(r.stdout), [
      'deploy/app.redis.conf',
      'deploy/cache.cfg',
      'deploy/redis-6380.conf',
      'deploy/sentinel-eu.conf',
      'deploy/users.acl',
      'deploy/valkey.conf',
      'redis.conf',
      'special/6379.conf',
    ]);
    const sub = cli(['--fail-on', 'none', 'deploy/'], { cwd: dir });
    assert.deepEqual(filesOf(sub.stdout), [
      'deploy/app.redis.conf',
      'deploy/cache.cfg',
      'deploy/redis-6380.conf',
      'deploy/sentinel-eu.conf',
      'deploy/users.acl',
      'deploy/valkey.conf',
    ]);
    // A file named on the command line is checked whatever its name.
    assert.deepEqual(filesOf(cli(['--fail-on', 'none', 'deploy/cache-b.cfg', 'redis.conf', './redis.conf'], { cwd: dir }).stdout), [
      'deploy/cache-b.cfg',
      'redis.conf',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a quoted glob selects what it matches; a path that selects nothing is an error', () => {
  const dir = tree({ 'a/one.conf': BAD, 'a/b/two.conf': BAD, 'a/b/x.txt': BAD, 'node_modules/three.conf': BAD });
  try {
    assert.deepEqual(filesOf(cli(['--fail-on', 'none', 'a/**/*.conf'], { cwd: dir }).stdout), ['a/b/two.conf', 'a/one.conf']);
    assert.deepEqual(filesOf(cli(['--fail-on', 'none', '**/*.conf'], { cwd: dir }).stdout), ['a/b/two.conf', 'a/one.conf']);
    const none = cli(['a/**/*.yaml'], { cwd: dir });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /a\/\*\*\/\*\.yaml: no Redis or Valkey config found/);
    const missing = cli(['nope/'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\/: no such file or folder/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('standard input: - with --stdin-filename for the kind, the name and the project file', () => {
  const acl = 'user default on nopass ~* +@all\n';
  const asAcl = cli(['--stdin-filename', 'deploy/users.acl', '--fail-on', 'none', '-'], { input: acl });
  assert.match(asAcl.stdout, /^deploy\/users\.acl:1:17: warning default-user-nopass /m);
  assert.doesNotMatch(asAcl.stdout, /no-auth/, 'an ACL file is not a server config');
  const unnamed = cli(['-'], { input: BAD });
  assert.equal(unnamed.status, 1);
  assert.match(unnamed.stdout, /^<stdin>:2:16: error protected-mode-off /m);
  assert.doesNotMatch(unnamed.stdout, /config-file-world-readable/, 'standard input has no file mode');
  // --fix on standard input: the fixed text on stdout, the report on stderr.
  const fixed = cli(['--fix', '--fail-on', 'none', '-'], { input: 'bind 127.0.0.1\ntimeout 0 # never\n' });
  assert.equal(fixed.stdout, 'bind 127.0.0.1\n# never\ntimeout 0\n');
  assert.match(fixed.stderr, /fixed/);
});

test('colour: --color decides, else FORCE_COLOR, else NO_COLOR, else only on a terminal', () => {
  const esc = (r: { stdout: string }): boolean => r.stdout.includes('\u001b[');
  const file = `${FIX}/insecure.conf`;
  assert.equal(esc(cli([file])), false, 'a pipe gets no colour');
  assert.equal(esc(cli(['--color', 'always', file])), true);
  assert.equal(esc(cli([file], { env: { FORCE_COLOR: '1' } })), true);
  assert.equal(esc(cli([file], { env: { FORCE_COLOR: '0' } })), false);
  assert.equal(esc(cli(['--color', 'never', file], { env: { FORCE_COLOR: '1' } })), false);
  assert.equal(esc(cli(['--format', 'json', file], { env: { FORCE_COLOR: '1' } })), false, 'machine formats are never coloured');
  assert.equal(cli(['--color', 'sometimes', file]).status, 2);
});

test(
  'colour on a real terminal (a pseudo-terminal from script(1)), none with NO_COLOR',
  { skip: !existsSync('/usr/bin/script') && 'script(1) from util-linux is not installed' },
  () => {
    const onTty = (env: NodeJS.ProcessEnv): string =>
      spawnSync('/usr/bin/script', ['-qec', `"${process.execPath}" "${CLI}" ${FIX}/insecure.conf`, '/dev/null'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...PLAIN_ENV, ...env },
      }).stdout;
    const ESC = '\u001b[';
    const coloured = onTty({ TERM: 'xterm' });
    assert.ok(coloured.includes(`${ESC}1m${ESC}31merror${ESC}39m${ESC}22m`), 'errors in bold red');
    assert.ok(coloured.includes(`${ESC}33mwarning${ESC}39m`), 'warnings in yellow');
    assert.ok(!onTty({ TERM: 'xterm', NO_COLOR: '1' }).includes(ESC));
    assert.ok(!onTty({ TERM: 'dumb' }).includes(ESC));
  },
);

test('summary, --quiet and --statistics', () => {
  const both = [`${FIX}/insecure.conf`, `${FIX}/clean.conf`];
  const r = cli(both);
  assert.match(r.stdout, /\n\n5 errors, 1 warning, 1 information in 1 file \(2 checked\); 1 fixable with --fix\n$/);
  assert.equal(cli([`${FIX}/clean.conf`]).stdout, 'No problems in 1 file\n');
  const quiet = cli(['-q', ...both]);
  assert.equal(quiet.status, 1);
  assert.doesNotMatch(quiet.stdout, /errors|checked/);
  assert.equal(quiet.stdout.trimEnd().split('\n').length, 7);
  assert.equal(cli(['--quiet', `${FIX}/clean.conf`]).stdout, '');
  const stats = cli(['--statistics', ...both]);
  assert.equal(stats.status, 1, 'the exit status does not change');
  const rows = stats.stdout.split('\n\n')[0]?.split('\n') ?? [];
  assert.equal(rows.length, 7);
  // Open to every host without a password: an error, whose fix (rebinding) is not safe.
  assert.match(rows.find((l) => l.includes('bind-all-interfaces')) ?? '', /^1 {2}error {7}bind-all-interfaces$/);
  const json = JSON.parse(cli(['--statistics', '--format', 'json', ...both]).stdout) as { statistics: { code: string; count: number; fixable: number }[] };
  assert.deepEqual(
    json.statistics.find((s) => s.code === 'trailing-comment'),
    { code: 'trailing-comment', severity: 'error', count: 1, fixable: 1 },
  );
  assert.equal(cli(['--statistics', '--format', 'sarif', ...both]).status, 2);
});

test('--explain prints the rule page; an unknown code gets suggestions', () => {
  const r = cli(['--explain', 'protected-mode-off']);
  assert.equal(r.status, 0);
  assert.equal(r.stdout.split('\n\n')[0], readFileSync(join(ROOT, 'docs/rules/protected-mode-off.md'), 'utf8').split('\n\n')[0]);
  assert.match(r.stdout, /\nhttps:\/\/\S+\/docs\/rules\/protected-mode-off\.md\n$/);
  assert.match(cli(['--explain', 'no-auth', '--docs-base-url', 'https://mirror.example/r']).stdout, /\nhttps:\/\/mirror\.example\/r\/no-auth\.md\n$/);
  const bad = cli(['--explain', 'protected-mode']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown rule code 'protected-mode'; did you mean 'protected-mode-off'\?/);
  assert.match(cli(['--explain', 'no-atuh']).stderr, /did you mean 'no-auth'/);
});

test('--format github: one workflow command per finding, with escaped properties and message', () => {
  const dir = tree({ 'odd,name:redis.conf': 'bind 0.0.0.0\ntimeout 0 # x\n' });
  try {
    const r = cli(['--format', 'github', '--fail-on', 'none', 'odd,name:redis.conf'], { cwd: dir });
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.length >= 3);
    for (const line of lines) {
      const m = /^::(error|warning|notice) file=([^,]*),line=(\d+),endLine=(\d+),col=(\d+)(?:,endColumn=(\d+))?,title=([^,:]*)::(.*)$/.exec(line);
      assert.ok(m, line);
      assert.equal(m[2], 'odd%2Cname%3Aredis.conf');
      assert.doesNotMatch(m[8] ?? '', /[\r\n]/);
      assert.match(m[8] ?? '', /%0ASee https:\/\/\S+\.md$/);
    }
    assert.ok(
      lines.some((l) => l.startsWith('::error file=odd%2Cname%3Aredis.conf,line=2,endLine=2,col=11,endColumn=14,title=redis-config-lint trailing-comment::')),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(escapeGithubData('50% done\r\nnext'), '50%25 done%0D%0Anext');
  assert.equal(escapeGithubProperty('a,b:c%'), 'a%2Cb%3Ac%25');
});

test('SARIF: security rules carry a security-severity GitHub can rank; every security rule has one', () => {
  const log = JSON.parse(cli(['--format', 'sarif', `${FIX}/insecure.conf`]).stdout) as {
    runs: { tool: { driver: { rules: { id: string; properties: { tags: string[]; 'security-severity'?: string } }[] } } }[];
  };
  const rules = log.runs[0]?.tool.driver.rules ?? [];
  for (const r of RULE_LIST) {
    const sarif = rules.find((x) => x.id === r.code);
    assert.ok(sarif, r.code);
    if (r.security) {
      assert.deepEqual(sarif.properties.tags, ['security']);
      assert.match(sarif.properties['security-severity'] ?? '', /^\d{1,2}\.\d$/, r.code);
      assert.equal(Number(sarif.properties['security-severity']), SECURITY_SEVERITY[r.code as keyof typeof SECURITY_SEVERITY]);
    } else assert.equal(sarif.properties['security-severity'], undefined, r.code);
  }
  assert.deepEqual(
    Object.keys(SECURITY_SEVERITY).sort(),
    RULE_LIST.filter((r) => r.security)
      .map((r) => r.code)
      .sort(),
    'a score for exactly the security rules',
  );
  assert.ok(Number(rules.find((x) => x.id === 'no-auth')?.properties['security-severity']) >= 9, 'no-auth is critical');
});

test('SARIF: each result scores its own verdict, lower when no client on another host gets in without a password', () => {
  type Log = { runs: { results: { ruleId: string; level: string; properties?: { 'security-severity'?: string } }[] }[] };
  const score = (text: string, code: string): { level: string; score: number } | undefined => {
    const dir = tree({ 'redis.conf': text });
    try {
      const r = (JSON.parse(cli(['--format', 'sarif', '--target', 'redis-7.0', join(dir, 'redis.conf')]).stdout) as Log).runs[0]?.results.find(
        (x) => x.ruleId === code,
      );
      return r ? { level: r.level, score: Number(r.properties?.['security-severity']) } : undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // Protected mode refuses remote clients on 7.0: a warning, scored for local users.
  assert.deepEqual(score('bind 0.0.0.0\n', 'no-auth'), { level: 'warning', score: CONTAINED_SECURITY_SEVERITY['no-auth'] });
  // With it off, every host gets in: the rule's worst-case score.
  assert.deepEqual(score('bind 0.0.0.0\nprotected-mode no\n', 'no-auth'), { level: 'error', score: SECURITY_SEVERITY['no-auth'] });
  // Rules outside the exposure model score the same everywhere.
  assert.equal(score('bind 127.0.0.1\nrequirepass foobared\n', 'weak-password')?.score, SECURITY_SEVERITY['weak-password']);
  const exposureRules = RULE_LIST.filter((r) => (r as { exposure?: boolean }).exposure === true).map((r) => r.code);
  assert.deepEqual(Object.keys(CONTAINED_SECURITY_SEVERITY).sort(), [...exposureRules].sort(), 'a contained score for exactly the rules graded by exposure');
  for (const code of exposureRules) {
    const k = code as keyof typeof SECURITY_SEVERITY;
    assert.ok((CONTAINED_SECURITY_SEVERITY[k] ?? 99) <= (SECURITY_SEVERITY[k] ?? 0), code);
  }
});

test('a config with a NUL byte is checked (nul-byte fires); binary files are still refused', () => {
  const dir = tree({
    'redis.conf': Buffer.concat([Buffer.from('bind 127.0.0.1\nport 6379'), Buffer.from([0]), Buffer.from('\nmaxmemory 1gb\n')]),
    'dump.rdb': Buffer.concat([Buffer.from('REDIS0011'), Buffer.from([0xfa, 0x09, 0x72, 0x65, 0x64, 0x69, 0x73, 0x2d, 0x76, 0x65, 0x72, 0, 0, 1, 2])]),
    'blob.conf': Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256)),
  });
  try {
    const conf = cli(['--fail-on', 'none', 'redis.conf'], { cwd: dir });
    assert.equal(conf.status, 0, conf.stderr);
    assert.match(conf.stdout, /^redis\.conf:2:10: warning nul-byte /m);
    for (const f of ['dump.rdb', 'blob.conf']) {
      const r = cli([f], { cwd: dir });
      assert.equal(r.status, 2, f);
      assert.match(r.stderr, new RegExp(`${f.replace('.', '\\.')}: binary file, not a config`));
    }
    assert.match(cli(['-'], { input: Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]) }).stderr, /binary input/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
