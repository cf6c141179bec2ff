/**
 * The `redisConfig.*` settings: one schema with defaults, shared by the server, the CLI
 * and the manifest test.
 */
import { DEFAULT_TARGET, TARGETS, isTargetId, type TargetId } from '../knowledge/types';
import type { Profile, Settings } from '../analysis/types';

export const SETTINGS_SCHEMA = {
  targetVersion: { enum: ['auto', ...TARGETS] as const, default: 'auto' },
  profile: { enum: ['production', 'development'] as const, default: 'production' as Profile },
  includeBaseDirectory: { type: 'string', default: '' },
} as const;

export const DEFAULT_SETTINGS: Settings = { target: DEFAULT_TARGET, targetIsDefault: true, profile: 'production' };

/** Reads the client's `redisConfig` section; anything invalid falls back to its default. */
export function settingsFromClient(raw: unknown): Settings {
  const section = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const chosen = isTargetId(section.targetVersion);
  const profile = section.profile === 'development' || section.profile === 'production' ? section.profile : DEFAULT_SETTINGS.profile;
  const base = typeof section.includeBaseDirectory === 'string' && section.includeBaseDirectory.trim() !== '' ? section.includeBaseDirectory.trim() : undefined;
  return {
    target: chosen ? (section.targetVersion as TargetId) : DEFAULT_TARGET,
    targetIsDefault: !chosen,
    profile,
    ...(base ? { includeBaseDirectory: base } : {}),
  };
}
