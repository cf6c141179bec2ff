import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { definitionAt } from '../../server/src/analysis/definition';
import { inlayHints } from '../../server/src/analysis/inlayHints';
import { fileLinks } from '../../server/src/analysis/links';
import { documentSymbols, foldingRanges } from '../../server/src/analysis/symbols';
import { userReferencesAt } from '../../server/src/analysis/references';
import { encodeSemanticTokens, semanticTokens } from '../../server/src/analysis/semanticTokens';
import { cursor, fixture } from '../support/fixture';

const S = { target: 'redis-7.4', profile: 'production' } as const;
const CONF = [
  '# header comment',
  '# second line',
  '################################## NETWORK #####################################',
  '',
  'bind 127.0.0.1',
  'port 6379',
  '',
  '################################## SECURITY ###################################',
  'requirepass 9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a8c3b6d9e2f',
  'user app on >secretpw ~app:* +@read',
  'maxmemory 1gb',
  'maxmemory 2gb',
  'appendonly no',
].join('\n');

test('outline: sections with their directives; secrets never shown', () => {
  const symbols = documentSymbols(analyzeDocument(CONF, 'config', S));
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['NETWORK', 'SECURITY'],
  );
  assert.deepEqual(
    symbols[0]?.children.map((c) => `${c.name} ${c.detail}`),
    ['bind 127.0.0.1', 'port 6379'],
  );
  const security = symbols[1]?.children ?? [];
  assert.deepEqual(
    security.map((c) => c.name),
    ['requirepass', 'user app', 'maxmemory', 'maxmemory', 'appendonly'],
  );
  assert.equal(security[0]?.detail, '•••');
  assert.ok(!JSON.stringify(symbols).includes('9f2c4e7a') && !JSON.stringify(symbols).includes('secretpw'));
});

test('outline of an ACL file: its users', () => {
  const symbols = documentSymbols(analyzeDocument('user default off\nuser app on >pw ~*\n', 'acl', S));
  assert.deepEqual(
    symbols.map((s) => `${s.name} ${s.detail}`),
    ['default user (off)', 'app user'],
  );
});

test('folding: comment blocks and sections', () => {
  const folds = foldingRanges(analyzeDocument(CONF, 'config', S));
  assert.deepEqual(
    folds.map((f) => `${f.startLine}-${f.endLine} ${f.kind}`),
    ['0-1 comment', '2-5 region', '7-12 region'],
  );
});

test('inlay hints: bytes of memory values, overridden lines, defaults', () => {
  const hints = inlayHints(analyzeDocument(CONF, 'config', S)).map((h) => `${h.position.line}:${h.label.trim()}`);
  assert.ok(hints.includes('10:= 1 GiB'));
  assert.ok(hints.includes('10:overridden at line 12'));
  assert.ok(hints.includes('12:(default)'));
  assert.ok(hints.includes('5:(default)'));
});

test('document links for include, aclfile, loadmodule and TLS files', () => {
  const a = analyzeDocument(
    'include conf.d/extra.conf\naclfile /etc/redis/users.acl\nloadmodule /usr/lib/m.so\ntls-cert-file tls/r.crt\ninclude conf.d/*.conf\n',
    'config',
    S,
  );
  assert.deepEqual(
    fileLinks(a, '/etc/redis/redis.conf').map((l) => l.path),
    ['/etc/redis/conf.d/extra.conf', '/etc/redis/users.acl', '/usr/lib/m.so', '/etc/redis/tls/r.crt'],
  );
});

test('go to definition: the line whose value wins, across includes', () => {
  const f = fixture('max$0memory 1gb\ninclude /etc/redis/mem.conf\n', { target: S.target, files: { '/etc/redis/mem.conf': '# x\nmaxmemory 2gb\n' } });
  assert.deepEqual(definitionAt(f.analysis, f.position, f.path), {
    file: '/etc/redis/mem.conf',
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 13 } },
  });
  const inc = cursor('maxmemory 1gb\ninclude /etc/redis/$0mem.conf\n');
  assert.equal(definitionAt(analyzeDocument(inc.text, 'config', S), inc.position, '/etc/redis/redis.conf')?.file, '/etc/redis/mem.conf');
});

test('find references of an ACL user: its definition, masteruser, Sentinel, and the aclfile', () => {
  const f = fixture('aclfile users.acl\nmasteruser repl$0ica\nuser other on\n', {
    target: S.target,
    files: { '/etc/redis/users.acl': 'user default off\nuser replica on #x\n' },
  });
  const refs = userReferencesAt(f.analysis, f.position, { path: f.path, source: f.source });
  assert.deepEqual(refs, [
    { range: { start: { line: 1, character: 11 }, end: { line: 1, character: 18 } } },
    { file: '/etc/redis/users.acl', range: { start: { line: 1, character: 5 }, end: { line: 1, character: 12 } } },
  ]);
  const acl = fixture('user app on ~*\nuser ap$0p off\n', { kind: 'acl', target: S.target });
  assert.equal(userReferencesAt(acl.analysis, acl.position).length, 2);
});

test('semantic tokens: known directives, deprecated names, user names', () => {
  const a = analyzeDocument('maxmemory 1gb\nslave-read-only yes\nbogus 1\nuser app on\n', 'config', S);
  assert.deepEqual(
    semanticTokens(a).map((t) => `${t.range.start.line}:${t.range.start.character} ${t.type} ${t.modifiers.join(',')}`),
    ['0:0 property ', '1:0 property deprecated', '3:0 property ', '3:5 variable declaration'],
  );
  assert.deepEqual(encodeSemanticTokens(semanticTokens(a)).slice(0, 10), [0, 0, 9, 0, 0, 1, 0, 15, 0, 1]);
});
