/** Completion inside ACL rules, with `$0` marking the cursor. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aclCompletions, type AclCompletionItem } from '../../server/src/analysis/acl/aclCompletion';
import type { TargetId } from '../../server/src/knowledge/types';
import { fixture } from '../support/fixture';

function complete(marked: string, kind: 'acl' | 'config' = 'acl', target: TargetId = 'redis-7.0'): AclCompletionItem[] {
  const f = fixture(marked, { kind, target });
  return aclCompletions(f.analysis, f.position, f.analysis.settings);
}

function labels(items: readonly AclCompletionItem[]): string[] {
  return items.map((i) => i.label);
}

test('the first word of an ACL line is `user`', () => {
  assert.deepEqual(labels(complete('us$0')), ['user']);
  assert.deepEqual(complete('maxmem$0', 'config'), []);
});

test('the second word offers user names', () => {
  const names = labels(complete('user alice on\nuser $0'));
  assert.ok(names.includes('default') && names.includes('alice'));
  assert.ok(complete('user $0').every((i) => i.kind === 'user'));
});

test('rule keywords, with version limits', () => {
  const items = complete('user u $0');
  const l = labels(items);
  for (const k of ['on', 'off', 'nopass', 'allkeys', 'resetchannels', 'clearselectors', '~<pattern>', '%R~<pattern>', '+@<category>'])
    assert.ok(l.includes(k), k);
  assert.equal(items.find((i) => i.label === '~<pattern>')?.insertText, '~$1');
  assert.ok(!labels(complete('user u $0', 'acl', 'redis-6.2')).includes('clearselectors'));
  assert.ok(!labels(complete('user u $0', 'acl', 'redis-6.0')).includes('allchannels'));
  assert.ok(items.every((i) => i.kind === 'keyword' && i.documentation.length > 10));
});

test('inside a selector only selector rules are offered', () => {
  const l = labels(complete('user u on (~x $0'));
  assert.ok(l.includes('allkeys') && !l.includes('on') && !l.includes('nopass'));
});

test('categories after +@ and -@', () => {
  const items = complete('user u on +@re$0');
  assert.ok(labels(items).includes('+@read') && labels(items).includes('+@all'));
  assert.ok(items.every((i) => i.kind === 'category'));
  assert.deepEqual(items[0]?.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 14 } });
  assert.ok(labels(complete('user u on -@$0')).includes('-@dangerous'));
});

test('commands after + and -, for the target; subcommands after container|', () => {
  const l = labels(complete('user u on +$0'));
  assert.ok(l.includes('+get') && l.includes('+config') && l.includes('+@read'));
  assert.ok(!l.includes('+hexpire'));
  assert.ok(labels(complete('user u on +$0', 'acl', 'redis-7.4')).includes('+hexpire'));
  const subs = complete('user u on -config|$0');
  assert.ok(labels(subs).includes('-config|get') && labels(subs).includes('-config|set'));
  assert.ok(subs.every((i) => i.kind === 'command'));
  assert.match(subs.find((i) => i.label === '-config|set')?.documentation ?? '', /@dangerous/);
});

test('redis.conf user lines complete the same way; passwords and patterns do not', () => {
  assert.ok(labels(complete('user u on +@$0', 'config')).includes('+@write'));
  assert.deepEqual(complete('user u on >pa$0'), []);
  assert.deepEqual(complete('user u on ~ap$0'), []);
  assert.deepEqual(complete('bind 127.0.0.1 $0', 'config'), []);
});
