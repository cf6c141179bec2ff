/**
 * The `redisConfig.*` settings: one schema with defaults, shared by the server, the CLI
 * and the manifest test.
 */
import { DEFAULT_TARGET, TARGETS, isTargetId, type TargetId } from '../knowledge/types';
import type { Profile, Settings, Severity } from '../analysis/types';
import { RULES } from '../knowledge/rules';

export const SETTINGS_SCHEMA = {
  targetVersion: { enum: ['auto', ...TARGETS] as const, default: 'auto' },
  profile: { enum: ['production', 'development'] as const, default: 'production' as Profile },
  includeBaseDirectory: { type: 'string', default: '' },
  minPasswordLength: { type: 'integer', default: 32, minimum: 8, maximum: 256 },
  maxFileSizeMB: { type: 'integer', default: 4, minimum: 1, maximum: 1024 },
  rules: { type: 'object', default: {}, values: ['off', 'hint', 'information', 'warning', 'error'] as const },
} as const;

/** Keeps the entries of a `rules` object that name a known code and a valid level. */
export function ruleLevels(raw: unknown): Record<string, Severity | 'off'> | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const out: Record<string, Severity | 'off'> = {};
  for (const [code, level] of Object.entries(raw as Record<string, unknown>)) {
    if (code in RULES && typeof level === 'string' && (SETTINGS_SCHEMA.rules.values as readonly string[]).includes(level)) out[code] = level as Severity | 'off';
  }
  return Object.keys(out).length ? out : undefined;
}

export const DEFAULT_SETTINGS: Settings = { target: DEFAULT_TARGET, targetIsDefault: true, profile: 'production' };

/** Reads the client's `redisConfig` section; anything invalid falls back to its default. */
export function settingsFromClient(raw: unknown): Settings {
  const section = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const chosen = isTargetId(section.targetVersion);
  const profile = section.profile === 'development' || section.profile === 'production' ? section.profile : DEFAULT_SETTINGS.profile;
  const base = typeof section.includeBaseDirectory === 'string' && section.includeBaseDirectory.trim() !== '' ? section.includeBaseDirectory.trim() : undefined;
  const rules = ruleLevels(section.rules);
  const min = section.minPasswordLength;
  const minPasswordLength = typeof min === 'number' && Number.isInteger(min) && min >= 8 && min <= 256 && min !== 32 ? min : undefined;
  const mb = section.maxFileSizeMB;
  const maxDocumentSize = typeof mb === 'number' && Number.isInteger(mb) && mb >= 1 && mb <= 1024 && mb !== 4 ? mb * 1024 * 1024 : undefined;
  return {
    target: chosen ? (section.targetVersion as TargetId) : DEFAULT_TARGET,
    targetIsDefault: !chosen,
    profile,
    ...(base ? { includeBaseDirectory: base } : {}),
    ...(rules ? { rules } : {}),
    ...(minPasswordLength ? { minPasswordLength } : {}),
    ...(maxDocumentSize ? { maxDocumentSize } : {}),
  };
}
