/**
 * The effective configuration: every directive line in the order redis-server loads it,
 * following `include` (globs from Redis 7.0), with the file each line comes from. Rules
 * that depend on "the last line wins" read this model, so a value set in an included file
 * counts where Redis would count it.
 *
 * Files come in through a FileSource, implemented by the LSP layer (open documents first,
 * then disk) and the CLI (disk): the analysis itself does no I/O.
 */
import { supports } from '../knowledge/features';
import { RULES } from '../knowledge/rules';
import type { TargetId } from '../knowledge/types';
import { parseConfig, type ConfigTree, type DirectiveLine, type SyntaxProblem, type Token } from '../syntax/configParser';
import { messages } from './messages';
import type { Finding, Range, RelatedInformation, Severity } from './types';

type IncludeCode = 'include-not-found' | 'include-unreadable' | 'include-cycle' | 'include-limit';

/** Why a file could not be read. */
export type ReadFailure =
  | 'missing'
  | 'directory'
  | 'device'
  | 'fifo'
  | 'socket'
  | 'permission'
  | 'too-large'
  /** The name lost bytes when an editor decoded the document (U+FFFD): no file has it. */
  | 'undecodable-name'
  /** Outside the workspace, in a workspace the user does not trust. */
  | 'untrusted'
  /**
   * Out of the editor's reach: a path on the machine redis-server runs on, seen from a
   * virtual workspace or a pull request's view, or a file system that failed to answer.
   */
  | 'unreachable'
  | 'other';

/** The files a glob matched, and the limit that stopped it early, if one did. */
export interface GlobResult {
  readonly paths: readonly string[];
  /** Why the list stopped or was cut: a limit of the source, files outside a workspace not trusted, or folders the editor cannot list. */
  readonly limit?: GlobLimit;
}

export type GlobLimit = 'matches' | 'folders' | 'wildcards' | 'time' | 'untrusted' | 'unreachable';

/** Limits that say what this tool may not read, not how far it went: told as information. */
const NOT_READ_HERE: ReadonlySet<string> = new Set(['untrusted', 'unreachable']);

export interface FileSource {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  read(path: string): string | undefined;
  /** Why `read` gives nothing for this path; a source without it only knows "missing". */
  failure?(path: string): ReadFailure;
  /** The files matching a glob pattern, in the order Redis would load them. */
  glob(pattern: string): readonly string[] | GlobResult;
}

export interface ModelLine {
  readonly line: DirectiveLine;
  /** The file the line is in; undefined for the document being analysed. */
  readonly file: string | undefined;
  /** Where the line shows in the document: itself, or the include line that brought it in. */
  readonly anchor: Range;
}

/** A model line whose anchor is worked out when asked for (a range is three objects). */
class LoadedLine implements ModelLine {
  constructor(
    readonly line: DirectiveLine,
    readonly file: string | undefined,
    /** The line of the document it shows on: itself, or the include line. */
    private readonly shownOn: DirectiveLine,
  ) {}

  get anchor(): Range {
    return this.shownOn.range;
  }
}

/** A file reached through includes. */
export interface IncludedFile {
  readonly tree: ConfigTree;
  readonly errors: readonly SyntaxProblem[];
  /** The document's include line through which Redis reads this file first. */
  readonly via: DirectiveLine;
}

export interface ConfigModel {
  /**
   * The effective configuration: every directive line in the order redis-server loads it.
   * A file that is loaded more than once (included twice) shows with its last load only,
   * which is the one whose values count.
   */
  readonly lines: readonly ModelLine[];
  /** Problems of the document's include lines, and of the includes reached through them. */
  readonly includeFindings: readonly Finding[];
  /** The files reached through includes, with their parsed trees. */
  readonly files: ReadonlyMap<string, ConfigTree>;
  /** The same files with their syntax errors and the include line that reaches them. */
  readonly included: ReadonlyMap<string, IncludedFile>;
}

