/** Where the read-only shared folder (reference facts, official configs) is, when present. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_DIR = process.env.REDIS_CONFIG_SHARED_DIR ?? resolve(__dirname, '../../../shared');

export function sharedPath(...parts: string[]): string | undefined {
  const p = join(SHARED_DIR, ...parts);
  return existsSync(p) ? p : undefined;
}
