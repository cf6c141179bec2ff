/**
 * The fuzzing run of `npm test` (test/support/fuzzing.ts): about a minute of mutated real
 * configs, ACL files and random bytes through every feature. `npm run fuzz -- --seconds 600`
 * runs longer; FUZZ_SEED (and FUZZ_PATH, from a failure's report) replays a run.
 */
import { test } from 'node:test';
import { fuzz } from '../support/fuzzing';

const seconds = Number(process.env.FUZZ_SECONDS ?? 60);
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const path = process.env.FUZZ_PATH;

// The test's own timeout is the hang bound of last resort: a call that never returns cannot
// be timed by the per-call deadline, and the seed printed first replays it.
test(`fuzzing every feature for ${seconds} s (FUZZ_SEED=${seed})`, { timeout: (seconds + 300) * 1000 }, () => {
  console.log(`fuzz: seed ${seed}${path ? `, path ${path}` : ''}, ${seconds} s; replay with FUZZ_SEED=${seed}`);
  const { runs, seeds } = fuzz({ seconds, seed, ...(path ? { path } : {}) });
  console.log(`fuzz: ${runs} cases from ${seeds} real files and random bytes, no failure`);
});