export interface IncludeContext {
  /** Absolute path of the document, when it has one. */
  readonly path?: string;
  readonly source?: FileSource;
  /** Where relative include paths start; the document's folder when unset. */
  readonly baseDirectory?: string;
}

const GLOB_CHARS = /[*?[]/;

/**
 * How far includes are followed. redis-server 7.0 follows a chain of 2,000 files (and
 * crashes on 5,000); these limits stop a hostile or mistaken glob, not a real config.
 */
export const INCLUDE_LIMITS = { depth: 1000, files: 2000, characters: 64 * 1024 * 1024 } as const;

function dirname(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i <= 0 ? (i === 0 ? '/' : '.') : path.slice(0, i);
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** Joins and normalises `.` and `..`, keeping the separator style of POSIX paths. */
export function resolvePath(base: string, path: string): string {
  const joined = isAbsolute(path) ? path : `${base.replace(/[\\/]+$/, '')}/${path}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const prefix = joined.startsWith('/') ? '/' : '';
  return prefix + parts.join('/');
}

/** `path` as seen from the folder `base` (both absolute, POSIX separators): `users.acl`, `../shared/x.conf`. */
export function relativePath(base: string, path: string): string {
  const from = resolvePath(base, '.').split('/').filter(Boolean);
  const to = resolvePath(base, path).split('/').filter(Boolean);
  let i = 0;
  while (i < from.length && i < to.length && from[i] === to[i]) i++;
  const rel = [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
  return rel === '' ? '.' : rel;
}

/** The base directory relative include paths are resolved against. */
export function includeBase(ctx: IncludeContext): string | undefined {
  return ctx.baseDirectory ?? (ctx.path ? dirname(ctx.path) : undefined);
}

/** The ACL file a config names: its line, the value written, and the path it resolves to. */
export interface AclfileSetting {
  readonly line: ModelLine;
  readonly value: string;
  /** Resolved like an include; undefined for a relative value with no base to start from. */
  readonly path: string | undefined;
}

/** Where relative paths of a document start: the include base directory when set, else the document's folder. */
export function pathScope(path: string | undefined, baseDirectory: string | undefined): Omit<IncludeContext, 'source'> {
  return { ...(path ? { path } : {}), ...(baseDirectory ? { baseDirectory } : {}) };
}

/**
 * The `aclfile` redis-server uses: the last line of the effective config that sets it
 * (includes followed); undefined when there is none or its value is empty.
 */
export function aclfileOf(model: ConfigModel, ctx: Omit<IncludeContext, 'source'>): AclfileSetting | undefined {
  for (let i = model.lines.length - 1; i >= 0; i--) {
    const m = model.lines[i] as ModelLine;
    if (m.line.name !== 'aclfile') continue;
    const value = m.line.tokens[1]?.value;
    if (!value) return undefined;
    const base = includeBase(ctx);
    return { line: m, value, path: base !== undefined ? resolvePath(base, value) : isAbsolute(value) ? value : undefined };
  }
  return undefined;
}

/** The paths a glob gave, whichever shape the source returns. */
export function globPaths(result: readonly string[] | GlobResult): GlobResult {
  return 'paths' in result ? result : { paths: result };
}

/**
 * Follows the includes of a document. Redis reads an included file in place, each time it
 * is included; the walk goes backwards through the load order and visits each file once:
 * the first time it meets a file (backwards) is that file's last load, the one whose lines
 * count, and any earlier load of it adds nothing that "the last line wins" would see. So a
 * file included twice, or a diamond of includes, costs one visit, not one per path to it.
 * A file met again while it is being visited is a cycle, wherever it is in the graph.
 */
export function buildModel(tree: ConfigTree, target: TargetId, ctx: IncludeContext): ConfigModel {
  const source = ctx.source;
  const base = includeBase(ctx);
  if (!source || base === undefined) return singleFileModel(tree);
  const globs = supports(target, 'include-globs');
  const parsed = new Map<string, { tree: ConfigTree; errors: readonly SyntaxProblem[] } | ReadFailure>();
  /** Files being visited (the current chain) and files done. */
  const active: string[] = [];
  const done = new Set<string>();
  /** The files each include line names, in load order, to find where each file is first read. */
  const targetsOf = new Map<DirectiveLine, readonly string[]>();
  const reversed: ModelLine[] = [];
  const findings: Finding[] = [];
  const reported = new Set<string>();
  let characters = 0;
  let stopped: string | undefined;

  const report = (
    code: IncludeCode,
    root: DirectiveLine,
    message: string,
    data: Record<string, unknown>,
    extra: { related?: RelatedInformation; severity?: Severity } = {},
  ): void => {
    const arg = root.tokens[1] as Token;
    // One cycle and one limit of each kind per include line; each unreadable file once.
    const key = `${code}\0${root.start}\0${code === 'include-cycle' ? '' : String(data.limit ?? data.path)}`;
    if (reported.has(key)) return;
    reported.add(key);
    findings.push({
      code,
      severity: extra.severity ?? RULES[code].severity,
      message,
      range: arg.range,
      data,
      ...(extra.related ? { related: [extra.related] } : {}),
    });
  };

  /** A file that could not be read: what Redis makes of it, on the document's include line. */
  const unreadable = (
    root: DirectiveLine,
    written: string,
    path: string,
    reason: ReadFailure,
    from: string | undefined,
    related: RelatedInformation | undefined,
  ): void => {
    const nested = from !== undefined ? ` (included from ${from})` : '';
    const extra = related ? { related } : {};
    if (reason === 'missing') report('include-not-found', root, messages.includeNotFound(written, path) + nested, { path }, extra);
    else if (reason === 'too-large') report('include-limit', root, messages.includeTooLarge(written, path) + nested, { path, limit: 'size' }, extra);
    else if (reason === 'untrusted')
      report('include-limit', root, messages.includeUntrusted(written, path) + nested, { path, limit: 'untrusted' }, { ...extra, severity: 'information' });
    else if (reason === 'unreachable')
      report('include-limit', root, messages.includeUnreachable(written, path) + nested, { path, limit: 'unreachable' }, { ...extra, severity: 'information' });
    else {
      // Redis hangs or stops on these; a folder or a name the editor lost only hides settings.
      const severity: Severity = reason === 'directory' || reason === 'undecodable-name' || reason === 'other' ? 'warning' : 'error';
      report('include-unreadable', root, messages.includeUnreadable(written, path, reason) + nested, { path, reason }, { ...extra, severity });
    }
  };

  const load = (path: string): { tree: ConfigTree; errors: readonly SyntaxProblem[] } | ReadFailure => {
    let entry = parsed.get(path);
    if (entry !== undefined) return entry;
    if (parsed.size >= INCLUDE_LIMITS.files || characters > INCLUDE_LIMITS.characters) {
      stopped = parsed.size >= INCLUDE_LIMITS.files ? 'files' : 'characters';
      return 'other';
    }
    const text = source.read(path);
    if (text === undefined) entry = source.failure?.(path) ?? 'missing';
    else {
      characters += text.length;
      const result = parseConfig(text);
      entry = { tree: result.tree, errors: result.errors };
    }
    parsed.set(path, entry);
    return entry;
  };

  /** Where an include line of `file` sits, for messages about files further down. */
  const at = (file: string | undefined, line: DirectiveLine): string =>
    file === undefined ? `line ${line.range.start.line + 1}` : `${file}:${line.range.start.line + 1}`;

  const visit = (t: ConfigTree, file: string | undefined, root: DirectiveLine | undefined): void => {
    const directives = t.directives;
    for (let i = directives.length - 1; i >= 0; i--) {
      const line = directives[i] as DirectiveLine;
      if (line.broken || line.tokens.length === 0) continue;
      if (line.name === 'include' && line.tokens.length === 2) {
        const via = root ?? line;
        const arg = line.tokens[1] as Token;
        const pattern = resolvePath(base, arg.value);
        let targets: readonly string[] = [pattern];
        if (globs && GLOB_CHARS.test(arg.value)) {
          const result = globPaths(source.glob(pattern));
          targets = result.paths;
          if (result.limit) {
            const severity: Severity | undefined = NOT_READ_HERE.has(result.limit) ? 'information' : undefined;
            report(
              'include-limit',
              via,
              messages.includeGlobLimit(arg.value, at(file, line), result.limit, result.paths.length),
              { limit: result.limit, path: pattern },
              severity ? { severity } : {},
            );
          }
        }
        targetsOf.set(line, targets);
        for (let k = targets.length - 1; k >= 0; k--) {
          const path = targets[k] as string;
          if (done.has(path)) continue;
          const loop = active.indexOf(path);
          if (loop >= 0 || path === ctx.path) {
            const chain = [...(ctx.path ? [ctx.path] : []), ...active, path];
            report('include-cycle', via, messages.includeCycle((via.tokens[1] as Token).value, chain), { path });
            continue;
          }
          if (active.length >= INCLUDE_LIMITS.depth) {
            report('include-limit', via, messages.includeDepthLimit((via.tokens[1] as Token).value, INCLUDE_LIMITS.depth), { limit: 'depth', path });
            continue;
          }
          const entry = load(path);
          if (typeof entry === 'string') {
            if (stopped)
              report('include-limit', via, messages.includeFilesLimit((via.tokens[1] as Token).value, stopped, INCLUDE_LIMITS.files), { limit: stopped });
            else
              unreadable(
                via,
                arg.value,
                path,
                entry,
                file === undefined ? undefined : at(file, line),
                file === undefined ? undefined : { message: `'${arg.value}' is included here`, range: line.range, file },
              );
            continue;
          }
          active.push(path);
          visit(entry.tree, path, via);
          active.pop();
          done.add(path);
        }
      }
      reversed.push(new LoadedLine(line, file, root ?? line));
    }
  };
  visit(tree, undefined, undefined);
  const lines = reversed.reverse();

  // Where Redis reads each file first: the first include line of the document that reaches it.
  const files = new Map<string, ConfigTree>();
  const included = new Map<string, IncludedFile>();
  const reach = (path: string, via: DirectiveLine): void => {
    const entry = parsed.get(path);
    if (included.has(path) || entry === undefined || typeof entry === 'string') return;
    included.set(path, { tree: entry.tree, errors: entry.errors, via });
    files.set(path, entry.tree);
    for (const line of entry.tree.directives) for (const next of targetsOf.get(line) ?? []) reach(next, via);
  };
  for (const line of tree.directives) for (const path of targetsOf.get(line) ?? []) reach(path, line);
  return { lines, includeFindings: findings, files, included };
}

/** The line that sets a value last, among any of the names. */
export function lastSet(model: ConfigModel, names: readonly string[]): ModelLine | undefined {
  for (let i = model.lines.length - 1; i >= 0; i--) {
    const m = model.lines[i] as ModelLine;
    if (names.includes(m.line.name)) return m;
  }
  return undefined;
}

/**
 * A model of one document without includes, for callers that have no files (and for a document
 * with no include line, whose model this is too). With `previous`, the model of an earlier
 * version of the document, lines it shares with that version keep their model line.
 */
export function singleFileModel(tree: ConfigTree, previous?: ConfigModel): ConfigModel {
  const lines: ModelLine[] = [];
  const old = previous && previous.files.size === 0 ? previous.lines : [];
  let p = 0;
  for (const line of tree.directives) {
    if (line.broken || line.tokens.length === 0) continue;
    // Both lists are in line order, and a line shared with `previous` is on the same line there.
    while (p < old.length && (old[p] as ModelLine).line.redisLine < line.redisLine) p++;
    const kept = old[p];
    lines.push(kept !== undefined && kept.line === line && kept.file === undefined ? kept : new LoadedLine(line, undefined, line));
  }
  return { lines, includeFindings: [], files: new Map(), included: new Map() };
}
