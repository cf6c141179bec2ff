import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { hoverAt } from '../../server/src/analysis/hover';
import type { DocumentKind, Settings } from '../../server/src/analysis/types';
import { directiveDocs } from '../../server/src/knowledge/directiveDocs';
import { primaryName } from '../../server/src/knowledge/directives';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { cursor, testSettings } from '../support/fixture';
import { memoryFiles } from '../support/memoryFiles';

/** Hover at the `$0` marker; returns the markdown, or undefined. */
function hover(marked: string, settings: Partial<Settings> = {}, kind: DocumentKind = 'config'): string | undefined {
  const { text, position } = cursor(marked);
  return hoverAt(analyzeDocument(text, kind, testSettings({ settings })), position)?.markdown;
}

test('hover on a directive name shows our documentation and its facts', () => {
  const md = hover('bind 127.0.0.1\nmax$0memory 100mb\n');
  assert.ok(md?.startsWith('**maxmemory**'));
  assert.ok(md?.includes(directiveDocs.maxmemory?.summary ?? '<missing>'));
  assert.match(md ?? '', /Default: `0`/);
});

test('hover works at both ends of the name and in any case', () => {
  assert.ok(hover('$0MAXMEMORY 1gb')?.startsWith('**maxmemory**'));
  assert.ok(hover('maxmemory$0 1gb')?.startsWith('**maxmemory**'));
});

test('no hover on comments, blank space, plain values or ACL file names', () => {
  assert.equal(hover('dbfilename du$0mp.rdb'), undefined);
  assert.equal(hover('# max$0memory'), undefined);
  assert.equal(hover('maxmemory 1gb\n$0\n'), undefined);
  assert.equal(hover('user$0 bob on', {}, 'acl'), undefined);
});

