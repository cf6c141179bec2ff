/**
 * `npm run bench`: how fast and how small the server and the analysis are, measured rather
 * than asserted, in one run:
 *  1. Our server against a do-nothing server on the same LSP library (bench/emptyServer.ts),
 *     started the same way (`node <bundle> --stdio`), each run three times, interleaved:
 *     cold start to first diagnostics, edit → diagnostics p50 and p99, RSS after the edits.
 *  2. Full analysis of the largest official redis.conf against a bare line split.
 *  3. Time and memory of the analysis from 10 kB to 10 MB (each size in a fresh process).
 *  4. The bounds: the CLI and the server on inputs far over the size limit and on the densest
 *     inputs under it.
 *  5. RSS after 10,000 edits, both servers.
 *  6. The incremental analysis alone, per edit, for edits of several kinds (bench/incr.ts).
 * The load of the machine is printed with the figures: on a shared machine they are noisy.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeDocument } from '../server/src/analysis/analyze';
import { LspTestClient } from '../test/support/lspClient';
import { dense, SETTINGS, scaled, stockConfig } from './inputs';
import { incrSection } from './incr';

declare const __BENCH_ROOT__: string | undefined;
/** The repository root: given by the bundler, or found from this file when run unbundled. */
const ROOT = typeof __BENCH_ROOT__ === 'string' ? __BENCH_ROOT__ : join(__dirname, '..');
const OURS = process.env.REDIS_CONFIG_SERVER ?? join(ROOT, 'dist/server.js');
const EMPTY = process.env.BENCH_EMPTY_SERVER as string;
const SIZES = process.env.BENCH_SIZES as string;
const PEAK_RSS = join(ROOT, 'bench/peakRss.cjs');
const CLI = join(ROOT, 'dist/cli.js');
const URI = 'file:///bench/redis.conf';
const MB = 1024 * 1024;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}

function timeEach(fn: () => unknown, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** A process's resident memory in bytes: `VmRSS` (now) or `VmHWM` (peak) on Linux, `ps` elsewhere. */
function rssOf(pid: number | undefined, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  if (pid === undefined) return NaN;
  try {
    const m = new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  try {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024;
  } catch {
    return NaN;
  }
}

const load = (): string =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${cpus().length} CPUs`;
const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;
const ms = (t: number): string => `${t < 10 ? t.toFixed(2) : t.toFixed(0)} ms`;

interface Session {
  cold: number;
  p50: number;
  p99: number;
  rss: number;
}

/** Typing at the end of the file: alternately add and remove one character. */
function typing(lastLine: number, v: number): unknown {
  return v % 2 === 0
    ? { range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } }, text: 'x' }
    : { range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 1 } }, text: '' };
}

/**
 * Starts a server, opens the document and waits for its diagnostics (cold start), then makes
 * `edits` edits one after the other, each sent when the diagnostics of the one before
 * have arrived, as a typist who reads them would.
 */
async function session(server: string, text: string, edits: number): Promise<Session & { times: number[] }> {
  const started = performance.now();
  const client = new LspTestClient(server);
  try {
    await client.initialize(false);
    const first = client.nextDiagnostics(URI, 1);
    await client.open(URI, 'redis-conf', text);
    await first;
    const cold = performance.now() - started;
    const lastLine = text.split('\n').length - 1;
    const times: number[] = [];
    for (let v = 2; v < edits + 2; v++) {
      const published = client.nextDiagnostics(URI, v);
      const t = performance.now();
      await client.change(URI, v, [typing(lastLine, v)]);
      await published;
      times.push(performance.now() - t);
    }
    return { cold, p50: percentile(times, 50), p99: percentile(times, 99), rss: rssOf(client.pid), times };
  } finally {
    await client.shutdown();
  }
}

function row(name: string, ours: number, empty: number, goal: number, show: (x: number) => string): string {
  const ratio = ours / empty;
  return `| ${name} | ${show(ours)} | ${show(empty)} | ${ratio.toFixed(2)}× | ≤ ${goal}× ${ratio <= goal ? '✓' : '✗'} |`;
}

/** Runs of the edit sessions, and extra starts for the cold-start row (a start is short and noisy). */
const SESSIONS = 5;
const STARTS = 9;

async function serverTable(text: string): Promise<void> {
  console.log(`\n## 1. This server against an empty server on the same library (${load()})`);
  console.log(
    `300 edits per session, each sent when the diagnostics of the one before arrived; medians of ${SESSIONS} sessions, interleaved. Cold start: median of ${STARTS} more starts of each, interleaved.`,
  );
  console.log('Our very first start has no code cache yet (as the first start after an install): it is shown apart, the others use the cache.\n');
  const ours: Session[] = [];
  const empty: Session[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    ours.push(await session(OURS, text, 300));
    empty.push(await session(EMPTY, text, 300));
  }
  const firstStart = ours[0]?.cold ?? NaN;
  const coldOurs: number[] = [];
  const coldEmpty: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    coldOurs.push((await session(OURS, text, 0)).cold);
    coldEmpty.push((await session(EMPTY, text, 0)).cold);
  }
  const m = (xs: Session[], k: keyof Session): number => median(xs.map((x) => x[k]));
  console.log('| | this server | empty server | ratio | goal |');
  console.log('|---|---|---|---|---|');
  console.log(row('cold start to first diagnostics', median(coldOurs), median(coldEmpty), 1.2, ms));
  console.log(row('edit → diagnostics p50', m(ours, 'p50'), m(empty, 'p50'), 1.5, ms));
  console.log(row('edit → diagnostics p99', m(ours, 'p99'), m(empty, 'p99'), 1.5, ms));
  console.log(row('RSS after the edits', m(ours, 'rss'), m(empty, 'rss'), 1.2, mb));
  const each = (xs: Session[], k: keyof Session, show: (x: number) => string): string => xs.map((x) => show(x[k])).join(', ');
  console.log(`\nfirst start of this server, without a code cache: ${ms(firstStart)}`);
  console.log(`cold starts — this server: ${coldOurs.map(ms).join(', ')}; empty server: ${coldEmpty.map(ms).join(', ')}`);
  console.log(`per session — this server: p50 ${each(ours, 'p50', ms)}; p99 ${each(ours, 'p99', ms)}; RSS ${each(ours, 'rss', mb)}`);
  console.log(`per session — empty server: p50 ${each(empty, 'p50', ms)}; p99 ${each(empty, 'p99', ms)}; RSS ${each(empty, 'rss', mb)}`);
}

