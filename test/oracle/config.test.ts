/**
 * Oracle test: the analyzer against every live server (Redis 6.0.16, 7.0.15, 8.0.2, Valkey 8.1.1,
 * 9.1.2; narrowed by $REDIS_ORACLE_VERSIONS) on thousands of generated config files per version
 * (test/support/configGenerator.ts, drawn from that version's own table).
 *
 * For each file: the server refuses it  <=>  we report at least one error (the target whose
 * table was checked against that server, profile production; the errors of the security
 * checklist, such as no-auth, are advice and do not count, except tls-incomplete, which is a
 * refusal at startup); and when the server names a line (`FATAL CONFIG FILE ERROR ... at line N`),
 * our first error is on that line. When it names no line but quotes the lines it could not
 * resolve (`>>> 'name value'`: Redis 8.0 sends every unknown name to the modules, and every
 * version does so with a dotted name), each quoted line is one we report an error on and we
 * report no error Redis would have named first. When it names nothing (a missing include, a data
 * file it cannot load...), only the refusal must agree.
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
import { writeFileSync } from 'node:fs';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import type { FileSource } from '../../server/src/analysis/configModel';
import type { Finding } from '../../server/src/analysis/types';
import { RULES } from '../../server/src/knowledge/rules';
import type { TargetId } from '../../server/src/knowledge/types';
import { quoting } from '../../server/src/knowledge/versions';
import { parseConfig } from '../../server/src/syntax/configParser';
import { expectedCategories, generateConfigFiles, machineDependent, type ConfigCase } from '../support/configGenerator';
import { exceptionsFor } from '../support/oracleExceptions';
import { oracleVersions, probeConfigs, targetOf, type ProbeResult } from '../support/redisServer';

// ---------------------------------------------------------------------------------------------
// The server's verdict

interface ServerVerdict {
  readonly accepted: boolean;
  /** The body line (1-based) the server named, when it named one. */
  readonly line?: number;
  /** The `name value` texts of the settings it could not resolve, when it quoted them. */
  readonly unresolved?: readonly string[];
  readonly message?: string;
  readonly exit?: string;
}