test('an enum directive lists its values; a runtime-fixed one says so', () => {
  const md = hover('maxmemory-poli$0cy allkeys-lru') ?? '';
  assert.match(md, /`allkeys-lru`/);
  assert.match(md, /`noeviction`/);
  assert.match(hover('daemon$0ize no') ?? '', /CONFIG SET` cannot change it/);
});

test('an alias names its primary', () => {
  assert.match(hover('slave-read$0-only yes') ?? '', /older name of `replica-read-only`/);
});

test('a directive of another version says where it exists', () => {
  const md = hover('enable-debug$0-command local', { target: 'redis-6.2' }) ?? '';
  assert.match(md, /Not available in Redis 6\.2/);
});

test('an unknown name says it is not a directive of the target and offers the near names', () => {
  const md = hover('maxmemroy-pol$0icy noeviction') ?? '';
  assert.match(md, /^\*\*maxmemroy-policy\*\* — not a directive of Redis 8\.0/);
  assert.match(md, /Did you mean:\n\n- `maxmemory-policy` — What the server does/);
  assert.match(hover('maxmemroy-pol$0icy noeviction', { target: 'valkey-8.1' }) ?? '', /not a directive of Valkey 8\.1/);
  // Nothing near: the first line alone.
  assert.equal(hover('qqqqqqqqqqqq$0 1'), '**qqqqqqqqqqqq** — not a directive of Redis 8.0: redis-server refuses to start on this line.');
  assert.match(hover('mymod.opt$0ion 5') ?? '', /module/);
});

test('a summary first: the name and what it does on the first line, the facts next, details after', () => {
  for (const name of Object.keys(directiveDocs)) {
    const md = hover(`${name}$0 x`) ?? '';
    // An old name shows the documentation of its new one.
    const doc = directiveDocs[primaryName(name, DEFAULT_SETTINGS.target)] ?? directiveDocs[name];
    if (!md || !doc) continue;
    const [first = ''] = md.split('\n\n');
    assert.ok(first.startsWith(`**${name}**`) && first.includes(doc.summary), `${name}: ${first}`);
    if (doc.details) assert.ok(md.indexOf(doc.details) > md.indexOf(doc.summary), name);
  }
  const md = hover('max$0memory 1gb') ?? '';
  assert.match(md.split('\n\n')[1] ?? '', /^Default: `0` · .*Unit: bytes/);
});

test('a Risk list starts on a line of its own, so Markdown renders it as a list', () => {
  let lists = 0;
  for (const [name, doc] of Object.entries(directiveDocs)) {
    const md = hover(`${name}$0 x`) ?? '';
    assert.doesNotMatch(md, /\*\*Risk:\*\* -/, name);
    if (doc.risk?.startsWith('- ')) {
      lists++;
      assert.ok(md.includes(`**Risk:**\n\n${doc.risk}`), name);
    }
  }
  assert.ok(lists > 5);
});

test('maxmemory-policy: a short hover; each policy explains itself on its value', () => {
  const md = hover('maxmemory-pol$0icy allkeys-lfu') ?? '';
  assert.ok(md.length < 1500, `${md.length} characters`);
  assert.ok(!md.includes('least frequently used first'), 'the per-policy text is in the value hovers');
  assert.match(hover('maxmemory-policy allkeys-$0lfu') ?? '', /^\*\*allkeys-lfu\*\* — Any key may be evicted, the least frequently used first/);
});

test('Sentinel: each sub-directive explains itself on its name; the directive hover lists them', () => {
  assert.match(
    hover('sentinel moni$0tor mymaster 127.0.0.1 6379 2', {}, 'sentinel') ?? '',
    /^\*\*sentinel monitor\*\* `<master-name> <host> <port> <quorum>`\n\nWatch a master/,
  );
  assert.match(hover('sentinel deny-scripts$0-reconfig yes', {}, 'sentinel') ?? '', /run programs on the host/);
  const md = hover('senti$0nel monitor mymaster 127.0.0.1 6379 2', {}, 'sentinel') ?? '';
  assert.match(md, /hover one for its arguments/);
  assert.ok(md.length < 1600, `${md.length} characters`);
});

test('values: eviction policies, memory sizes with the decimal trap, yes/no, TLS protocols', () => {
  assert.match(hover('maxmemory-policy volatile-l$0ru') ?? '', /when no key has a TTL, Redis behaves like `noeviction`/);
  assert.match(hover('maxmemory-policy allkeys-$0lru') ?? '', /maxmemory-samples/);
  const g = hover('maxmemory 2$0g') ?? '';
  assert.match(g, /2,000,000,000 bytes/);
  assert.match(g, /`2gb` would be 2,147,483,648 bytes/);
  assert.match(hover('maxmemory 1$0gb') ?? '', /1,073,741,824 bytes \(1 GiB\)/);
  assert.match(hover('appendonly y$0es') ?? '', /^\*\*appendonly yes\*\*\n\nTurns this on/);
  assert.match(hover('tls-protocols "TLSv1 TLS$0v1.2"') ?? '', /deprecated by RFC 8996/);
  assert.match(hover('loglevel no$0tice') ?? '', /the default/);
});

test('secrets are never shown in hovers', () => {
  for (const marked of ['requirepass s3cr$0et-value', 'masterauth s3cr$0et-value', 'user bob on >s3cr$0et-value ~* +@all']) {
    const md = hover(marked) ?? '';
    assert.ok(!md.includes('s3cret'), md);
  }
  assert.match(hover('requirepass s3cr$0et-value') ?? '', /a secret/);
});

test('a version without a table says whose facts the hover shows', () => {
  assert.match(hover('# redis-config: target=redis-8.2\nmax$0memory 1gb') ?? '', /no table for Redis 8\.2 here: these are the facts of Redis 8\.0/);
  assert.doesNotMatch(hover('max$0memory 1gb', { target: 'redis-8.0' }) ?? '', /no table/);
});

test('include and aclfile targets: the resolved path and whether it exists', () => {
  const { text, position } = cursor('include extra$0.conf\naclfile /etc/redis/users.acl\ninclude conf.d/*.conf\n');
  const a = analyzeDocument(text, 'config', { ...DEFAULT_SETTINGS, target: 'redis-7.4', targetIsDefault: false }, {});
  const files = { path: '/etc/redis/redis.conf', source: memoryFiles({ '/etc/redis/extra.conf': '', '/etc/redis/conf.d/a.conf': '' }) };
  assert.match(hoverAt(a, position, files)?.markdown ?? '', /→ `\/etc\/redis\/extra\.conf`[\s\S]*The file exists/);
  assert.match(hoverAt(a, { line: 1, character: 12 }, files)?.markdown ?? '', /does not exist on this machine/);
  assert.match(hoverAt(a, { line: 2, character: 12 }, files)?.markdown ?? '', /1 file: `\/etc\/redis\/conf\.d\/a\.conf`/);
});

test('a glob that matches many files: the hover lists ten and counts the rest; an unreadable target says why', () => {
  const many: Record<string, string> = {};
  for (let i = 0; i < 50; i++) many[`/etc/redis/conf.d/f${String(i).padStart(2, '0')}.conf`] = '';
  const a = analyzeDocument('include conf.d/*.conf\ninclude /dev/zero\n', 'config', { ...DEFAULT_SETTINGS, target: 'redis-7.4', targetIsDefault: false }, {});
  const md = hoverAt(a, { line: 0, character: 12 }, { path: '/etc/redis/redis.conf', source: memoryFiles(many) })?.markdown ?? '';
  assert.match(md, /50 files: `\/etc\/redis\/conf\.d\/f00\.conf`, .*`\/etc\/redis\/conf\.d\/f09\.conf`, and 40 more\.$/);
  assert.equal((md.match(/`\/etc\/redis\/conf\.d\//g) ?? []).length, 10);
  const device = { read: () => undefined, failure: () => 'device' as const, glob: () => [] };
  assert.match(
    hoverAt(a, { line: 1, character: 12 }, { path: '/etc/redis/redis.conf', source: device })?.markdown ?? '',
    /cannot be read here: it is a device/,
  );
});

test('a range that is only the limit of the C type is left out; a real one is shown', () => {
  assert.doesNotMatch(hover('max$0memory 1gb') ?? '', /18446744073709551615/);
  assert.match(hover('data$0bases 16') ?? '', /Minimum: 1/);
  assert.match(hover('maxmemory-sam$0ples 5') ?? '', /Range: 1 to 64/);
  assert.match(hover('po$0rt 6379') ?? '', /Range: 0 to 65535/);
});
