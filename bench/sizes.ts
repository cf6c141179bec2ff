/**
 * One point of the size series of `npm run bench`, in a process of its own so that each
 * size starts from a clean heap: `node --expose-gc sizes.js <characters> <runs>` prints one
 * JSON line with the median time of a full analysis, the heap it keeps, and the peak RSS.
 * The size limit is lifted, so that the whole input is analysed.
 */
import { analyzeDocument } from '../server/src/analysis/analyze';
import { SETTINGS, scaled, stockConfig } from './inputs';

declare const __BENCH_ROOT__: string;

const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);
const size = Number(process.argv[2]);
const runs = Number(process.argv[3] ?? 3);
const rssBefore = process.memoryUsage().rss;
const text = scaled(stockConfig(__BENCH_ROOT__).text, size);
const settings = { ...SETTINGS, maxDocumentSize: Number.MAX_SAFE_INTEGER };

// Warm the JIT on a small input first, as a server that has run for a while is.
const warm = scaled(text, 100_000);
for (let i = 0; i < 20; i++) analyzeDocument(warm, 'config', settings);

const times: number[] = [];
let kept = 0;
let findings = 0;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  // Held in an array so that it can be let go of before the heap is measured again.
  const held = [analyzeDocument(text, 'config', settings)];
  times.push(performance.now() - t);
  findings = held[0]?.findings.length ?? 0;
  // What the analysis keeps: the heap with it, less the heap once it is let go of.
  gc();
  const withIt = process.memoryUsage().heapUsed;
  held.pop();
  gc();
  kept = withIt - process.memoryUsage().heapUsed;
}
times.sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({
    size: text.length,
    lines: text.split('\n').length - 1,
    findings,
    ms: times[Math.floor(times.length / 2)],
    keptBytes: kept,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    rssBeforeBytes: rssBefore,
  })}\n`,
);
