/**
 * The verdict of the config oracles (test/oracle/config.test.ts, sentinel.test.ts): what the
 * server said about a file and whether the analyzer agrees.
 *
 * The server refuses a file  <=>  we report at least one error (the errors of the security
 * checklist, such as no-auth, are advice and do not count, except tls-incomplete, which is a
 * refusal at startup); and when the server names a line (`FATAL CONFIG FILE ERROR ... at line N`),
 * our first error is on that line, or, when the refusal comes once the file is read (we report
 * no error at a line before it), one of ours is. When it names no line but quotes the lines it
 * could not resolve (`>>> 'name value'`: Redis 8.0 sends every unknown name to the modules, and
 * every version does so with a dotted name), each quoted line is one we report an error on and we
 * report no error the server would have named first. When it names nothing (a missing include, a
 * data file it cannot load...), only the refusal must agree.
 */
import { writeFileSync } from 'node:fs';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import type { FileSource } from '../../server/src/analysis/configModel';
import type { DocumentKind, Finding } from '../../server/src/analysis/types';
import { RULES } from '../../server/src/knowledge/rules';
import type { TargetId } from '../../server/src/knowledge/types';
import { quoting } from '../../server/src/knowledge/features';
import { parseConfig } from '../../server/src/syntax/configParser';
import type { ProbeResult } from './redisServer';

/** A generated file. */
export interface OracleCase {
  readonly id: string;
  readonly category: string;
  readonly body: string;
}

// ---------------------------------------------------------------------------------------------
// The server's verdict

