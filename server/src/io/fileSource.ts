/**
 * The files the analysis may read (included files, ACL files): open editor documents
 * first, so unsaved edits count, then the disk.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { minimatch } from 'minimatch';
import type { FileSource } from '../analysis/configModel';

/** Larger files are not configs; reading them would only slow the editor down. */
const MAX_SIZE = 4 * 1024 * 1024;

export function diskFileSource(openText: (path: string) => string | undefined = () => undefined): FileSource {
  return {
    read(path: string): string | undefined {
      const open = openText(path);
      if (open !== undefined) return open;
      try {
        const stat = statSync(path);
        if (!stat.isFile() || stat.size > MAX_SIZE) return undefined;
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    glob(pattern: string): readonly string[] {
      return expandGlob(pattern);
    },
  };
}

/**
 * glob(3) as Redis calls it: any path component may hold `*`, `?` or `[...]`; wildcards
 * do not match a leading dot; results are sorted.
 */
export function expandGlob(pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p) => p !== '');
  let paths = [absolute ? '/' : '.'];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const next: string[] = [];
    for (const dir of paths) {
      if (!/[*?[]/.test(part)) {
        next.push(join(dir, part));
        continue;
      }
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      for (const name of names.sort()) if (minimatch(name, part, { dot: false })) next.push(join(dir, name));
    }
    paths = last ? next.filter(isFile) : next;
  }
  return paths;
}

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : dir === '.' ? name : `${dir}/${name}`;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The permission bits of a file, or undefined when it cannot be read. */
export function fileMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return undefined;
  }
}
