/**
 * The files the analysis may read (included files, ACL files): open editor documents
 * first, so unsaved edits count, then the disk. Files are read as bytes and decoded
 * losslessly (syntax/bytes.ts). When a read fails, `failure` says why, so that a FIFO or a
 * directory is not reported as a missing file.
 */
import { Stats, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { FileSource, GlobResult, ReadFailure } from '../analysis/configModel';
import { decodeBytes, encodeText } from '../syntax/bytes';
import { expandGlobWith, GLOB_LIMITS, type GlobLimits } from './glob';

/** Larger files are not configs; reading them would only slow the editor down. */
const MAX_SIZE = 4 * 1024 * 1024;

export { GLOB_LIMITS, type GlobLimits } from './glob';

/**
 * A path as the file system wants it: text with escaped bytes (a name that is not UTF-8,
 * from a file read as bytes) becomes those bytes; a name with U+FFFD lost its bytes when
 * an editor decoded it, so no file can be named by it.
 */
function fsPath(path: string): string | Buffer | undefined {
  if (path.includes('\ufffd')) return undefined;
  const bytes = Buffer.from(encodeText(path));
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

/** A glob over the disk (see glob.ts). */
export function expandGlob(pattern: string, limits: GlobLimits = GLOB_LIMITS): GlobResult {
  return expandGlobWith(
    {
      list(dir) {
        const p = fsPath(dir);
        if (p === undefined) return [];
        try {
          return readdirSync(p, { encoding: 'buffer' }).map((n) => decodeBytes(n));
        } catch {
          return undefined;
        }
      },
      isDirectory,
    },
    pattern,
    limits,
  );
}

function isDirectory(path: string): boolean {
  const s = statOf(path);
  return s instanceof Stats && s.isDirectory();
}

/** Where a path leads once symbolic links are followed; the path itself when it cannot be resolved. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The permission bits of a file, or undefined when it cannot be read. */
export function fileMode(path: string): number | undefined {
  const s = statOf(path);
  return s instanceof Stats ? s.mode & 0o777 : undefined;
}
