/**
 * Oracle test: the analyzer against every live server run as Sentinel (`--sentinel`; Redis 6.0.16,
 * 7.0.15, 8.0.2, Valkey 8.1.1, 9.1.2, narrowed by $REDIS_ORACLE_VERSIONS) on generated sentinel.conf
 * files (test/support/sentinelGenerator.ts, from the target's own Sentinel table).
 *
 * The verdict is the config oracle's (test/support/configOracle.ts), with the file read as a
 * sentinel.conf. Sentinel reads its `sentinel` lines once the whole file is read (Redis 7.0 on;
 * 6.0 reads each where it stands), settings first, then the monitored masters, then the rest, and
 * names the line of the first one it refuses.
 *
 * Run: node --import tsx --test test/oracle/sentinel.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { esc, formatOutcome, judge, percent, verdictOf } from '../support/configOracle';
import { exceptionsFor } from '../support/oracleExceptions';
import { oracleVersions, probeConfigs, targetOf, type ProbeResult } from '../support/redisServer';
import { generateSentinelFiles, machineDependentSentinel } from '../support/sentinelGenerator';

for (const version of oracleVersions()) {
  const target = targetOf(version);
  test(`${version}: generated sentinel.conf files: the analyzer (${target}) refuses exactly what Sentinel refuses`, { timeout: 600_000 }, async (t) => {
    const exceptions = exceptionsFor(version);
    for (const body of machineDependentSentinel()) assert.ok(exceptions.has(body), `exceptions.json lacks the machine-dependent body ${esc(body)}`);
    const cases = generateSentinelFiles(target);
    assert.deepEqual(
      generateSentinelFiles(target).map((c) => c.body),
      cases.map((c) => c.body),
      'the generator is not deterministic',
    );
    assert.ok(cases.length >= 2000, `only ${cases.length} files generated`);

    const started = Date.now();
    const results = await probeConfigs(
      cases.map((c) => c.body),
      { version, sentinel: true },
    );
    const outcomes = cases.map((c, i) => judge(c, verdictOf(c.body, results[i] as ProbeResult), target, 'sentinel'));
    const seconds = (Date.now() - started) / 1000;

    const accepted = outcomes.filter((o) => o.server.accepted).length;
    const verdictAgree = outcomes.filter((o) => o.server.accepted === (o.errors.length === 0)).length;
    const lined = outcomes.filter((o) => o.bothRefuse && o.sameLine !== undefined);
    const sameLine = lined.filter((o) => o.sameLine).length;
    const agree = outcomes.filter((o) => o.agree).length;
    const disagreeing = outcomes.filter((o) => !o.agree);
    const excepted = disagreeing.filter((o) => exceptions.has(o.c.body));
    const failures = disagreeing.filter((o) => !exceptions.has(o.c.body)).sort((a, b) => a.c.body.length - b.c.body.length);
    const summary =
      `sentinel oracle ${version} (${target}): ${agree}/${outcomes.length} files agree; accept/refuse ${verdictAgree}/${outcomes.length} (${percent(verdictAgree, outcomes.length)}), ` +
      `same line ${sameLine}/${lined.length} (${percent(sameLine, lined.length)}); ${accepted} accepted, ${outcomes.length - accepted} refused; ${excepted.length} excepted; ${seconds.toFixed(1)} s`;
    t.diagnostic(summary);
    console.log(summary);
    if (process.env.SENTINEL_ORACLE_REPORT) {
      writeFileSync(
        `${process.env.SENTINEL_ORACLE_REPORT}.${version}.json`,
        JSON.stringify(
          outcomes.map((o) => ({
            id: o.c.id,
            body: o.c.body,
            agree: o.agree,
            why: o.why,
            server: o.server,
            ours: o.errors.map((e) => ({ line: e.range.start.line + 1, code: e.code, message: e.message })),
          })),
          null,
          1,
        ),
      );
    }
    assert.ok(accepted >= 400 && outcomes.length - accepted >= 400, `unbalanced mix: ${accepted} accepted of ${outcomes.length}`);
    assert.equal(
      failures.length,
      0,
      [
        `${version}: ${failures.length} disagreement(s), the first ${Math.min(60, failures.length)}:`,
        ...failures.slice(0, 60).map((o) => `  ${formatOutcome(o)}`),
      ].join('\n'),
    );
  });
}
