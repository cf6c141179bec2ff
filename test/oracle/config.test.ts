/**
 * Oracle test: the analyzer against every live server (Redis 6.0.16, 7.0.15, 8.0.2, Valkey 8.1.1,
 * 9.1.2; narrowed by $REDIS_ORACLE_VERSIONS) on thousands of generated config files per version
 * (test/support/configGenerator.ts, drawn from that version's own table).
 *
 * For each file: the server refuses it  <=>  we report at least one error (with the target whose
 * table was checked against that server, profile production), and we report an error on the line
 * the server names, first (the rule in full: test/support/configOracle.ts).
 *
 * Each file is loaded by `probeConfig` (test/support/redisServer.ts) after a header that keeps the
 * server off the network, with command-line options applied after the file (`--port 0
 * --unixsocket ... --daemonize no --logfile "" --loglevel notice`): a generated `port`,
 * `unixsocket`, `daemonize`, `logfile` or `loglevel` line is still parsed and checked, but cannot
 * make the server listen on TCP, detach, or hide its log. A file is accepted when the server logs
 * that it is ready; it is then killed by its PID. A refused file makes the server exit at once.
 *
 * Disagreements fail the test unless exceptions.json lists the exact body (for that version) with
 * a reason. Set CONFIG_ORACLE_REPORT=<prefix> to get every outcome as JSON in <prefix>.<version>.json.
 *
 * Run: node --import tsx --test test/oracle/config.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedCategories, generateConfigFiles, machineDependent } from '../support/configGenerator';
import { esc, formatOutcome, judge, percent, tally, verdictOf, writeOracleReport, type Outcome } from '../support/configOracle';
import { exceptionsFor } from '../support/oracleExceptions';
import { oracleVersions, probeConfigs, targetOf, type ProbeResult } from '../support/redisServer';

// ---------------------------------------------------------------------------------------------

for (const version of oracleVersions()) {
  const target = targetOf(version);
  test(`${version}: generated config files: the analyzer (${target}) refuses exactly what the server refuses`, { timeout: 900_000 }, async (t) => {
    const exceptions = exceptionsFor(version);
    for (const body of machineDependent(target)) assert.ok(exceptions.has(body), `exceptions.json lacks the machine-dependent body ${esc(body)}`);

    const cases = generateConfigFiles(target);
    assert.deepEqual(
      generateConfigFiles(target).map((c) => c.body),
      cases.map((c) => c.body),
      'the generator is not deterministic',
    );
    assert.ok(cases.length >= 2000, `only ${cases.length} files generated`);
    assert.equal(new Set(cases.map((c) => c.id)).size, cases.length, 'duplicate case ids');

    const started = Date.now();
    const results = await probeConfigs(
      cases.map((c) => c.body),
      { version },
    );
    const outcomes = cases.map((c, i) => judge(c, verdictOf(c.body, results[i] as ProbeResult), target));
    const seconds = (Date.now() - started) / 1000;

    const { accepted, verdictAgree, lined, sameLine, agree, excepted, failures } = tally(outcomes, exceptions);
    const withLine = outcomes.filter((o) => o.server.line !== undefined).length;
    const quoting = outcomes.filter((o) => o.server.unresolved !== undefined).length;
    const lineAfterFirst = outcomes.filter((o) => (o.server.line ?? 0) > 1).length;

    const summary =
      `config oracle ${version} (${target}): ${agree}/${outcomes.length} files agree; accept/refuse ${verdictAgree}/${outcomes.length} (${percent(verdictAgree, outcomes.length)}), ` +
      `same first line ${sameLine}/${lined} (${percent(sameLine, lined)}); ${accepted} accepted, ${outcomes.length - accepted} refused ` +
      `(${withLine} with a line, ${lineAfterFirst} past line 1, ${quoting} quoting unresolved settings); ${excepted} excepted; ${seconds.toFixed(1)} s`;
    t.diagnostic(summary);
    console.log(summary);

    writeOracleReport(process.env.CONFIG_ORACLE_REPORT, version, outcomes);

    // The mix must stay meaningful if the generator changes.
    const byCategory = new Map<string, number>();
    for (const c of cases) byCategory.set(c.category.split(':')[0] as string, (byCategory.get(c.category.split(':')[0] as string) ?? 0) + 1);
    for (const cat of expectedCategories(target)) assert.ok((byCategory.get(cat) ?? 0) >= 5, `only ${byCategory.get(cat) ?? 0} files of category ${cat}`);
    assert.ok(accepted >= 500 && outcomes.length - accepted >= 500, `unbalanced mix: ${accepted} accepted of ${outcomes.length}`);
    assert.ok(lineAfterFirst >= 100, `only ${lineAfterFirst} files where the server names a line past line 1`);

    // Multi-line files that disagree because one of their lines disagrees on its own add nothing:
    // count them, and show the rest, shortest first.
    // (Lines are compared trimmed, with the first word unquoted and lower-cased: the multi-line
    // generator writes names in other cases.)
    const norm = (l: string): string =>
      l.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '').replace(/^("?)([^\s"]+)\1(?=\s|$)/, (_m, _q: string, w: string) => w.toLowerCase());
    const failingLines = new Set(failures.filter((o) => !o.c.body.includes('\n')).map((o) => norm(o.c.body)));
    const explained = (o: Outcome): boolean => o.c.body.includes('\n') && o.c.body.split('\n').some((l) => failingLines.has(norm(l)));
    const own = failures.filter((o) => !explained(o)).sort((a, b) => a.c.body.length - b.c.body.length);
    const shown = own.slice(0, 80).map(formatOutcome);
    assert.equal(
      failures.length,
      0,
      [
        `${version}: ${failures.length} disagreement(s): ${own.length} shown below${own.length > shown.length ? ` (the first ${shown.length})` : ''}, ` +
          `and ${failures.length - own.length} multi-line file(s) holding one of the disagreeing lines below:`,
        ...shown.map((x) => `  ${x}`),
      ].join('\n'),
    );
  });
}
