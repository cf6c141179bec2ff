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
import { esc, formatOutcome, judge, percent, tally, verdictOf, writeOracleReport } from '../support/configOracle';
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

    const { accepted, verdictAgree, lined, sameLine, agree, excepted, failures } = tally(outcomes, exceptions);
    failures.sort((a, b) => a.c.body.length - b.c.body.length);
    const summary =
      `sentinel oracle ${version} (${target}): ${agree}/${outcomes.length} files agree; accept/refuse ${verdictAgree}/${outcomes.length} (${percent(verdictAgree, outcomes.length)}), ` +
      `same line ${sameLine}/${lined} (${percent(sameLine, lined)}); ${accepted} accepted, ${outcomes.length - accepted} refused; ${excepted} excepted; ${seconds.toFixed(1)} s`;
    t.diagnostic(summary);
    console.log(summary);
    writeOracleReport(process.env.SENTINEL_ORACLE_REPORT, version, outcomes);
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
