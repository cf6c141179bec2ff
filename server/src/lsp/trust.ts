/**
 * Workspace trust. In a workspace the user has not trusted, the files of the workspace may
 * have been written by anyone: an `include` or `aclfile` there must not make the editor read
 * files elsewhere on the machine (and show what they say in diagnostics). So reads and globs
 * stay inside the workspace folders — symbolic links resolved — and open documents; whatever
 * lies outside is reported as not read (include-limit), not as missing.
 */
import { globPaths, type FileSource, type ReadFailure } from '../analysis/configModel';

function inside(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`));
}

/**
 * `source` limited to `roots` while `trusted()` is false. `isOpen` tells the documents open in
 * the editor, which are always readable (the user opened them); `real` where a path leads once
 * symbolic links are followed (the disk's realpath; a file system without links: the path).
 */
export function trustedSource(
  source: FileSource,
  roots: () => readonly string[],
  trusted: () => boolean,
  isOpen: (path: string) => boolean,
  real: (path: string) => string,
): FileSource {
  const allowed = (path: string): boolean => {
    if (trusted() || isOpen(path)) return true;
    const list = roots().map(real);
    // The path as written, and where its links lead, must both be inside.
    return inside(path, list) && inside(real(path), list);
  };
  return {
    read: (path) => (allowed(path) ? source.read(path) : undefined),
    failure: (path): ReadFailure => (allowed(path) ? (source.failure?.(path) ?? 'missing') : 'untrusted'),
    glob: (pattern) => {
      const result = globPaths(source.glob(pattern));
      if (trusted()) return result;
      const kept = result.paths.filter(allowed);
      return kept.length === result.paths.length ? result : { paths: kept, limit: 'untrusted' };
    },
  };
}
