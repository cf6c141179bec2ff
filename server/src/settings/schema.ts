/**
 * The settings: one schema (names, types, allowed values, ranges, defaults, descriptions)
 * and one validation, used by the editor (`redisConfig.*`), the CLI's flags and the
 * project file `.redis-config.json`. A test checks the extension manifest against it, and
 * the project file's JSON Schema is generated from it.
 *
 * Settings come in layers, lowest first: defaults, the project file, then what the user
 * chose in the editor or on the command line. A file's own target pragma beats them all
 * (the analysis applies it). `targetVersion: "auto"` is the same as leaving it unset.
 */
import { DEFAULT_MIN_PASSWORD_LENGTH } from '../knowledge/secrets';
import type { Profile, Settings, Severity } from '../analysis/types';
import { isRuleCode, type RuleCode } from '../knowledge/rules';
import { DEFAULT_TARGET, TARGETS, type TargetId } from '../knowledge/types';
import { chooseTarget } from '../knowledge/versions';
import { SETTING_NAMES, type SettingName } from './names';

export { SETTING_NAMES, type SettingName } from './names';

export const LEVELS = ['off', 'hint', 'information', 'warning', 'error'] as const;
export type Level = Severity | 'off';

/** A level per diagnostic code, as the user chose them. */
export type RuleLevels = Readonly<Partial<Record<RuleCode, Level>>>;
export const PROFILES = ['production', 'development'] as const;

export const SETTINGS_SCHEMA = {
  targetVersion: {
    type: 'string',
    enum: ['auto', ...TARGETS] as const,
    default: 'auto',
    description:
      'The Redis or Valkey version files are checked against: which directives exist and which values they accept. `auto` leaves the choice to the project file `.redis-config.json`, then to the file name: the newest Valkey for files named `valkey*.conf`, the newest Redis otherwise. A comment `# redis-config: target=redis-7.0` in a file overrides this setting for that file. A version without its own table (such as `redis-8.2`) is checked against the nearest one, with a notice.',
  },
  profile: {
    type: 'string',
    enum: PROFILES,
    default: 'production' as Profile,
    description:
      '`production` reports every finding at its own severity; `development` turns the network, TLS, memory, ACL-permission and password findings into hints, for a laptop or a CI service container.',
  },
  includeBaseDirectory: {
    type: 'string',
    default: '',
    description:
      'The folder relative `include` and `aclfile` paths are resolved from. redis-server resolves them from its working directory, which an editor cannot know; when this is empty, the folder of the file that contains the `include` is used. In `.redis-config.json`, a relative folder starts from the folder of that file.',
  },
  minPasswordLength: {
    type: 'integer',
    default: DEFAULT_MIN_PASSWORD_LENGTH,
    minimum: 8,
    maximum: 256,
    description: 'Passwords shorter than this many characters are reported as `weak-password` (requirepass, masterauth, Sentinel auth-pass, ACL `>password`).',
  },
  maxFileSizeMB: {
    type: 'integer',
    default: 4,
    minimum: 1,
    maximum: 1024,
    description:
      'Files larger than this many megabytes, or longer than 8,192 lines per megabyte of it, are checked up to that point only, with a notice (`document-too-large`). No real config comes near the default; a huge paste would otherwise hold the editor for seconds.',
  },
  rules: {
    type: 'object',
    default: {},
    values: LEVELS,
    description:
      'Severity per diagnostic code, for example `{ "unbounded-memory": "off", "no-tls": "error" }`. A comment `# redis-config-disable-next-line <code>` or `# redis-config-disable <code>` in a file silences a code for one line or for the rest of the file.',
  },
  docsBaseUrl: {
    type: 'string',
    default: '',
    description:
      'The address rule documentation links start from (`<base><code>.md`). Empty: the pages bundled with the extension in VS Code, the pages of the published npm package elsewhere.',
  },
} as const satisfies Record<SettingName, { type: string; default: unknown; description: string; [more: string]: unknown }>;

