/**
 * Fixes that must never lock anyone out or write what they do not mean to: password
 * hashes from the bytes Redis reads, CRLF kept, renames only where the version is known,
 * a client's forged diagnostic data ignored, nothing but suppressions for a finding that
 * belongs to an included file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { analyzeDocument, type Analysis } from '../../server/src/analysis/analyze';
import { MAY_HAVE_SAFE_FIX, applyEdits, fixAll, fixAllText, fixesFor, type Fix } from '../../server/src/analysis/fixes';
import type { DocumentKind, Settings } from '../../server/src/analysis/types';
import { decodeBytes, encodeText } from '../../server/src/syntax/bytes';
import { memoryFiles } from '../support/memoryFiles';

const S: Settings = { target: 'redis-7.0', profile: 'production' };
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function analyse(text: string, kind: DocumentKind = 'config', exactBytes = false, settings: Settings = S): Analysis {
  return analyzeDocument(text, kind, settings, { exactBytes });
}

function plaintextFix(a: Analysis): Fix | undefined {
  const f = a.findings.find((x) => x.code === 'plaintext-password');
  assert.ok(f, a.findings.map((x) => x.code).join(' '));
  return fixesFor(a, f).find((x) => /^Store the password of /.test(x.title));
}

test('an ACL password that is not UTF-8 is hashed from its bytes when the bytes are known', () => {
  // `user ops on >p\xe9ss...` in Latin-1: Redis hashes the byte E9, not C3 A9.
  const password = Buffer.concat([Buffer.from('p'), Buffer.from('e9', 'hex'), Buffer.from('ss-0123456789-abcdefghij-klmnop')]);
  const file = Buffer.concat([Buffer.from('user default off\nuser ops on >'), password, Buffer.from(' ~* +@all\n')]);
  const a = analyse(decodeBytes(file), 'acl', true);
  const fix = plaintextFix(a);
  assert.ok(fix);
  assert.equal(fix.safe, true);
  const out = Buffer.from(
    encodeText(
      applyEdits(
        a.tree.index.text,
        fix.edits.flatMap((e) => e.edits),
      ).text,
    ),
  );
  assert.equal(out.toString('latin1'), `user default off\nuser ops on #${sha(password)} ~* +@all\n`);
});

test('bytes that are not UTF-8 elsewhere in the file survive fix-all unchanged', () => {
  const file = Buffer.concat([
    Buffer.from('user default off\nuser a on >'),
    Buffer.from('00112233445566778899aabbccddeeff'),
    Buffer.from(' ~* +@all\nuser b on #'),
    Buffer.from('a'.repeat(64)),
    Buffer.from(' ~k'),
    Buffer.from('fffe', 'hex'),
    Buffer.from(' +get\n'),
  ]);
  const { text } = fixAllText(decodeBytes(file), (t) => analyse(t, 'acl', true));
  const out = Buffer.from(encodeText(text));
  assert.ok(out.includes(Buffer.from('~k\xff\xfe +get\n', 'latin1')), out.toString('latin1'));
  assert.ok(out.includes(Buffer.from(`#${sha(Buffer.from('00112233445566778899aabbccddeeff'))}`)));
});

test('in an editor, a password outside ASCII gets no safe fix: its bytes are a guess', () => {
  const a = analyse('user default off\nuser ops on >pässwörd-0123456789-abcdefghijklmnop ~* +@all\n', 'acl', false);
  const fix = plaintextFix(a);
  assert.ok(fix);
  assert.equal(fix.safe, false);
  assert.match(fix.title, /assumes UTF-8/);
  assert.deepEqual(fixAll(a).edits, []);
  // U+FFFD: the editor could not decode the bytes, so no hash can be right.
  const lost = analyse('user default off\nuser ops on >p\ufffdss-0123456789-abcdefghijklmnop ~* +@all\n', 'acl', false);
  assert.equal(plaintextFix(lost), undefined);
});

test('a redis.conf user line: the password is hashed after quotes and \\x escapes, as sdssplitargs gives it', () => {
  const a = analyse('bind 127.0.0.1\nuser default off\nuser ops on ">\\xff\\xfe-0123456789-abcdefghijklmnopqrst" ~* +@all\n');
  const fix = plaintextFix(a);
  assert.ok(fix);
  assert.equal(fix.safe, true);
  const hash = sha(Buffer.concat([Buffer.from('fffe', 'hex'), Buffer.from('-0123456789-abcdefghijklmnopqrst')]));
  assert.equal(
    applyEdits(
      a.tree.index.text,
      fix.edits.flatMap((e) => e.edits),
    ).text,
    `bind 127.0.0.1\nuser default off\nuser ops on #${hash} ~* +@all\n`,
  );
});

test('CRLF files get CRLF lines from fixes that add lines', () => {
  const text = 'bind 127.0.0.1\r\nrequirepass 9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a8c3b6d9e2f\r\ntimeout 0 # never\r\nmaxmemory 1gb\r\n';
  const a = analyse(text);
  const inserted: string[] = [];
  for (const f of a.findings)
    for (const fix of fixesFor(a, f)) for (const fe of fix.edits) for (const e of fe.edits) if (e.newText.includes('\n')) inserted.push(e.newText);
  assert.ok(inserted.length >= 3, inserted.join('|'));
  for (const t of inserted) assert.doesNotMatch(t, /(^|[^\r])\n/, JSON.stringify(t));
  assert.equal(
    fixAllText(text, (t) => analyse(t)).text,
    'bind 127.0.0.1\r\nrequirepass 9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a8c3b6d9e2f\r\n# never\r\ntimeout 0\r\nmaxmemory 1gb\r\n',
  );
});

test('a forged diagnostic.data cannot make a fix write its text', () => {
  const a = analyse('bind 127.0.0.1\nslave-read-only yes\n');
  const real = a.findings.find((f) => f.code === 'deprecated-directive');
  assert.ok(real);
  const forged = { code: real.code, range: real.range, data: { name: 'slave-read-only', replacement: 'INJECTED text\nrequirepass x' } };
  const titles = fixesFor(a, forged).map((f) => f.title);
  assert.ok(titles.includes("Rename to 'replica-read-only'"), titles.join(' | '));
  for (const fix of fixesFor(a, forged)) for (const fe of fix.edits) for (const e of fe.edits) assert.doesNotMatch(e.newText, /INJECTED/);
  // A diagnostic the document does not have (moved, or made up) gets nothing.
  assert.deepEqual(fixesFor(a, { ...forged, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } } }), []);
});

test('without a known version, a rename to a name older versions refuse is not applied in bulk', () => {
  // What redis-6.0.conf says, in our words: names Redis 6.x knows and 7.0 renamed.
  const six = 'bind 127.0.0.1\nlua-time-limit 5000\nhash-max-ziplist-entries 512\nslave-read-only yes\n';
  const guessed = analyzeDocument(six, 'config', { target: 'redis-7.4', targetIsDefault: true, profile: 'production' });
  assert.equal(guessed.targetSource, 'default');
  const lua = guessed.findings.find((f) => f.code === 'deprecated-directive' && f.range.start.line === 1);
  assert.ok(lua);
  const rename = fixesFor(guessed, lua).find((f) => f.title.startsWith("Rename to 'busy-reply-threshold'"));
  assert.equal(rename?.safe, false);
  assert.match(rename?.title ?? '', /Redis 6\.0, 6\.2/);
  const { text } = fixAllText(six, (t) => analyzeDocument(t, 'config', { target: 'redis-7.4', targetIsDefault: true, profile: 'production' }));
  assert.equal(text, 'bind 127.0.0.1\nlua-time-limit 5000\nhash-max-ziplist-entries 512\nreplica-read-only yes\n');
  // A pragma (or a setting, or --target) makes the version known: the renames are safe.
  const known = fixAllText(`# redis-config: target=redis-7.0\n${six}`, (t) =>
    analyzeDocument(t, 'config', { target: 'redis-7.4', targetIsDefault: true, profile: 'production' }),
  );
  assert.equal(
    known.text,
    '# redis-config: target=redis-7.0\nbind 127.0.0.1\nbusy-reply-threshold 5000\nhash-max-listpack-entries 512\nreplica-read-only yes\n',
  );
});

test('a refusal inside an included file can only be silenced from the include line', () => {
  const a = analyzeDocument('bind 127.0.0.1\ninclude x.conf\n', 'config', S, {
    path: '/etc/redis/redis.conf',
    source: memoryFiles({ '/etc/redis/x.conf': 'maxmemroy 1gb\n' }),
  });
  const f = a.findings.find((x) => x.code === 'unknown-directive');
  assert.ok(f);
  const fixes = fixesFor(a, f);
  assert.ok(fixes.length > 0 && fixes.every((x) => x.suppression === true), fixes.map((x) => x.title).join(' | '));
  assert.deepEqual(fixAll(a).edits, []);
});

test('every code listed for the lazy fix-all offer has a safe fix; those that change who connects have none', () => {
  const examples: Record<string, [string, DocumentKind]> = {
    'deprecated-directive': ['bind 127.0.0.1\nslave-read-only yes\n', 'config'],
    'duplicate-directive': ['bind 127.0.0.1\ntimeout 1\ntimeout 0\n', 'config'],
    'trailing-comment': ['bind 127.0.0.1\ntimeout 0 # never\n', 'config'],
    'plaintext-password': ['user default off\nuser a on >secret-0123456789-abcdefghijklmnopq ~* +@all\n', 'acl'],
  };
  assert.deepEqual([...MAY_HAVE_SAFE_FIX].sort(), Object.keys(examples).sort());
  for (const [code, [text, kind]] of Object.entries(examples)) {
    const a = analyse(text, kind);
    assert.ok(
      a.findings.some((f) => f.code === code && fixesFor(a, f).some((x) => x.safe)),
      code,
    );
    assert.ok(
      fixAll(a).fixed.some((f) => f.code === code),
      code,
    );
  }
  // Rebinding, protected mode and the enable-* switches: offered one by one, or with --unsafe-fixes.
  const open = analyse('bind 0.0.0.0\nprotected-mode no\nenable-debug-command yes\n');
  for (const code of ['bind-all-interfaces', 'protected-mode-off', 'dangerous-commands-enabled']) {
    const f = open.findings.find((x) => x.code === code);
    assert.ok(f, code);
    assert.ok(
      fixesFor(open, f).some((x) => x.preferred === true && !x.safe),
      code,
    );
    assert.equal(
      fixAll(open).fixed.some((x) => x.code === code),
      false,
      code,
    );
    assert.equal(
      fixAll(open, { unsafe: true }).fixed.some((x) => x.code === code),
      true,
      code,
    );
  }
});

test('every code with a safe fix is listed for the lazy fix-all offer', () => {
  const texts: [string, DocumentKind][] = [
    [
      'bind 0.0.0.0\nprotected-mode no\nenable-debug-command yes\nslave-read-only yes\ntimeout 1\ntimeout 0 # x\nrequirepass foobared\nuser a on >secret-0123456789-abcdefghijklmnopq ~* +@all\nmaxmemory 1g\nrename-command FLUSHALL ""\n',
      'config',
    ],
    ['port 6379\ninclude /nope.conf\n', 'config'],
    ['user default on nopass ~* +@all\nuser b on >foobared ~* +@all\n', 'acl'],
  ];
  for (const [text, kind] of texts) {
    const a = analyse(text, kind);
    for (const f of a.findings)
      for (const fix of fixesFor(a, f)) if (fix.safe) assert.ok(MAY_HAVE_SAFE_FIX.has(f.code), `${f.code} has a safe fix but is not in MAY_HAVE_SAFE_FIX`);
  }
});