function splitRatio(name: string, text: string): void {
  console.log(`\n## 2. Full analysis against a bare line split (${load()})`);
  const runs = 400;
  // Warm both paths up so the JIT has compiled them before timing.
  timeEach(() => text.split('\n'), 200);
  timeEach(() => analyzeDocument(text, 'config', SETTINGS), 200);
  const split = median(timeEach(() => text.split('\n'), runs));
  const full = median(timeEach(() => analyzeDocument(text, 'config', SETTINGS), runs));
  console.log(`input: ${name}, ${text.length} characters, ${text.split('\n').length} lines`);
  console.log(`bare line split (text.split('\\n')): median ${split.toFixed(4)} ms`);
  console.log(`full analysis:                       median ${full.toFixed(4)} ms`);
  console.log(`ratio full / split:                  ${(full / split).toFixed(2)}× (design target: 3×)`);
}

interface SizePoint {
  size: number;
  lines: number;
  findings: number;
  ms: number;
  keptBytes: number;
  peakRssBytes: number;
  rssBeforeBytes: number;
}

function sizePoint(size: number, runs: number): SizePoint {
  const out = execFileSync(process.execPath, ['--expose-gc', SIZES, String(size), String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1) as string) as SizePoint;
}

function sizeSeries(): void {
  console.log(`\n## 3. The analysis from 10 kB to 10 MB (${load()})`);
  console.log(
    'The stock file repeated up to each size (its directives become duplicates), the size limit lifted; each size in a fresh process, median time of its runs.\n',
  );
  console.log('| input | lines | findings | time | time per MB | × time of the size 10× smaller | heap kept / input | peak RSS |');
  console.log('|---|---|---|---|---|---|---|---|');
  const sizes = [10_000, 100_000, 1_000_000, 10_000_000];
  let previous: SizePoint | undefined;
  const verdicts: string[] = [];
  for (const size of sizes) {
    const p = sizePoint(size, size <= 100_000 ? 41 : size <= 1_000_000 ? 9 : 3);
    const growth = previous ? p.ms / previous.ms : undefined;
    if (growth !== undefined) verdicts.push(`${growth.toFixed(1)}× ${growth <= 11 ? '✓' : '✗'}`);
    console.log(
      `| ${mb(p.size)} | ${p.lines} | ${p.findings} | ${ms(p.ms)} | ${ms(p.ms / (p.size / MB))} | ${growth !== undefined ? `${growth.toFixed(1)}×` : '—'} | ${(p.keptBytes / p.size).toFixed(1)}× | ${mb(p.peakRssBytes)} |`,
    );
    previous = p;
  }
  console.log(`\ngrowth per 10× input (goal ≤ 11×): ${verdicts.join(', ')}`);
}