/** Settings as a user writes them: every one optional; absent means "not chosen here". */
export interface UserSettings {
  /** A target, `auto`, or another `redis-X.Y` / `valkey-X.Y` checked as the nearest target. */
  readonly targetVersion?: string;
  readonly profile?: Profile;
  readonly includeBaseDirectory?: string;
  readonly minPasswordLength?: number;
  readonly maxFileSizeMB?: number;
  readonly rules?: RuleLevels;
  readonly docsBaseUrl?: string;
}

/** What a value must look like, for error messages. */
export function expected(name: SettingName): string {
  switch (name) {
    case 'targetVersion':
      return `${SETTINGS_SCHEMA.targetVersion.enum.join(', ')}, or another redis-X.Y or valkey-X.Y`;
    case 'profile':
      return PROFILES.join(' or ');
    case 'includeBaseDirectory':
      return 'a folder';
    case 'minPasswordLength':
      return `a whole number from ${SETTINGS_SCHEMA.minPasswordLength.minimum} to ${SETTINGS_SCHEMA.minPasswordLength.maximum}`;
    case 'maxFileSizeMB':
      return `a whole number from ${SETTINGS_SCHEMA.maxFileSizeMB.minimum} to ${SETTINGS_SCHEMA.maxFileSizeMB.maximum}`;
    case 'rules':
      return `an object of code → ${LEVELS.join(', ')}`;
    case 'docsBaseUrl':
      return 'an absolute URL such as https://example.com/rules/';
  }
}

/** A checked value (undefined when unset or invalid) and what was wrong with it. */
export interface Checked<T> {
  readonly value: T | undefined;
  readonly problems: readonly string[];
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
}

/**
 * Checks one setting's value. `label` names it in messages (`--profile`,
 * `redisConfig.profile`, `profile in .redis-config.json`). An empty string means unset.
 * `rules` keeps its valid entries and reports the others.
 */
export function checkSetting<N extends SettingName>(name: N, value: unknown, label: string = name): Checked<NonNullable<UserSettings[N]>> {
  type T = NonNullable<UserSettings[N]>;
  const bad: Checked<T> = { value: undefined, problems: [`invalid value for ${label}: ${show(value)} (expected ${expected(name)})`] };
  const good = (v: unknown): Checked<T> => ({ value: v as T | undefined, problems: [] });
  if (value === undefined || value === null) return good(undefined);
  switch (name) {
    case 'targetVersion':
      if (typeof value !== 'string') return bad;
      return value.trim().toLowerCase() === 'auto' ? good('auto') : chooseTarget(value) ? good(value.trim().toLowerCase()) : bad;
    case 'profile':
      return typeof value === 'string' && (PROFILES as readonly string[]).includes(value) ? good(value) : bad;
    case 'includeBaseDirectory':
      if (typeof value !== 'string') return bad;
      return good(value.trim() === '' ? undefined : value.trim());
    case 'docsBaseUrl':
      if (typeof value !== 'string') return bad;
      if (value.trim() === '') return good(undefined);
      return URL.canParse(value.trim()) ? good(value.trim()) : bad;
    case 'minPasswordLength':
    case 'maxFileSizeMB': {
      const { minimum, maximum } = SETTINGS_SCHEMA[name as 'minPasswordLength' | 'maxFileSizeMB'];
      return typeof value === 'number' && Number.isInteger(value) && value >= minimum && value <= maximum ? good(value) : bad;
    }
    case 'rules': {
      if (typeof value !== 'object' || Array.isArray(value)) return bad;
      const out: Partial<Record<RuleCode, Level>> = {};
      const problems: string[] = [];
      for (const [code, level] of Object.entries(value as Record<string, unknown>)) {
        const c = checkRule(code, level, label);
        if (c.ok) out[c.code] = c.level;
        else problems.push(c.problem);
      }
      return { value: (Object.keys(out).length ? out : undefined) as T | undefined, problems };
    }
  }
  return bad;
}

/** One `code: level` entry of `rules`. */
export function checkRule(code: string, level: unknown, label = 'rules'): { ok: true; code: RuleCode; level: Level } | { ok: false; problem: string } {
  if (!isRuleCode(code)) return { ok: false, problem: `unknown rule code in ${label}: '${code}'` };
  if (typeof level !== 'string' || !(LEVELS as readonly string[]).includes(level))
    return { ok: false, problem: `invalid level for '${code}' in ${label}: ${show(level)} (expected ${LEVELS.join(', ')})` };
  return { ok: true, code, level: level as Level };
}

