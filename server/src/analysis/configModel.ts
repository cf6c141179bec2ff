/**
 * The effective configuration: every directive line in the order redis-server loads it,
 * following `include` (globs from Redis 7.0), with the file each line comes from. Rules
 * that depend on "the last line wins" read this model, so a value set in an included file
 * counts where Redis would count it.
 *
 * Files come in through a FileSource, implemented by the LSP layer (open documents first,
 * then disk) and the CLI (disk): the analysis itself does no I/O.
 */
import { RULES } from '../knowledge/rules';
import type { TargetId } from '../knowledge/types';
import { parseConfig, type ConfigTree, type DirectiveLine, type Token } from '../syntax/configParser';
import { messages } from './messages';
import type { Finding, Range } from './types';

export interface FileSource {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  read(path: string): string | undefined;
  /** The files matching a glob pattern, in the order Redis would load them. */
  glob(pattern: string): readonly string[];
}

export interface ModelLine {
  readonly line: DirectiveLine;
  /** The file the line is in; undefined for the document being analysed. */
  readonly file: string | undefined;
  /** Where the line shows in the document: itself, or the include line that brought it in. */
  readonly anchor: Range;
}

export interface ConfigModel {
  readonly lines: readonly ModelLine[];
  /** Problems of the document's own include lines. */
  readonly includeFindings: readonly Finding[];
  /** The files reached through includes, with their parsed trees. */
  readonly files: ReadonlyMap<string, ConfigTree>;
}

export interface IncludeContext {
  /** Absolute path of the document, when it has one. */
  readonly path?: string;
  readonly source?: FileSource;
  /** Where relative include paths start; the document's folder when unset. */
  readonly baseDirectory?: string;
}

const GLOB_CHARS = /[*?[]/;
const MAX_DEPTH = 32;

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

export function buildModel(tree: ConfigTree, target: TargetId, ctx: IncludeContext): ConfigModel {
  const lines: ModelLine[] = [];
  const includeFindings: Finding[] = [];
  const files = new Map<string, ConfigTree>();
  const globs = target !== 'redis-6.0' && target !== 'redis-6.2';
  const base = includeBase(ctx);

  const walk = (t: ConfigTree, file: string | undefined, stack: readonly string[], anchorOf: (l: DirectiveLine) => Range): void => {
    for (const line of t.directives) {
      if (line.broken || line.tokens.length === 0) continue;
      lines.push({ line, file, anchor: anchorOf(line) });
      if (line.name !== 'include' || line.tokens.length !== 2 || !ctx.source || base === undefined) continue;
      const arg = line.tokens[1] as Token;
      const isRoot = file === undefined;
      const pattern = resolvePath(base, arg.value);
      const targets = globs && GLOB_CHARS.test(arg.value) ? ctx.source.glob(pattern) : [pattern];
      for (const path of targets) {
        if (stack.includes(path) || stack.length >= MAX_DEPTH) {
          if (isRoot) includeFindings.push(includeFinding('include-cycle', messages.includeCycle(arg.value, [...stack, path]), arg.range, path));
          continue;
        }
        let included = files.get(path);
        if (!included) {
          const text = ctx.source.read(path);
          if (text === undefined) {
            if (isRoot) includeFindings.push(includeFinding('include-not-found', messages.includeNotFound(arg.value, path), arg.range, path));
            continue;
          }
          included = parseConfig(text).tree;
          files.set(path, included);
        }
        const anchor = isRoot ? line.range : anchorOf(line);
        walk(included, path, [...stack, path], () => anchor);
      }
    }
  };
  walk(tree, undefined, ctx.path ? [ctx.path] : [], (l) => l.range);
  return { lines, includeFindings, files };
}

function includeFinding(code: 'include-not-found' | 'include-cycle', message: string, range: Range, path: string): Finding {
  return { code, severity: RULES[code].severity, message, range, data: { path } };
}

/** The line that sets a value last, among any of the names. */
export function lastSet(model: ConfigModel, names: readonly string[]): ModelLine | undefined {
  for (let i = model.lines.length - 1; i >= 0; i--) {
    const m = model.lines[i] as ModelLine;
    if (names.includes(m.line.name)) return m;
  }
  return undefined;
}

/** A model of one document without includes, for callers that have no files. */
export function singleFileModel(tree: ConfigTree): ConfigModel {
  return { lines: tree.directives.filter((l) => !l.broken && l.tokens.length > 0).map((line) => ({ line, file: undefined, anchor: line.range })), includeFindings: [], files: new Map() };
}

/** Where a finding about a line shows: on the token when it is in this document, else on the include line. */
export function placeOf(m: ModelLine, tokenRange: Range): Range {
  return m.file === undefined ? tokenRange : m.anchor;
}

/** A message about a line, saying which included file the line is in. */
export function inFile(m: ModelLine, message: string): string {
  return m.file === undefined ? message : `${message} (set in ${m.file})`;
}
