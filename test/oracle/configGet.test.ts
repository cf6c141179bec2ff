/**
 * Oracle test: each live server's `CONFIG GET` against the directive table of the target checked
 * against it (Redis 6.0.16, 7.0.15, 8.0.2, Valkey 8.1.1, 9.1.2; narrowed by $REDIS_ORACLE_VERSIONS):
 *
 *   - every name `CONFIG GET *` lists is in our table (a primary name or an alias, of kind table,
 *     special, or, in Redis 6.0, loader), with the same default as we record, compared as the
 *     server prints it;
 *   - every name of ours that is not hidden is listed by `CONFIG GET *`;
 *   - every hidden name is answered when asked for by its exact name, with our default.
 *
 * It asks the one server per version the oracle suites share (`sharedServer`), started on the
 * common header (`port <free> / bind 127.0.0.1 / dir <tmp> / save "" / ...`), so the defaults of
 * port, bind, dir and save are not compared (they are what the header sets; our default for dir
 * only names the working directory anyway).
 *
 * Run: node --import tsx --test test/oracle/configGet.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIRECTIVES } from '../../server/src/knowledge/generated/directives';
import type { DirectiveVariant, TargetId } from '../../server/src/knowledge/types';
import { oracleVersions, sharedServer, targetOf, type RespValue } from '../support/redisServer';

/** Set by the header, so not compared with the default. */
const SET_BY_CONFIG = new Set(['port', 'bind', 'dir', 'save']);

/** Redis 6.0 settings its file loader reads itself and CONFIG GET still lists. */
const LISTED_LOADER_6 = new Set([
  'save',
  'bind',
  'unixsocketperm',
  'client-output-buffer-limit',
  'notify-keyspace-events',
  'oom-score-adj-values',
  'dir',
  'requirepass',
  'slaveof',
  'logfile',
  'client-query-buffer-limit',
]);

/**
 * Names a server lists that no configuration file may set (so our table, which is about files,
 * has none of them): Redis 6.0 lists watchdog-period, which only CONFIG SET takes.
 */
const NOT_IN_A_FILE: Readonly<Partial<Record<TargetId, readonly string[]>>> = { 'redis-6.0': ['watchdog-period'] };

// ---------------------------------------------------------------------------------------------
// Our table

interface OurName {
  readonly name: string;
  /** The primary name for an alias, else the name. */
  readonly primary: string;
  readonly hidden: boolean;
  readonly default: string | undefined;
}

function ourNames(target: TargetId): Map<string, OurName> {
  const variants = new Map<string, DirectiveVariant>();
  for (const d of DIRECTIVES) {
    const v = d.variants.find((x) => x.targets.includes(target));
    // Redis 6.0's file loader handles some settings CONFIG GET still lists (save, bind, ...).
    if (v && (v.kind === 'table' || v.kind === 'special' || (target === 'redis-6.0' && v.kind === 'loader' && LISTED_LOADER_6.has(d.name))))
      variants.set(d.name, v);
  }
  const out = new Map<string, OurName>();
  for (const [name, v] of variants) {
    const primary = v.aliasOf ?? name;
    const p = variants.get(primary);
    assert.ok(p, `${name} is an alias of ${primary}, which is not in our ${target} table`);
    out.set(name, { name, primary, hidden: (p.flags ?? []).includes('hidden'), default: p.default });
  }
  return out;
}

