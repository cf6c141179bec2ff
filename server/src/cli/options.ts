/**
 * The lint command's options. Settings flags (--target, --profile, --rule,
 * --min-password-length, --include-base, --docs-base-url) are checked by the shared settings
 * schema, so they accept exactly what the editor and `.redis-config.json` accept.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TARGET, NEWEST_VALKEY, TARGETS } from '../knowledge/types';
import { PROJECT_FILE_NAME } from '../settings/names';
import { checkRule, checkSetting, SETTINGS_SCHEMA, type Level, type UserSettings } from '../settings/schema';
import type { RuleCode } from '../knowledge/rules';
import { ACL_DRYRUN_USAGE } from './aclDryrun';
import { COLOR_CHOICES, type ColorChoice } from './colour';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export const FAIL_ON = ['error', 'warning', 'information', 'hint', 'none'] as const;

export interface CliOptions {
  readonly format: (typeof FORMATS)[number];
  readonly failOn: (typeof FAIL_ON)[number];
  readonly color: ColorChoice;
  readonly quiet: boolean;
  readonly statistics: boolean;
  readonly fix: boolean;
  readonly fixDryRun: boolean;
  /** With fix or fixDryRun: also the preferred fixes that change what the server does. */
  readonly unsafeFixes: boolean;
  readonly stdinFilename?: string;
  /** An explicit project file, or false for --no-config; undefined: search upwards. */
  readonly config?: string | false;
  /** The settings chosen by flags: above the project file. */
  readonly flags: UserSettings;
  readonly paths: readonly string[];
}

export type Parsed =
  | { kind: 'lint'; options: CliOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'explain'; code: string; docsBase?: string }
  | { kind: 'error'; message: string };

const { minimum, maximum, default: minDefault } = SETTINGS_SCHEMA.minPasswordLength;

export const USAGE = `Usage: redis-config-lint [options] PATH...

Checks redis.conf, sentinel.conf, valkey.conf and ACL files (*.acl) the way
redis-server reads them, and reports insecure settings. A PATH is a file, a
folder (searched for redis*.conf, sentinel*.conf, valkey*.conf, *.redis.conf,
*.acl and files with a target pragma; node_modules and VCS folders skipped),
a quoted glob ('deploy/**/*.conf'), or - for standard input.

Output:
  --format text|json|sarif|github
                             text (default): findings grouped by file and a summary;
                             github: workflow-command annotations for GitHub Actions
  --color auto|always|never  colour the text output (auto: on a terminal, unless
                             NO_COLOR is set; FORCE_COLOR forces it)
  -q, --quiet                print the findings only, no summary
  --statistics               print how many findings each code has instead of the findings
  --explain CODE             print the documentation page of a rule
  --fail-on error|warning|information|hint|none
                             lowest severity that makes the exit status 1 (default: error)

Settings (over ${PROJECT_FILE_NAME}, which is found upwards from each file):
  --target ID                Redis or Valkey version: auto, ${TARGETS.join(', ')};
                             another version (redis-8.2) is checked against the nearest
                             of these, and the findings say so (default: a '# redis-config: target=ID' comment in the
                             file, else the project file, else ${NEWEST_VALKEY} for valkey*.conf,
                             else ${DEFAULT_TARGET})
  --profile production|development
                             development turns network, TLS, memory, ACL-permission
                             and password findings into hints (default: production)
  --rule CODE=LEVEL          one code's severity: off, hint, information, warning or
                             error (repeatable)
  --min-password-length N    passwords shorter than N are weak (${minimum}-${maximum}, default: ${minDefault})
  --max-file-size-mb N       files larger than N MB, or longer than 8,192 lines per MB,
                             are checked up to that point, with a notice (${SETTINGS_SCHEMA.maxFileSizeMB.minimum}-${SETTINGS_SCHEMA.maxFileSizeMB.maximum}, default: ${SETTINGS_SCHEMA.maxFileSizeMB.default})
  --include-base DIR         folder relative include paths start from
                             (default: the folder of the file that includes)
  --docs-base-url URL        where rule documentation links point
  --config FILE              use this project file for every file
  --no-config                ignore project files

Input and fixes:
  --stdin-filename NAME      the name standard input stands for (its kind, target,
                             project file and includes follow from it)
  --fix                      apply the safe fixes, then report what is left (with -,
                             the fixed text goes to stdout and the report to stderr)
  --fix-dry-run              print the safe fixes as a unified diff; change nothing
  --unsafe-fixes             with --fix or --fix-dry-run: also apply the preferred fix
                             that changes what the server does (rebinding, protected
                             mode, enable-* local, ...) where no safe fix exists

  --version                  print the version
  -h, --help                 print this help

Exit status: 0 no finding at or above --fail-on; 1 at least one; 2 usage or file error.

${ACL_DRYRUN_USAGE}
A file is refused as binary only when it looks binary (a known signature, or mostly
control bytes); a config with a stray NUL byte is checked, and nul-byte reports it.
`;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, option: string): T | Error {
  if (value === undefined) return fallback;
  return (allowed as readonly string[]).includes(value)
    ? (value as T)
    : new Error(`invalid value for --${option}: '${value}' (expected ${allowed.join(', ')})`);
}

