/**
 * The names every front end shares, with no dependency, so the VS Code client can import
 * them without bundling the knowledge base.
 */

/** The settings, in the order they are documented: `redisConfig.<name>` in an editor, the same keys in `.redis-config.json`. */
export const SETTING_NAMES = ['targetVersion', 'profile', 'includeBaseDirectory', 'minPasswordLength', 'maxFileSizeMB', 'rules', 'docsBaseUrl'] as const;

export type SettingName = (typeof SETTING_NAMES)[number];

/** The editor section the settings live under. */
export const SETTINGS_SECTION = 'redisConfig';

/** The project file, found upwards from a checked file. */
export const PROJECT_FILE_NAME = '.redis-config.json';
