/** Hovers inside ACL rules, with `$0` marking the cursor. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aclHover } from '../../server/src/analysis/acl/aclHover';
import { ACL_KEYWORDS } from '../../server/src/knowledge/aclKeywords';
import { CATEGORY_DOCS, categoryMembersForAcl } from '../../server/src/knowledge/commands';
import type { TargetId } from '../../server/src/knowledge/types';
import { fixture } from '../support/fixture';

function hover(marked: string, kind: 'acl' | 'config' = 'acl', target: TargetId = 'redis-7.0'): string | undefined {
  const f = fixture(marked, { kind, target });
  return aclHover(f.analysis, f.position, f.analysis.settings)?.markdown;
}

const SECRET = 'correct-horse-battery-staple-42';

test('user name: enabled, password state, commands, dangerous ones, keys, channels, selectors', () => {
  const md = hover(`user al$0ice on >${SECRET} ~app:* %R~ro:* &chan:* -@all +@read +@write (~x:* +get)`) ?? '';
  assert.match(md, /\*\*User `alice`\*\* — enabled/);
  assert.match(md, /with a password \(1 written in clear in this file\)/);
  assert.match(md, /Commands: \d+ of \d+ commands and subcommands/);
  assert.match(md, /Dangerous commands allowed: FLUSHALL, FLUSHDB/);
  assert.match(md, /Keys: `app:\*` \(read, write\), `ro:\*` \(read\)/);
  assert.match(md, /Channels: `chan:\*`/);
  assert.match(md, /Selectors: 1/);
  assert.ok(!md.includes(SECRET), 'the password is never shown');
});

test('user name: nopass, cannot log in, disabled, everything', () => {
  assert.match(hover('user $0default on nopass ~* &* +@all') ?? '', /any password, or none.*\n- Commands: every command/s);
  assert.match(hover('user b$0ob on ~*') ?? '', /Log in: not possible, no password is set/);
  assert.match(hover('user b$0ob off >pw') ?? '', /disabled \(`off`\)[\s\S]*not possible, the user is `off`/);
  assert.match(hover('user b$0ob on #' + 'a'.repeat(64)) ?? '', /1 given as a SHA-256 hash/);
});

test('user name in a redis.conf user line; a second definition says so', () => {
  assert.match(hover('user a$0pp on >pw +get', 'config') ?? '', /\*\*User `app`\*\*/);
  assert.match(hover('user app on\nuser a$0pp off') ?? '', /second definition/);
});

test('+@category and -@category: what it holds and the full list for the target', () => {
  const md = hover('user u on +@rea$0d') ?? '';
  assert.ok(md.startsWith(`**@read** — ${CATEGORY_DOCS.read}`));
  assert.match(md, /`\+@read` allows these \d+ commands and subcommands of Redis 7\.0/);
  assert.match(md, /`get`/);
  const n = categoryMembersForAcl('dangerous', 'redis-7.0').filter((c) => c !== 'sentinel').length;
  assert.ok(n > 0);
  assert.match(hover('user u on -@danger$0ous') ?? '', /`-@dangerous` denies these \d+ commands/);
  assert.match(hover('user u on +@rea$0d', 'acl', 'redis-6.2') ?? '', /Redis 6\.x facts come from Redis 7\.0/);
});

test('command rules: categories and flags; containers; first arguments; unknown names', () => {
  const get = hover('user u on +g$0et') ?? '';
  assert.match(get, /\*\*GET\*\*/);
  assert.match(get, /Categories: @fast @read @string/);
  assert.match(get, /Flags: fast, readonly/);
  assert.match(hover('user u on +con$0fig') ?? '', /allows CONFIG with all of its subcommands[\s\S]*Subcommands/);
  assert.match(hover('user u on -config|s$0et') ?? '', /denies CONFIG SET[\s\S]*Dangerous:/);
  assert.match(hover('user u on +sel$0ect|0') ?? '', /only when its first argument is `0`/);
  assert.match(hover('user u on +hexp$0ire') ?? '', /no such command or subcommand in Redis 7\.0; it exists in Redis 7\.4, 8\.0/);
});

test('other rule keywords, in our words; passwords and hashes never shown', () => {
  assert.ok(hover('user u o$0n')?.includes(ACL_KEYWORDS.on?.summary ?? '<none>'));
  assert.match(hover('user u on allk$0eys') ?? '', /Every key/);
  assert.match(hover('user u on %R$0~ro:*') ?? '', /read access to the keys matching `ro:\*`/);
  assert.match(hover('user u on &ch$0:*') ?? '', /the channels matching `ch:\*`/);
  const pw = hover(`user u on >${SECRET.slice(0, 5)}$0${SECRET.slice(5)}`) ?? '';
  assert.match(pw, /password itself is not shown/);
  assert.ok(!pw.includes(SECRET));
  assert.match(hover('user u on (~x:* +g$0et)') ?? '', /\*\*GET\*\*/);
  assert.match(hover('user u on $0(~x:* +get)') ?? '', /selector[\s\S]*This selector: commands: 1 of/);
  assert.match(hover('user u on fo$0o') ?? '', /Not an ACL rule/);
});

test('no hover outside user lines or on blank space', () => {
  assert.equal(hover('maxmemory 1$0gb', 'config'), undefined);
  assert.equal(hover('user u on\n$0\n'), undefined);
  assert.equal(hover('# us$0er', 'acl'), undefined);
});
