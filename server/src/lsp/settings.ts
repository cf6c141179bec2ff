/**
 * The `redisConfig.*` settings: one schema with defaults, shared by the server, the CLI
 * and the manifest test.
 */
import { DEFAULT_TARGET, TARGETS, isTargetId } from '../knowledge/types';
import type { Profile, Settings } from '../analysis/types';

export const SETTINGS_SCHEMA = {
  targetVersion: { enum: TARGETS, default: DEFAULT_TARGET },
  profile: { enum: ['production', 'development'] as const, default: 'production' as Profile },
} as const;

export const DEFAULT_SETTINGS: Settings = { target: DEFAULT_TARGET, profile: 'production' };

/** Reads the client's `redisConfig` section; anything invalid falls back to its default. */
export function settingsFromClient(raw: unknown): Settings {
  const section = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const target = isTargetId(section.targetVersion) ? section.targetVersion : DEFAULT_SETTINGS.target;
  const profile = section.profile === 'development' || section.profile === 'production' ? section.profile : DEFAULT_SETTINGS.profile;
  return { target, profile };
}