export function parseOptions(argv: readonly string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        target: { type: 'string' },
        profile: { type: 'string' },
        'fail-on': { type: 'string' },
        'include-base': { type: 'string' },
        'min-password-length': { type: 'string' },
        'max-file-size-mb': { type: 'string' },
        'docs-base-url': { type: 'string' },
        rule: { type: 'string', multiple: true },
        config: { type: 'string' },
        'no-config': { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        color: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        statistics: { type: 'boolean' },
        explain: { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'unsafe-fixes': { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return { kind: 'error', message: `${err instanceof Error ? err.message : String(err)}\n${USAGE}` };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const errors: string[] = [];
  const flags: Record<string, unknown> = {};
  const setting = (name: Parameters<typeof checkSetting>[0], value: unknown, option: string): void => {
    const checked = checkSetting(name, value, `--${option}`);
    errors.push(...checked.problems);
    if (checked.value !== undefined) flags[name] = checked.value;
  };
  setting('docsBaseUrl', values['docs-base-url'], 'docs-base-url');
  if (values.explain !== undefined) {
    if (errors.length) return { kind: 'error', message: errors[0] ?? '' };
    return { kind: 'explain', code: values.explain, ...(flags.docsBaseUrl ? { docsBase: flags.docsBaseUrl as string } : {}) };
  }
  const format = oneOf(values.format, FORMATS, 'text', 'format');
  const failOn = oneOf(values['fail-on'], FAIL_ON, 'error', 'fail-on');
  const color = oneOf(values.color, COLOR_CHOICES, 'auto', 'color');
  for (const v of [format, failOn, color]) if (v instanceof Error) errors.push(v.message);
  setting('targetVersion', values.target, 'target');
  setting('profile', values.profile, 'profile');
  const minText = values['min-password-length'];
  setting('minPasswordLength', minText === undefined ? undefined : /^\d+$/.test(minText.trim()) ? Number(minText) : minText, 'min-password-length');
  const maxText = values['max-file-size-mb'];
  setting('maxFileSizeMB', maxText === undefined ? undefined : /^\d+$/.test(maxText.trim()) ? Number(maxText) : maxText, 'max-file-size-mb');
  if (values['include-base'] !== undefined) setting('includeBaseDirectory', resolve(values['include-base']), 'include-base');
  const rules: Partial<Record<RuleCode, Level>> = {};
  for (const spec of values.rule ?? []) {
    const eq = spec.indexOf('=');
    const checked = checkRule(eq < 0 ? spec : spec.slice(0, eq), eq < 0 ? undefined : spec.slice(eq + 1), '--rule');
    if (checked.ok) rules[checked.code] = checked.level;
    else errors.push(checked.problem);
  }
  if (Object.keys(rules).length) flags.rules = rules;
  if (values.config !== undefined && values['no-config']) errors.push('--config and --no-config exclude each other');
  if (values.fix && values['fix-dry-run']) errors.push('--fix and --fix-dry-run exclude each other');
  if (values['unsafe-fixes'] && !values.fix && !values['fix-dry-run']) errors.push('--unsafe-fixes needs --fix or --fix-dry-run');
  if (values.statistics && (format === 'sarif' || format === 'github')) errors.push('--statistics works with --format text or json');
  if (positionals.length === 0) errors.push(`no file given (to check the current folder: redis-config-lint .)\n${USAGE}`);
  if (errors.length) return { kind: 'error', message: errors.join('\n') };
  return {
    kind: 'lint',
    options: {
      format: format as CliOptions['format'],
      failOn: failOn as CliOptions['failOn'],
      color: color as ColorChoice,
      quiet: values.quiet === true,
      statistics: values.statistics === true,
      fix: values.fix === true,
      fixDryRun: values['fix-dry-run'] === true,
      unsafeFixes: values['unsafe-fixes'] === true,
      ...(values['stdin-filename'] !== undefined ? { stdinFilename: values['stdin-filename'] } : {}),
      ...(values['no-config'] ? { config: false as const } : values.config !== undefined ? { config: values.config } : {}),
      flags: flags as UserSettings,
      paths: positionals,
    },
  };
}
