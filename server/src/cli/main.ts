/**
 * `redis-config-lint`: the same analysis as the editor, for terminals, CI and pre-commit.
 * Exit status 0 when no finding reaches --fail-on, 1 when one does, 2 on usage or I/O
 * errors (and on an invalid project file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeDocument, type Analysis } from '../analysis/analyze';
import { fixAll, fixAllText } from '../analysis/fixes';
import { documentKindFromPath } from '../analysis/documentKind';
import type { Finding } from '../analysis/types';
import { SEVERITY_ORDER, type Severity } from '../knowledge/rules';
import { diskFileSource } from '../io/fileSource';
import { parseProjectFile, namedByOverride, projectSettingsFor, VCS_MARKERS, type ProjectFile } from '../settings/projectFile';
import { ProjectFiles } from '../settings/projectSettings';
import { resolveSettings, type ResolvedSettings } from '../settings/schema';
import { VERSION } from '../version';
import { runAclDryrun } from './aclDryrun';
import { useColour } from './colour';
import { discover, STDIN } from './discover';
import { explain } from './explain';
import { readConfigFile, readStdin, writeConfigFile, type ReadResult } from './files';
import { redactedPatch } from './redactedDiff';
import { formatGithub, formatJson, formatSarif, type FileReport } from './formats';
import { parseOptions, USAGE, type CliOptions } from './options';
import { COLOUR, formatStatistics, formatText, PLAIN, statistics, summary } from './text';

type Write = (s: string) => void;

export interface CliEnvironment {
  readonly env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colour with --color auto). */
  readonly isTTY: boolean | undefined;
}

function fail(err: Write, message: string): number {
  err(`redis-config-lint: ${message}\n`);
  return 2;
}

