/**
 * Starts one of our Node bundles (the language server or the CLI) through V8's code cache.
 *
 * Most of a cold start is V8 compiling the bundle: the whole file at load, then each function
 * the first analysis calls. A cache written after that work (`Script.createCachedData()` once the
 * process has run) holds the bytecode of every function compiled so far, so the next start skips
 * both; a cache made at load time holds the top level only, which is why neither the
 * `v8-compile-cache` package nor Node's own compile cache (Node 22+) gets the same effect.
 *
 * The cache is an optimisation, never a requirement: any failure (no writable directory, a
 * corrupt or foreign file, another Node version) means a normal start, and V8 rejects data made
 * by another version or with other flags. V8 checks a source's length but not its content (and
 * npm gives every file it installs the same modification time), so the file name carries a hash
 * of the bundle's text. Cached data is trusted code: a folder or file that another user could
 * have written is not used.
 */
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { Script } from 'node:vm';

/** Where our caches go, in order: the setting, the client's private storage, the user's cache folder. */
export const CACHE_DIR_VARIABLE = 'REDIS_CONFIG_CACHE_DIR';
/** Set to anything but an empty string to start without the cache. */
export const NO_CACHE_VARIABLE = 'REDIS_CONFIG_NO_CODE_CACHE';
/** Set to 1 to have each start say on stderr what it did with the cache (for tests and bug reports). */
export const TRACE_VARIABLE = 'REDIS_CONFIG_CODE_CACHE_TRACE';

const SUFFIX = '.v8cache';

/** The per-user cache folder of the platform: only its user can write there. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const home = (): string | undefined => {
    try {
      return homedir() || undefined;
    } catch {
      return undefined;
    }
  };
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA;
    return local ? join(local, 'redis-config', 'Cache') : undefined;
  }
  const base =
    platform === 'darwin'
      ? home()
        ? join(home() as string, 'Library', 'Caches')
        : undefined
      : env.XDG_CACHE_HOME || (home() ? join(home() as string, '.cache') : undefined);
  return base ? join(base, 'redis-config') : undefined;
}

/** A short stable hash (FNV-1a, 32 bits) for the cache file name. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The cache file of `bundle` with this text, for this Node, machine type and flags. */
export function cacheFileFor(bundle: string, text: string, dir: string): string {
  const key = [bundle, text.length, process.version, process.arch, process.execArgv.join(' ')].join('\0');
  return join(dir, `${basename(bundle, '.js')}-${fnv1a(key)}${fnv1a(text)}${SUFFIX}`);
}

/** Only the user may have written it: ours, not a link, not writable by group or others (POSIX). */
function ownedByUs(stat: Stats): boolean {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  return !stat.isSymbolicLink() && stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

/** Whether the cache folder is safe to read from and write to; a folder not made yet is. */
function usableFolder(dir: string): boolean {
  try {
    const stat = lstatSync(dir);
    return stat.isDirectory() && ownedByUs(stat);
  } catch {
    return true;
  }
}

/**
 * The cache data of this process, kept for its whole life. glibc's malloc raises the size under
 * which it recycles memory instead of returning it to the system to the size of the largest block
 * freed; freeing this megabyte would make every allocator arena keep megabytes of free memory.
 */
const kept: Buffer[] = [];

/** Reads a text file in small pieces, for the same reason: no large block is allocated and freed. */
function readText(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const piece = Buffer.allocUnsafe(64 * 1024);
    const decoder = new StringDecoder('utf8');
    let text = '';
    for (let n = readSync(fd, piece); n > 0; n = readSync(fd, piece)) text += decoder.write(piece.subarray(0, n));
    return text + decoder.end();
  } finally {
    closeSync(fd);
  }
}

export interface CachedStart {
  /** When to write the cache if this start did not find a usable one: at exit, and also this many ms after the start (unref'd). */
  readonly writeAfterMs?: number;
}

/**
 * Loads `bundle` as a CommonJS module in this process, as `module` — the entry file's own
 * module object, so that a bundle asking `require.main === module` still finds it is the main
 * program.
 */
export function startCached(bundle: string, module: NodeModule, options: CachedStart = {}): void {
  const trace = process.env[TRACE_VARIABLE] === '1' ? (m: string): void => void process.stderr.write(`code cache: ${m}\n`) : (): void => undefined;
  const text = readText(bundle);
  // The `#!` line of an executable bundle is not JavaScript inside a function; keep its length.
  const source = text.startsWith('#!') ? `//${text.slice(2)}` : text;
  const wanted = process.env[NO_CACHE_VARIABLE] ? undefined : process.env[CACHE_DIR_VARIABLE] || defaultCacheDir();
  const dir = wanted !== undefined && usableFolder(wanted) ? wanted : undefined;
  if (wanted !== undefined && dir === undefined) trace(`not using ${wanted}: another user could write there`);
  let file: string | undefined;
  let cachedData: Buffer | undefined;
  if (dir) {
    try {
      file = cacheFileFor(bundle, text, dir);
      const stat = lstatSync(file);
      if (stat.isFile() && ownedByUs(stat)) cachedData = readFileSync(file);
    } catch {
      // No cache yet (or no way to tell which one is ours): a normal start.
    }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  const usable = cachedData !== undefined && !script.cachedDataRejected;
  if (usable && cachedData) kept.push(cachedData);
  trace(file === undefined ? 'off' : usable ? `used ${file}` : cachedData ? `rejected ${file}` : `none at ${file}`);
  if (file && !usable) scheduleWrite(script, file, options.writeAfterMs, trace);
  const run = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: NodeModule, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

function scheduleWrite(script: Script, file: string, afterMs: number | undefined, trace: (m: string) => void): void {
  let written = false;
  const write = (): void => {
    if (written) return;
    written = true;
    try {
      writeCache(file, script.createCachedData());
      trace(`wrote ${file}`);
    } catch (e) {
      trace(`not written: ${(e as Error).message}`);
    }
  };
  process.once('exit', write);
  if (afterMs !== undefined) setTimeout(write, afterMs).unref();
}

/** Writes beside the final name and renames, so that a concurrent start never reads half a file; drops caches of older bundles. */
function writeCache(file: string, data: Buffer): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!usableFolder(dir)) throw new Error(`${dir} is writable by other users`);
  // A new file of a name nobody can guess: never one that was put there beforehand.
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, data);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  const stem = basename(file).replace(/-[0-9a-f]{16}\.v8cache$/, '-');
  for (const other of readdirSync(dir)) {
    if (other !== basename(file) && other.startsWith(stem) && other.endsWith(SUFFIX)) {
      try {
        unlinkSync(join(dir, other));
      } catch {
        // Another process's, or gone already.
      }
    }
  }
}
