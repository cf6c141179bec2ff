#!/usr/bin/env node
// Provisions the live servers the oracle tests compare us with, one per version people run:
//
//   redis-6.0.16   Debian bullseye (+ bullseye-security)  redis-tools   run by the system's loader
//   redis-7.0.15   Debian bookworm: the system's redis-server (apt-get install when missing)
//   redis-8.0.2    Debian trixie                          redis-tools   run by trixie's own loader
//   valkey-8.1.1   Debian trixie                          valkey-tools  run by trixie's own loader
//   valkey-9.1.2   Debian sid                             valkey-tools  run by trixie's loader
//
// The packages come from Debian's archive through apt, with a private apt configuration (its own
// sources, lists and cache under the cache folder), so the system's apt state is never touched and
// nothing of another release is installed system-wide. Each release's packages are unpacked with
// `dpkg-deb -x` into one root per release under .cache/redis-oracles/roots/. Debian ships the server
// as `redis-check-rdb` / `valkey-check-rdb` (the program picks its mode from argv[0]), so it is
// started through the dynamic loader: `ld.so --library-path <root libs> --argv0 redis-server <bin>`.
// A stamp per release makes a second run instant.
//
// Usage: node scripts/provision-redis.mjs [--force] [--json] [version ...]
// Also importable: `await provisionRedis()` resolves to how to start each server.
// REDIS_ORACLES_CACHE=<dir> moves the cache; DEBIAN_MIRROR / DEBIAN_SECURITY_MIRROR override the
// archive addresses otherwise read from the system's own apt sources.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = path.resolve(process.env.REDIS_ORACLES_CACHE || path.join(repoRoot, '.cache', 'redis-oracles'));
const rootsDir = path.join(cacheDir, 'roots');
const workDir = path.join(cacheDir, 'work');
const lockDir = path.join(cacheDir, '.lock');
const failureFile = path.join(cacheDir, 'last-failure.json');

const MULTIARCH = 'x86_64-linux-gnu';
/** The system's loader, used for the bullseye binaries (bullseye's glibc is older than the system's). */
const SYSTEM_LOADER = '/lib64/ld-linux-x86-64.so.2';
/** A failed attempt is not retried by the next test process within this time (run with --force to retry). */
const FAILURE_MEMORY_MS = 10 * 60_000;
const APT_TIMEOUT_MS = 5 * 60_000;

export const DEFAULT_VERSION = 'redis-7.0.15';

/**
 * Libraries per Debian release. bullseye: only what the system (bookworm) does not have, or has in
 * another major version; the system's glibc runs it. trixie: the full set, glibc included, because
 * its binaries need glibc >= 2.38. sid's valkey-tools runs on trixie's libraries (sid's own glibc
 * is too new for the trixie loader, and trixie's are enough).
 */
const RELEASES = {
  bullseye: {
    suites: ['bullseye', 'bullseye-security'],
    libraries: ['libssl1.1', 'liblua5.1-0', 'lua-bitop', 'lua-cjson', 'libjemalloc2', 'liblzf1', 'libatomic1'],
    loader: 'system',
  },
  trixie: {
    suites: ['trixie', 'trixie-security'],
    libraries: [
      'libc6',
      'libssl3t64',
      'libstdc++6',
      'libjemalloc2',
      'liblzf1',
      'libatomic1',
      'libsystemd0',
      'libgcc-s1',
      'libcap2',
      'libzstd1',
      'liblz4-1',
      'liblzma5',
      'libgcrypt20',
      'libgpg-error0',
      'zlib1g',
    ],
    loader: 'own',
  },
  sid: { suites: ['sid'], libraries: [], loader: 'trixie' },
};

