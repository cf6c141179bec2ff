/**
 * The command table: generated from the reference facts and not stale, per-target lookups that
 * match the reference exactly (commands, categories), the 6.x cut by version, key specs where
 * commands take keys, and a size that stays small.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACL_CATEGORIES,
  CODE_ACCEPTING_COMMANDS,
  DANGEROUS_COMMANDS,
  categoriesOf,
  categoryMembersForAcl,
  commandExists,
  commandInfo,
  commandNames,
  commandsInCategory,
  isCategory,
  subcommandsOf,
  targetsOfCommand,
  topLevelCommands,
} from '../../server/src/knowledge/commands';
import { COMMANDS } from '../../server/src/knowledge/generated/commands';
import { TARGETS, type TargetId } from '../../server/src/knowledge/types';
import { sharedPath } from '../support/shared';

import REFERENCE_FILES from '../../scripts/data/reference-files.json';

const ROOT = join(__dirname, '../..');
const REF = sharedPath('reference');
const TABLE_FILES: Partial<Record<TargetId, string>> = REFERENCE_FILES.commandTables;

test('the committed command table is the one the reference facts generate', { skip: REF ? false : 'no reference folder' }, () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/generate-commands.mjs'), '--check'], {
    encoding: 'utf8',
    env: { ...process.env, REDIS_REFERENCE_DIR: REF },
  });
  assert.equal(r.status, 0, r.stderr);
});

test('the generated table stays small', () => {
  assert.ok(statSync(join(ROOT, 'server/src/knowledge/generated/commands.ts')).size < 400_000);
});

test('names are unique, lower case, and each target appears once per command', () => {
  const names = COMMANDS.map((c) => c.name);
  assert.equal(new Set(names).size, names.length);
  for (const c of COMMANDS) {
    assert.equal(c.name, c.name.toLowerCase());
    const targets = c.variants.flatMap((v) => v.targets);
    assert.equal(new Set(targets).size, targets.length, c.name);
  }
});

/** Commands a built-in module adds at start-up (Redis 8.0's vector sets), per target. */
const MODULE_COMMANDS = JSON.parse(readFileSync(join(ROOT, 'scripts/data/builtin-module-commands.json'), 'utf8')) as {
  targets: Record<string, { commands: Record<string, { categories: string[] }> }>;
};

for (const [target, file] of Object.entries(TABLE_FILES)) {
  test(`${target}: commands and every category match the reference exactly`, { skip: REF ? false : 'no reference folder' }, () => {
    const ref = JSON.parse(readFileSync(join(REF as string, 'ga', file), 'utf8')) as {
      commands: Record<string, { sentinel_only?: boolean; command_flags: string[]; acl_categories: string[] }>;
      by_category: Record<string, string[]>;
    };
    const t = target as TargetId;
    // The server's build leaves EXPERIMENTAL commands out (Redis 8.0.2's SFLUSH).
    const experimental = new Set(
      Object.entries(ref.commands)
        .filter(([, c]) => c.command_flags.includes('EXPERIMENTAL'))
        .map(([n]) => n),
    );
    const modules = Object.keys(MODULE_COMMANDS.targets[target]?.commands ?? {});
    const expected = [
      ...Object.entries(ref.commands)
        .filter(([n, c]) => !c.sentinel_only && !experimental.has(n))
        .map(([n]) => n),
      ...modules,
    ].sort();
    assert.deepEqual([...commandNames(t)].sort(), expected);
    for (const cat of ACL_CATEGORIES) {
      const fromModules = modules.filter((n) => MODULE_COMMANDS.targets[target]?.commands[n]?.categories.includes(cat));
      const want = [...(ref.by_category[cat] ?? []).filter((n) => !experimental.has(n)), ...fromModules].sort();
      assert.deepEqual([...commandsInCategory(cat, t)].sort(), want, `${target} @${cat}`);
    }
  });
}

test('Redis 8.0: the vector-set commands exist without categories; SFLUSH does not', () => {
  for (const name of ['vadd', 'vsim', 'vcard', 'vrem', 'vsetattr']) {
    assert.deepEqual(categoriesOf(name, 'redis-8.0'), [], name);
    assert.ok(!commandExists(name, 'redis-7.4') && !commandExists(name, 'valkey-9.1'), name);
  }
  assert.ok(!commandExists('sflush', 'redis-8.0'));
  assert.deepEqual(commandInfo('vadd', 'redis-8.0')?.variant.flags, ['denyoom', 'module', 'write']);
});