function pairs(reply: RespValue, what: string): Map<string, string> {
  assert.ok(Array.isArray(reply) && reply.length % 2 === 0, `${what}: unexpected reply ${String(reply)}`);
  const out = new Map<string, string>();
  for (let i = 0; i < reply.length; i += 2) {
    const k = reply[i];
    const v = reply[i + 1];
    assert.ok(Buffer.isBuffer(k) && Buffer.isBuffer(v), `${what}: reply item ${i} is not a bulk string pair`);
    out.set(k.toString('utf8'), v.toString('utf8'));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

for (const version of oracleVersions()) {
  const target = targetOf(version);
  test(`${version}: CONFIG GET matches our ${target} directive table`, { timeout: 120_000 }, async (t) => {
    const ours = ourNames(target);
    const server = await sharedServer(version);
    // maxclients is lowered at start when the open-files limit cannot be raised (not as root,
    // with a low hard limit): then it says so in the log, and its default is not compared.
    const machineLimited = (name: string): boolean => name === 'maxclients' && /maximum open files|max number of open files/i.test(server.log());
    const listed = pairs(await server.command('CONFIG', 'GET', '*'), 'CONFIG GET *');
    const hiddenAnswers = new Map<string, Map<string, string>>();
    for (const o of ours.values()) {
      if (o.hidden) hiddenAnswers.set(o.name, pairs(await server.command('CONFIG', 'GET', o.name), `CONFIG GET ${o.name}`));
    }

    const problems: string[] = [];
    let compared = 0;
    // 1. Every listed name is ours, with our default.
    for (const [name, value] of listed) {
      const o = ours.get(name);
      if (!o && NOT_IN_A_FILE[target]?.includes(name)) continue;
      if (!o) {
        const other = DIRECTIVES.find((d) => d.name === name)?.variants.find((v) => v.targets.includes(target));
        problems.push(
          other
            ? `CONFIG GET * lists '${name}' (= ${JSON.stringify(value)}), which our ${target} table has as kind '${other.kind}', not as a config-table entry`
            : `CONFIG GET * lists '${name}' (= ${JSON.stringify(value)}), which our ${target} table lacks`,
        );
        continue;
      }
      if (o.hidden) problems.push(`'${name}' is hidden in our table, but CONFIG GET * lists it`);
      if (SET_BY_CONFIG.has(o.primary)) continue;
      if (machineLimited(o.primary)) {
        t.diagnostic(`maxclients not compared: the server lowered it to ${value} (open-files limit of this machine)`);
        continue;
      }
      compared++;
      if (o.default !== value) problems.push(`'${name}': server default ${JSON.stringify(value)}, ours ${JSON.stringify(o.default)}`);
    }
    // 2. Every non-hidden name of ours is listed; 3. hidden ones answer by exact name.
    let hiddenCount = 0;
    for (const o of ours.values()) {
      if (!o.hidden) {
        if (!listed.has(o.name)) problems.push(`our '${o.name}' is not listed by CONFIG GET *`);
        continue;
      }
      hiddenCount++;
      const got = hiddenAnswers.get(o.name);
      const value = got?.get(o.name);
      if (value === undefined) problems.push(`hidden '${o.name}' is not answered by CONFIG GET ${o.name}`);
      else if (got && got.size !== 1) problems.push(`CONFIG GET ${o.name} answers ${[...got.keys()].join(', ')}`);
      else if (!SET_BY_CONFIG.has(o.primary)) {
        compared++;
        if (o.default !== value) problems.push(`hidden '${o.name}': server default ${JSON.stringify(value)}, ours ${JSON.stringify(o.default)}`);
      }
    }

    const aliases = [...ours.values()].filter((o) => o.primary !== o.name).length;
    const summary =
      `CONFIG GET oracle ${version} (${target}): CONFIG GET * lists ${listed.size} names; our table has ${ours.size} ` +
      `(${ours.size - aliases} primary, ${aliases} aliases, ${hiddenCount} hidden, answered by exact name); ` +
      `${compared} defaults compared, ${compared - problems.filter((p) => p.includes('server default')).length} equal; not compared: ${[...SET_BY_CONFIG].join(', ')} (set by the header)`;
    t.diagnostic(summary);
    console.log(summary);
    assert.ok(listed.size >= 120, `CONFIG GET * lists only ${listed.size} names`);
    assert.equal(problems.length, 0, `${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  });
}
