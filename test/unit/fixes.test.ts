/**
 * Every fix: applied to a document, the finding is gone, no new error appears, and the
 * text outside the edit is untouched byte for byte (the expected output says so exactly).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, type Analysis } from '../../server/src/analysis/analyze';
import { applyEdits, fixAllText, fixesFor, type Fix } from '../../server/src/analysis/fixes';
import type { Finding } from '../../server/src/analysis/types';
import { memoryFiles } from '../support/memoryFiles';

const S = { target: 'redis-7.4', profile: 'production' } as const;
const analyse = (text: string): Analysis => analyzeDocument(text, 'config', S);
const errors = (a: Analysis): string[] => a.findings.filter((f) => f.severity === 'error').map((f) => `${f.range.start.line}:${f.code}`);

function fixesOf(text: string, code: string): { finding: Finding; fixes: Fix[] } {
  const a = analyse(text);
  const finding = a.findings.find((f) => f.code === code);
  assert.ok(finding, `no ${code} in ${JSON.stringify(text)}`);
  return { finding, fixes: fixesFor(a, finding) };
}

function applyFix(text: string, fix: Fix): string {
  assert.ok(fix.edits.every((e) => e.file === undefined));
  return applyEdits(
    text,
    fix.edits.flatMap((e) => e.edits),
  ).text;
}

const PW = 'requirepass 9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a8c3b6d9e2f\n';

// [code, input, title of the fix to apply, expected text, safe (applied by fix-all)]
// A fix that changes what the server does is never safe, and its title says what changes for clients.
const CASES: [string, string, RegExp, string, boolean][] = [
  [
    'bind-all-interfaces',
    `${PW}bind 0.0.0.0 ::\nport 6379\n`,
    /^Listen on loopback only: 'bind 127\.0\.0\.1 -::1' — clients on other hosts will be refused$/,
    `${PW}bind 127.0.0.1 -::1\nport 6379\n`,
    false,
  ],
  [
    'bind-all-interfaces',
    `${PW}port 6379\n`,
    /^Add 'bind 127\.0\.0\.1 -::1' \(loopback only\) — clients on other hosts will be refused$/,
    `bind 127.0.0.1 -::1\n${PW}port 6379\n`,
    false,
  ],
  [
    'protected-mode-off',
    `bind 127.0.0.1\n${PW}protected-mode no\n`,
    /^Set 'protected-mode yes' — clients on other hosts will be refused while the default user has no password$/,
    `bind 127.0.0.1\n${PW}protected-mode yes\n`,
    false,
  ],
  [
    'dangerous-commands-enabled',
    'bind 127.0.0.1\nenable-debug-command yes\n',
    /^Set 'enable-debug-command local' — clients on other hosts will be refused DEBUG$/,
    'bind 127.0.0.1\nenable-debug-command local\n',
    false,
  ],
  [
    'maxmemory-policy-implicit',
    'bind 127.0.0.1\nmaxmemory 1gb\nport 1\n',
    /allkeys-lfu/,
    'bind 127.0.0.1\nmaxmemory 1gb\nmaxmemory-policy allkeys-lfu\nport 1\n',
    false,
  ],
  ['maxmemory-policy-implicit', 'bind 127.0.0.1\nmaxmemory 1gb', /noeviction/, 'bind 127.0.0.1\nmaxmemory 1gb\nmaxmemory-policy noeviction', false],
  [
    'ambiguous-memory-unit',
    'bind 127.0.0.1\nmaxmemory 2g\nmaxmemory-policy allkeys-lru\n',
    /binary unit/,
    'bind 127.0.0.1\nmaxmemory 2gb\nmaxmemory-policy allkeys-lru\n',
    false,
  ],
  [
    'ambiguous-memory-unit',
    'bind 127.0.0.1\nmaxmemory 2g\nmaxmemory-policy allkeys-lru\n',
    /in bytes/,
    'bind 127.0.0.1\nmaxmemory 2000000000\nmaxmemory-policy allkeys-lru\n',
    false,
  ],
  ['deprecated-directive', 'bind 127.0.0.1\nslave-read-only yes\n', /replica-read-only/, 'bind 127.0.0.1\nreplica-read-only yes\n', true],
  [
    'deprecated-directive',
    '# redis-config: target=redis-7.4\nbind 127.0.0.1\nhash-max-ziplist-entries 128\n',
    /^Rename to 'hash-max-listpack-entries'$/,
    '# redis-config: target=redis-7.4\nbind 127.0.0.1\nhash-max-listpack-entries 128\n',
    true,
  ],
  ['unknown-directive', 'bind 127.0.0.1\nmaxmemroy 1gb\n', /'maxmemory'/, 'bind 127.0.0.1\nmaxmemory 1gb\n', false],
  ['duplicate-directive', 'bind 127.0.0.1\ntimeout 10\nport 1\ntimeout 20\n', /Remove/, 'bind 127.0.0.1\nport 1\ntimeout 20\n', true],
  ['trailing-comment', 'bind 127.0.0.1\n  timeout 0   # never\r\nport 1\n', /own line/, 'bind 127.0.0.1\n  # never\r\n  timeout 0\r\nport 1\n', true],
  ['trailing-comment', 'bind 127.0.0.1\nsave 900 1 # hourly', /own line/, 'bind 127.0.0.1\n# hourly\nsave 900 1', true],
  [
    'trailing-comment',
    '# redis-config: target=redis-6.0\nbind 127.0.0.1\nsave 900 1 # hourly',
    /own line above — Redis 6\.x then applies this 'save' line/,
    '# redis-config: target=redis-6.0\nbind 127.0.0.1\n# hourly\nsave 900 1',
    false,
  ],
  [
    'protected-mode-off',
    `bind 127.0.0.1\n${PW}protected-mode no\n`,
    /for this line/,
    `bind 127.0.0.1\n${PW}# redis-config-disable-next-line protected-mode-off\nprotected-mode no\n`,
    false,
  ],
  [
    'protected-mode-off',
    `bind 127.0.0.1\n${PW}protected-mode no\n`,
    /for this file/,
    `# redis-config-disable protected-mode-off\nbind 127.0.0.1\n${PW}protected-mode no\n`,
    false,
  ],
];

for (const [code, input, title, expected, safe] of CASES) {
  test(`fix ${code}: ${title.source}`, () => {
    const { fixes } = fixesOf(input, code);
    const fix = fixes.find((f) => title.test(f.title));
    assert.ok(fix, `no fix matching ${title} among ${fixes.map((f) => f.title).join(' | ')}`);
    assert.equal(fix.safe, safe);
    const output = applyFix(input, fix);
    assert.equal(output, expected);
    const after = analyse(output);
    const count = (a: Analysis): number => a.findings.filter((f) => f.code === code).length;
    assert.equal(count(after), count(analyse(input)) - 1, `${code} is still reported`);
    const before = new Set(errors(analyse(input)).map((e) => e.split(':')[1]));
    assert.deepEqual(
      errors(after).filter((e) => !before.has(e.split(':')[1] ?? '')),
      [],
      'a new error appeared',
    );
  });
}

test('fix all applies every safe fix and none that changes behaviour or has a choice', () => {
  const input = `bind 0.0.0.0\n${PW}protected-mode no\nslave-read-only yes\ntimeout 0 # x\nmaxmemory 2g\ntimeout 5\n`;
  const { text, applied } = fixAllText(input, analyse);
  // The bind and protected mode stay: changing them would refuse clients that connect today.
  assert.equal(text, `bind 0.0.0.0\n${PW}protected-mode no\nreplica-read-only yes\n# x\nmaxmemory 2g\ntimeout 5\n`);
  assert.deepEqual(applied, ["Rename to 'replica-read-only'", "Remove this overridden 'timeout' line", 'Move the comment to its own line above']);
  const left: string[] = analyse(text).findings.map((f) => f.code);
  for (const code of ['bind-all-interfaces', 'protected-mode-off', 'ambiguous-memory-unit', 'maxmemory-policy-implicit']) assert.ok(left.includes(code), code);
});

test('with unsafe fixes, fix all also applies the preferred fix that changes behaviour', () => {
  const input = `bind 0.0.0.0\n${PW}protected-mode no\nenable-debug-command yes\nslave-read-only yes\n`;
  const { text, applied } = fixAllText(input, analyse, { unsafe: true });
  // requirepass → 'user default' is one of them: the password stays, CONFIG GET requirepass changes.
  const hash = '3244b7366b2085beb2c7b2af3bb93f2d6ef35cf94ef2ee2c22ad78764d59b3b5';
  assert.equal(text, `bind 127.0.0.1 -::1\nuser default on #${hash} ~* &* +@all\nprotected-mode yes\nenable-debug-command local\nreplica-read-only yes\n`);
  assert.ok(
    applied.some((t) => / — clients on other hosts will be refused$/.test(t)),
    applied.join(' | '),
  );
});

test('renaming to a name older servers refuse is not safe unless the version was chosen', () => {
  const text = 'bind 127.0.0.1\nhash-max-ziplist-entries 128\n';
  const a = analyzeDocument(text, 'config', { target: 'redis-8.0', profile: 'production', targetIsDefault: true });
  const finding = a.findings.find((f) => f.code === 'deprecated-directive');
  assert.ok(finding);
  const fix = fixesFor(a, finding).find((f) => f.title.startsWith("Rename to 'hash-max-listpack-entries'"));
  assert.equal(fix?.safe, false);
  assert.match(fix?.title ?? '', /Redis 6\.0, 6\.2 refuse it\)$/);
  // slave-* → replica-* is known to every version this tool knows: safe even by default.
  const b = analyzeDocument('bind 127.0.0.1\nslaveof 10.0.0.1 6379\n', 'config', { target: 'redis-8.0', profile: 'production', targetIsDefault: true });
  const old = b.findings.find((f) => f.code === 'deprecated-directive');
  assert.ok(old);
  assert.equal(fixesFor(b, old).find((f) => f.title === "Rename to 'replicaof'")?.safe, true);
});

test('on Redis 6.0 the loopback bind is written without the optional-address dash, which 6.0 refuses', () => {
  const a = analyzeDocument('# redis-config: target=redis-6.0\nport 6379\n', 'config', { target: 'redis-8.0', profile: 'production' });
  const finding = a.findings.find((f) => f.code === 'bind-all-interfaces');
  assert.ok(finding);
  assert.deepEqual(
    fixesFor(a, finding)
      .filter((f) => !f.suppression)
      .map((f) => f.title),
    ["Add 'bind 127.0.0.1 ::1' (loopback only) — clients on other hosts will be refused"],
  );
});

test('Sentinel: the fix for protected mode left off adds the line', () => {
  const text = 'port 26379\nsentinel monitor m 10.0.0.1 6379 2\n';
  const a = analyzeDocument(text, 'sentinel', S);
  const finding = a.findings.find((f) => f.code === 'protected-mode-off');
  assert.ok(finding);
  const fix = fixesFor(a, finding).find((f) => !f.suppression);
  assert.equal(fix?.safe, false);
  assert.equal(applyFix(text, fix as Fix), `protected-mode yes\n${text}`);
});

test('ACL files get no suppression comments (they have no comments)', () => {
  const a = analyzeDocument('# x\n', 'acl', S);
  assert.deepEqual(
    fixesFor(a, { code: 'invalid-acl-line', range: a.findings[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }),
    [],
  );
});

test('fix titles are short and name files as the config writes them, never by a path it does not', () => {
  const conf = '/srv/deploy/redis/redis.conf';
  const files = memoryFiles({
    '/srv/deploy/redis/users.acl': 'user default on nopass ~* +@all\nuser app on >foobared ~* +@all\n',
    '/srv/deploy/redis/conf.d/users.conf': 'user ops on >foobared ~* +@all\n',
    // No default user: requirepass is ignored, and protected mode refuses clients on other hosts.
    '/srv/deploy/redis/open.acl': 'user np on nopass ~* +get\n',
  });
  const inputs = [
    'bind 0.0.0.0\nprotected-mode no\nenable-debug-command yes\nenable-protected-configs yes\nslave-read-only yes\nmaxmemory 1g\nmaxmemroy-policy x\ntimeout 1 # x\nsave 900 1 # z\nrequirepass foobared\nrename-command CONFIG x-1\nrename-command FLUSHALL ""\nhash-max-listpack-entries 1\n',
    'bind 127.0.0.1\naclfile users.acl\nrequirepass foobared\nrename-command CONFIG x-1\nrename-command DEBUG ""\n',
    'bind 127.0.0.1\ninclude conf.d/users.conf\nrename-command KEYS ""\nuser app on >foobared ~* +@all\nmaxmemory 100mb\n',
    'port 6379\n',
    'bind 10.0.0.5\nrequirepass 9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a8c3b6d9e2f\naclfile open.acl\n',
    'bind 10.0.0.5\nrequirepass redis\naclfile open.acl\n',
  ];
  let count = 0;
  let announced = 0;
  for (const text of inputs) {
    for (const target of ['redis-6.0', 'redis-6.2', 'redis-7.4'] as const) {
      const a = analyzeDocument(text, 'config', { target, profile: 'production' }, { path: conf, source: files });
      for (const f of a.findings) {
        for (const fix of fixesFor(a, f, { path: conf, source: files, showsNotices: true, randomHex: (n) => '0'.repeat(2 * n) })) {
          if (fix.suppression) continue;
          count++;
          // What the fix does stays short; a clause after ' — ' says what changes for clients.
          // The one that says protected mode stops refusing them names the users it opens, so it may run longer.
          const action = fix.title.split(' — ')[0] ?? '';
          assert.ok(action.length <= 90, `${action.length}: ${fix.title}`);
          const cap = / — protected mode stops refusing /.test(fix.title) ? 160 : 110;
          if (cap === 160) announced++;
          assert.ok(fix.title.length <= cap, `${fix.title.length}: ${fix.title}`);
          assert.ok(!fix.title.includes('/srv/'), fix.title);
          for (const e of fix.edits.flatMap((x) => x.edits)) assert.ok(!e.newText.includes('/srv/'), `${fix.title} writes ${e.newText}`);
        }
      }
    }
  }
  assert.ok(count > 30, `${count} fixes`);
  assert.ok(announced > 0, 'no title said that protected mode stops refusing clients');
});

test('dangerous commands: only an enable-* line is set to local, never the line a finding without one sits on', () => {
  // Redis 6.x has no enable-* switches: the finding sits on the first line, which must stay as it is.
  const old = analyzeDocument('port 6379\n', 'config', { target: 'redis-6.2', profile: 'production' });
  const missing = old.findings.find((f) => f.code === 'dangerous-commands-enabled');
  assert.ok(missing, old.findings.map((f) => f.code).join(' '));
  assert.deepEqual(
    fixesFor(old, missing).filter((f) => !f.suppression),
    [],
  );
  // A switch set in an included file is reported on the include line: no 'include local'.
  const conf = '/etc/redis/redis.conf';
  const source = memoryFiles({ '/etc/redis/debug.conf': 'enable-debug-command yes\n' });
  const inc = analyzeDocument('bind 127.0.0.1\ninclude debug.conf\n', 'config', S, { path: conf, source });
  const included = inc.findings.find((f) => f.code === 'dangerous-commands-enabled');
  assert.ok(included, inc.findings.map((f) => f.code).join(' '));
  assert.deepEqual(
    fixesFor(inc, included, { path: conf, source }).filter((f) => !f.suppression),
    [],
  );
  // On the switch itself, the fix is there.
  const own = analyse('bind 127.0.0.1\nenable-module-command yes\n');
  const f = own.findings.find((x) => x.code === 'dangerous-commands-enabled');
  assert.ok(f);
  assert.deepEqual(
    fixesFor(own, f)
      .filter((x) => !x.suppression)
      .map((x) => x.title),
    ["Set 'enable-module-command local' — clients on other hosts will be refused MODULE LOAD"],
  );
});
