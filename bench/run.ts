/**
 * `npm run bench`: how fast the analysis is, measured rather than asserted.
 *  1. Full analysis of the largest official redis.conf vs a bare line split of the same text.
 *  2. didChange → publishDiagnostics over stdio, for that file, over many edits.
 *  3. Server cold start → first diagnostics.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeDocument } from '../server/src/analysis/analyze';
import { LspTestClient } from '../test/support/lspClient';

declare const __BENCH_ROOT__: string | undefined;
/** The repository root: given by the bundler, or found from this file when run unbundled. */
const ROOT = typeof __BENCH_ROOT__ === 'string' ? __BENCH_ROOT__ : join(__dirname, '..');
const CORPUS = join(ROOT, '../shared/corpus/official');
const SETTINGS = { target: 'redis-7.4', profile: 'production' } as const;

function largestOfficialConfig(): { name: string; text: string } {
  if (existsSync(CORPUS)) {
    const files = readdirSync(CORPUS)
      .filter((f) => f.startsWith('redis-') && f.endsWith('.conf'))
      .map((f) => ({ f, size: statSync(join(CORPUS, f)).size }))
      .sort((a, b) => b.size - a.size);
    const top = files[0];
    if (top) return { name: top.f, text: readFileSync(join(CORPUS, top.f), 'utf8') };
  }
  // Without the corpus: a file of the same size and shape, mostly comments with some directives.
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 110_000; i++) {
    const line = i % 12 === 0 ? `maxmemory-samples ${i % 10}` : i % 12 === 1 ? '' : `# explanatory comment line number ${i} about some setting`;
    lines.push(line);
    size += line.length + 1;
  }
  return { name: 'generated (110 kB)', text: lines.join('\n') };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function percentile(xs: number[], p: number): number {
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

async function editLatency(text: string, edits: number): Promise<number[]> {
  const client = new LspTestClient();
  const uri = 'file:///bench/redis.conf';
  try {
    await client.initialize(false);
    const first = client.nextDiagnostics(uri, 1);
    await client.open(uri, 'redis-conf', text);
    await first;
    const lastLine = text.split('\n').length - 1;
    const times: number[] = [];
    for (let v = 2; v < edits + 2; v++) {
      // Typing at the end of the file: alternately add and remove one character.
      const change =
        v % 2 === 0
          ? { range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } }, text: 'x' }
          : { range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 1 } }, text: '' };
      const published = client.nextDiagnostics(uri, v);
      const t = performance.now();
      await client.change(uri, v, [change]);
      await published;
      times.push(performance.now() - t);
    }
    return times;
  } finally {
    await client.shutdown();
  }
}

async function coldStart(text: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const client = new LspTestClient();
    try {
      await client.initialize(false);
      const uri = 'file:///bench/redis.conf';
      const first = client.nextDiagnostics(uri, 1);
      await client.open(uri, 'redis-conf', text);
      await first;
      times.push(performance.now() - t);
    } finally {
      await client.shutdown();
    }
  }
  return times;
}

async function main(): Promise<void> {
  const { name, text } = largestOfficialConfig();
  const runs = 400;
  // Warm both paths up so the JIT has compiled them before timing.
  timeEach(() => text.split('\n'), 200);
  timeEach(() => analyzeDocument(text, 'config', SETTINGS), 200);
  const split = median(timeEach(() => text.split('\n'), runs));
  const full = median(timeEach(() => analyzeDocument(text, 'config', SETTINGS), runs));
  console.log(`input: ${name}, ${text.length} characters, ${text.split('\n').length} lines`);
  console.log(`bare line split (text.split('\\n')): median ${split.toFixed(4)} ms`);
  console.log(`full analysis:                       median ${full.toFixed(4)} ms`);
  console.log(`ratio full / split:                  ${(full / split).toFixed(2)}x (target: within 3x)`);

  const edits = await editLatency(text, 300);
  console.log(`didChange -> publishDiagnostics over stdio, ${edits.length} edits: median ${median(edits).toFixed(2)} ms, p99 ${percentile(edits, 99).toFixed(2)} ms (target p99 < 15 ms)`);

  const cold = await coldStart(text, 15);
  console.log(`cold start -> first diagnostics, ${cold.length} runs: median ${median(cold).toFixed(1)} ms, max ${Math.max(...cold).toFixed(1)} ms (target < 150 ms)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
