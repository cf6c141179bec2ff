// `npm run fuzz -- --seconds 600 [--seed N] [--path P]`: the fuzzing run of `npm test`
// (test/fuzz/fuzz.test.ts), for as long as asked; a failure prints the seed and path to replay.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '600' }, seed: { type: 'string' }, path: { type: 'string' } } });
const env = { ...process.env, FUZZ_SECONDS: values.seconds };
if (values.seed !== undefined) env.FUZZ_SEED = values.seed;
if (values.path !== undefined) env.FUZZ_PATH = values.path;
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', 'test/fuzz/fuzz.test.ts'], { stdio: 'inherit', cwd: root, env });
process.exit(r.status ?? 1);
