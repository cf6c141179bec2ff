/**
 * Reading the files named on the command line, with one clear reason when it fails. Files
 * are read and written as bytes (syntax/bytes.ts): a byte that is not UTF-8 survives a fix
 * unchanged, and passwords are hashed from the bytes Redis reads.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { decodeBytes, encodeText } from '../syntax/bytes';

/** `mode` is the file's permission bits (none for standard input). */
export type ReadResult = { ok: true; text: string; mode?: number } | { ok: false; reason: string };

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
  ENOTDIR: 'a parent of this path is not a directory',
};

export function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? (err instanceof Error ? err.message : String(err));
}

/** Formats that are surely not configs, by their first bytes (RDB dumps, archives, images, executables). */
const MAGIC: readonly (readonly number[])[] = [
  [0x1f, 0x8b], // gzip
  [0x50, 0x4b, 0x03, 0x04], // zip
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x42, 0x5a, 0x68], // bzip2
  [0xfd, 0x37, 0x7a, 0x58, 0x5a], // xz
  [0x28, 0xb5, 0x2f, 0xfd], // zstd
];

/**
 * Whether bytes are binary rather than a config. A config may hold a stray NUL byte (Redis
 * reads up to it, and `nul-byte` says so), so a NUL alone does not decide: a known binary
 * signature does, or a head where over 30% of the characters are control characters or
 * invalid UTF-8. Without any NUL, a file is text, as git decides.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 8000));
  if (MAGIC.some((m) => m.every((b, i) => head[i] === b))) return true;
  // An RDB dump starts with REDIS and a four-digit format version.
  if (/^REDIS\d{4}/.test(head.subarray(0, 9).toString('latin1'))) return true;
  if (!head.includes(0)) return false;
  const text = head.toString('utf8');
  let odd = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0xfffd || c === 0x7f || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b)) odd++;
  }
  return odd / Math.max(1, [...text].length) > 0.3;
}

export function readConfigFile(path: string): ReadResult {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, reason: 'is a directory' };
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    const bytes = readFileSync(path);
    if (looksBinary(bytes)) return { ok: false, reason: 'binary file, not a config' };
    return { ok: true, text: decodeBytes(bytes), mode: stat.mode & 0o777 };
  } catch (err) {
    return { ok: false, reason: reasonOf(err) };
  }
}

/** Standard input, read to its end. */
export function readStdin(): ReadResult {
  try {
    const bytes = readFileSync(0);
    if (looksBinary(bytes)) return { ok: false, reason: 'binary input, not a config' };
    return { ok: true, text: decodeBytes(bytes) };
  } catch (err) {
    return { ok: false, reason: reasonOf(err) };
  }
}

export function writeConfigFile(path: string, text: string): { ok: true } | { ok: false; reason: string } {
  try {
    writeFileSync(path, encodeText(text));
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: reasonOf(err) };
  }
}
