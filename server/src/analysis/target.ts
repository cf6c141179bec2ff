/**
 * Which Redis or Valkey version a file is checked against: a pragma comment in the file
 * wins (`# redis-config: target=redis-7.0`), then the setting, then a default that
 * follows the file name (valkey*.conf → the newest Valkey, anything else → newest Redis).
 */
import { DEFAULT_TARGET, NEWEST_VALKEY, isTargetId, type TargetId } from '../knowledge/types';
import type { ConfigTree } from '../syntax/configParser';
import type { Range } from '../syntax/text';

export type TargetSource = 'pragma' | 'setting' | 'default';

export interface ResolvedTarget {
  readonly target: TargetId;
  readonly source: TargetSource;
  /** A pragma naming a version we do not know: its line and the name. */
  readonly invalidPragma?: { readonly range: Range; readonly value: string };
}

const PRAGMA = /^#\s*redis-config:\s*target\s*=\s*(\S*)/;

export function resolveTarget(tree: ConfigTree | undefined, text: string, path: string | undefined, configured: TargetId, isDefault: boolean): ResolvedTarget {
  if (tree) {
    for (const line of tree.toolComments) {
      const m = PRAGMA.exec(text.slice(line.start, line.end));
      if (!m) continue;
      const value = m[1] ?? '';
      if (isTargetId(value)) return { target: value, source: 'pragma' };
      const { start } = line.range;
      const from = start.character + m[0].length - value.length;
      const range = { start: { line: start.line, character: from }, end: { line: start.line, character: from + value.length } };
      return { target: fallback(path, configured, isDefault), source: isDefault ? 'default' : 'setting', invalidPragma: { range, value } };
    }
  }
  return { target: fallback(path, configured, isDefault), source: isDefault ? 'default' : 'setting' };
}

function fallback(path: string | undefined, configured: TargetId, isDefault: boolean): TargetId {
  if (!isDefault) return configured;
  const base = (path ?? '').split(/[\\/]/).pop() ?? '';
  return /^valkey/i.test(base) ? NEWEST_VALKEY : DEFAULT_TARGET;
}