/** The findings fix-all removes: exactly those --fix (with --unsafe-fixes, when given) would fix. */
function fixableFindings(analysis: Analysis, unsafe: boolean): Finding[] {
  return fixAll(analysis, { unsafe }).fixed;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function run(
  argv: readonly string[],
  out: Write,
  err: Write = (s) => process.stderr.write(s),
  io: CliEnvironment = { env: process.env, isTTY: process.stdout.isTTY },
): number {
  if (argv[0] === 'acl-dryrun') {
    const line =
      (write: Write) =>
      (s: string): void =>
        write(s.endsWith('\n') ? s : `${s}\n`);
    return runAclDryrun(argv.slice(1), line(out), line(err));
  }
  const parsed = parseOptions(argv);
  switch (parsed.kind) {
    case 'help':
      out(USAGE);
      return 0;
    case 'version':
      out(`${VERSION}\n`);
      return 0;
    case 'error':
      return fail(err, parsed.message);
    case 'explain': {
      const page = explain(parsed.code, parsed.docsBase);
      if (!page.ok) return fail(err, page.message);
      out(page.text);
      return 0;
    }
    case 'lint':
      return lint(parsed.options, out, err, io);
  }
}

interface Input {
  /** As shown in the output. */
  readonly display: string;
  /** Absolute path, when the input is (or stands for) a file. */
  readonly path?: string;
  readonly stdin: boolean;
}

function lint(options: CliOptions, stdout: Write, err: Write, io: CliEnvironment): number {
  // The fixed text of standard input goes to stdout, so the report moves to stderr.
  const fixingStdin = options.fix && options.paths.includes(STDIN);
  const out = fixingStdin ? err : stdout;
  const paint = useColour(options.color, fixingStdin ? process.stderr.isTTY : io.isTTY, io.env) && options.format === 'text' ? COLOUR : PLAIN;

  // Project files: one given with --config, none with --no-config, else the nearest upwards.
  const problems: string[] = [];
  const projects = new ProjectFiles({ read: readText, isVcsRoot: (dir) => VCS_MARKERS.some((m) => existsSync(join(dir, m))) }, (p) =>
    problems.push(...p.problems),
  );
  let fixed: ProjectFile | undefined;
  if (typeof options.config === 'string') {
    const text = readText(options.config);
    if (text === undefined) return fail(err, `${options.config}: cannot read the project file`);
    fixed = parseProjectFile(text, resolve(options.config));
    problems.push(...fixed.problems);
  }
  const projectFor = (path: string): ProjectFile | undefined => (options.config === false ? undefined : (fixed ?? projects.projectOf(path)));

  const found = discover(options.paths, (path) => {
    const p = projectFor(path);
    return p !== undefined && namedByOverride(p, path);
  });
  // As eslint does: a path that selects nothing is an error, so that CI never passes by checking nothing.
  const errors = [
    ...found.errors,
    ...found.empty.map(
      (e) =>
        `${e}: no Redis or Valkey config found (a folder is searched for redis*.conf, sentinel*.conf, valkey*.conf, *.redis.conf, *.acl and files with a target pragma; name a file to check it whatever its name)`,
    ),
  ];
  if (errors.length) return fail(err, errors.join('\nredis-config-lint: '));

  const inputs: Input[] = found.files.map((f) =>
    f === STDIN
      ? { display: options.stdinFilename ?? '<stdin>', ...(options.stdinFilename ? { path: resolve(options.stdinFilename) } : {}), stdin: true }
      : { display: f, path: resolve(f), stdin: false },
  );
  const settingsOf = (input: Input): ResolvedSettings => {
    const project = input.path ? projectFor(input.path) : undefined;
    return resolveSettings([
      { origin: 'project', settings: project && input.path ? projectSettingsFor(project, input.path) : {} },
      { origin: 'flag', settings: options.flags },
    ]);
  };
  const resolved = inputs.map(settingsOf);
  if (problems.length) return fail(err, [...new Set(problems)].join('\nredis-config-lint: '));

  const source = diskFileSource();
  const reports: FileReport[] = [];
  const patches: string[] = [];
  let fixedCount = 0;
  for (const [i, input] of inputs.entries()) {
    const { settings } = resolved[i] as ResolvedSettings;
    const read: ReadResult = input.stdin ? readStdin() : readConfigFile(input.display);
    if (!read.ok) return fail(err, `${input.display}: ${read.reason}`);
    const kindName = input.path ?? 'redis.conf';
    const analyse = (text: string): Analysis =>
      analyzeDocument(text, documentKindFromPath(kindName), settings, {
        ...(input.path ? { path: input.path } : {}),
        source,
        ...(read.mode !== undefined ? { mode: read.mode } : {}),
        exactBytes: true,
      });
    let text = read.text;
    if (options.fix || options.fixDryRun) {
      const result = fixAllText(text, analyse, { unsafe: options.unsafeFixes });
      if (result.text !== text) {
        if (options.fixDryRun) patches.push(redactedPatch(input.display, text, result.text, documentKindFromPath(kindName) === 'acl'));
        else if (!input.stdin) {
          const written = writeConfigFile(input.display, result.text);
          if (!written.ok) return fail(err, `${input.display}: ${written.reason}`);
        }
        fixedCount += result.applied.length;
        text = result.text;
      }
      if (options.fix && input.stdin) stdout(text);
    }
    const analysis = analyse(text);
    reports.push({ file: input.display, findings: analysis.findings, fixable: fixableFindings(analysis, options.unsafeFixes) });
  }

  const docsBase = resolved[0]?.docsBaseUrl;
  if (options.fixDryRun) out(patches.join(''));
  else if (options.format === 'json') {
    out(options.statistics ? `${JSON.stringify({ version: 1, statistics: statistics(reports) }, null, 2)}\n` : formatJson(reports));
  } else if (options.format === 'sarif') out(formatSarif(reports, VERSION, docsBase));
  else if (options.format === 'github') out(formatGithub(reports, docsBase));
  else {
    const body = options.statistics ? formatStatistics(statistics(reports), paint) : formatText(reports, paint);
    out(body);
    if (!options.quiet)
      out(`${body ? '\n' : ''}${summary(reports, options.fix ? fixedCount : 0, paint, options.unsafeFixes ? '--fix --unsafe-fixes' : '--fix')}`);
  }

  if (options.failOn === 'none') return 0;
  const threshold = SEVERITY_ORDER[options.failOn as Severity];
  return reports.some((r) => r.findings.some((f) => SEVERITY_ORDER[f.severity] <= threshold)) ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(s));
}
