// `npm test`: builds, checks types, lint and formatting, then runs every suite — unit, CLI, protocol,
// browser (the server bundle in Chromium's web worker), oracle (a real redis-server) and
// end-to-end (a real VS Code), with a fuzzing run of about a minute (test/fuzz, FUZZ_SECONDS
// to change its length) — and ends with one
// "N passed, N failed" line. Provisioning of redis-server, Chromium and code-server is
// done by the suites themselves, which stop with a clear message when they cannot.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, mkdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function step(name, cmd, args, options = {}) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) {
    console.error(`\n=== ${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(dir, f))
    .sort();
}

// The servers and CLIs the suites start keep their code cache (server/src/loader/) in a folder of
// this run, not in the user's cache folder.
if (!process.env.REDIS_CONFIG_CACHE_DIR) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'redis-config-test-cache-'));
  process.env.REDIS_CONFIG_CACHE_DIR = cacheDir;
  process.on('exit', () => rmSync(cacheDir, { recursive: true, force: true }));
}

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (want('build')) {
  step('build', npm, ['run', '--silent', 'package']);
  step('typecheck', npm, ['run', '--silent', 'typecheck']);
  step('lint', npm, ['run', '--silent', 'lint']);
  step('format', npm, ['run', '--silent', 'format:check']);
}

let passed = 0;
let failed = 0;
const suites = ['unit', 'cli', 'protocol', 'browser', 'oracle', 'fuzz'].filter(want);
const files = suites.flatMap((s) => testFiles(join('test', s)));
if (files.length > 0) {
  mkdirSync('test-results', { recursive: true });
  const tap = join('test-results', 'node-test.tap');
  console.log(`\n=== node:test suites (${suites.join(', ')}): ${files.length} files`);
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { stdio: 'inherit' },
  );
  const summary = readFileSync(tap, 'utf8');
  passed += Number(/^# pass (\d+)$/m.exec(summary)?.[1] ?? 0);
  failed += Number(/^# fail (\d+)$/m.exec(summary)?.[1] ?? 0) + Number(/^# cancelled (\d+)$/m.exec(summary)?.[1] ?? 0);
  if (r.status !== 0 && failed === 0) failed = 1;
}

if (want('e2e')) {
  console.log('\n=== end-to-end suites in a real VS Code (code-server + Chromium)');
  const r = spawnSync(process.execPath, ['test/e2e/run.mjs'], { stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(r.stdout ?? '');
  const m = /e2e: (\d+) passed, (\d+) failed/.exec(r.stdout ?? '');
  passed += Number(m?.[1] ?? 0);
  failed += Number(m?.[2] ?? 0);
  if (r.status !== 0 && !(Number(m?.[2] ?? 0) > 0)) failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