test('key specs of a released server override the base capture', () => {
  // Redis 8.0.2 marks XREAD's spec incomplete; 7.0.15 does not.
  assert.ok(commandInfo('xread', 'redis-8.0')?.variant.keys?.[0]?.flags.includes('incomplete'));
  assert.equal(commandInfo('xread', 'redis-7.0')?.variant.keys, undefined);
  assert.deepEqual(commandInfo('hsetex', 'valkey-9.1')?.variant.keys?.[0]?.flags ?? commandInfo('hsetex', 'valkey-9.1')?.entry.keys?.[0]?.flags, [
    'RW',
    'insert',
  ]);
  assert.ok((commandInfo('vadd', 'redis-8.0')?.entry.keys ?? []).length > 0);
});

test('Redis 6.x: 7.0 commands cut at their version', () => {
  assert.ok(commandExists('getdel', 'redis-6.2'));
  assert.ok(!commandExists('getdel', 'redis-6.0'));
  assert.ok(!commandExists('lmpop', 'redis-6.2'));
  assert.ok(!commandExists('acl|dryrun', 'redis-6.2'));
  assert.ok(commandExists('acl|setuser', 'redis-6.0'));
  assert.ok(!commandExists('function', 'redis-6.2'));
  assert.deepEqual(targetsOfCommand('hexpire'), ['redis-7.4', 'redis-8.0', 'valkey-9.1']);
  assert.deepEqual(targetsOfCommand('client|capa'), ['valkey-8.0', 'valkey-8.1', 'valkey-9.1']);
});

test('lookups: case-insensitive names, containers and subcommands, categories', () => {
  assert.ok(commandInfo('GET', 'redis-7.0'));
  assert.ok(subcommandsOf('config', 'redis-7.0').includes('config|get'));
  assert.equal(commandInfo('config|get', 'redis-7.0')?.container, 'config');
  assert.deepEqual([...categoriesOf('get', 'redis-7.0')], ['fast', 'read', 'string']);
  assert.ok(isCategory('READ') && isCategory('dangerous') && !isCategory('strings'));
  assert.equal(commandsInCategory('all', 'redis-7.0').length, commandNames('redis-7.0').length);
  assert.ok(!commandExists('sentinel', 'redis-7.0'), 'sentinel-only commands are not Redis commands');
});

test('+@category closure: a container in the category brings all of its subcommands', () => {
  const slow = categoryMembersForAcl('slow', 'redis-7.0');
  assert.ok(slow.includes('config') && slow.includes('config|get'));
  const connection = categoryMembersForAcl('connection', 'redis-7.0');
  assert.ok(connection.includes('command|docs'));
  assert.ok(!categoryMembersForAcl('read', 'redis-7.0').includes('config|get'));
});

test('key specs: commands that take keys have them; the 7.4 hash-field commands too', () => {
  for (const name of ['get', 'set', 'mset', 'eval', 'xread', 'sort', 'migrate', 'object|encoding', 'hexpire', 'httl'])
    assert.ok(COMMANDS.find((c) => c.name === name)?.keys?.length, name);
  for (const name of ['ping', 'info', 'config|get']) assert.equal(COMMANDS.find((c) => c.name === name)?.keys, undefined, name);
});

test('dangerous and scripting lists name real commands', () => {
  for (const name of [...Object.keys(DANGEROUS_COMMANDS), ...CODE_ACCEPTING_COMMANDS])
    assert.ok(
      TARGETS.some((t) => commandExists(name, t)),
      name,
    );
});

test('Redis 6.x: the names a live 6.0.16 has (STRALGO, POST, HOST:) and the one it lacks (QUIT)', () => {
  for (const t of ['redis-6.0', 'redis-6.2'] as const) {
    for (const name of ['stralgo', 'post', 'host:']) assert.ok(commandExists(name, t), `${t} ${name}`);
    assert.ok(!commandExists('quit', t), t);
  }
  assert.ok(commandExists('quit', 'redis-7.0') && !commandExists('stralgo', 'redis-7.0'));
  // 6.0's own categories: containers carry @admin @dangerous, SELECT is @keyspace.
  assert.deepEqual([...categoriesOf('config', 'redis-6.0')], ['admin', 'dangerous', 'slow']);
  assert.deepEqual([...categoriesOf('select', 'redis-6.0')], ['fast', 'keyspace']);
  assert.deepEqual([...categoriesOf('select', 'redis-7.0')], ['connection', 'fast']);
  assert.ok(categoryMembersForAcl('admin', 'redis-6.0').includes('config|get'));
  assert.equal(topLevelCommands('redis-6.0').length, 205);
});
