/**
 * One sensitivity rule for every version and every channel: no clear-text secret of a file
 * (requirepass, masterauth, primaryauth, tls-*-pass, Sentinel auth-pass and sentinel-pass,
 * `>password` and `<password` rules, extra words of a wrong line) shows in a message, a
 * hover, the outline, an inlay hint, a completion, a fix title or notice, a connection
 * snippet, or the CLI's text, JSON, SARIF and --fix-dry-run output — whatever the target.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeDocument, type Analysis } from '../../server/src/analysis/analyze';
import { completionsAt } from '../../server/src/analysis/completion';
import { connectionFacts, connectionSnippet } from '../../server/src/analysis/connection';
import { fixesFor } from '../../server/src/analysis/fixes';
import { hoverAt } from '../../server/src/analysis/hover';
import { inlayHints } from '../../server/src/analysis/inlayHints';
import { redactText } from '../../server/src/analysis/secrets';
import { documentSymbols, type OutlineSymbol } from '../../server/src/analysis/symbols';
import type { DocumentKind } from '../../server/src/analysis/types';
import { run } from '../../server/src/cli/main';
import { TARGETS } from '../../server/src/knowledge/types';

const CONFIG = `bind 127.0.0.1
timeout 0 # near the secrets
requirepass sec-requirepass-a1
requirepass a sec-requirepass-second-b2
masterauth sec-masterauth-c3
primaryauth sec-primaryauth-d4
tls-key-file-pass sec-tlskey-e5
tls-client-key-file-pass sec-tlsclient-f6
slave-read-only yes
user app on >sec-userpw-g7 <sec-userpw-rm-h8 ~* +@all
user bob on ">sec-quoted-i9" ~* +@all
user carl on >sec-carl-r18 ~* +@all # trailing
masterauth "sec-broken-s19
`;

const SENTINEL = `sentinel monitor m 127.0.0.1 6379 2
sentinel auth-pass m sec-authpass-j10
sentinel auth-pass m sec-authpass2-k11 sec-extra-l12
sentinel sentinel-pass sec-sentinelpass-m13
requirepass sec-sentinel-req-n14
sentinel down-after-milliseconds m 5000 # near
`;

const ACL = `user default on >sec-acl-o15 ~* +@all
user x on <sec-acl-rm-p16 >sec-acl-q17 ~* +@all
`;

const SECRETS = [...`${CONFIG}${SENTINEL}${ACL}`.matchAll(/sec-[a-z0-9-]+/g)].map((m) => m[0]);

const DOCS: [string, string, DocumentKind][] = [
  ['redis.conf', CONFIG, 'config'],
  ['sentinel.conf', SENTINEL, 'sentinel'],
  ['users.acl', ACL, 'acl'],
];

function leaks(where: string, text: string | undefined): void {
  if (!text) return;
  for (const s of SECRETS) assert.ok(!text.includes(s), `${where} shows '${s}': ${text}`);
}

function symbolTexts(symbols: readonly OutlineSymbol[]): string[] {
  return symbols.flatMap((s) => [s.name, s.detail, ...symbolTexts(s.children)]);
}

function everyChannel(a: Analysis, text: string, where: string): void {
  for (const f of a.findings) {
    leaks(`${where} message ${f.code}`, f.message);
    for (const r of f.related ?? []) leaks(`${where} related ${f.code}`, r.message);
    for (const fix of fixesFor(a, f, { showsNotices: true })) {
      leaks(`${where} fix title`, fix.title);
      leaks(`${where} fix notice`, fix.notice);
    }
  }
  for (const t of symbolTexts(documentSymbols(a))) leaks(`${where} outline`, t);
  for (const h of inlayHints(a)) leaks(`${where} inlay hint`, `${h.label} ${h.tooltip ?? ''}`);
  const lines = text.split('\n');
  lines.forEach((line, n) => {
    for (let c = 0; c <= line.length; c++) {
      leaks(`${where} hover ${n}:${c}`, hoverAt(a, { line: n, character: c })?.markdown);
      if (c % 4 === 0)
        for (const e of completionsAt(a, { line: n, character: c }))
          leaks(`${where} completion ${n}:${c}`, `${e.label} ${e.detail ?? ''} ${e.documentation ?? ''} ${e.insertText ?? ''}`);
    }
  });
  const facts = connectionFacts(a);
  for (const user of facts.users) leaks(`${where} connection snippet`, connectionSnippet(facts, user, 'redis-py'));
}

for (const target of TARGETS) {
  test(`no secret in any channel: ${target}`, () => {
    for (const [name, text, kind] of DOCS) everyChannel(analyzeDocument(text, kind, { target, profile: 'production' }), text, `${target} ${name}`);
  });
}

test('no secret in the CLI output: text, JSON, SARIF and --fix-dry-run, every target', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-secrets-'));
  try {
    const files = DOCS.map(([name, text]) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    });
    for (const target of TARGETS) {
      for (const args of [[], ['--format', 'json'], ['--format', 'sarif'], ['--fix-dry-run']]) {
        let out = '';
        run([...args, '--target', target, '--fail-on', 'none', ...files], (s) => (out += s));
        leaks(`${target} ${args.join(' ') || 'text'}`, out);
        if (args[0] === '--fix-dry-run') assert.match(out, /^\+/m, 'the dry run changes something');
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('redacting a line keeps everything but the secrets as written', () => {
  assert.equal(redactText('  requirepass "a b"', false), '  requirepass •••');
  // Redis passes a trailing comment to the directive as more words: hidden too.
  assert.equal(redactText('requirepass pw # x', false), 'requirepass ••• ••• •••');
  assert.equal(redactText('user app on >pw <old ~k:* +get', false), 'user app on >••• <••• ~k:* +get');
  assert.equal(redactText('sentinel auth-pass m pw extra', false), 'sentinel auth-pass m ••• •••');
  assert.equal(redactText('masterauth "unclosed pw', false), 'masterauth •••');
  assert.equal(redactText('maxmemory 1gb', false), 'maxmemory 1gb');
  assert.equal(redactText('user a on >pw ~* +@all', true), 'user a on >••• ~* +@all');
});
