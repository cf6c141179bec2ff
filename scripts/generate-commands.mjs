// Regenerates server/src/knowledge/generated/commands.ts: every command and subcommand of
// every target with its flags, arity and effective ACL categories, plus the positions of
// its keys. Inputs: the command tables extracted from the released Redis and Valkey sources
// (../shared/reference/ga/commands-*.json), the key specs captured from live servers
// (scripts/data/command-keys.json, see capture-command-keys.mjs), and the commands that a
// built-in module adds at start-up (scripts/data/builtin-module-commands.json: Redis 8.0's
// vector sets). Commands marked EXPERIMENTAL in the sources are left out: Redis's build
// skips them, and the released server refuses their names in ACL rules.
//
// Redis 6.0 and 6.2 have no source table in this shape: they get 7.0's commands whose `since`
// is not newer than their version. For 6.0 the top-level commands are then replaced by what
// a live 6.0.16 reports (scripts/data/command-table-redis-6.0.json, see
// capture-command-table.mjs): its own arities and categories (CONFIG, CLIENT, ACL are
// @admin @dangerous themselves; SELECT and WAIT are @keyspace), STRALGO and the POST and
// HOST: guards, and no QUIT, which 6.x handles outside its table. 6.2 keeps 7.0's facts
// but gets the same four name differences, with 6.0's facts for the three it adds (its
// source declares them alike); the subcommands of both come from 7.0 (see docs/acl.md).
//
// Facts that are the same in several targets are stored once, with the list of targets.
// `node scripts/generate-commands.mjs --check` fails when the committed file is stale.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInput, writeOrCheck } from './writeGenerated.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reference = process.env.REDIS_REFERENCE_DIR ?? resolve(root, '../shared/reference');
const keysFile = join(root, 'scripts/data/command-keys.json');
const modulesFile = join(root, 'scripts/data/builtin-module-commands.json');
const out = join(root, 'server/src/knowledge/generated/commands.ts');

/** The command table of each target that has one (scripts/data/reference-files.json, which the tests read too). */
const TABLE_FILES = JSON.parse(readFileSync(join(root, 'scripts/data/reference-files.json'), 'utf8')).commandTables;

/** Targets without a table: the 7.0 table cut at this version. */
const DERIVED = { 'redis-6.0': '6.0.99', 'redis-6.2': '6.2.99' };
/** Top-level commands captured from a live server of a derived target. */
const CAPTURED_TABLES = { 'redis-6.0': 'scripts/data/command-table-redis-6.0.json' };
/** Names that every 6.x table has and 7.0's lacks, and the one 6.x lacks. */
const LEGACY_ADDED = ['stralgo', 'post', 'host:'];
const LEGACY_REMOVED = ['quit'];

const TARGET_ORDER = ['redis-6.0', 'redis-6.2', 'redis-7.0', 'redis-7.2', 'redis-7.4', 'redis-8.0', 'valkey-7.2', 'valkey-8.0', 'valkey-8.1', 'valkey-9.1'];

function versionKey(v) {
  return v
    .split('.')
    .map((x) => Number(x) || 0)
    .reduce((acc, n) => acc * 1000 + n, 0);
}

function loadTable(file) {
  const data = JSON.parse(readInput(join(reference, 'ga', file)));
  const commands = Object.fromEntries(Object.entries(data.commands).filter(([, c]) => !c.command_flags.includes('EXPERIMENTAL')));
  return { label: `${data.product} ${data.git_ref}`, commands, categories: data.acl_categories };
}

const capturedCache = new Map();
function loadCaptured(target) {
  if (!capturedCache.has(target)) capturedCache.set(target, JSON.parse(readInput(join(root, CAPTURED_TABLES[target]))));
  return capturedCache.get(target);
}

/** The commands a built-in module registers, in the shape of the source tables. */
function addModuleCommands(tables) {
  const data = JSON.parse(readInput(modulesFile));
  for (const [t, mod] of Object.entries(data.targets)) {
    const table = tables[t];
    if (!table) throw new Error(`${modulesFile}: unknown target ${t}`);
    for (const [name, c] of Object.entries(mod.commands)) {
      if (table.commands[name]) throw new Error(`${t}: ${name} is already in the source table`);
      table.commands[name] = {
        name,
        container: null,
        group: mod.group,
        since: mod.since,
        arity: c.arity,
        command_flags: c.flags,
        acl_categories: c.categories,
      };
    }
    table.label += ` (and ${Object.keys(mod.commands).length} built-in module commands)`;
  }
}

/** The facts of one command in one target, in a stable key order. */
function factsOf(c) {
  return {
    arity: c.arity,
    flags: c.command_flags
      .map((f) => f.toLowerCase())
      .filter((f, i, all) => all.indexOf(f) === i)
      .sort(),
    categories: [...c.acl_categories].sort(),
  };
}

