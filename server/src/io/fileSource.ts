/**
 * The files the analysis may read (included files, ACL files): open editor documents
 * first, so unsaved edits count, then the disk. Files are read as bytes and decoded
 * losslessly (syntax/bytes.ts). When a read fails, `failure` says why, so that a FIFO or a
 * directory is not reported as a missing file.
 */
import { Stats, readdirSync, readFileSync, statSync } from 'node:fs';
import { minimatch } from 'minimatch';
import type { FileSource, GlobResult, ReadFailure } from '../analysis/configModel';
import { decodeBytes, encodeText } from '../syntax/bytes';

/** Larger files are not configs; reading them would only slow the editor down. */
const MAX_SIZE = 4 * 1024 * 1024;

/** How far a glob may go before it stops and says so (see GlobResult.limit). */
export interface GlobLimits {
  /** Files returned. */
  readonly matches: number;
  /** Folders listed on the way. */
  readonly folders: number;
  /** Path components holding a wildcard. */
  readonly wildcards: number;
  /** Milliseconds of listing. */
  readonly milliseconds: number;
}

export const GLOB_LIMITS: GlobLimits = { matches: 1000, folders: 2000, wildcards: 8, milliseconds: 2000 };

/**
 * A path as the file system wants it: text with escaped bytes (a name that is not UTF-8,
 * from a file read as bytes) becomes those bytes; a name with U+FFFD lost its bytes when
 * an editor decoded it, so no file can be named by it.
 */
function fsPath(path: string): string | Buffer | undefined {
  if (path.includes('\ufffd')) return undefined;
  const bytes = encodeText(path);
  return bytes.toString('utf8') === path ? path : bytes;
}

function statOf(path: string): Stats | NodeJS.ErrnoException | undefined {
  const p = fsPath(path);
  if (p === undefined) return undefined;
  try {
    return statSync(p);
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
}

/** Why a path cannot be read as a config, or undefined when it can. */
export function readFailure(path: string): ReadFailure | undefined {
  const s = statOf(path);
  if (s === undefined) return 'undecodable-name';
  if (!(s instanceof Stats)) {
    const code = s.code ?? '';
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code === 'EACCES' || code === 'EPERM' ? 'permission' : 'other';
  }
  if (s.isDirectory()) return 'directory';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return path === '/dev/null' ? undefined : 'device';
  if (s.size > MAX_SIZE) return 'too-large';
  return undefined;
}

export function diskFileSource(openText: (path: string) => string | undefined = () => undefined, limits: GlobLimits = GLOB_LIMITS): FileSource {
  return {
    read(path: string): string | undefined {
      const open = openText(path);
      if (open !== undefined) return open;
      // /dev/null is what Redis reads it as: nothing.
      if (path === '/dev/null') return '';
      const p = fsPath(path);
      if (p === undefined) return undefined;
      try {
        const stat = statSync(p);
        if (!stat.isFile() || stat.size > MAX_SIZE) return undefined;
        return decodeBytes(readFileSync(p));
      } catch {
        return undefined;
      }
    },
    failure(path: string): ReadFailure {
      return readFailure(path) ?? 'other';
    },
    glob(pattern: string): GlobResult {
      return expandGlob(pattern, limits);
    },
  };
}

/**
 * glob(3) as Redis calls it: any path component may hold `*`, `?` or `[...]`; wildcards
 * do not match a leading dot; results are sorted. Folders among the matches are left out
 * (Redis reads nothing from them); FIFOs and devices stay, so that reading them can say
 * what they are. Stops at `limits`, saying which one.
 */
export function expandGlob(pattern: string, limits: GlobLimits = GLOB_LIMITS): GlobResult {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p) => p !== '');
  if (parts.filter((p) => /[*?[]/.test(p)).length > limits.wildcards) return { paths: [], limit: 'wildcards' };
  const deadline = Date.now() + limits.milliseconds;
  let folders = 0;
  let paths = [absolute ? '/' : '.'];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const next: string[] = [];
    for (const dir of paths) {
      if (!/[*?[]/.test(part)) {
        next.push(join(dir, part));
        continue;
      }
      if (++folders > limits.folders) return { paths: finish(next, last, limits), limit: 'folders' };
      if (Date.now() > deadline) return { paths: finish(next, last, limits), limit: 'time' };
      let names: string[];
      try {
        const p = fsPath(dir);
        names = p === undefined ? [] : readdirSync(p, { encoding: 'buffer' }).map((n) => decodeBytes(n));
      } catch {
        continue;
      }
      for (const name of names.sort()) if (minimatch(name, part, { dot: false })) next.push(join(dir, name));
      if (last && next.length > limits.matches) return { paths: finish(next, last, limits), limit: 'matches' };
    }
    paths = last ? finish(next, last, limits) : next;
  }
  return { paths };
}

function finish(paths: string[], last: boolean, limits: GlobLimits): string[] {
  return last ? paths.filter((p) => !isDirectory(p)).slice(0, limits.matches) : [];
}

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : dir === '.' ? name : `${dir}/${name}`;
}

function isDirectory(path: string): boolean {
  const s = statOf(path);
  return s instanceof Stats && s.isDirectory();
}

/** The permission bits of a file, or undefined when it cannot be read. */
export function fileMode(path: string): number | undefined {
  const s = statOf(path);
  return s instanceof Stats ? s.mode & 0o777 : undefined;
}
