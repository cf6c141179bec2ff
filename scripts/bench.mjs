// `npm run bench`: bundles the benchmark (bench/run.ts), its size-series child and the empty
// server it compares ours with (bench/emptyServer.ts) with esbuild, as the product itself is
// shipped, and runs it — so the figures are those of bundled code, not of a dev transpiler.
// Arguments pick sections: `npm run bench -- table ratio sizes bounds long incr` (all by default).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'redis-config-bench-'));
try {
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', define: { __BENCH_ROOT__: JSON.stringify(root) } };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: [join(root, 'bench/run.ts')], outfile: join(dir, 'run.js') }),
    esbuild.build({ ...common, entryPoints: [join(root, 'bench/sizes.ts')], outfile: join(dir, 'sizes.js') }),
    esbuild.build({ ...common, entryPoints: [join(root, 'bench/emptyServer.ts')], outfile: join(dir, 'empty-server.js') }),
  ]);
  const env = {
    ...process.env,
    // A code cache of this run only (server/src/loader/): the first start of the table is a
    // start without one, the later ones use it, as for a user from the second start on.
    REDIS_CONFIG_CACHE_DIR: join(dir, 'code-cache'),
    REDIS_CONFIG_SERVER: join(root, 'dist/bin/redis-config-language-server.js'),
    BENCH_EMPTY_SERVER: join(dir, 'empty-server.js'),
    BENCH_SIZES: join(dir, 'sizes.js'),
  };
  const r = spawnSync(process.execPath, [join(dir, 'run.js'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root, env });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
