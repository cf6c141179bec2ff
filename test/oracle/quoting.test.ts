/**
 * Oracle test: the config tokenizer (`parseConfig`, with the target's splitting rules) against
 * every live server (Redis 6.0.16, 7.0.15, 8.0.2, Valkey 8.1.1, 9.1.2; narrowed by
 * $REDIS_ORACLE_VERSIONS) on lines with tricky quoting, escapes, blanks and comments.
 *
 * For each line our parse gives a prediction:
 *   - a directive line that failed to split      -> "Unbalanced quotes in configuration line"
 *   - a free-string directive with != 2 tokens   -> "wrong number of arguments"
 *   - a first token that is no directive at all  -> "Bad directive or wrong number of arguments"
 *     (Redis 8.0, with a value: kept for the modules and refused once the file is read)
 *   - otherwise (or only comments / blanks)      -> the server starts, and CONFIG GET returns our value
 * and the refusals must name the same line and echo the same trimmed text. The tokenizer
 * differs by version (Valkey 9.1 reads text straight after a closing quote as more of the
 * argument), so each version is predicted with its own rules.
 *
 * Run: node --import tsx --test test/oracle/quoting.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig, type DirectiveLine, type SplitOptions } from '../../server/src/syntax/configParser';
import { directiveNames, directiveVariant } from '../../server/src/knowledge/directives';
import type { TargetId } from '../../server/src/knowledge/types';
import { quoting, supports } from '../../server/src/knowledge/features';
import { MODULE_QUEUE_TEXT } from '../../server/src/analysis/valueChecks';
import { exceptionsFor } from '../support/oracleExceptions';
import { checkConfig, mapLimit, oracleVersions, targetOf, type CheckResult, type OracleVersion } from '../support/redisServer';
import { generateQuotingLines, mulberry32, renderLine, tokenBytes, type GeneratedLine } from '../support/quotingGenerator';

const UNBALANCED = 'Unbalanced quotes in configuration line';
const WRONG_ARGS = 'wrong number of arguments';
const BAD_DIRECTIVE = 'Bad directive or wrong number of arguments';

/** Servers run at once. */
const CONCURRENCY = 4;

/**
 * Directives that take exactly one string and accept anything, and that nothing reads at startup
 * in a standalone server without TLS ports: those of them in the target's table (primary names
 * only) are probed on the live server before use (see `freePool`), which also tells whether the
 * value is kept as a C string (cut at the first NUL byte) or as bytes. Left out: requirepass
 * (would lock us out), aclfile/logfile/pidfile/unixsocket/dir and the *_cpulist ones (used at
 * startup), and the validated ones (file names, host names, addresses, templates).
 */
const FREE_STRING_CANDIDATES: readonly string[] = [
  'masteruser',
  'primaryuser',
  'masterauth',
  'primaryauth',
  'ignore-warnings',
  'replica-announce-ip',
  'bind-source-addr',
  'syslog-ident',
  'cluster-announce-ip',
  'tls-key-file-pass',
  'tls-client-key-file-pass',
  'tls-protocols',
  'tls-ciphers',
  'tls-ciphersuites',
  'tls-cert-file',
  'tls-key-file',
  'tls-client-cert-file',
  'tls-client-key-file',
  'tls-dh-params-file',
  'tls-ca-cert-file',
  'tls-ca-cert-dir',
];

interface FreeDirective {
  readonly name: string;
  /** The value is copied as a C string, so it stops at the first NUL byte (`\x00`). */
  readonly cString: boolean;
}

/** The candidates the target's table has as primary string settings, in that order. */
function candidates(target: TargetId): string[] {
  return FREE_STRING_CANDIDATES.filter((name) => {
    const v = directiveVariant(name, target);
    return v !== undefined && v.kind === 'table' && !v.aliasOf && (v.type === 'string' || v.type === 'sds');
  });
}

/** The directive the generated lines are written for: the replica's user name. */
function defaultDirective(target: TargetId): string {
  return directiveVariant('masteruser', target)?.aliasOf ? 'primaryuser' : 'masteruser';
}

/** What a version does with a line, for our prediction. */
interface Rules {
  readonly target: TargetId;
  readonly split: SplitOptions;
  readonly known: ReadonlySet<string>;
}

