/**
 * `redis-config-lint`: the same analysis as the editor, for CI. Exit status 0 when no
 * finding reaches --fail-on, 1 when one does, 2 on usage or I/O errors.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { analyzeDocument, type Analysis } from '../analysis/analyze';
import { fixAllText } from '../analysis/fixes';
import { documentKindFromPath } from '../analysis/documentKind';
import type { Profile, Settings } from '../analysis/types';
import { RULES, SEVERITY_ORDER, type Severity } from '../knowledge/rules';
import { DEFAULT_TARGET, TARGETS, isTargetId } from '../knowledge/types';
import { diskFileSource } from '../io/fileSource';
import { ACL_DRYRUN_USAGE, runAclDryrun } from './aclDryrun';
import { readConfigFile, writeConfigFile } from './files';
import { formatJson, formatSarif, formatText, type FileReport } from './formats';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON = ['error', 'warning', 'information', 'hint', 'none'] as const;
const PROFILES = ['production', 'development'] as const;

const USAGE = `Usage: redis-config-lint [options] FILE...

Checks redis.conf, sentinel.conf, valkey.conf and ACL files (*.acl) the way
redis-server reads them, and reports insecure settings.

Options:
  --format text|json|sarif   output format (default: text)
  --target ID                Redis or Valkey version: ${TARGETS.join(', ')}
                             (default: a '# redis-config: target=ID' comment in the
                             file, else valkey-8.1 for valkey*.conf, else ${DEFAULT_TARGET})
  --rule CODE=LEVEL          set one code's severity: off, hint, information,
                             warning or error (repeatable)
  --fix                      apply the safe fixes to the files, then report what is left
  --fix-dry-run              print the safe fixes as a unified diff; change nothing
  --unsafe-fixes             with --fix or --fix-dry-run: also apply the preferred fix
                             that changes what the server does (rebinding, protected
                             mode, enable-* local, ...) where no safe fix exists
  --min-password-length N    passwords shorter than N are weak (default: 32)
  --include-base DIR         folder relative include paths start from
                             (default: the folder of the file that includes)
  --profile production|development
                             development relaxes the network findings (default: production)
  --fail-on error|warning|information|hint|none
                             lowest severity that makes the exit status 1 (default: error)
  --version                  print the version
  --help                     print this help

Exit status: 0 no finding at or above --fail-on; 1 at least one; 2 usage or file error.

${ACL_DRYRUN_USAGE}
Files are read as UTF-8; files with NUL bytes are taken as binary and refused.
`;

function fail(message: string): number {
  process.stderr.write(`redis-config-lint: ${message}\n`);
  return 2;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, option: string): T | Error {
  if (value === undefined) return fallback;
  return (allowed as readonly string[]).includes(value) ? (value as T) : new Error(`invalid value for --${option}: '${value}' (expected ${allowed.join(', ')})`);
}

export function run(argv: readonly string[], out: (s: string) => void): number {
  if (argv[0] === 'acl-dryrun') {
    const line = (write: (s: string) => void) => (s: string): void => write(s.endsWith('\n') ? s : `${s}\n`);
    return runAclDryrun(argv.slice(1), line(out), line((s) => process.stderr.write(s)));
  }
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
        rule: { type: 'string', multiple: true },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'unsafe-fixes': { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(USAGE);
    return 0;
  }
  if (values.version) {
    out(`${VERSION}\n`);
    return 0;
  }
  const format = oneOf(values.format, FORMATS, 'text', 'format');
  const failOn = oneOf(values['fail-on'], FAIL_ON, 'error', 'fail-on');
  const profile = oneOf<Profile>(values.profile, PROFILES, 'production', 'profile');
  for (const v of [format, failOn, profile]) if (v instanceof Error) return fail(v.message);
  if (values.target !== undefined && !isTargetId(values.target)) {
    return fail(`invalid value for --target: '${values.target}' (expected ${TARGETS.join(', ')})`);
  }
  if (positionals.length === 0) return fail(`no file given\n${USAGE}`);
  if (values['unsafe-fixes'] && !values.fix && !values['fix-dry-run']) return fail('--unsafe-fixes needs --fix or --fix-dry-run');
  const rules: Record<string, Severity | 'off'> = {};
  for (const spec of values.rule ?? []) {
    const [code = '', level = ''] = spec.split('=');
    if (!(code in RULES)) return fail(`unknown rule code in --rule: '${code}'`);
    if (!['off', 'hint', 'information', 'warning', 'error'].includes(level)) return fail(`invalid level in --rule ${spec} (expected off, hint, information, warning or error)`);
    rules[code] = level as Severity | 'off';
  }
  const includeBase = values['include-base'];
  const minText = values['min-password-length'];
  const minPasswordLength = minText === undefined ? undefined : Number(minText);
  if (minPasswordLength !== undefined && (!Number.isInteger(minPasswordLength) || minPasswordLength < 1 || minPasswordLength > 1024)) {
    return fail(`invalid value for --min-password-length: '${minText}' (expected a whole number from 1 to 1024)`);
  }
  const settings: Settings = {
    target: isTargetId(values.target) ? values.target : DEFAULT_TARGET,
    targetIsDefault: values.target === undefined,
    profile: profile as Profile,
    ...(includeBase ? { includeBaseDirectory: resolve(includeBase) } : {}),
    ...(Object.keys(rules).length ? { rules } : {}),
    ...(minPasswordLength !== undefined ? { minPasswordLength } : {}),
  };

  const source = diskFileSource();
  const reports: FileReport[] = [];
  const patches: string[] = [];
  for (const file of positionals) {
    const read = readConfigFile(file);
    if (!read.ok) return fail(`${file}: ${read.reason}`);
    const analyse = (text: string): Analysis => analyzeDocument(text, documentKindFromPath(file), settings, { path: resolve(file), source, mode: read.mode });
    let text = read.text;
    if (values.fix || values['fix-dry-run']) {
      const fixed = fixAllText(text, analyse, { unsafe: values['unsafe-fixes'] === true }).text;
      if (fixed !== text) {
        if (values['fix-dry-run']) patches.push(createTwoFilesPatch(file, file, text, fixed, undefined, undefined, { context: 3 }));
        else {
          const written = writeConfigFile(file, fixed);
          if (!written.ok) return fail(`${file}: ${written.reason}`);
        }
        text = fixed;
      }
    }
    reports.push({ file, findings: analyse(text).findings });
  }

  if (values['fix-dry-run']) out(patches.join(''));
  else if (format === 'json') out(formatJson(reports));
  else if (format === 'sarif') out(formatSarif(reports, VERSION));
  else out(formatText(reports));

  if (failOn === 'none') return 0;
  const threshold = SEVERITY_ORDER[failOn as Severity];
  return reports.some((r) => r.findings.some((f) => SEVERITY_ORDER[f.severity] <= threshold)) ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(s));
}
