/**
 * `include` globs as Redis expands them (glob(3)), over any file system that can list a
 * folder: the disk in Node, the editor's file system in the browser. No I/O here.
 */
import { minimatch } from 'minimatch';
import type { GlobResult } from '../analysis/configModel';

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

/** What a glob needs from a file system. */
export interface GlobFs {
  /** The names in a folder (any order), or undefined when it cannot be listed. */
  list(dir: string): readonly string[] | undefined;
  isDirectory(path: string): boolean;
}

const WILDCARD = /[*?[]/;

/** True when a path holds a glob wildcard. */
export function hasWildcard(path: string): boolean {
  return WILDCARD.test(path);
}

/**
 * glob(3) as Redis calls it: any path component may hold `*`, `?` or `[...]`; wildcards
 * do not match a leading dot; results are sorted. Folders among the matches are left out
 * (Redis reads nothing from them); FIFOs and devices stay, so that reading them can say
 * what they are. Stops at `limits`, saying which one.
 */
export function expandGlobWith(fs: GlobFs, pattern: string, limits: GlobLimits = GLOB_LIMITS): GlobResult {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p) => p !== '');
  if (parts.filter((p) => WILDCARD.test(p)).length > limits.wildcards) return { paths: [], limit: 'wildcards' };
  const deadline = Date.now() + limits.milliseconds;
  const finish = (paths: string[], last: boolean): string[] => (last ? paths.filter((p) => !fs.isDirectory(p)).slice(0, limits.matches) : []);
  let folders = 0;
  let paths = [absolute ? '/' : '.'];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const next: string[] = [];
    for (const dir of paths) {
      if (!WILDCARD.test(part)) {
        next.push(join(dir, part));
        continue;
      }
      if (++folders > limits.folders) return { paths: finish(next, last), limit: 'folders' };
      if (Date.now() > deadline) return { paths: finish(next, last), limit: 'time' };
      const names = fs.list(dir);
      if (!names) continue;
      for (const name of [...names].sort()) if (minimatch(name, part, { dot: false })) next.push(join(dir, name));
      if (last && next.length > limits.matches) return { paths: finish(next, last), limit: 'matches' };
    }
    paths = last ? finish(next, last) : next;
  }
  return { paths };
}

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : dir === '.' ? name : `${dir}/${name}`;
}
