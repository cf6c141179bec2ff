/**
 * Reading the files named on the command line, with one clear reason when it fails. Files
 * are read and written as bytes (syntax/bytes.ts): a byte that is not UTF-8 survives a fix
 * unchanged, and passwords are hashed from the bytes Redis reads.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { decodeBytes, encodeText } from '../syntax/bytes';

export type ReadResult = { ok: true; text: string; mode: number } | { ok: false; reason: string };

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
  ENOTDIR: 'a parent of this path is not a directory',
};

export function readConfigFile(path: string): ReadResult {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, reason: 'is a directory' };
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    const bytes = readFileSync(path);
    // The same test as git's: a NUL byte early on means a binary file, not a config.
    if (bytes.subarray(0, 8000).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
    return { ok: true, text: decodeBytes(bytes), mode: stat.mode & 0o777 };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return { ok: false, reason: REASONS[code] ?? (err instanceof Error ? err.message : String(err)) };
  }
}

export function writeConfigFile(path: string, text: string): { ok: true } | { ok: false; reason: string } {
  try {
    writeFileSync(path, encodeText(text));
    return { ok: true };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return { ok: false, reason: REASONS[code] ?? (err instanceof Error ? err.message : String(err)) };
  }
}
