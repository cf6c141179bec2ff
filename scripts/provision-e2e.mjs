#!/usr/bin/env node
// Provisions the toolchain the end-to-end tests need, into <repo>/.vscode-test/e2e-tools/:
//   1. Debian packages: chromium (the browser that drives code-server) and libkrb5-dev plus a
//      C/C++ toolchain (code-server's native modules compile from source).
//   2. Node 24 from the npm package `node@24` (code-server 4.139 requires it).
//   3. code-server@4.139.1, installed with that Node first on PATH and npm_config_nodedir pointing
//      at its headers, so the native modules are built for the right ABI.
// Each step is skipped when its stamp file says it is already done, so running this again is cheap.
//
// Usage: node scripts/provision-e2e.mjs [--force]
// Also importable: `await provision()` from '../../scripts/provision-e2e.mjs' resolves to the tool paths.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_SPEC = 'node@24';
export const CHROMIUM_PATH = '/usr/bin/chromium';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const toolsDir = path.join(repoRoot, '.vscode-test', 'e2e-tools');
const nodeDir = path.join(toolsDir, 'node24');
const codeServerDir = path.join(toolsDir, 'code-server');
// Where the `node` npm package puts the real distribution (bin/node, include/node).
export const nodeHome = path.join(nodeDir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
export const nodeBin = path.join(nodeHome, 'bin', 'node');
export const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

const STAMP = '.provisioned.json';

function log(message) {
  console.log(`[provision-e2e] ${message}`);
}

export class ProvisionError extends Error {}

function fail(message) {
  throw new ProvisionError(message);
}

function run(cmd, args, options = {}) {
  const started = Date.now();
  log(`$ ${cmd} ${args.join(' ')}${options.cwd ? `   (in ${path.relative(repoRoot, options.cwd) || '.'})` : ''}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (result.error) fail(`could not start ${cmd}: ${result.error.message}`);
  if (result.status !== 0) {
    return { ok: false, status: result.status ?? result.signal, seconds: (Date.now() - started) / 1000 };
  }
  return { ok: true, seconds: (Date.now() - started) / 1000 };
}

function readStamp(dir) {
  try {
    return JSON.parse(readFileSync(path.join(dir, STAMP), 'utf8'));
  } catch {
    return undefined;
  }
}

function writeStamp(dir, data) {
  writeFileSync(path.join(dir, STAMP), JSON.stringify({ ...data, at: new Date().toISOString() }, null, 2) + '\n');
}

/**
 * Fresh folder with its own package.json, so npm installs here and not in the repo. `allowScripts`
 * approves the install scripts these tools depend on (npm 11.16+ warns about unapproved ones;
 * later npm versions block them).
 */
function prepareNpmFolder(dir, allowScripts) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manifest = { name: path.basename(dir) + '-e2e-tool', private: true, allowScripts };
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
}

/**
 * Runs npm, its output (including the install scripts') going to a log file; prints a progress line
 * every 30 s and the log's tail when it fails.
 */
function runNpmLogged(args, { cwd, env, logFile, offset = 0 }) {
  log(`$ npm ${args.join(' ')}   (in ${path.relative(repoRoot, cwd)}; output in ${path.relative(repoRoot, logFile)})`);
  const started = Date.now();
  const out = openSync(logFile, 'a');
  return new Promise((resolve) => {
    const child = spawn('npm', args, { cwd, env, stdio: ['ignore', out, out] });
    const lastLine = () => {
      try {
        const lines = readFileSync(logFile).subarray(offset).toString('utf8').trimEnd().split('\n');
        return (lines[lines.length - 1] ?? '').trim().slice(0, 120);
      } catch {
        return '';
      }
    };
    const heartbeat = setInterval(() => log(`  … ${Math.round((Date.now() - started) / 1000)} s: ${lastLine()}`), 30_000);
    const done = (ok, status) => {
      clearInterval(heartbeat);
      closeSync(out);
      resolve({ ok, status, seconds: (Date.now() - started) / 1000 });
    };
    child.on('error', (err) => {
      appendFileSync(logFile, `\ncould not start npm: ${err.message}\n`);
      done(false, err.message);
    });
    child.on('exit', (code, signal) => done(code === 0, signal ?? code));
  });
}

/** Prints the last lines written to `file` after byte `offset` (this attempt's output). */
function printTail(file, offset = 0, lines = 40) {
  try {
    const text = readFileSync(file).subarray(offset).toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
    console.log(`[provision-e2e] npm output (last ${lines} lines, full log ${path.relative(repoRoot, file)}):\n${text}`);
  } catch {
    /* no log */
  }
}

/** npm install with one retry (registry hiccups on a cold cache are the usual failure). */
async function npmInstall(dir, spec, env) {
  mkdirSync(path.join(toolsDir, 'logs'), { recursive: true });
  const logFile = path.join(toolsDir, 'logs', `${path.basename(dir)}-install.log`);
  writeFileSync(logFile, '');
  const args = ['install', spec, '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=warn', '--foreground-scripts'];
  for (let attempt = 1; attempt <= 2; attempt++) {
    const offset = statSync(logFile).size;
    const result = await runNpmLogged(args, { cwd: dir, env, logFile, offset });
    if (result.ok) return result.seconds;
    printTail(logFile, offset);
    log(`npm install ${spec} failed (exit ${result.status}), attempt ${attempt} of 2`);
  }
  fail(`npm install ${spec} failed twice; full output in ${path.relative(repoRoot, logFile)}`);
}

function cleanEnv(extra = {}) {
  const env = { ...process.env };
  // Under `npm test`, the outer npm (running on the machine's Node) leaves npm_* variables
  // (npm_node_execpath, npm_config_*...) that make the nested installs run their scripts with
  // that Node instead of Node 24; code-server's postinstall then refuses. Start clean.
  for (const key of Object.keys(env)) if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD') delete env[key];
  Object.assign(env, extra);
  // Lifecycle scripts must run: `node` downloads its platform package and code-server builds
  // native modules in postinstall. Variables inherited from `npm run` could turn that off.
  delete env.npm_config_ignore_scripts;
  delete env.NPM_CONFIG_IGNORE_SCRIPTS;
  delete env.npm_config_global;
  delete env.npm_config_prefix;
  return env;
}

function ensureSystemPackages() {
  const missing = [];
  if (!existsSync(CHROMIUM_PATH)) missing.push('chromium');
  if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/krb5/krb5.h')) missing.push('libkrb5-dev');
  const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
  if (!has('make') || !has('g++')) missing.push('build-essential');
  if (!has('python3')) missing.push('python3');
  if (missing.length === 0) {
    log(`system packages: ok (${CHROMIUM_PATH}, libkrb5-dev, make, g++, python3)`);
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    fail(
      `missing system packages: ${missing.join(', ')}. Install them as root, for example:\n` +
        `    sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
        `(the e2e tests need ${CHROMIUM_PATH}; code-server's native modules need libkrb5-dev and a compiler)`,
    );
  }
  log(`installing missing system packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!run('apt-get', ['update'], { env }).ok) fail('apt-get update failed');
  if (!run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env }).ok) {
    fail(`apt-get install ${missing.join(' ')} failed`);
  }
  if (!existsSync(CHROMIUM_PATH)) fail(`apt-get finished but ${CHROMIUM_PATH} does not exist`);
}

function nodeVersionOf(bin) {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

async function ensureNode24(force) {
  const stamp = readStamp(nodeDir);
  if (!force && stamp?.spec === NODE_SPEC && existsSync(nodeBin)) {
    const version = nodeVersionOf(nodeBin);
    if (version === stamp.version) {
      log(`node: ${version} already provisioned (${path.relative(repoRoot, nodeBin)})`);
      return version;
    }
  }
  log(`node: installing ${NODE_SPEC} into ${path.relative(repoRoot, nodeDir)}`);
  prepareNpmFolder(nodeDir, { node: true });
  const seconds = await npmInstall(nodeDir, NODE_SPEC, cleanEnv());
  const version = nodeVersionOf(nodeBin);
  if (!version) fail(`npm installed ${NODE_SPEC} but ${nodeBin} does not run`);
  if (!version.startsWith('v24.')) fail(`expected Node 24 from ${NODE_SPEC}, got ${version}`);
  if (!existsSync(path.join(nodeHome, 'include', 'node', 'node.h'))) fail(`Node headers missing under ${nodeHome}/include/node`);
  writeStamp(nodeDir, { spec: NODE_SPEC, version });
  log(`node: ${version} installed in ${seconds.toFixed(0)} s`);
  return version;
}

/** Runs `code-server --version` with a throwaway config/data home (it writes a default config there). */
function codeServerVersion(env) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'code-server-version-'));
  try {
    const r = spawnSync(nodeBin, [codeServerEntry, '--version'], {
      encoding: 'utf8',
      env: { ...env, XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch, XDG_CACHE_HOME: scratch },
      timeout: 60_000,
    });
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
    const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith(CODE_SERVER_VERSION));
    return { ok: r.status === 0 && line !== undefined, line, output };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function ensureCodeServer(nodeVersion, force) {
  const stamp = readStamp(codeServerDir);
  // Native modules depend on Node's major version (its ABI), not on the patch release.
  const major = (v) => String(v ?? '').split('.')[0];
  if (!force && stamp?.version === CODE_SERVER_VERSION && major(stamp?.node) === major(nodeVersion) && existsSync(codeServerEntry)) {
    log(`code-server: ${CODE_SERVER_VERSION} already provisioned (built with node ${stamp.node})`);
    return;
  }
  log(`code-server: installing ${CODE_SERVER_VERSION} with node ${nodeVersion} (native modules compile from source; a few minutes)`);
  prepareNpmFolder(codeServerDir, { 'code-server': true, argon2: true });
  const env = cleanEnv({
    PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodeHome,
    // code-server's postinstall runs nested `npm install`s (lib/vscode, its extensions) whose
    // native modules must build; allowScripts above only covers the top level.
    npm_config_dangerously_allow_all_scripts: 'true',
  });
  const seconds = await npmInstall(codeServerDir, `code-server@${CODE_SERVER_VERSION}`, env);
  if (!existsSync(codeServerEntry)) fail(`npm installed code-server but ${codeServerEntry} is missing`);
  const vscodeModules = path.join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  for (const addon of ['@vscode/spdlog/build/Release/spdlog.node', 'kerberos/build/Release/kerberos.node']) {
    if (!existsSync(path.join(vscodeModules, addon))) {
      fail(
        `code-server's native module ${addon} was not built (see .vscode-test/e2e-tools/logs/code-server-install.log; libkrb5-dev and a C++ compiler are needed)`,
      );
    }
  }
  const version = codeServerVersion(env);
  if (!version.ok) fail(`code-server does not start: ${version.output}`);
  writeStamp(codeServerDir, { version: CODE_SERVER_VERSION, node: nodeVersion });
  log(`code-server: ${version.line} installed in ${seconds.toFixed(0)} s`);
}

/** Makes sure everything is in place; resolves to the paths the runners need. Rejects on failure. */
export async function provision({ force = false } = {}) {
  const started = Date.now();
  mkdirSync(toolsDir, { recursive: true });
  ensureSystemPackages();
  const nodeVersion = await ensureNode24(force);
  await ensureCodeServer(nodeVersion, force);
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { nodeBin, nodeHome, codeServerEntry, chromiumPath: CHROMIUM_PATH, toolsDir };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await provision({ force: process.argv.includes('--force') });
  } catch (err) {
    console.error(`[provision-e2e] ERROR: ${err instanceof ProvisionError ? err.message : (err?.stack ?? err)}`);
    process.exit(1);
  }
}