/** The trimmed text of body line `n` (1-based), as the server echoes it. */
function bodyLine(body: string, n: number): string | undefined {
  const l = body.split('\n')[n - 1];
  return l === undefined ? undefined : l.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

/** Every `>>> 'text'` the log quotes without a line number (settings no module claimed). */
function unresolvedInLog(log: string): string[] {
  return [...log.matchAll(/^\d+:[A-Z] [^#\n]*# >>> '(.*)'$/gm)].map((m) => m[1] as string);
}

function verdictOf(body: string, r: ProbeResult): ServerVerdict {
  if (r.accepted) return { accepted: true };
  const base = { accepted: false, message: r.message ?? '', exit: r.exit };
  if (r.line === undefined) {
    const unresolved = unresolvedInLog(r.log);
    return unresolved.length ? { ...base, unresolved } : base;
  }
  // The harness must know which line the server means: a body line, echoed as we trim it.
  const expected = r.line >= 1 ? bodyLine(body, r.line) : undefined;
  if (expected === undefined || !r.echoed || !r.echoed.equals(Buffer.from(expected, 'utf8'))) {
    throw new Error(`harness: the server names body line ${r.line} (${JSON.stringify(r.echoed?.toString('utf8'))}), which is ${JSON.stringify(expected)}; body:\n${body}`);
  }
  return { ...base, line: r.line };
}

// ---------------------------------------------------------------------------------------------
// Our side

/** The files the server can see: a fresh directory with nothing but its own config. */
const EMPTY_DIR: FileSource = { read: () => undefined, glob: () => [] };

function analyze(body: string, target: TargetId): readonly Finding[] {
  return analyzeDocument(body, 'config', { target, profile: 'production', targetIsDefault: false }, { path: '/oracle/redis.conf', source: EMPTY_DIR }).findings;
}

/**
 * Security rules that describe a refusal at startup rather than advice (the others, such as
 * no-auth, are errors of the production checklist on files the server loads happily).
 */
const SECURITY_REFUSALS = new Set<string>(['tls-incomplete']);

/** An error that says the server refuses the file. */
function isRefusal(f: Finding): boolean {
  if (f.severity !== 'error') return false;
  const rule = RULES[f.code] as { security?: boolean } | undefined;
  return rule?.security !== true || SECURITY_REFUSALS.has(f.code);
}

/** A C string's view of a value: up to its first NUL byte. */
function cut(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/**
 * The body lines (1-based) an unresolved `name value` comes from: the lines of that directive
 * name, when one of them has that value (its arguments joined by one space; name and value
 * printed as C strings). The server keeps one value per name, the last one read; a finding on
 * any line of that name says the same.
 */
function unresolvedLines(body: string, text: string, target: TargetId): number[] {
  const { tree } = parseConfig(body, quoting(target));
  const lines = tree.directives.filter((d) => !d.broken && d.tokens.length >= 2);
  const hit = lines.find((d) => `${cut(d.name)} ${cut(d.tokens.slice(1).map((t) => t.value).join(' '))}` === text);
  return hit ? lines.filter((d) => d.name === hit.name).map((d) => d.redisLine) : [];
}

interface Outcome {
  readonly c: ConfigCase;
  readonly server: ServerVerdict;
  readonly errors: readonly Finding[];
  /** Refused by both. */
  readonly bothRefuse: boolean;
  /** The server named (or quoted) lines, and ours agree with them. */
  readonly sameLine?: boolean;
  readonly agree: boolean;
  readonly why?: string;
}

function judge(c: ConfigCase, server: ServerVerdict, target: TargetId): Outcome {
  // The header and the command line replace the listeners (port 0, a Unix socket), so what
  // happens when the server opens its own sockets cannot be seen here.
  const errors = analyze(c.body, target)
    .filter(isRefusal)
    .filter((e) => e.data?.socket !== true);
  // Checks the server makes once the whole file is read name no line: they never come before a
  // line it names, so only the others decide "our first error".
  const lineErrors = errors.filter((e) => e.data?.afterLoad !== true);
  const first = lineErrors.length ? Math.min(...lineErrors.map((e) => e.range.start.line)) + 1 : undefined;
  const base = { c, server, errors };
  if (server.accepted) return { ...base, bothRefuse: false, agree: errors.length === 0, why: errors.length ? 'we report an error, the server accepts' : undefined };
  if (errors.length === 0) return { ...base, bothRefuse: false, agree: false, why: 'the server refuses, we report no error' };
  if (server.line !== undefined) {
    // With no error at a line, a check made once the file is read may still name its line
    // (Redis 6.0 names the replicaof line a cluster node refuses).
    const same = first !== undefined ? server.line === first : errors.some((e) => e.range.start.line + 1 === server.line);
    return { ...base, bothRefuse: true, sameLine: same, agree: same, why: same ? undefined : `the server names line ${server.line}, our first error is on line ${first ?? 'none (only after-load errors)'}` };
  }
  if (server.unresolved) {
    const ourLines = new Set(errors.map((e) => e.range.start.line + 1));
    const missed = server.unresolved.filter((u) => !unresolvedLines(c.body, u, target).some((l) => ourLines.has(l)));
    const why = first !== undefined ? `the server reads every line (it quotes ${JSON.stringify(server.unresolved)}), our first error is on line ${first}` : missed.length ? `the server quotes ${JSON.stringify(missed)}, we report no error there` : undefined;
    return { ...base, bothRefuse: true, sameLine: why === undefined, agree: why === undefined, ...(why ? { why } : {}) };
  }
  return { ...base, bothRefuse: true, agree: true };
}

// ---------------------------------------------------------------------------------------------
// Reporting

function esc(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function clip(s: string, max = 300): string {
  return s.length <= max ? s : `${s.slice(0, max)}... (${s.length} chars)`;
}

function describeServer(r: ServerVerdict): string {
  if (r.accepted) return 'accepts';
  const where = r.line !== undefined ? ` at line ${r.line}` : r.unresolved ? ` (quotes ${JSON.stringify(r.unresolved)})` : ' (no line)';
  return `refuses${where}: ${r.message ?? ''}${r.exit && r.exit !== 'exit 1' ? ` [${r.exit}]` : ''}`;
}

function describeOurs(errors: readonly Finding[]): string {
  if (!errors.length) return 'no error';
  return errors
    .slice(0, 3)
    .map((e) => `line ${e.range.start.line + 1} ${e.code}: ${e.message.split('\n')[0]}`)
    .join(' | ');
}

function formatOutcome(o: Outcome): string {
  return `${clip(esc(o.c.body))}  [${o.c.id}]\n      ${o.why}\n      server: ${clip(describeServer(o.server))}\n      ours:   ${clip(describeOurs(o.errors))}`;
}

function percent(n: number, of: number): string {
  return of === 0 ? 'n/a' : `${((100 * n) / of).toFixed(2)}%`;
}

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

    const accepted = outcomes.filter((o) => o.server.accepted).length;
    const withLine = outcomes.filter((o) => o.server.line !== undefined).length;
    const quoting = outcomes.filter((o) => o.server.unresolved !== undefined).length;
    const lineAfterFirst = outcomes.filter((o) => (o.server.line ?? 0) > 1).length;
    const verdictAgree = outcomes.filter((o) => o.server.accepted === (o.errors.length === 0)).length;
    const lined = outcomes.filter((o) => o.bothRefuse && o.sameLine !== undefined);
    const sameLine = lined.filter((o) => o.sameLine).length;
    const agree = outcomes.filter((o) => o.agree).length;
    const disagreeing = outcomes.filter((o) => !o.agree);
    const excepted = disagreeing.filter((o) => exceptions.has(o.c.body));
    const failures = disagreeing.filter((o) => !exceptions.has(o.c.body));

    const summary =
      `config oracle ${version} (${target}): ${agree}/${outcomes.length} files agree; accept/refuse ${verdictAgree}/${outcomes.length} (${percent(verdictAgree, outcomes.length)}), ` +
      `same first line ${sameLine}/${lined.length} (${percent(sameLine, lined.length)}); ${accepted} accepted, ${outcomes.length - accepted} refused ` +
      `(${withLine} with a line, ${lineAfterFirst} past line 1, ${quoting} quoting unresolved settings); ${excepted.length} excepted; ${seconds.toFixed(1)} s`;
    t.diagnostic(summary);
    console.log(summary);

    if (process.env.CONFIG_ORACLE_REPORT) {
      writeFileSync(
        `${process.env.CONFIG_ORACLE_REPORT}.${version}.json`,
        JSON.stringify(
          outcomes.map((o) => ({ id: o.c.id, body: o.c.body, agree: o.agree, why: o.why, server: o.server, ours: o.errors.map((e) => ({ line: e.range.start.line + 1, code: e.code, message: e.message })) })),
          null,
          1,
        ),
      );
    }

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
    const norm = (l: string): string => l.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '').replace(/^("?)([^\s"]+)\1(?=\s|$)/, (_m, _q: string, w: string) => w.toLowerCase());
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