export interface ServerVerdict {
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

export function verdictOf(body: string, r: ProbeResult): ServerVerdict {
  if (r.accepted) return { accepted: true };
  const base = { accepted: false, message: r.message ?? '', exit: r.exit };
  if (r.line === undefined) {
    const unresolved = unresolvedInLog(r.log);
    return unresolved.length ? { ...base, unresolved } : base;
  }
  // The harness must know which line the server means: a body line, echoed as we trim it.
  const expected = r.line >= 1 ? bodyLine(body, r.line) : undefined;
  if (expected === undefined || !r.echoed || !r.echoed.equals(Buffer.from(expected, 'utf8'))) {
    throw new Error(
      `harness: the server names body line ${r.line} (${JSON.stringify(r.echoed?.toString('utf8'))}), which is ${JSON.stringify(expected)}; body:\n${body}`,
    );
  }
  return { ...base, line: r.line };
}

// ---------------------------------------------------------------------------------------------
// Our side

/** The files the server can see: a fresh directory with nothing but its own config. */
const EMPTY_DIR: FileSource = { read: () => undefined, glob: () => [] };

function analyze(body: string, target: TargetId, kind: DocumentKind): readonly Finding[] {
  return analyzeDocument(
    body,
    kind,
    { target, profile: 'production', targetIsDefault: false },
    { path: kind === 'sentinel' ? '/oracle/sentinel.conf' : '/oracle/redis.conf', source: EMPTY_DIR },
  ).findings;
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
  const hit = lines.find(
    (d) =>
      `${cut(d.name)} ${cut(
        d.tokens
          .slice(1)
          .map((t) => t.value)
          .join(' '),
      )}` === text,
  );
  return hit ? lines.filter((d) => d.name === hit.name).map((d) => d.redisLine) : [];
}

export interface Outcome {
  readonly c: OracleCase;
  readonly server: ServerVerdict;
  readonly errors: readonly Finding[];
  /** Refused by both. */
  readonly bothRefuse: boolean;
  /** The server named (or quoted) lines, and ours agree with them. */
  readonly sameLine?: boolean;
  readonly agree: boolean;
  readonly why?: string;
}

export function judge(c: OracleCase, server: ServerVerdict, target: TargetId, kind: DocumentKind = 'config'): Outcome {
  // The header and the command line replace the listeners (port 0, a Unix socket), so what
  // happens when the server opens its own sockets cannot be seen here.
  const errors = analyze(c.body, target, kind)
    .filter(isRefusal)
    .filter((e) => e.data?.socket !== true);
  // Checks the server makes once the whole file is read name no line: they never come before a
  // line it names, so only the others decide "our first error".
  const lineErrors = errors.filter((e) => e.data?.afterLoad !== true);
  const first = lineErrors.length ? Math.min(...lineErrors.map((e) => e.range.start.line)) + 1 : undefined;
  const base = { c, server, errors };
  if (server.accepted)
    return { ...base, bothRefuse: false, agree: errors.length === 0, why: errors.length ? 'we report an error, the server accepts' : undefined };
  if (errors.length === 0) return { ...base, bothRefuse: false, agree: false, why: 'the server refuses, we report no error' };
  if (server.line !== undefined) {
    // With no error at a line, a check made once the file is read may still name its line
    // (Redis 6.0 names the replicaof line a cluster node refuses).
    const same = first !== undefined ? server.line === first : errors.some((e) => e.range.start.line + 1 === server.line);
    return {
      ...base,
      bothRefuse: true,
      sameLine: same,
      agree: same,
      why: same ? undefined : `the server names line ${server.line}, our first error is on line ${first ?? 'none (only after-load errors)'}`,
    };
  }
  if (server.unresolved) {
    const ourLines = new Set(errors.map((e) => e.range.start.line + 1));
    const missed = server.unresolved.filter((u) => !unresolvedLines(c.body, u, target).some((l) => ourLines.has(l)));
    const why =
      first !== undefined
        ? `the server reads every line (it quotes ${JSON.stringify(server.unresolved)}), our first error is on line ${first}`
        : missed.length
          ? `the server quotes ${JSON.stringify(missed)}, we report no error there`
          : undefined;
    return { ...base, bothRefuse: true, sameLine: why === undefined, agree: why === undefined, ...(why ? { why } : {}) };
  }
  return { ...base, bothRefuse: true, agree: true };
}

// ---------------------------------------------------------------------------------------------
// Reporting

export function esc(s: string): string {
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

export function formatOutcome(o: Outcome): string {
  return `${clip(esc(o.c.body))}  [${o.c.id}]\n      ${o.why}\n      server: ${clip(describeServer(o.server))}\n      ours:   ${clip(describeOurs(o.errors))}`;
}

export function percent(n: number, of: number): string {
  return of === 0 ? 'n/a' : `${((100 * n) / of).toFixed(2)}%`;
}

/** The counts both file oracles (redis.conf and sentinel.conf) report, and the disagreements not excepted. */
export interface Tally {
  readonly accepted: number;
  /** Files where the server and the analyzer both accept or both refuse. */
  readonly verdictAgree: number;
  /** Files both refuse at a line, and how many of those name the same line. */
  readonly lined: number;
  readonly sameLine: number;
  readonly agree: number;
  readonly excepted: number;
  readonly failures: Outcome[];
}

export function tally(outcomes: readonly Outcome[], exceptions: { has(body: string): boolean }): Tally {
  const lined = outcomes.filter((o) => o.bothRefuse && o.sameLine !== undefined);
  const disagreeing = outcomes.filter((o) => !o.agree);
  return {
    accepted: outcomes.filter((o) => o.server.accepted).length,
    verdictAgree: outcomes.filter((o) => o.server.accepted === (o.errors.length === 0)).length,
    lined: lined.length,
    sameLine: lined.filter((o) => o.sameLine).length,
    agree: outcomes.length - disagreeing.length,
    excepted: disagreeing.filter((o) => exceptions.has(o.c.body)).length,
    failures: disagreeing.filter((o) => !exceptions.has(o.c.body)),
  };
}

/** Every outcome as JSON, for reading a run's disagreements offline (`<prefix>.<version>.json`). */
export function writeOracleReport(prefix: string | undefined, version: string, outcomes: readonly Outcome[]): void {
  if (!prefix) return;
  const rows = outcomes.map((o) => ({
    id: o.c.id,
    body: o.c.body,
    agree: o.agree,
    why: o.why,
    server: o.server,
    ours: o.errors.map((e) => ({ line: e.range.start.line + 1, code: e.code, message: e.message })),
  }));
  writeFileSync(`${prefix}.${version}.json`, JSON.stringify(rows, null, 1));
}
