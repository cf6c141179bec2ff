/**
 * Which Redis or Valkey version a file is checked against: a pragma comment in the file
 * wins (`# redis-config: target=redis-7.0`), then the setting, then a default that
 * follows the file name (valkey*.conf → the newest Valkey, anything else → newest Redis).
 * A version we have no table for (`redis-8.2`) is checked against the nearest one we have,
 * and the result says so.
 */
import { DEFAULT_TARGET, NEWEST_VALKEY, type TargetId } from '../knowledge/types';
import { chooseTarget } from '../knowledge/versions';
import type { ConfigTree } from '../syntax/configParser';
import type { Range } from '../syntax/text';

export type TargetSource = 'pragma' | 'setting' | 'default';

export interface ResolvedTarget {
  readonly target: TargetId;
  readonly source: TargetSource;
  /** A pragma naming something that is not a Redis or Valkey version: its line and the name. */
  readonly invalidPragma?: { readonly range: Range; readonly value: string };
  /**
   * The version asked for when we have no table for it (`redis-8.2`); `target` is then the
   * nearest one we have. `range` is the pragma's value, when a pragma asked for it.
   */
  readonly approximated?: { readonly requested: string; readonly range?: Range };
}

const PRAGMA = /^#\s*redis-config:\s*target\s*=\s*(\S*)/;

export function resolveTarget(
  tree: ConfigTree | undefined,
  text: string,
  path: string | undefined,
  configured: TargetId,
  isDefault: boolean,
  requested?: string,
): ResolvedTarget {
  if (tree) {
    for (const line of tree.toolComments) {
      const m = PRAGMA.exec(text.slice(line.start, line.end));
      if (!m) continue;
      const value = m[1] ?? '';
      const { start } = line.range;
      const from = start.character + m[0].length - value.length;
      const range = { start: { line: start.line, character: from }, end: { line: start.line, character: from + value.length } };
      const choice = chooseTarget(value);
      if (choice)
        return { target: choice.target, source: 'pragma', ...(choice.approximates ? { approximated: { requested: choice.approximates, range } } : {}) };
      return { ...fallback(path, configured, isDefault, requested), invalidPragma: { range, value } };
    }
  }
  return fallback(path, configured, isDefault, requested);
}

function fallback(path: string | undefined, configured: TargetId, isDefault: boolean, requested: string | undefined): ResolvedTarget {
  if (!isDefault) return { target: configured, source: 'setting', ...(requested ? { approximated: { requested } } : {}) };
  const base = (path ?? '').split(/[\\/]/).pop() ?? '';
  return { target: /^valkey/i.test(base) ? NEWEST_VALKEY : DEFAULT_TARGET, source: 'default' };
}