/**
 * Reads a settings object (an editor section, a project file, one of its overrides).
 * Invalid values are dropped and reported; unknown keys are reported unless `ignore`
 * lists them (an editor section also holds client-only keys such as `trace`).
 */
export function readSettings(raw: unknown, labelOf: (name: string) => string, ignore: readonly string[] = []): { settings: UserSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: Record<string, unknown> = {};
  // Lua clients (Neovim) encode an empty table as [].
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings, problems: [`${labelOf('')}: expected an object, got ${show(raw)}`] };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(SETTING_NAMES as readonly string[]).includes(key)) {
      if (!ignore.includes(key)) problems.push(`unknown setting ${labelOf(key)} (known: ${SETTING_NAMES.join(', ')})`);
      continue;
    }
    const checked = checkSetting(key as SettingName, value, labelOf(key));
    problems.push(...checked.problems);
    if (checked.value !== undefined) settings[key] = checked.value;
  }
  return { settings: settings as UserSettings, problems };
}

/** Where a setting came from, for messages such as the status bar's. */
export type SettingOrigin = 'default' | 'project' | 'editor' | 'flag';

export interface SettingsLayer {
  readonly origin: Exclude<SettingOrigin, 'default'>;
  readonly settings: UserSettings;
}

export interface ResolvedSettings {
  /** What the analysis reads. */
  readonly settings: Settings;
  /** The base of documentation links, when someone chose one. */
  readonly docsBaseUrl?: string;
  /** Which layer decided the target (before the file's pragma, which the analysis applies). */
  readonly targetOrigin: SettingOrigin;
}

export const DEFAULT_SETTINGS: Settings = { target: DEFAULT_TARGET, targetIsDefault: true, profile: 'production' };

/**
 * Merges layers, lowest first: a later layer's value replaces an earlier one; `rules` merge
 * code by code; `targetVersion: "auto"` never replaces a chosen target.
 */
export function resolveSettings(layers: readonly SettingsLayer[]): ResolvedSettings {
  let target: TargetId | undefined;
  let requestedTarget: string | undefined;
  let targetOrigin: SettingOrigin = 'default';
  let profile: Profile = 'production';
  let includeBaseDirectory: string | undefined;
  let minPasswordLength: number | undefined;
  let maxFileSizeMB: number | undefined;
  let docsBaseUrl: string | undefined;
  const rules: Partial<Record<RuleCode, Level>> = {};
  for (const { origin, settings: s } of layers) {
    const choice = s.targetVersion !== undefined && s.targetVersion !== 'auto' ? chooseTarget(s.targetVersion) : undefined;
    if (choice) {
      target = choice.target;
      requestedTarget = choice.approximates;
      targetOrigin = origin;
    }
    if (s.profile !== undefined) profile = s.profile;
    if (s.includeBaseDirectory !== undefined) includeBaseDirectory = s.includeBaseDirectory;
    if (s.minPasswordLength !== undefined) minPasswordLength = s.minPasswordLength;
    if (s.maxFileSizeMB !== undefined) maxFileSizeMB = s.maxFileSizeMB;
    if (s.docsBaseUrl !== undefined) docsBaseUrl = s.docsBaseUrl;
    Object.assign(rules, s.rules ?? {});
  }
  const settings: Settings = {
    target: target ?? DEFAULT_TARGET,
    ...(requestedTarget !== undefined ? { requestedTarget } : {}),
    targetIsDefault: target === undefined,
    profile,
    ...(includeBaseDirectory !== undefined ? { includeBaseDirectory } : {}),
    ...(Object.keys(rules).length ? { rules } : {}),
    ...(minPasswordLength !== undefined && minPasswordLength !== SETTINGS_SCHEMA.minPasswordLength.default ? { minPasswordLength } : {}),
    ...(maxFileSizeMB !== undefined && maxFileSizeMB !== SETTINGS_SCHEMA.maxFileSizeMB.default ? { maxDocumentSize: maxFileSizeMB * 1024 * 1024 } : {}),
  };
  return { settings, ...(docsBaseUrl !== undefined ? { docsBaseUrl } : {}), targetOrigin };
}