/** The servers. `deb` pins the exact Debian version; `upstream` is what the server must report. */
const SERVERS = {
  'redis-6.0.16': { product: 'redis', upstream: '6.0.16', release: 'bullseye', package: 'redis-tools', deb: '5:6.0.16-1+deb11u9' },
  'redis-7.0.15': { product: 'redis', upstream: '7.0.15', release: 'system' },
  'redis-8.0.2': { product: 'redis', upstream: '8.0.2', release: 'trixie', package: 'redis-tools', deb: '5:8.0.2-3+deb13u3' },
  'valkey-8.1.1': { product: 'valkey', upstream: '8.1.1', release: 'trixie', package: 'valkey-tools', deb: '8.1.1+dfsg1-3+deb13u3' },
  'valkey-9.1.2': { product: 'valkey', upstream: '9.1.2', release: 'sid', package: 'valkey-tools', deb: '9.1.2-1' },
};

export const ORACLE_VERSIONS = Object.keys(SERVERS);

export class ProvisionError extends Error {}

let logger = (message) => console.error(`[provision-redis] ${message}`);

function fail(message) {
  throw new ProvisionError(message);
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Runs a command to completion with a deadline; never inherits stdin. */
function run(cmd, args, { cwd, env, timeout = APT_TIMEOUT_MS } = {}) {
  const r = spawnSync(cmd, args, { cwd, env: env ?? process.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout, maxBuffer: 64 * 1024 * 1024 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.error) return { ok: false, output: `${output}\n${r.error.message}`.trim(), stdout: r.stdout ?? '' };
  return { ok: r.status === 0, status: r.status ?? r.signal, output, stdout: r.stdout ?? '' };
}

/** A path as the user reads it: relative inside the repository, absolute elsewhere. */
function shown(p) {
  const rel = path.relative(repoRoot, p);
  return rel.startsWith('..') ? p : rel;
}

function tail(text, lines = 15) {
  return text.split('\n').slice(-lines).join('\n');
}

// ---------------------------------------------------------------------------------------------
// The private apt configuration

/** Where Debian's archive and its security archive are, as the system's own apt sources say. */
export function debianMirrors() {
  const entries = [];
  const addList = (text) => {
    for (const raw of text.split('\n')) {
      const line = raw.replace(/#.*/, '').trim();
      const m = /^deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)/.exec(line);
      if (!m) continue;
      const signedBy = /signed-by=(\S+)/.exec(m[1] ?? '')?.[1];
      entries.push({ uri: m[2], suites: [m[3]], signedBy });
    }
  };
  const addDeb822 = (text) => {
    for (const stanza of text.split(/\n\s*\n/)) {
      const field = (name) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'mi').exec(stanza.replace(/^#.*$/gm, ''))?.[1]?.trim();
      if (!(field('Types') ?? '').split(/\s+/).includes('deb') || /^no$/i.test(field('Enabled') ?? 'yes')) continue;
      for (const uri of (field('URIs') ?? '').split(/\s+/).filter(Boolean)) {
        entries.push({ uri, suites: (field('Suites') ?? '').split(/\s+/).filter(Boolean), signedBy: field('Signed-By') });
      }
    }
  };
  const etc = '/etc/apt';
  if (existsSync(path.join(etc, 'sources.list'))) addList(readFileSync(path.join(etc, 'sources.list'), 'utf8'));
  const parts = path.join(etc, 'sources.list.d');
  if (existsSync(parts)) {
    for (const f of readdirSync(parts).sort()) {
      const text = readFileSync(path.join(parts, f), 'utf8');
      if (f.endsWith('.list')) addList(text);
      else if (f.endsWith('.sources')) addDeb822(text);
    }
  }
  const keyring = '/usr/share/keyrings/debian-archive-keyring.gpg';
  const pick = (wantSecurity) => entries.find((e) => /debian/.test(e.uri) && e.suites.some((s) => (wantSecurity ? /-security$/.test(s) : /^[a-z]+$/.test(s))));
  const archive = pick(false);
  const security = pick(true);
  const signedBy = (e) => (e?.signedBy && e.signedBy.startsWith('/') ? e.signedBy : keyring);
  const archiveUri = process.env.DEBIAN_MIRROR || archive?.uri;
  const securityUri = process.env.DEBIAN_SECURITY_MIRROR || security?.uri;
  if (!archiveUri || !securityUri) {
    fail(
      "cannot tell where Debian's archive is: the system's apt sources name no Debian release" +
        `${archiveUri ? '' : ' (main archive)'}${securityUri ? '' : ' (security archive)'}. ` +
        'Set DEBIAN_MIRROR and DEBIAN_SECURITY_MIRROR to the two archive URLs.',
    );
  }
  if (!existsSync(signedBy(archive))) fail(`the Debian archive keyring ${signedBy(archive)} is missing (package debian-archive-keyring)`);
  return { archive: { uri: archiveUri, signedBy: signedBy(archive) }, security: { uri: securityUri, signedBy: signedBy(security) } };
}

function aptConfig(suites) {
  const mirrors = debianMirrors();
  const dir = path.join(workDir, 'apt');
  for (const d of ['lists/partial', 'cache/archives/partial', 'sources.list.d', 'preferences.d']) mkdirSync(path.join(dir, d), { recursive: true });
  const lines = suites.map((suite) => {
    const m = /-security$/.test(suite) ? mirrors.security : mirrors.archive;
    return `deb [signed-by=${m.signedBy}] ${m.uri} ${suite} main`;
  });
  writeFileSync(path.join(dir, 'sources.list'), `${lines.join('\n')}\n`);
  const options = {
    'Dir::State::Lists': path.join(dir, 'lists'),
    'Dir::Cache': path.join(dir, 'cache'),
    'Dir::Etc::SourceList': path.join(dir, 'sources.list'),
    'Dir::Etc::SourceParts': path.join(dir, 'sources.list.d'),
    // The system's pins must not steer which version we get.
    'Dir::Etc::Preferences': path.join(dir, 'preferences'),
    'Dir::Etc::PreferencesParts': path.join(dir, 'preferences.d'),
    'Acquire::Languages': 'none',
    'Acquire::GzipIndexes': 'true',
    'Acquire::Retries': '2',
    'Acquire::http::Timeout': '30',
    // Downloads land in our own folder, which apt's unprivileged user may not be able to write.
    'APT::Sandbox::User': 'root',
  };
  return Object.entries(options).flatMap(([k, v]) => ['-o', `${k}=${v}`]);
}

/** `apt-cache madison`: every version of each package in the configured suites, newest first. */
function madison(opts, packages) {
  const r = run('apt-cache', [...opts, 'madison', ...packages]);
  if (!r.ok) fail(`apt-cache madison failed:\n${tail(r.output)}`);
  const out = new Map();
  for (const line of r.stdout.split('\n')) {
    const cols = line.split('|').map((c) => c.trim());
    if (cols.length < 3) continue;
    const [name, version, where] = cols;
    const suite = where.split(/\s+/)[1]?.split('/')[0];
    if (!out.has(name)) out.set(name, []);
    out.get(name).push({ version, suite });
  }
  return out;
}

/**
 * The Debian version to download for each package of a release: the pinned one for the servers
 * when the archive still has it, else another build of the same upstream release (with a
 * message), else a clear failure; the newest of the release for libraries.
 */
export function chooseVersions(release, available, servers = serversOf(release)) {
  const { suites, libraries } = RELEASES[release];
  const inRelease = (name) => (available.get(name) ?? []).filter((v) => suites.includes(v.suite));
  const chosen = new Map();
  const problems = [];
  for (const name of libraries) {
    const v = inRelease(name)[0];
    if (v) chosen.set(name, v.version);
    else problems.push(`library ${name}: not found in ${suites.join(', ')}`);
  }
  for (const [id, s] of servers) {
    const versions = inRelease(s.package);
    if (versions.some((v) => v.version === s.deb)) {
      chosen.set(s.package, s.deb);
      continue;
    }
    const sameUpstream = versions.find(
      (v) => v.version.replace(/^\d+:/, '').startsWith(`${s.upstream}-`) || v.version.replace(/^\d+:/, '').startsWith(`${s.upstream}+`),
    );
    if (sameUpstream) {
      logger(`${id}: ${s.package} ${s.deb} is no longer in ${suites.join(', ')}; using ${sameUpstream.version} (the same upstream release)`);
      chosen.set(s.package, sameUpstream.version);
      continue;
    }
    const seen = [...new Set(versions.map((v) => v.version))].join(', ') || 'none';
    problems.push(`${id}: ${s.package} ${s.deb} (or any build of ${s.upstream}) is not in Debian ${suites.join(', ')} any more; versions there: ${seen}`);
  }
  return { chosen, problems };
}

// ---------------------------------------------------------------------------------------------
// Roots and how to run them

function rootOf(release) {
  return path.join(rootsDir, release);
}

function libDirOf(release) {
  return path.join(rootOf(release), 'usr', 'lib', MULTIARCH);
}

/** The loader and library path a release's programs run with. */
function loaderOf(release) {
  const how = RELEASES[release].loader;
  const libRelease = how === 'trixie' ? 'trixie' : release;
  const loader = how === 'system' ? SYSTEM_LOADER : path.join(libDirOf(libRelease), 'ld-linux-x86-64.so.2');
  const libs = [libDirOf(libRelease), ...(libRelease === release ? [] : [libDirOf(release)])].join(':');
  return { loader, libs };
}

/** How to run a program of a release's root: the loader, its library path, the name it sees. */
function launcher(release, program, argv0) {
  const { loader, libs } = loaderOf(release);
  const env = {};
  // Debian's 6.0 loads cjson and bitop with Lua's `require`, which looks in Lua's own path.
  if (release === 'bullseye') env.LUA_CPATH = path.join(libDirOf(release), 'lua', '5.1', '?.so');
  return { command: loader, args: ['--library-path', libs, '--argv0', argv0, path.join(rootOf(release), 'usr', 'bin', program)], env };
}

function describe(id) {
  const s = SERVERS[id];
  if (s.release === 'system') {
    return {
      id,
      product: s.product,
      version: s.upstream,
      origin: 'system redis-server (Debian bookworm)',
      server: { command: '/usr/bin/redis-server', args: [], env: {} },
      cli: existsSync('/usr/bin/redis-cli') ? { command: '/usr/bin/redis-cli', args: [], env: {} } : undefined,
    };
  }
  const stamp = readStamp(s.release);
  const p = s.product;
  const cliProgram = path.join(rootOf(s.release), 'usr', 'bin', `${p}-cli`);
  return {
    id,
    product: p,
    version: s.upstream,
    origin: `Debian ${s.release} ${s.package} ${stamp?.packages?.[s.package] ?? s.deb}`,
    server: launcher(s.release, `${p}-check-rdb`, `${p}-server`),
    cli: existsSync(cliProgram) ? launcher(s.release, `${p}-cli`, `${p}-cli`) : undefined,
  };
}

function recipeHash(release) {
  const servers = Object.entries(SERVERS).filter(([, s]) => s.release === release);
  return createHash('sha256')
    .update(JSON.stringify({ release: RELEASES[release], servers, layout: 2 }))
    .digest('hex')
    .slice(0, 16);
}

function readStamp(release) {
  try {
    return JSON.parse(readFileSync(path.join(rootOf(release), '.stamp.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

export function serversOf(release) {
  return Object.entries(SERVERS).filter(([, s]) => s.release === release);
}

/** True when the release's root is complete for the current recipe (no process is started). */
function releaseReady(release) {
  const stamp = readStamp(release);
  if (stamp?.recipe !== recipeHash(release)) return false;
  return serversOf(release).every(([, s]) => existsSync(path.join(rootOf(release), 'usr', 'bin', `${s.product}-check-rdb`)));
}

/** Runs `program --version` through its launcher and returns the `v=` it prints. */
function reportedVersion(launch) {
  const r = run(launch.command, [...launch.args, '--version'], { env: { ...process.env, ...launch.env }, timeout: 30_000 });
  return /v=(\S+)/.exec(r.output)?.[1] ?? `(no version: ${tail(r.output, 3)})`;
}

/** Libraries the loader cannot find for a program of the root, or that it would take from outside. */
function missingLibraries(release, program) {
  const { loader, libs } = loaderOf(release);
  const r = run(loader, ['--library-path', libs, '--list', path.join(rootOf(release), 'usr', 'bin', program)], { timeout: 30_000 });
  const lines = r.output.split('\n');
  const missing = lines.filter((l) => /not found/.test(l)).map((l) => l.trim());
  // Roots with their own glibc must not lean on the system's libraries.
  if (RELEASES[release].loader !== 'system') {
    for (const l of lines) {
      const m = /=>\s+(\/\S+)/.exec(l);
      if (m && !m[1].startsWith(rootsDir)) missing.push(`${l.trim()} (from the system, not from the root)`);
    }
  }
  return missing;
}

/** Files of the unpacked packages that no test runs: documentation, locales, duplicate binaries. */
function prune(root) {
  for (const p of ['usr/share', 'etc', `usr/lib/${MULTIARCH}/gconv`, 'usr/lib/sysusers.d', 'usr/lib/tmpfiles.d', 'usr/sbin', 'usr/libexec']) {
    rmSync(path.join(root, p), { recursive: true, force: true });
  }
  const bin = path.join(root, 'usr', 'bin');
  if (existsSync(bin)) {
    for (const f of readdirSync(bin)) if (/-(benchmark|check-aof)$/.test(f)) rmSync(path.join(bin, f), { force: true });
  }
}

function provisionRelease(release, available, opts) {
  const servers = serversOf(release);
  const { chosen, problems } = chooseVersions(release, available, servers);
  if (problems.length > 0) fail(`cannot download from Debian ${release}:\n  ${problems.join('\n  ')}`);
  const debs = path.join(workDir, 'debs', release);
  rmSync(debs, { recursive: true, force: true });
  mkdirSync(debs, { recursive: true });
  const specs = [...chosen].map(([name, version]) => `${name}=${version}`);
  logger(`${release}: downloading ${specs.join(' ')}`);
  const dl = run('apt-get', [...opts, 'download', ...specs], { cwd: debs });
  if (!dl.ok) fail(`apt-get download from Debian ${release} failed (${specs.join(' ')}):\n${tail(dl.output)}`);
  const files = readdirSync(debs).filter((f) => f.endsWith('.deb'));
  if (files.length !== specs.length) fail(`apt-get download from Debian ${release} brought ${files.length} of ${specs.length} packages: ${files.join(', ')}`);

  const partial = `${rootOf(release)}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  for (const f of files) {
    const x = run('dpkg-deb', ['-x', path.join(debs, f), partial]);
    if (!x.ok) fail(`dpkg-deb -x ${f} failed:\n${tail(x.output)}`);
  }
  prune(partial);
  rmSync(rootOf(release), { recursive: true, force: true });
  renameSync(partial, rootOf(release));
  rmSync(debs, { recursive: true, force: true });

  const reported = {};
  for (const [id, s] of servers) {
    const missing = missingLibraries(release, `${s.product}-check-rdb`);
    if (missing.length > 0) fail(`${id}: libraries missing from the ${release} root:\n  ${missing.join('\n  ')}`);
    const got = reportedVersion(describe(id).server);
    if (got !== s.upstream) fail(`${id}: the server unpacked from Debian ${release} reports version ${got}, expected ${s.upstream}`);
    reported[id] = got;
  }
  writeFileSync(
    path.join(rootOf(release), '.stamp.json'),
    JSON.stringify({ recipe: recipeHash(release), packages: Object.fromEntries(chosen), servers: reported, at: new Date().toISOString() }, null, 2) + '\n',
  );
  logger(
    `${release}: ready (${Object.entries(reported)
      .map(([id, v]) => `${id} reports ${v}`)
      .join(', ')})`,
  );
}

// ---------------------------------------------------------------------------------------------
// The system's redis-server (7.0.15 on bookworm)

function ensureSystemRedis() {
  if (existsSync('/usr/bin/redis-server')) return;
  if (!isRoot()) {
    fail(
      'redis-server 7.0 is not installed. Install it as root:\n' +
        '    sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends redis-server',
    );
  }
  logger('installing the system redis-server (Debian bookworm)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another process may hold the dpkg lock: wait for it rather than fail.
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  const u = run('apt-get', [...lock, 'update'], { env });
  if (!u.ok) fail(`apt-get update failed:\n${tail(u.output)}`);
  const i = run('apt-get', [...lock, 'install', '-y', '--no-install-recommends', 'redis-server'], { env });
  if (!i.ok) fail(`apt-get install redis-server failed:\n${tail(i.output)}`);
  // The package may start its own service on 6379; the tests use their own ports.
  run('systemctl', ['disable', '--now', 'redis-server.service'], { timeout: 30_000 });
  run('service', ['redis-server', 'stop'], { timeout: 30_000 });
  if (!existsSync('/usr/bin/redis-server')) fail('apt-get installed redis-server but /usr/bin/redis-server is missing');
}

// ---------------------------------------------------------------------------------------------
// Lock between test processes that provision at the same time

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

async function withLock(fn) {
  mkdirSync(cacheDir, { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  let waited = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
      } catch {
        // the owner is between mkdir and writing its pid
      }
      if (Number.isInteger(owner) && owner > 0 && !pidAlive(owner)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) fail(`another process (pid ${owner}) has been provisioning for 15 minutes; remove ${lockDir} if it is gone`);
      if (!waited) logger(`waiting for another process (pid ${owner}) that is provisioning`);
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points

function releasesFor(ids) {
  const needed = new Set();
  for (const id of ids) {
    const r = SERVERS[id].release;
    if (r === 'system') continue;
    needed.add(r);
    if (RELEASES[r].loader === 'trixie') needed.add('trixie');
  }
  return [...needed];
}

function checkIds(ids) {
  const unknown = ids.filter((id) => !(id in SERVERS));
  if (unknown.length > 0) fail(`unknown server version ${unknown.join(', ')}; known: ${ORACLE_VERSIONS.join(', ')}`);
}

/**
 * How to start each server, without provisioning anything: undefined for a version whose files
 * are not in place yet.
 */
export function provisionedServer(id) {
  checkIds([id]);
  const s = SERVERS[id];
  if (s.release === 'system') return existsSync('/usr/bin/redis-server') ? describe(id) : undefined;
  return releasesFor([id]).every(releaseReady) ? describe(id) : undefined;
}

/**
 * Makes sure the servers of `versions` (default: all) are in place and resolves to how to start
 * each one: `{ [id]: { id, product, version, origin, server: {command, args, env}, cli? } }`.
 * The releases that can be provisioned are, even when another fails; then it rejects with a
 * ProvisionError that names every package that could not be had.
 */
export async function provisionRedis({ versions = ORACLE_VERSIONS, force = false, log } = {}) {
  if (log) logger = log;
  checkIds(versions);
  const started = Date.now();
  const problems = [];
  if (versions.some((id) => SERVERS[id].release === 'system')) {
    try {
      ensureSystemRedis();
    } catch (e) {
      problems.push(e.message);
    }
  }
  const wanted = releasesFor(versions);
  if (force || !wanted.every(releaseReady)) {
    await withLock(async () => {
      // Unpacking interrupted by a killed process; nobody else writes while we hold the lock.
      if (existsSync(rootsDir))
        for (const d of readdirSync(rootsDir)) if (d.includes('.partial-')) rmSync(path.join(rootsDir, d), { recursive: true, force: true });
      const failures = readJson(failureFile) ?? {};
      const remember = (release, message) => {
        failures[release] = { at: new Date().toISOString(), message };
        writeFileSync(failureFile, JSON.stringify(failures, null, 2) + '\n');
      };
      const todo = wanted.filter((r) => {
        if (!force && releaseReady(r)) return false; // perhaps done by another process while we waited
        const last = failures[r];
        if (force || !last || Date.now() - Date.parse(last.at) >= FAILURE_MEMORY_MS) return true;
        const ago = Math.round((Date.now() - Date.parse(last.at)) / 1000);
        problems.push(`${last.message}\n(from an attempt ${ago} s ago; node scripts/provision-redis.mjs --force retries now)`);
        return false;
      });
      if (todo.length === 0) return;
      if (process.arch !== 'x64') {
        problems.push(`the Debian servers are provisioned for x86_64 only; this machine is ${process.arch}`);
        return;
      }
      if (!isRoot()) {
        // apt-get download and dpkg-deb work without root, but apt's sandbox user needs it; say so.
        logger('not running as root: apt may refuse to download into the cache');
      }
      const aptStarted = Date.now();
      const suites = [...new Set(todo.flatMap((r) => RELEASES[r].suites))];
      let opts;
      try {
        opts = aptConfig(suites);
        logger(`apt-get update (${suites.join(', ')}) with a private configuration in ${shown(workDir)}`);
        const u = run('apt-get', [...opts, 'update']);
        // apt-get update exits 0 even when a suite failed to download: the versions check below says so.
        if (!u.ok || /^(E:|Err:)/m.test(u.output)) fail(`apt-get update of Debian ${suites.join(', ')} failed:\n${tail(u.output)}`);
      } catch (e) {
        problems.push(e.message);
        for (const r of todo) remember(r, e.message);
        return;
      }
      const packages = [...new Set(todo.flatMap((r) => [...RELEASES[r].libraries, ...serversOf(r).map(([, s]) => s.package)]))];
      const available = madison(opts, packages);
      const before = problems.length;
      // trixie first: sid runs on its libraries.
      for (const release of todo.sort((a, b) => (a === 'trixie' ? -1 : b === 'trixie' ? 1 : 0))) {
        try {
          provisionRelease(release, available, opts);
          if (failures[release]) {
            delete failures[release];
            writeFileSync(failureFile, JSON.stringify(failures, null, 2) + '\n');
          }
        } catch (e) {
          problems.push(e.message);
          remember(release, e.message);
        }
      }
      if (problems.length === before) {
        if (Object.keys(failures).length === 0) rmSync(failureFile, { force: true });
        // The lists (about 60 MB) are only needed to download; the roots are what stays.
        rmSync(workDir, { recursive: true, force: true });
        logger(`provisioned ${todo.join(', ')} in ${((Date.now() - aptStarted) / 1000).toFixed(1)} s`);
      }
    });
  }
  const result = {};
  for (const id of versions) {
    const s = provisionedServer(id);
    if (s) result[id] = s;
  }
  const missing = versions.filter((id) => !result[id]);
  if (problems.length > 0 || missing.length > 0) {
    fail(`the oracle servers ${missing.join(', ') || '(all)'} are not available:\n${problems.join('\n') || 'provisioning did not produce them'}`);
  }
  if (Date.now() - started > 1000) logger(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${versions.join(', ')}`);
  return result;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const ids = args.filter((a) => !a.startsWith('--'));
  try {
    const servers = await provisionRedis({ versions: ids.length > 0 ? ids : ORACLE_VERSIONS, force: args.includes('--force') });
    if (args.includes('--json')) console.log(JSON.stringify(servers, null, 2));
    else for (const s of Object.values(servers)) console.log(`${s.id.padEnd(14)} ${s.origin}`);
  } catch (err) {
    console.error(`[provision-redis] ERROR: ${err instanceof ProvisionError ? err.message : (err?.stack ?? err)}`);
    process.exit(1);
  }
}
