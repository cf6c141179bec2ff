/**
 * Oracle test: whether each live server (Redis 6.0.16, 7.0.15, 8.0.2, Valkey 8.1.1, 9.1.2; narrowed
 * by $REDIS_ORACLE_VERSIONS) accepts an ACL file or a redis.conf with `user` lines, against what
 * we report with the target checked against it.
 *
 * - ACL files: generated files (from the target's commands) are loaded with ACL LOAD into one
 *   running server per version (the file is rewritten each time). The server refuses a file ⇔ we
 *   report an error, and the lines it names are exactly the lines we report errors on. Files that
 *   would crash the server (an unclosed selector after another rule, 7.0 on) are not sent; a test
 *   checks that we flag each of them, and that the crash is real. A sample is also loaded at
 *   startup (`aclfile`), which must agree with ACL LOAD.
 * - redis.conf: generated bodies with `user` lines are started; the server refuses to start ⇔ we
 *   report an error, and the line (or user) its message names is one we report.
 *
 * Debian's 7.0.15 carries the CVE-2024-31227 fix, so `%~pattern` is refused as on 7.2.6+ (we
 * report it for every 7.x target).
 *
 * Run: node --import tsx --test test/oracle/aclLoad.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aclFileFindings, configUserFindings } from '../../server/src/analysis/acl/validate';
import { aclFeatures, selectorMerging } from '../../server/src/analysis/acl/permissions';
import type { Finding, Settings } from '../../server/src/analysis/types';
import type { TargetId } from '../../server/src/knowledge/types';
import { quoting } from '../../server/src/knowledge/features';
import { parseAcl } from '../../server/src/syntax/aclParser';
import { classifyRules, hasSpaceOrNul } from '../../server/src/syntax/aclRules';
import { parseConfig } from '../../server/src/syntax/configParser';
import type { Range } from '../../server/src/syntax/text';
import { generateAclFiles, generateConfigCases } from '../support/aclGenerator';
import { startAclServer, startupCheck, type AclServer } from '../support/aclOracle';
import { mapLimit, oracleVersions, targetOf } from '../support/redisServer';

const ACL_FILES = 2200;
const CONFIGS = 1200;

function settingsOf(target: TargetId): Settings {
  return { target, profile: 'production' };
}

/** Redis counts lines by `\n` only. */
function redisLine(text: string, offsetOf: (r: Range) => number, range: Range): number {
  const offset = offsetOf(range);
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** An error as reported: a rule may report a milder case as a warning (Redis 6.0's duplicate users). */
function isError(f: Finding): boolean {
  return f.severity === 'error';
}

interface AclPrediction {
  readonly errorLines: Set<number>;
  /** Sending this file would crash redis-server. */
  readonly crashes: boolean;
  readonly flaggedCrash: boolean;
}

function predictAclFile(text: string, target: TargetId): AclPrediction {
  const { tree, errors } = parseAcl(text);
  const offsetOf = (r: Range): number => tree.index.offsetAt(r.start);
  const errorLines = new Set<number>();
  for (const e of errors) errorLines.add(redisLine(text, offsetOf, e.range));
  const findings = aclFileFindings(tree, settingsOf(target));
  for (const f of findings) if (isError(f)) errorLines.add(redisLine(text, offsetOf, f.range));
  // Redis crashes on a line that gets as far as merging selectors (shape, name and
  // duplicate checks passed) with an unclosed selector after at least one rule.
  const created = new Set<string>();
  let crashes = false;
  for (const l of aclFeatures(target).selectors ? tree.lines : []) {
    if (!l.valid || !l.user || hasSpaceOrNul(l.user.value)) continue;
    if (created.has(l.user.value)) continue;
    created.add(l.user.value);
    if ((classifyRules(l.rules, tree.index, selectorMerging(target)).unclosed?.rulesBefore ?? 0) > 0) crashes = true;
  }
  const flaggedCrash = findings.some((f) => f.code === 'acl-unclosed-selector' && f.data?.crashes === true);
  return { errorLines, crashes, flaggedCrash };
}

function show(text: string): string {
  return JSON.stringify(text);
}

interface ConfigPrediction {
  readonly errorLines: Set<number>;
  /** Users whose `user` line has an error. */
  readonly errorUsers: Set<string>;
}
function predictConfig(body: string, target: TargetId): ConfigPrediction {
  const { tree, errors } = parseConfig(body, quoting(target));
  const offsetOf = (r: Range): number => tree.index.offsetAt(r.start);
  const errorLines = new Set<number>();
  for (const e of errors) errorLines.add(redisLine(body, offsetOf, e.range));
  for (const f of configUserFindings(tree, settingsOf(target))) if (isError(f)) errorLines.add(redisLine(body, offsetOf, f.range));
  const errorUsers = new Set<string>();
  for (const d of tree.directives) if (d.name === 'user' && errorLines.has(d.redisLine) && d.tokens[1]) errorUsers.add(d.tokens[1].value);
  return { errorLines, errorUsers };
}

for (const version of oracleVersions()) {
  const target = targetOf(version);
  const selectors = aclFeatures(target).selectors;

  test(`${version}: ACL LOAD: the server refuses a file exactly when we report an error (${target}), on the same lines`, { timeout: 300_000 }, async () => {
    const files = generateAclFiles(ACL_FILES, 0xac1f11e, target);
    let server: AclServer = await startAclServer(version);
    let agree = 0;
    let sent = 0;
    let refused = 0;
    const crashes: string[] = [];
    const disagreements: string[] = [];
    const started = Date.now();
    try {
      for (const text of files) {
        const p = predictAclFile(text, target);
        if (p.crashes) {
          crashes.push(text);
          continue;
        }
        sent++;
        const r = await server.load(text);
        if (!server.alive()) {
          disagreements.push(`server died on ${show(text)}`);
          await server.stop();
          server = await startAclServer(version);
          continue;
        }
        if (!r.ok) refused++;
        const ours = [...p.errorLines].sort((a, b) => a - b);
        const theirs = [...r.lines].sort((a, b) => a - b);
        if (r.ok === (ours.length === 0) && JSON.stringify(ours) === JSON.stringify(theirs)) agree++;
        else
          disagreements.push(
            `${show(text)}: the server ${r.ok ? 'accepts' : `refuses lines ${theirs.join(',')} (${r.message})`}, we report errors on lines ${ours.join(',') || 'none'}`,
          );
      }
    } finally {
      await server.stop();
    }
    console.log(
      `acl load oracle ${version} (${target}): ${agree}/${sent} files agree (${refused} refused by the server, ${crashes.length} crash inputs not sent) in ${Date.now() - started} ms`,
    );
    assert.deepEqual(disagreements.slice(0, 20), []);
    assert.ok(sent >= 2000, `only ${sent} files sent`);
    for (const text of crashes) assert.ok(predictAclFile(text, target).flaggedCrash, `crash input not flagged: ${show(text)}`);
  });

  test(`${version}: inputs known to crash ACL LOAD are flagged as such, and not sent`, () => {
    for (const text of ['user bob on (~app:* +get\n', 'user bob  (~x +get\n', 'user default on nopass ~* &* +@all\nuser a on >pw (~x (+get\n']) {
      const p = predictAclFile(text, target);
      // Before selectors (Redis 6), '(' starts no selector: an unknown rule, no crash.
      assert.equal(p.crashes && p.flaggedCrash, selectors, text);
    }
    const safe = predictAclFile('user bob (~x +get\n', target);
    assert.ok(!safe.crashes && safe.errorLines.has(1));
  });

  test(`${version}: startup with an aclfile agrees with ACL LOAD`, { timeout: 120_000 }, async () => {
    const files = generateAclFiles(60, 0x57a27, target).filter((t) => !predictAclFile(t, target).crashes);
    const results = await mapLimit(files, 4, (text) => startupCheck('aclfile $DIR/users.acl', { 'users.acl': text }, version));
    const bad: string[] = [];
    files.forEach((text, i) => {
      const r = results[i];
      const expectOk = predictAclFile(text, target).errorLines.size === 0;
      if (r?.accepted !== expectOk) bad.push(`${show(text)}: startup ${r?.accepted ? 'ok' : `refused (${r?.message ?? ''})`}`);
      else if (!r.accepted && !/ACL/.test(r.message)) bad.push(`${show(text)}: unexpected message ${r.message}`);
    });
    assert.deepEqual(bad, []);
  });

  test(`${version}: redis.conf user lines: the server refuses to start exactly when we report an error (${target})`, { timeout: 300_000 }, async () => {
    const cases = generateConfigCases(CONFIGS, 0xc0f1905, target);
    const started = Date.now();
    const results = await mapLimit(cases, 4, (c) => startupCheck(c.body, c.files, version));
    let agree = 0;
    let refused = 0;
    const disagreements: string[] = [];
    cases.forEach((c, i) => {
      const r = results[i];
      if (!r) return;
      const p = predictConfig(c.body, target);
      const weRefuse = p.errorLines.size > 0;
      if (!r.accepted) refused++;
      let ok = r.accepted === !weRefuse;
      if (ok && !r.accepted && r.line !== undefined) ok = p.errorLines.has(r.line);
      if (ok && !r.accepted && r.user !== undefined) ok = p.errorUsers.has(r.user);
      if (ok) agree++;
      else
        disagreements.push(
          `${show(c.body)}: the server ${r.accepted ? 'starts' : `refuses (line ${r.line ?? '?'}, user ${r.user ?? '?'}: ${r.message})`}, we report errors on lines ${[...p.errorLines].join(',') || 'none'}`,
        );
    });
    console.log(
      `acl config oracle ${version} (${target}): ${agree}/${cases.length} redis.conf files agree (${refused} refused by the server) in ${Date.now() - started} ms`,
    );
    assert.deepEqual(disagreements.slice(0, 20), []);
  });

  test(
    `${version}: the crash is real: ACL LOAD of an unclosed selector after a rule kills the server, not without the rule`,
    { timeout: 60_000, skip: selectors ? false : `${target} has no selectors` },
    async () => {
      for (const [text, dies] of [
        ['user default on nopass ~* &* +@all\nuser bob (~x +get\n', false],
        ['user default on nopass ~* &* +@all\nuser bob on (~x +get\n', true],
      ] as const) {
        assert.equal(predictAclFile(text, target).crashes, dies);
        const server = await startAclServer(version);
        try {
          const r = await server.load(text).catch((e: unknown) => ({ ok: false, lines: new Set<number>(), message: String(e) }));
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (!dies) assert.deepEqual([...r.lines], [2], r.message);
          if (dies) assert.match(r.message, /connection closed|ECONNRESET|EPIPE/i);
        } finally {
          await server.stop();
        }
      }
    },
  );
}