function rulesOf(target: TargetId): Rules {
  return { target, split: quoting(target), known: new Set(directiveNames(target)) };
}

/** A C string's view of a name: up to its first NUL byte. */
function cut(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

// ---------------------------------------------------------------------------------------------
// Prediction from our parse

type Expectation =
  | { readonly accepted: true; readonly values: ReadonlyMap<string, Buffer> }
  | { readonly accepted: false; readonly line: number; readonly message: string; readonly echoed: Buffer }
  /** Redis 8.0: refused once the whole file is read, naming no line. */
  | { readonly accepted: false; readonly line: undefined; readonly message: string };

/** The value bytes Redis keeps for a free-string directive. */
function storedBytes(d: DirectiveLine, text: string, f: FreeDirective): Buffer {
  const t = d.tokens[1];
  assert.ok(t, 'two tokens expected');
  const b = tokenBytes(t.value, text.slice(t.start, t.end));
  const nul = f.cString ? b.indexOf(0) : -1;
  return nul >= 0 ? b.subarray(0, nul) : b;
}

/** True when the text has a `\r` that is not part of a `\r\n` (then LSP lines != Redis lines). */
function hasLoneCR(text: string): boolean {
  return /\r(?!\n)/.test(text);
}

/**
 * What the server must do with `text`, judged from our parse alone (with the version's
 * rules), plus any inconsistency in our parse's own error list (which counts as a disagreement).
 */
function predict(text: string, free: ReadonlyMap<string, FreeDirective>, rules: Rules): { exp: Expectation; problems: string[] } {
  const { tree, errors } = parseConfig(text, rules.split);
  const problems: string[] = [];
  // Every unbalanced-quotes error sits on a broken directive line, and each broken line has one.
  const brokenLines = tree.directives.filter((d) => d.broken);
  const unbalanced = errors.filter((e) => e.code === 'unbalanced-quotes');
  if (errors.length !== unbalanced.length) problems.push(`unexpected error codes: ${errors.map((e) => e.code).join(', ')}`);
  for (const d of brokenLines) {
    const onLine = unbalanced.filter((e) => {
      const o = tree.index.offsetAt(e.range.start);
      return o >= d.start && o <= d.end;
    });
    if (onLine.length !== 1) problems.push(`broken line ${d.redisLine} has ${onLine.length} unbalanced-quotes errors`);
    if (!hasLoneCR(text) && onLine[0] && onLine[0].range.start.line !== d.redisLine - 1) {
      problems.push(`unbalanced-quotes error on LSP line ${onLine[0].range.start.line}, Redis line ${d.redisLine}`);
    }
  }
  if (unbalanced.length !== brokenLines.length) problems.push(`${unbalanced.length} unbalanced-quotes errors for ${brokenLines.length} broken lines`);

  const values = new Map<string, Buffer>();
  let deferred = false;
  for (const d of tree.directives) {
    const refuse = (message: string): { exp: Expectation; problems: string[] } => ({
      exp: { accepted: false, line: d.redisLine, message, echoed: Buffer.from(text.slice(d.start, d.end), 'utf8') },
      problems,
    });
    if (d.broken) return refuse(UNBALANCED);
    // Redis 6 reads a name up to a NUL byte.
    const name = !supports(rules.target, 'binary-safe-names') ? cut(d.name) : d.name;
    const f = free.get(name);
    if (f) {
      if (d.tokens.length !== 2) return refuse(WRONG_ARGS);
      values.set(name, storedBytes(d, text, f));
      continue;
    }
    if (rules.known.has(name) || name.includes('.')) {
      throw new Error(`test bug: generated line ${d.redisLine} names another real directive or a module config: ${JSON.stringify(text.slice(d.start, d.end))}`);
    }
    if (supports(rules.target, 'deferred-unknown-names') && d.tokens.length > 1) {
      deferred = true;
      continue;
    }
    return refuse(BAD_DIRECTIVE);
  }
  if (deferred) return { exp: { accepted: false, line: undefined, message: MODULE_QUEUE_TEXT }, problems };
  return { exp: { accepted: true, values }, problems };
}

/** A JSON string literal with every non-ASCII char escaped, so look-alikes (K vs KELVIN SIGN) show. */
function esc(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Bytes shown one char per byte. */
function show(b: Buffer | undefined): string {
  return b === undefined ? 'undefined' : esc(b.toString('latin1'));
}

/** Compares the server's verdict with the expectation; returns the differences (none = agree). */
function compare(exp: Expectation, r: CheckResult): string[] {
  const diffs: string[] = [];
  if (exp.accepted) {
    if (!r.accepted) {
      diffs.push(`we accept, the server refuses: line ${r.line}: ${r.message}${r.echoed ? ` (echo ${show(r.echoed)})` : ''}`);
      return diffs;
    }
    for (const [name, want] of exp.values) {
      const got = r.values?.get(name);
      if (!got || !got.equals(want)) diffs.push(`${name}: the server holds ${show(got)}, our token gives ${show(want)}`);
    }
    return diffs;
  }
  if (r.accepted) return [`we predict line ${exp.line ?? '(none)'}: ${exp.message}; the server accepts`];
  if (r.line !== exp.line || r.message !== exp.message)
    diffs.push(`we predict line ${exp.line ?? '(none)'}: ${exp.message}; the server: line ${r.line ?? '(none)'}: ${r.message}`);
  else if (exp.line !== undefined && (!r.echoed || !r.echoed.equals(exp.echoed)))
    diffs.push(`echoed line differs: the server ${show(r.echoed)}, our trimmed line ${show(exp.echoed)}`);
  return diffs;
}

// ---------------------------------------------------------------------------------------------
// The pool of free-string directives, checked on the server of the version

async function freePool(version: OracleVersion, names: readonly string[]): Promise<FreeDirective[]> {
  // A value with a control byte, a high byte and a NUL tells sds from C strings apart.
  const probe = (i: number): string => `"p${i}\\x01\\xfe\\x00z"`;
  const full = (i: number): Buffer => Buffer.from([...Buffer.from(`p${i}`), 0x01, 0xfe, 0x00, 0x7a]);
  const kind = (got: Buffer | undefined, i: number): FreeDirective['cString'] | undefined => {
    const b = full(i);
    if (got?.equals(b)) return false;
    if (got?.equals(b.subarray(0, b.indexOf(0)))) return true;
    return undefined;
  };
  const attempt = async (list: readonly string[]): Promise<FreeDirective[] | undefined> => {
    const r = await checkConfig(list.map((n, i) => `${n} ${probe(i)}`).join('\n'), { version, configGet: list });
    if (!r.accepted) return undefined;
    const out = list.map((name, i) => ({ name, cString: kind(r.values?.get(name), i) }));
    return out.every((f) => f.cString !== undefined) ? (out as FreeDirective[]) : undefined;
  };
  const all = await attempt(names);
  if (all) return all;
  const ok: FreeDirective[] = [];
  for (const n of names) ok.push(...((await attempt([n])) ?? []));
  return ok;
}

// ---------------------------------------------------------------------------------------------

interface Outcome {
  readonly text: string;
  readonly diffs: readonly string[];
}

interface Setup {
  readonly version: OracleVersion;
  readonly rules: Rules;
  readonly pool: readonly FreeDirective[];
  /** The directive the lines are written for, and its entry in the pool. */
  readonly main: FreeDirective;
  readonly exceptions: ReadonlyMap<string, string>;
}

/** Checks `text` against the server; `free` are the directives whose values to read back. */
async function oracle(s: Setup, text: string, free: ReadonlyMap<string, FreeDirective>): Promise<Outcome> {
  const { exp, problems } = predict(text, free, s.rules);
  const r = await checkConfig(text, { version: s.version, configGet: exp.accepted ? [...exp.values.keys()] : [] });
  return { text, diffs: [...problems, ...compare(exp, r)] };
}

/** Keeps reports readable when a line is thousands of chars long. */
function clip(s: string, max = 400): string {
  return s.length <= max ? s : `${s.slice(0, max)}... (${s.length} chars)`;
}

function report(label: string, outcomes: readonly Outcome[], exceptions: ReadonlyMap<string, string>): string[] {
  const failures: string[] = [];
  for (const o of outcomes) {
    if (o.diffs.length === 0) continue;
    const reason = exceptions.get(o.text);
    if (reason === undefined) failures.push(`${clip(esc(o.text))}\n      ${o.diffs.map((d) => clip(d)).join('\n      ')}`);
  }
  return failures.length ? [`${label}: ${failures.length} disagreement(s):`, ...failures.slice(0, 25).map((f) => `  ${f}`)] : [];
}

const setups = new Map<OracleVersion, Promise<Setup>>();

function setup(version: OracleVersion): Promise<Setup> {
  let p = setups.get(version);
  if (!p) {
    p = (async () => {
      const target = targetOf(version);
      const pool = await freePool(version, candidates(target));
      const main = pool.find((f) => f.name === defaultDirective(target));
      assert.ok(main, `${defaultDirective(target)} does not take a free string on ${version} (pool: ${pool.map((f) => f.name).join(', ')})`);
      return { version, rules: rulesOf(target), pool, main, exceptions: exceptionsFor(version) };
    })();
    setups.set(version, p);
  }
  return p;
}

/** The lines, written for the version's main directive. */
function linesFor(s: Setup): GeneratedLine[] {
  return generateQuotingLines().map((l) => ({ ...l, text: renderLine(l, s.main.name) }));
}

for (const version of oracleVersions()) {
  const target = targetOf(version);

  test(`${version}: generated quoting lines: parseConfig (${target} rules) agrees with the server`, { timeout: 300_000 }, async (t) => {
    const s = await setup(version);
    const started = Date.now();
    const lines = linesFor(s);
    assert.deepEqual(
      linesFor(s).map((l) => l.text),
      lines.map((l) => l.text),
      'the generator is not deterministic',
    );
    assert.ok(lines.length >= 500);

    const mainOnly = new Map([[s.main.name, s.main]]);

    // Lines we predict accepted are checked several per server, each rendered for a different
    // directive of the pool; the others need a server each (the server stops at the first error).
    const kinds: Record<string, number> = { accepted: 0, [UNBALANCED]: 0, [WRONG_ARGS]: 0, [BAD_DIRECTIVE]: 0 };
    const singles: string[] = [];
    const batchable: GeneratedLine[] = [];
    for (const line of lines) {
      const { exp } = predict(line.text, mainOnly, s.rules);
      const kind = exp.accepted ? 'accepted' : exp.message === MODULE_QUEUE_TEXT ? BAD_DIRECTIVE : exp.message;
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      if (exp.accepted) batchable.push(line);
      else singles.push(line.text);
    }

    type Batch = { text: string; f: FreeDirective }[];
    const batches: Batch[] = [];
    for (let i = 0; i < batchable.length; i += s.pool.length) {
      const batch: Batch = [];
      batchable.slice(i, i + s.pool.length).forEach((line, j) => {
        const f = s.pool[j] as FreeDirective;
        const text = renderLine(line, f.name);
        if (predict(text, new Map([[f.name, f]]), s.rules).exp.accepted) batch.push({ text, f });
        else singles.push(line.text); // the rendering changed the verdict: check the original alone
      });
      if (batch.length) batches.push(batch);
    }

    type Task = { kind: 'single'; text: string } | { kind: 'batch'; batch: Batch };
    const tasks: Task[] = [...batches.map((batch) => ({ kind: 'batch' as const, batch })), ...singles.map((text) => ({ kind: 'single' as const, text }))];
    const results = await mapLimit(tasks, CONCURRENCY, async (task): Promise<Outcome[]> => {
      if (task.kind === 'single') return [await oracle(s, task.text, mainOnly)];
      const batch = task.batch;
      const whole = await oracle(s, batch.map((b) => b.text).join('\n') + '\n', new Map(batch.map((b) => [b.f.name, b.f])));
      if (whole.diffs.length === 0) return batch.map(({ text }) => ({ text, diffs: [] }));
      // Something in the batch disagrees: check its lines one by one to name it.
      const each: Outcome[] = [];
      for (const { text, f } of batch) each.push(await oracle(s, text, new Map([[f.name, f]])));
      return each;
    });
    const outcomes = results.flat();
    assert.equal(outcomes.length, lines.length);
    const agree = outcomes.filter((o) => o.diffs.length === 0).length;
    const excepted = outcomes.filter((o) => o.diffs.length > 0 && s.exceptions.has(o.text)).length;
    const summary =
      `quoting oracle ${version} (${target}): ${agree}/${outcomes.length} lines agree (` +
      `${kinds.accepted} accepted, ${kinds[UNBALANCED]} unbalanced quotes, ${kinds[WRONG_ARGS]} wrong number of arguments, ` +
      `${kinds[BAD_DIRECTIVE]} bad directive; ${batches.length} batched servers over ${s.pool.length} directives + ${singles.length} single; ` +
      `${excepted} excepted; ${((Date.now() - started) / 1000).toFixed(1)} s)`;
    t.diagnostic(summary);
    console.log(summary);
    const failures = report(`${version}: generated lines`, outcomes, s.exceptions);
    assert.equal(failures.length, 0, failures.join('\n'));
    // The mix must stay meaningful if the generator (or the parser's verdicts) change.
    for (const [k, n] of Object.entries(kinds)) assert.ok(n >= 40, `only ${n} generated lines of kind "${k}"`);
  });

  test(`${version}: multi-line files: the first bad line is the one the server names`, { timeout: 300_000 }, async (t) => {
    const s = await setup(version);
    const lines = linesFor(s);
    const mainOnly = new Map([[s.main.name, s.main]]);
    const good: GeneratedLine[] = [];
    const bad: GeneratedLine[] = [];
    for (const l of lines) {
      if (l.nameForm === 'none') continue; // fillers are added below
      (predict(l.text, mainOnly, s.rules).exp.accepted ? good : bad).push(l);
    }
    const rnd = mulberry32(0xf11e5);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
    const FILLERS = ['', '# a comment', '   # indented comment', '\t# tab-indented "comment', '\t', '   ', '\v', '#masteruser "x', " \t # 'x"];
    const two = (a: string, b: string): Map<string, FreeDirective> => new Map(s.pool.filter((f) => f.name === a || f.name === b).map((f) => [f.name, f]));
    const user = s.main.name;
    const auth = s.pool.some((f) => f.name === 'primaryauth') ? 'primaryauth' : 'masterauth';

    const files: { text: string; free: Map<string, FreeDirective> }[] = [];
    for (let i = 0; i < 48; i++) {
      const n = 2 + Math.floor(rnd() * 6);
      const chosen = Array.from({ length: n }, () => pick(good));
      // Two files in three hold bad lines, anywhere.
      const badCount = i % 3 === 0 ? 0 : 1 + Math.floor(rnd() * 2);
      for (let b = 0; b < badCount; b++) chosen.splice(Math.floor(rnd() * (chosen.length + 1)), 0, pick(bad));
      const free = new Map<string, FreeDirective>();
      const body: string[] = [];
      // Leading blank/comment lines, so the first directive is not on line 1.
      for (let k = Math.floor(rnd() * 4); k > 0; k--) body.push(pick(FILLERS));
      chosen.forEach((l, j) => {
        const f = s.pool[j % s.pool.length] as FreeDirective;
        free.set(f.name, f);
        body.push(renderLine(l, f.name));
        if (rnd() < 0.3) body.push(pick(FILLERS));
      });
      const eol = i % 4 === 0 ? '\n' : i % 4 === 1 ? '\r\n' : null; // null: mixed
      let text = '';
      body.forEach((line, j) => {
        text += line + (j === body.length - 1 && rnd() < 0.3 ? '' : (eol ?? (rnd() < 0.5 ? '\r\n' : '\n')));
      });
      files.push({ text, free });
    }
    // Fixed ones: CRLF with comments and blanks before the first error.
    files.push({ text: `# c\r\n\r\n   # indented\r\n\t${user} "ok"\r\n${auth} "bad\r\n`, free: two(user, auth) });
    files.push({ text: `\n\n# c\n  \t\n${user} a b\n${auth} "x\n`, free: two(user, auth) });

    const withError = files.filter((f) => !predict(f.text, f.free, s.rules).exp.accepted).length;
    const outcomes = await mapLimit(files, CONCURRENCY, (f) => oracle(s, f.text, f.free));
    const agree = outcomes.filter((o) => o.diffs.length === 0).length;
    const summary = `quoting oracle ${version} (files): ${agree}/${outcomes.length} files agree (${withError} refused)`;
    t.diagnostic(summary);
    console.log(summary);
    const failures = report(`${version}: multi-line files`, outcomes, s.exceptions);
    assert.equal(failures.length, 0, failures.join('\n'));
    assert.ok(withError >= 20 && files.length - withError >= 10, `unbalanced file mix: ${withError}/${files.length} with errors`);
  });
}

// oracle-behaviour.md §3 (splitting, quoting, comments) and the §4 quoting probe: the live server
// must still behave as recorded there, and our parse must agree with it.
interface DocCase {
  readonly name: string;
  readonly body: string;
  readonly redis: { line: number; message: string } | { values: Record<string, string> };
  /** Our tokens per directive line. */
  readonly tokens: readonly (readonly string[])[];
  readonly unbalanced?: boolean;
}

const DOC_CASES: readonly DocCase[] = [
  { name: 'unbalanced_double_quote', body: 'requirepass "abc', redis: { line: 1, message: UNBALANCED }, tokens: [['requirepass']], unbalanced: true },
  { name: 'unbalanced_single_quote', body: "logfile 'abc", redis: { line: 1, message: UNBALANCED }, tokens: [['logfile']], unbalanced: true },
  { name: 'quote_followed_by_char', body: 'dbfilename "a"b', redis: { line: 1, message: UNBALANCED }, tokens: [['dbfilename']], unbalanced: true },
  { name: 'trailing_comment', body: 'timeout 0 # no timeout', redis: { line: 1, message: WRONG_ARGS }, tokens: [['timeout', '0', '#', 'no', 'timeout']] },
  { name: 'indented_comment_ok', body: '   # indented comment\n\t', redis: { values: {} }, tokens: [] },
  { name: 'empty_quoted_directive', body: '""', redis: { line: 1, message: BAD_DIRECTIVE }, tokens: [['']] },
  {
    name: 'crlf_line_endings_ok',
    body: 'timeout 0\r\nloglevel notice\r\n',
    redis: { values: { timeout: '0', loglevel: 'notice' } },
    tokens: [
      ['timeout', '0'],
      ['loglevel', 'notice'],
    ],
  },
  { name: 'string_with_spaces_unquoted', body: 'dbfilename my dump.rdb', redis: { line: 1, message: WRONG_ARGS }, tokens: [['dbfilename', 'my', 'dump.rdb']] },
  {
    name: 'error_on_line_3',
    body: '# c\nloglevel notice\nmaxmemory abc',
    redis: { line: 3, message: 'argument must be a memory value' },
    tokens: [
      ['loglevel', 'notice'],
      ['maxmemory', 'abc'],
    ],
  },
  {
    name: 'quoting (§4)',
    body: 'masterauth "a\\x41b\\tc\\"d"\ndbfilename \'it\\\'s.rdb\'\nmasteruser "sp ace"\nignore-warnings \'back\\slash\'',
    redis: { values: { masterauth: 'aAb\tc"d', dbfilename: "it's.rdb", masteruser: 'sp ace', 'ignore-warnings': 'back\\slash' } },
    tokens: [
      ['masterauth', 'aAb\tc"d'],
      ['dbfilename', "it's.rdb"],
      ['masteruser', 'sp ace'],
      ['ignore-warnings', 'back\\slash'],
    ],
  },
];

/**
 * Where a version does otherwise than the record (taken on 7.0): Valkey 9.1 reads text straight
 * after a closing quote as more of the argument.
 */
const DOC_OVERRIDES: Partial<Record<TargetId, Readonly<Record<string, Pick<DocCase, 'redis' | 'tokens' | 'unbalanced'>>>>> = {
  'valkey-9.1': { quote_followed_by_char: { redis: { values: { dbfilename: 'ab' } }, tokens: [['dbfilename', 'ab']], unbalanced: false } },
};

for (const version of oracleVersions()) {
  const target = targetOf(version);
  test(`${version}: oracle-behaviour.md cases on splitting, quoting and comments`, { timeout: 120_000 }, async (t) => {
    const rules = rulesOf(target);
    await mapLimit(DOC_CASES, CONCURRENCY, async (recorded) => {
      const c: DocCase = { ...recorded, ...DOC_OVERRIDES[target]?.[recorded.name] };
      const names = 'values' in c.redis ? Object.keys(c.redis.values) : [];
      const r = await checkConfig(c.body, { version, configGet: names });
      // The server as recorded
      if ('values' in c.redis) {
        assert.ok(r.accepted, `${c.name}: ${version} refused: line ${r.line}: ${r.message}`);
        for (const [k, v] of Object.entries(c.redis.values)) assert.equal(r.values?.get(k)?.toString('utf8'), v, `${c.name}: CONFIG GET ${k}`);
      } else {
        assert.deepEqual({ accepted: r.accepted, line: r.line, message: r.message }, { accepted: false, ...c.redis }, c.name);
      }
      // Our parse
      const { tree, errors } = parseConfig(c.body, rules.split);
      assert.deepEqual(
        tree.directives.map((d) => d.tokens.map((tk) => tk.value)),
        c.tokens.map((x) => [...x]),
        `${c.name}: tokens`,
      );
      const broken = tree.directives.filter((d) => d.broken);
      assert.equal(
        errors.some((e) => e.code === 'unbalanced-quotes'),
        c.unbalanced === true,
        `${c.name}: unbalanced-quotes error`,
      );
      assert.equal(broken.length, c.unbalanced ? 1 : 0, `${c.name}: broken lines`);
      if (!('values' in c.redis)) {
        // The first line that the server refuses is our first broken / wrong line.
        const d = tree.directives.find((x) => x.redisLine === r.line);
        assert.ok(d, `${c.name}: no directive on line ${r.line}`);
        assert.equal(r.echoed?.toString('utf8'), c.body.slice(d.start, d.end), `${c.name}: echoed line`);
      }
      if (c.name === 'empty_quoted_directive') assert.equal(tree.directives[0]?.name, '');
      t.diagnostic(`${c.name}: ok`);
    });
  });

  // sdstolower() lower-cases bytes in the C locale: only A-Z change. JavaScript's toLowerCase()
  // also folds non-ASCII letters, and turns U+212A KELVIN SIGN into an ASCII `k`: then a name that
  // the server does not know (`tcp-\u212Aeepalive`) looks like a real directive to us.
  test(`${version}: directive names are lower-cased like sdstolower (ASCII only)`, { timeout: 60_000 }, async (t) => {
    const rules = rulesOf(target);
    const asciiLower = (x: string): string => x.replace(/[A-Z]+/g, (m) => m.toLowerCase());
    const cases = [
      { body: 'TCP-KEEPALIVE 60', accepted: true },
      { body: '"Tcp-KeepAlive" 60', accepted: true },
      { body: 'tcp-\u212Aeepalive 60', accepted: false },
      { body: '"TCP-\u212AEEPALIVE" 60', accepted: false },
    ];
    const failures: string[] = [];
    for (const c of cases) {
      const r = await checkConfig(c.body, { version });
      assert.equal(r.accepted, c.accepted, `${version} on ${esc(c.body)}: ${r.message}`);
      const d = parseConfig(c.body, rules.split).tree.directives[0];
      const known = d !== undefined && rules.known.has(d.name);
      if (known !== c.accepted) {
        failures.push(`${esc(c.body)}: ${version} ${r.accepted ? 'accepts it' : `says "${r.message}"`}, our directive name is ${esc(d?.name ?? '')}`);
      }
    }
    // The same rule over the generated lines (the server refuses all of these anyway, as unknown names).
    let differ = 0;
    let example = '';
    for (const l of generateQuotingLines()) {
      for (const d of parseConfig(l.text, rules.split).tree.directives) {
        const want = asciiLower(d.tokens[0]?.value ?? '');
        if (d.name !== want) {
          differ++;
          const e = `${esc(l.text)}: name ${esc(d.name)}, sdstolower gives ${esc(want)}`;
          if (!example || e.length < example.length) example = e;
        }
      }
    }
    if (differ) failures.push(`${differ} generated line(s) whose name is not the ASCII lower case of the first token, e.g. ${clip(example)}`);
    t.diagnostic(`lower-casing: ${cases.length} cases, ${differ} generated names differ`);
    assert.equal(failures.length, 0, failures.join('\n'));
  });
}