function main() {
  if (!existsSync(reference)) {
    console.error(`reference folder not found: ${reference}`);
    process.exit(2);
  }
  const tables = Object.fromEntries(Object.entries(TABLE_FILES).map(([t, f]) => [t, loadTable(f)]));
  addModuleCommands(tables);
  const sources = {};
  const perTarget = {};
  for (const t of TARGET_ORDER) {
    if (tables[t]) {
      sources[t] = tables[t].label;
      perTarget[t] = tables[t].commands;
    } else {
      const base = tables['redis-7.0'];
      const limit = versionKey(DERIVED[t]);
      sources[t] = `${base.label}, commands whose 'since' is at most ${t.slice(6)}`;
      perTarget[t] = Object.fromEntries(Object.entries(base.commands).filter(([n, c]) => versionKey(c.since ?? '0') <= limit && !LEGACY_REMOVED.includes(n)));
      const captured = loadCaptured('redis-6.0');
      const asEntry = (n, c) => ({
        name: n,
        container: null,
        group: base.commands[n]?.group ?? (n === 'stralgo' ? 'string' : 'server'),
        since: base.commands[n]?.since ?? '6.0.0',
        arity: c.arity,
        command_flags: c.flags,
        acl_categories: c.categories,
      });
      if (CAPTURED_TABLES[t]) {
        const top = loadCaptured(t).commands;
        perTarget[t] = Object.fromEntries(Object.entries(perTarget[t]).filter(([n]) => top[n.split('|')[0]]));
        for (const [n, c] of Object.entries(top)) perTarget[t][n] = asEntry(n, c);
        sources[t] = `${loadCaptured(t).source}; subcommands from ${base.label}`;
      } else {
        for (const n of LEGACY_ADDED) perTarget[t][n] = asEntry(n, captured.commands[n]);
        sources[t] += `, with ${LEGACY_ADDED.join(', ')} as Redis 6.0.16 reports them and without ${LEGACY_REMOVED.join(', ')}`;
      }
    }
  }
  const categories = tables['redis-7.0'].categories;
  for (const [t, table] of Object.entries(tables)) {
    if (JSON.stringify(table.categories) !== JSON.stringify(categories)) throw new Error(`${t}: categories differ from 7.0`);
  }

  const keyData = JSON.parse(readInput(keysFile));
  const keySpecs = { ...keyData.captured, ...keyData.supplement.commands };
  // A released server's own key specs where they differ from the base capture.
  const keysOf = (t, name) => keyData.byTarget?.[t]?.commands[name] ?? keySpecs[name];
  for (const t of Object.keys(keyData.byTarget ?? {})) if (!TARGET_ORDER.includes(t)) throw new Error(`key specs for unknown target ${t}`);

  const names = [...new Set(TARGET_ORDER.flatMap((t) => Object.keys(perTarget[t])))].sort();
  const entries = [];
  for (const name of names) {
    const variants = [];
    let meta;
    // The entry's keys are the base capture's; a target whose server differs carries its own.
    const present = TARGET_ORDER.filter((t) => perTarget[t][name] && !perTarget[t][name].sentinel_only);
    const entryKeys = keySpecs[name] ?? present.map((t) => keysOf(t, name)).find((k) => k !== undefined);
    for (const t of TARGET_ORDER) {
      const c = perTarget[t][name];
      // Sentinel-only commands do not exist in a Redis server: `+sentinel` is refused.
      if (!c || c.sentinel_only) continue;
      meta ??= c;
      const facts = factsOf(c);
      const keys = keysOf(t, name);
      if (JSON.stringify(keys) !== JSON.stringify(entryKeys)) facts.keys = keys ?? [];
      const key = JSON.stringify(facts);
      const same = variants.find((v) => v.key === key);
      if (same) same.targets.push(t);
      else variants.push({ key, targets: [t], facts });
    }
    if (!meta) continue;
    const entry = { name };
    if (meta.since) entry.since = meta.since;
    entry.group = meta.group;
    if (meta.deprecated_since) entry.deprecatedSince = meta.deprecated_since;
    if (meta.replaced_by) entry.replacedBy = meta.replaced_by.replace(/`/g, '');
    entry.variants = variants.map((v) => ({ targets: v.targets, ...v.facts }));
    if (entryKeys) entry.keys = entryKeys;
    entries.push(entry);
  }
  const missingKeys = Object.keys(keySpecs).filter((n) => !entries.some((e) => e.name === n));
  if (missingKeys.length) throw new Error(`key specs for unknown commands: ${missingKeys.join(', ')}`);
  for (const [t, { commands }] of Object.entries(keyData.byTarget ?? {})) {
    const unknown = Object.keys(commands).filter((n) => !perTarget[t][n]);
    if (unknown.length) throw new Error(`${t}: key specs for commands it does not have: ${unknown.join(', ')}`);
  }

  const body = [
    '// Generated by scripts/generate-commands.mjs from the command tables extracted from the Redis',
    '// and Valkey sources and the key specs in scripts/data/command-keys.json. Do not edit by hand:',
    '// run `node scripts/generate-commands.mjs`.',
    "import type { CommandEntry } from '../commandTypes';",
    "import type { TargetId } from '../types';",
    '',
    `export const COMMAND_SOURCES: Readonly<Record<TargetId, string>> = ${JSON.stringify(sources, null, 2)};`,
    '',
    `export const ACL_CATEGORIES: readonly string[] = ${JSON.stringify(categories)};`,
    '',
    `export const KEY_SPECS_SOURCE = ${JSON.stringify([keyData.source, ...Object.entries(keyData.byTarget ?? {}).map(([t, v]) => `${t}: ${v.source}`)].join('; '))};`,
    '',
    '// One JSON text per command, parsed at load: V8 reads strings much faster than object literals.',
    'export const COMMANDS: readonly CommandEntry[] = JSON.parse(`[${[',
    ...entries.map((e) => `  ${JSON.stringify(JSON.stringify(e))},`),
    '].join()}]`) as CommandEntry[];',
    '',
  ].join('\n');
  writeOrCheck(root, out, body, 'node scripts/generate-commands.mjs', `${entries.length} commands and subcommands, ${body.length} bytes`);
}

main();
