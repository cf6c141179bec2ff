/**
 * Oracle test: the permission model against ACL DRYRUN on every live server that has it (Redis
 * 7.0.15, 8.0.2, Valkey 8.1.1, 9.1.2; narrowed by $REDIS_ORACLE_VERSIONS). Redis 6.0 has no ACL
 * DRYRUN (it came with 7.0) nor COMMAND GETKEYSANDFLAGS, so its permission model is checked only
 * through ACL LOAD and `user` lines (aclLoad.test.ts); its tests here are skipped and say so.
 *
 * Generated cases (a user's rules and a command line) are sent in pipelined batches to one
 * server: `ACL SETUSER u<i> <rules...>` then `ACL DRYRUN u<i> <command> <args...>`. For
 * each one, SETUSER must fail exactly when our model finds an error in the rules, and the
 * DRYRUN answer must match `dryRun()`: allowed, or denied for the same reason (command, key or
 * channel) and the same key or channel, or an error (unknown command, wrong arity).
 * Key extraction is also checked on its own against COMMAND GETKEYSANDFLAGS.
 *
 * Run: node --import tsx --test test/oracle/aclDryrun.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aclContext, buildUser, dryRun, selectorMerging, type DryRunResult } from '../../server/src/analysis/acl/permissions';
import { commandKeys } from '../../server/src/analysis/acl/keys';
import { commandInfo, commandNames } from '../../server/src/knowledge/commands';
import { classifyRules, type RuleToken } from '../../server/src/syntax/aclRules';
import { LineIndex } from '../../server/src/syntax/text';
import { generateDryrunCases, pick, type DryrunCase } from '../support/aclGenerator';
import { startAclServer } from '../support/aclOracle';
import { oracleVersions, RespError, targetOf, type RespValue } from '../support/redisServer';
import type { TargetId } from '../../server/src/knowledge/types';
import { mulberry32 } from '../support/quotingGenerator';

const CASES = 12_000;
const BATCH = 400;

/** The rules of a case as the words of one line, for our classifier. */
function tokensOf(rules: readonly string[]): { tokens: RuleToken[]; index: LineIndex } {
  const text = rules.join(' ');
  const index = new LineIndex(text);
  const tokens: RuleToken[] = [];
  let at = 0;
  for (const value of rules) {
    tokens.push({ value, start: at, end: at + value.length, range: index.rangeAt(at, at + value.length) });
    at += value.length + 1;
  }
  return { tokens, index };
}

type Ours = ({ setuser: 'ok' } & { result: DryRunResult }) | { setuser: 'error' };

function predict(c: DryrunCase, target: TargetId): Ours {
  const { tokens, index } = tokensOf(c.rules);
  const classified = classifyRules(tokens, index, selectorMerging(target));
  if (classified.unclosed) return { setuser: 'error' };
  const { user, log } = buildUser('u', classified.rules, aclContext(target));
  if (log.problems.length > 0) return { setuser: 'error' };
  return { setuser: 'ok', result: dryRun(user, c.argv, target) };
}

function text(v: RespValue): string {
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  if (v instanceof RespError) return `ERR: ${v.message}`;
  return String(v);
}

/** ACL DRYRUN's reply, in the terms of `DryRunResult`. */
function theirs(reply: RespValue): string {
  if (reply === 'OK') return 'allowed';
  if (reply instanceof RespError) return 'error';
  const s = text(reply);
  let m = /no permissions to run the '(.*)' command$/.exec(s);
  // Module commands (Redis 8.0's vector sets) are named as their module registered them: upper case.
  if (m) return `denied command ${(m[1] ?? '').toLowerCase()}`;
  m = /no permissions to access the '(.*)' key$/s.exec(s);
  if (m) return `denied key ${m[1] ?? ''}`;
  m = /no permissions to access the '(.*)' channel$/s.exec(s);
  if (m) return `denied channel ${m[1] ?? ''}`;
  return `unknown reply: ${s}`;
}

function ours(r: DryRunResult): string {
  if (r.verdict === 'allowed') return 'allowed';
  if (r.verdict === 'error') return 'error';
  return r.reason === 'command' ? `denied command ${r.command.toLowerCase()}` : `denied ${r.reason} ${r.subject ?? ''}`;
}

