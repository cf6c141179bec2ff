/**
 * The editor's `redisConfig` section, read with the shared settings schema
 * (server/src/settings): what the client sends is what the user chose; what it leaves out
 * falls through to the project file, then to the defaults.
 */
import type { Settings } from '../analysis/types';
import { resolveSettings, readSettings, type UserSettings } from '../settings/schema';
import { SETTINGS_SECTION } from '../settings/names';

export { DEFAULT_SETTINGS, SETTINGS_SCHEMA } from '../settings/schema';

/** Client-only keys of the section (VS Code's trace setting), not errors. */
const CLIENT_KEYS = ['trace'];

/** The user's choices in the client's `redisConfig` section; invalid values are dropped and reported. */
export function editorSettings(raw: unknown): { settings: UserSettings; problems: string[] } {
  return readSettings(raw, (k) => `${SETTINGS_SECTION}.${k}`, CLIENT_KEYS);
}

/** The analysis settings of an editor section alone, without a project file. */
export function settingsFromClient(raw: unknown): Settings {
  return resolveSettings([{ origin: 'editor', settings: editorSettings(raw).settings }]).settings;
}
