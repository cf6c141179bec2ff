/**
 * Which files the command line names. A file is checked whatever its name; a folder is
 * searched for Redis and Valkey configs: `redis*.conf`, `sentinel*.conf`, `valkey*.conf`,
 * `*.redis.conf`, `*.acl`, files an override of the project file names, and any file with a
 * target pragma near its top. `node_modules` and version-control folders are skipped and
 * symbolic links to folders are not followed. A glob (quoted, so the shell leaves it
 * alone) selects the files it matches, whatever their names. `-` is standard input.
 */
import { closeSync, openSync, readSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { minimatch } from 'minimatch';

/** The names a folder search picks up, as the extension's language contributions do. */
export const CONFIG_NAME = /^(?:(?:redis|sentinel|valkey)[^/\\]*\.conf|[^/\\]*\.redis\.conf|[^/\\]*\.acl)$/i;

export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', '.bzr', '.jj', '_darcs', 'CVS']);

/** A target pragma in the first 4 KB marks a config whatever its name. */
const PRAGMA = /^[ \t]*#[ \t]*redis-config:[ \t]*target[ \t]*=/m;
const SNIFF_BYTES = 4096;
/** Larger files are not configs (the editor's limit too). */
const MAX_SIZE = 4 * 1024 * 1024;

export const STDIN = '-';

export interface Discovered {
  /** The files in command-line order, each once (`-` for standard input); paths as the user wrote them or as found under a folder. */
  readonly files: readonly string[];
  /** Arguments that name nothing: each "path: reason". */
  readonly errors: readonly string[];
  /** Folders and globs that selected no file. */
  readonly empty: readonly string[];
}

function hasGlob(arg: string): boolean {
  return /[*?[\]{}]/.test(arg);
}

function hasPragma(path: string): boolean {
  let fd: number | undefined;
  try {
    if (statSync(path).size > MAX_SIZE) return false;
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    return PRAGMA.test(buf.subarray(0, n).toString('latin1'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** Every regular file under `dir` (sorted, skipping the folders above), as `dir/...` paths. */
function* walk(dir: string): Generator<string> {
  for (const e of entries(dir)) {
    const path = dir === '.' ? e.name : join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(e.name)) yield* walk(path);
    } else if (e.isFile()) yield path;
    else if (e.isSymbolicLink()) {
      try {
        if (statSync(path).isFile()) yield path;
      } catch {
        // A dangling link names nothing.
      }
    }
  }
}

/** The folder a glob can be searched from: its leading segments without wildcards. */
function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if (hasGlob(p)) break;
    fixed.push(p);
  }
  if (fixed.length === 0) return '.';
  const base = fixed.join('/');
  return base === '' ? '/' : base;
}

/**
 * `isNamed(path)` says whether a project file's override names a file, so that a folder
 * search picks it up too.
 */
export function discover(args: readonly string[], isNamed: (absolutePath: string) => boolean = () => false): Discovered {
  const files: string[] = [];
  const seen = new Set<string>();
  const errors: string[] = [];
  const empty: string[] = [];
  const add = (path: string): void => {
    const key = path === STDIN ? STDIN : resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(path);
  };
  for (const arg of args) {
    if (arg === STDIN) {
      add(STDIN);
      continue;
    }
    let isDir = false;
    let exists = false;
    try {
      const st = statSync(arg);
      exists = true;
      isDir = st.isDirectory();
    } catch (err) {
      if (!hasGlob(arg)) {
        const code = (err as NodeJS.ErrnoException).code;
        errors.push(`${arg}: ${code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : String(code ?? err)}`);
        continue;
      }
    }
    const before = files.length;
    if (exists && !isDir) {
      add(arg);
      continue;
    }
    if (exists && isDir) {
      const dir = arg.replace(/(.)\/+$/, '$1');
      for (const path of walk(dir)) {
        if (CONFIG_NAME.test(basename(path)) || isNamed(resolve(path)) || hasPragma(path)) add(path);
      }
    } else {
      const pattern = arg.replace(/\\/g, '/').replace(/^\.\//, '');
      for (const path of walk(globBase(pattern))) {
        if (minimatch(path, pattern, { dot: false })) add(path);
      }
    }
    if (files.length === before) empty.push(arg);
  }
  return { files, errors, empty };
}