for (const version of oracleVersions()) {
  const target = targetOf(version);
  // ACL DRYRUN and COMMAND GETKEYSANDFLAGS came with 7.0.
  const skip =
    target === 'redis-6.0'
      ? `${version} has no ACL DRYRUN nor COMMAND GETKEYSANDFLAGS (both came with Redis 7.0): its ACL rules are checked by ACL LOAD and user lines only`
      : false;

  test(`${version}: ACL DRYRUN: our permission model (${target}) answers like the server on ${CASES} generated cases`, { timeout: 240_000, skip }, async () => {
    const cases = generateDryrunCases(CASES, 0xd2e1, target);
    const server = await startAclServer(version);
    const started = Date.now();
    let agree = 0;
    let setuserAgree = 0;
    let dryruns = 0;
    const verdicts = { allowed: 0, denied: 0, error: 0 };
    const reasons = { command: 0, key: 0, channel: 0 };
    const disagreements: string[] = [];
    try {
      for (let from = 0; from < cases.length; from += BATCH) {
        const batch = cases.slice(from, from + BATCH);
        const commands: string[][] = [];
        batch.forEach((c, i) => {
          const name = `u${from + i}`;
          commands.push(['ACL', 'SETUSER', name, ...c.rules], ['ACL', 'DRYRUN', name, ...c.argv]);
        });
        const replies = await server.send(commands);
        batch.forEach((c, i) => {
          const set = replies[2 * i] as RespValue;
          const dry = replies[2 * i + 1] as RespValue;
          const p = predict(c, target);
          const setOk = set === 'OK';
          const where = `rules ${JSON.stringify(c.rules)} command ${JSON.stringify(c.argv)}`;
          if (setOk !== (p.setuser === 'ok')) {
            disagreements.push(`${where}: SETUSER ${setOk ? 'OK' : text(set)}, we ${p.setuser === 'ok' ? 'accept' : 'refuse'} the rules`);
            return;
          }
          setuserAgree++;
          if (p.setuser !== 'ok') {
            agree++;
            return;
          }
          dryruns++;
          const a = ours(p.result);
          const b = theirs(dry);
          verdicts[p.result.verdict]++;
          if (p.result.verdict === 'denied') reasons[p.result.reason]++;
          if (a === b) agree++;
          else disagreements.push(`${where}: redis ${b} (${text(dry)}), we ${a}`);
        });
        if (!server.alive()) throw new Error('redis-server died');
      }
    } finally {
      await server.stop();
    }
    console.log(
      `acl dryrun oracle ${version} (${target}): ${agree}/${cases.length} agree (${setuserAgree} ACL SETUSER outcomes agree; ${dryruns} dry runs: ${verdicts.allowed} allowed, ${verdicts.denied} denied (${reasons.command} command, ${reasons.key} key, ${reasons.channel} channel), ${verdicts.error} errors) in ${Date.now() - started} ms`,
    );
    assert.deepEqual(disagreements.slice(0, 25), []);
    assert.ok(dryruns >= 10_000, `only ${dryruns} dry runs compared`);
  });

  test(`${version}: key extraction: the same keys, read/write flags and order as COMMAND GETKEYSANDFLAGS`, { timeout: 120_000, skip }, async () => {
    const rng = mulberry32(0x6e75);
    const vocab = [
      'k1',
      'k2',
      'STORE',
      'store',
      'STOREDIST',
      'GET',
      'SET',
      'INCRBY',
      'OVERFLOW',
      'LIMIT',
      'BY',
      'KEYS',
      'COPY',
      'AUTH',
      'AUTH2',
      'STREAMS',
      'COUNT',
      'BLOCK',
      'GROUP',
      'NOACK',
      '0',
      '1',
      '2',
      '3',
      '01',
      '1x',
      ' 1',
      '-1',
      'u8',
      '',
    ];
    const names = commandNames(target).filter((n) => commandInfo(n, target)?.entry.keys && !n.includes('subscribe') && n !== 'spublish');
    const lines: string[][] = [];
    for (const name of names) {
      const arity = commandInfo(name, target)?.variant.arity ?? 2;
      for (let t = 0; t < 40; t++) {
        const argv = name.split('|');
        const n = arity > 0 ? arity : -arity + Math.floor(rng() * 6);
        while (argv.length < n) argv.push(pick(rng, vocab));
        lines.push(argv);
      }
    }
    const server = await startAclServer(version);
    const bad: string[] = [];
    try {
      const replies = await server.send(lines.map((argv) => ['COMMAND', 'GETKEYSANDFLAGS', ...argv]));
      lines.forEach((argv, i) => {
        const r = replies[i] as RespValue;
        const name = commandInfo(argv.slice(0, 2).join('|'), target)?.container ? argv.slice(0, 2).join('|').toLowerCase() : (argv[0] ?? '').toLowerCase();
        const predicted = commandKeys(name, argv, target);
        const mine = predicted.map((k) => `${argv[k.pos] ?? ''}:${k.read ? 'R' : ''}${k.write ? 'W' : ''}`);
        let redis: string[];
        if (r instanceof RespError) redis = /Invalid arguments|no key arguments/.test(r.message) ? [] : [`error ${r.message}`];
        else
          redis = (r as RespValue[]).map((item) => {
            const [key, flags] = item as [Buffer, Buffer[]];
            const f = flags.map((x) => x.toString());
            const write = f.includes('insert') || f.includes('update') || f.includes('delete');
            return `${key.toString()}:${f.includes('access') ? 'R' : ''}${write ? 'W' : ''}`;
          });
        if (JSON.stringify(mine) !== JSON.stringify(redis)) bad.push(`${JSON.stringify(argv)}: redis ${JSON.stringify(redis)}, we ${JSON.stringify(mine)}`);
      });
    } finally {
      await server.stop();
    }
    console.log(`acl key oracle ${version} (${target}): ${lines.length - bad.length}/${lines.length} key lists agree with COMMAND GETKEYSANDFLAGS`);
    assert.deepEqual(bad.slice(0, 20), []);
  });
}