/** Runs the CLI on a file and reports its time and peak memory. */
function cliRun(file: string): { ms: number; peak: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-r', PEAK_RSS, CLI, '--format', 'json', '--fail-on', 'none', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const elapsed = performance.now() - t;
  const m = /@@peak-rss-kb (\d+)/.exec(r.stderr ?? '');
  return { ms: elapsed, peak: m ? Number(m[1]) * 1024 : NaN };
}

/** The first diagnostics of a document opened in our server, and the server's memory then. */
async function serverOpen(text: string): Promise<{ ms: number; rss: number; peak: number; idle: number; count: number }> {
  const client = new LspTestClient(OURS);
  try {
    await client.initialize(false);
    // The server's own memory before the document: the constant of "5× the input plus a constant".
    const idle = rssOf(client.pid);
    const first = client.nextDiagnostics(URI, 1, 300_000);
    const t = performance.now();
    await client.open(URI, 'redis-conf', text);
    const p = await first;
    const elapsed = performance.now() - t;
    // Still answering after it.
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 1 } });
    return { ms: elapsed, rss: rssOf(client.pid), peak: rssOf(client.pid, 'VmHWM'), idle, count: p.diagnostics.length };
  } finally {
    await client.shutdown();
  }
}

async function bounds(stock: string): Promise<void> {
  console.log(`\n## 4. Bounds: inputs over the size limit, and the densest inputs under it (${load()})`);
  console.log(
    'Default settings. CLI: `redis-config-lint --format json FILE`, wall time and peak RSS; server: didOpen → first diagnostics, RSS then, peak RSS.',
  );
  console.log(
    '"above idle": the peak less the memory of the same process without the input (the CLI on an empty file; the server before the document is opened), over the input size.\n',
  );
  const dir = mkdtempSync(join(tmpdir(), 'redis-config-bench-inputs-'));
  try {
    const empty = join(dir, 'empty.conf');
    writeFileSync(empty, '');
    const cliIdle = cliRun(empty).peak;
    const cases: { name: string; text: string }[] = [
      { name: '43 MB: 200,000 lines `requirepass "\\x41…"`', text: `requirepass "${'\\x41'.repeat(50)}"\n`.repeat(200_000) },
      { name: '4 MB of `maxmemory 1` (a duplicate on every line)', text: dense('maxmemory 1', 4_000_000) },
      { name: '4 MB of `a` (an unknown directive on every line)', text: dense('a', 4_000_000) },
      { name: '4 MB of `user a` (a duplicate user on every line)', text: dense('user a', 4_000_000) },
      { name: '50 MB: the stock file repeated', text: scaled(stock, 50 * MB) },
    ];
    console.log(
      '| input | CLI time | CLI peak RSS | peak / input | above idle / input | server: first diagnostics | server RSS | server peak RSS | peak / input | above idle / input |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const c of cases) {
      const file = join(dir, 'redis.conf');
      writeFileSync(file, c.text);
      const cli = cliRun(file);
      const srv = await serverOpen(c.text);
      const size = Buffer.byteLength(c.text);
      console.log(
        `| ${c.name} | ${ms(cli.ms)} | ${mb(cli.peak)} | ${(cli.peak / size).toFixed(1)}× | ${((cli.peak - cliIdle) / size).toFixed(1)}× | ${ms(srv.ms)} (${srv.count} diagnostics) | ${mb(srv.rss)} | ${mb(srv.peak)} | ${(srv.peak / size).toFixed(1)}× | ${((srv.peak - srv.idle) / size).toFixed(1)}× |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function longSession(text: string): Promise<void> {
  console.log(`\n## 5. RSS after 10,000 edits (${load()})`);
  const ours = await session(OURS, text, 10_000);
  const empty = await session(EMPTY, text, 10_000);
  console.log(
    `this server: RSS ${mb(ours.rss)} (p50 ${ms(ours.p50)}, p99 ${ms(ours.p99)}); empty server: RSS ${mb(empty.rss)} (p50 ${ms(empty.p50)}, p99 ${ms(empty.p99)}); ratio ${(ours.rss / empty.rss).toFixed(2)}×`,
  );
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const want = (n: string): boolean => only.length === 0 || only.includes(n);
  const { name, text } = stockConfig(ROOT);
  console.log(`# npm run bench — ${new Date().toISOString()}, Node ${process.version}, ${load()}`);
  console.log(`document: ${name}, ${text.length} characters`);
  if (want('table')) await serverTable(text);
  if (want('ratio')) splitRatio(name, text);
  if (want('sizes')) sizeSeries();
  if (want('bounds')) await bounds(text);
  if (want('long')) await longSession(text);
  if (want('incr')) incrSection(ROOT);
  console.log(`\n(${load()})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
