// `npm run bench`: bundles bench/run.ts with esbuild, as the product itself is shipped,
// and runs it — so the figures are those of the code users run, not of a dev transpiler.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'redis-config-bench-'));
try {
  const outfile = join(dir, 'run.js');
  await esbuild.build({ entryPoints: [join(root, 'bench/run.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning', define: { __BENCH_ROOT__: JSON.stringify(root) } });
  const env = { ...process.env, REDIS_CONFIG_SERVER: join(root, 'dist/server.js') };
  const r = spawnSync(process.execPath, [outfile], { stdio: 'inherit', cwd: root, env });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
