import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt } from '../../server/src/analysis/completion';
import type { DocumentKind } from '../../server/src/analysis/types';
import type { TargetId } from '../../server/src/knowledge/types';
import { fixture } from '../support/fixture';

function complete(marked: string, opts: { target?: TargetId; kind?: DocumentKind; files?: Record<string, string> } = {}) {
  const f = fixture(marked, { target: opts.target ?? 'redis-7.4', ...(opts.kind ? { kind: opts.kind } : {}), ...(opts.files ? { files: opts.files } : {}) });
  return completionsAt(f.analysis, f.position, { path: f.path, source: f.source });
}

test('directive names at the start of a line, documented, for the target only', () => {
  const items = complete('maxmem$0');
  const maxmemory = items.find((i) => i.label === 'maxmemory');
  assert.ok(maxmemory?.documentation);
  assert.deepEqual(maxmemory?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } });
  assert.ok(items.some((i) => i.label === 'enable-debug-command'));
  assert.ok(!complete('$0', { target: 'redis-6.2' }).some((i) => i.label === 'enable-debug-command'));
  assert.ok(!items.some((i) => i.label === 'list-max-ziplist-entries'), 'ignored names are not offered');
  // Valkey 9.1's own settings, documented, and only there; a pragma picks the version.
  const valkey91 = complete('# redis-config: target=valkey-9.1\nhash-$0');
  assert.ok(valkey91.find((i) => i.label === 'hash-seed')?.documentation);
  assert.ok(!complete('hash-$0', { target: 'valkey-8.1' }).some((i) => i.label === 'hash-seed'));
  assert.ok(!complete('io-threads-do-$0', { target: 'redis-8.0' }).some((i) => i.label === 'io-threads-do-reads'), 'accepted-and-ignored in 8.0: not offered');
});

test('already-set directives rank lower, old names lowest and tagged deprecated', () => {
  const items = complete('maxmemory 1gb\n$0');
  const sort = (l: string): string => items.find((i) => i.label === l)?.sortText ?? '';
  assert.ok(sort('maxmemory') > sort('maxmemory-policy'));
  assert.ok(items.find((i) => i.label === 'slave-read-only')?.deprecated);
  assert.ok(sort('slave-read-only') > sort('maxmemory'));
});

test('values by type: yes/no, enum values with the default first, memory units', () => {
  assert.deepEqual(
    complete('appendonly $0').map((i) => i.label),
    ['yes', 'no'],
  );
  const policies = complete('maxmemory-policy $0');
  assert.ok(policies.some((i) => i.label === 'allkeys-lru'));
  assert.equal(policies.find((i) => i.documentation?.startsWith('the default'))?.label, 'noeviction');
  assert.match(policies.find((i) => i.label === 'allkeys-lfu')?.documentation ?? '', /least frequently used first/);
  assert.deepEqual(
    complete('maxmemory 512$0').map((i) => i.label),
    ['512mb', '512gb', '512kb', '512b'],
  );
  assert.deepEqual(complete('timeout 1$0'), []);
  assert.deepEqual(complete('# maxmem$0'), []);
});

test('sentinel sub-directives and file paths', () => {
  assert.ok(complete('sentinel $0', { kind: 'sentinel' }).some((i) => i.label === 'monitor'));
  const files = complete('include conf.d/$0', { files: { '/etc/redis/conf.d/a.conf': '', '/etc/redis/conf.d/b.conf': '' } });
  assert.deepEqual(
    files.map((i) => i.label),
    ['conf.d/a.conf', 'conf.d/b.conf'],
  );
});

test('exact and common names before longer ones', () => {
  const order = (marked: string, labels: string[]): string[] => {
    const items = complete(marked);
    const sort = (l: string): string => items.find((i) => i.label === l)?.sortText ?? `missing ${l}`;
    return [...labels].sort((x, y) => (sort(x) < sort(y) ? -1 : 1));
  };
  assert.deepEqual(order('maxmem$0', ['maxmemory-clients', 'maxmemory-eviction-tenacity', 'maxmemory', 'maxmemory-policy', 'maxmemory-samples']), [
    'maxmemory',
    'maxmemory-policy',
    'maxmemory-clients',
    'maxmemory-eviction-tenacity',
    'maxmemory-samples',
  ]);
  assert.deepEqual(order('$0', ['cluster-port', 'tls-port', 'port']), ['port', 'tls-port', 'cluster-port']);
  // Typed in full, a name comes first even when the file sets it already.
  assert.deepEqual(order('maxmemory 1gb\nmaxmemory$0', ['maxmemory-clients', 'maxmemory']), ['maxmemory', 'maxmemory-clients']);
});

test('the detail column says what a directive takes in the user’s words, never a C type', () => {
  const items = complete('$0');
  const detail = (l: string): string | undefined => items.find((i) => i.label === l)?.detail;
  assert.equal(detail('maxmemory'), 'size (1mb, 2gb)');
  assert.equal(detail('maxmemory-clients'), 'size or percentage');
  assert.equal(detail('appendonly'), 'yes | no');
  assert.equal(detail('appendfsync'), 'everysec | always | no');
  assert.equal(detail('maxmemory-policy'), 'volatile-lru | volatile-lfu | … (8 values)');
  assert.equal(detail('port'), 'port 0–65535');
  assert.equal(detail('maxmemory-eviction-tenacity'), 'integer 0–100');
  assert.equal(detail('timeout'), 'seconds ≥ 0');
  assert.equal(detail('dbfilename'), 'file name');
  assert.equal(detail('aclfile'), 'path');
  assert.equal(detail('unixsocketperm'), 'permissions (octal)');
  assert.equal(detail('slave-read-only'), 'old name of replica-read-only');
  const cTypes = /\b(u?int|u?long(-long)?|s?size_t|off_t|time_t|sds|special|enum|string)\b/;
  for (const i of items) assert.doesNotMatch(i.detail ?? '', cTypes, `${i.label}: ${i.detail}`);
});
