/**
 * The redis.conf reader, mirroring redis-server: the text is cut into lines on `\n` only,
 * each line is trimmed of ` \t\r\n`, lines starting with `#` are comments, and the rest
 * is split into arguments by the rules of Redis's `sdssplitargs` (quotes, escapes).
 * It never throws: problems come back as `errors`, and every token keeps its exact range.
 */
import { LineIndex, asciiLower, commonPrefix, commonSuffix, hasLoneCarriageReturn, type Position, type Range } from './text';

export interface Token {
  /** The argument as Redis sees it: quotes removed, escapes resolved (`\xHH` gives that byte). */
  readonly value: string;
  /** Offsets of the token in the text as written, quotes included; `end` is exclusive. */
  readonly start: number;
  readonly end: number;
  /** True when the token contains a quoted part. */
  readonly quoted: boolean;
  readonly range: Range;
}

export interface DirectiveLine {
  readonly kind: 'directive';
  /** Line number as redis-server reports it (1-based, counting `\n` only). */
  readonly redisLine: number;
  /** Offsets of the trimmed line content. */
  readonly start: number;
  readonly end: number;
  readonly range: Range;
  /** The directive name, lower-cased as Redis does; empty when the line could not be split. */
  readonly name: string;
  /** All tokens; the first one is the name. May be partial when `broken`. */
  readonly tokens: readonly Token[];
  /** True when the line failed to split (unbalanced quotes): Redis refuses it. */
  readonly broken: boolean;
}

/** A comment line. Its range is worked out on demand: most files are mostly comments. */
export class CommentLine {
  readonly kind = 'comment';
  constructor(
    readonly redisLine: number,
    readonly start: number,
    readonly end: number,
    private readonly index: LineIndex,
  ) {}

  get range(): Range {
    return this.index.rangeAt(this.start, this.end);
  }
}

export type ConfigLine = DirectiveLine | CommentLine;

export interface ConfigTree {
  /** Comments and directives in file order (built on first use). */
  readonly lines: readonly ConfigLine[];
  /** Comments addressed to this tool (`# redis-config...`): pragmas and suppressions. */
  readonly toolComments: readonly CommentLine[];
  readonly directives: readonly DirectiveLine[];
  readonly index: LineIndex;
}

/**
 * A directive line as parsed. Positions are kept as offsets, and ranges are worked out when
 * asked for: most are never asked for (a line without findings is not shown), and a range
 * costs three objects.
 */
class ParsedDirective implements DirectiveLine, LineFrame {
  name = '';
  broken = false;
  readonly tokens: Token[] = [];

  constructor(
    readonly redisLine: number,
    readonly start: number,
    readonly end: number,
    /** The LSP line, and the offset it starts at; or the index, in a text with a lone `\r`. */
    readonly lspLine: number,
    readonly lineStart: number,
    readonly index: LineIndex | undefined,
  ) {}

  get kind(): 'directive' {
    return 'directive';
  }

  get range(): Range {
    return rangeIn(this, this.start, this.end);
  }
}

class ParsedToken implements Token {
  constructor(
    readonly value: string,
    readonly start: number,
    readonly end: number,
    readonly quoted: boolean,
    private readonly line: LineFrame,
  ) {}

  get range(): Range {
    return rangeIn(this.line, this.start, this.end);
  }
}

/**
 * The parsed file. Comments are most of a typical redis.conf and few features need them,
 * so they are kept as line numbers and turned into objects only when asked for.
 */
class ParsedConfig implements ConfigTree {
  private merged: ConfigLine[] | undefined;

  constructor(
    readonly directives: readonly DirectiveLine[],
    readonly index: LineIndex,
    /** The Redis line of each comment, in order. */
    readonly comments: Int32Array,
    readonly toolComments: readonly CommentLine[],
    /** Where each Redis line starts. */
    readonly lineStarts: Int32Array,
    /** The quoting rules the text was split with. */
    readonly continueAfterQuote: boolean,
    readonly loneCarriageReturn: boolean,
  ) {}

  get lines(): readonly ConfigLine[] {
    if (this.merged) return this.merged;
    const out: ConfigLine[] = [];
    const c = this.comments;
    const text = this.index.text;
    let d = 0;
    for (let i = 0; i < c.length; i++) {
      const redisLine = c[i] as number;
      while (d < this.directives.length && (this.directives[d] as DirectiveLine).redisLine < redisLine) out.push(this.directives[d++] as DirectiveLine);
      const [s, e] = trimmed(text, this.lineStarts[redisLine - 1] as number, lineEndOf(text, this.lineStarts[redisLine - 1] as number));
      out.push(new CommentLine(redisLine, s, e, this.index));
    }
    while (d < this.directives.length) out.push(this.directives[d++] as DirectiveLine);
    this.merged = out;
    return out;
  }
}

export type SyntaxCode = 'unbalanced-quotes' | 'nul-byte';

export interface SyntaxProblem {
  readonly code: SyntaxCode;
  readonly message: string;
  readonly range: Range;
  /** Which form of the problem, for quick fixes and docs. */
  readonly detail: 'unterminated' | 'quote-followed-by-text' | 'nul';
}

export interface ParseResult<T, E = SyntaxProblem> {
  readonly tree: T;
  readonly errors: readonly E[];
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const NUL = 0;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const HASH = 35;
/** Comments starting with this word are read by this tool (pragmas, suppressions). */
const TOOL_PREFIX = 'redis-config';

/** C `isspace()` in the "C" locale. */
function isCSpace(c: number): boolean {
  return c === SPACE || (c >= TAB && c <= CR);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

export interface SplitOptions {
  /**
   * Valkey 9.1 reads a closing quote as the end of the quoted part only: what follows up to
   * the next blank continues the same argument (`"a"b` is `ab`). Older servers refuse it.
   */
  readonly continueAfterQuote?: boolean;
}

export interface SplitResult {
  readonly tokens: { value: string; start: number; end: number; quoted: boolean }[];
  readonly error?: SplitError;
}

export interface SplitError {
  readonly start: number;
  readonly end: number;
  readonly detail: 'unterminated' | 'quote-followed-by-text';
}

/**
 * `sdssplitargs` on `text[from, to)`. A NUL ends the input, as it ends a C string.
 * Offsets in the result are offsets into `text`.
 */
export function splitArgs(text: string, from: number, to: number, options?: SplitOptions): SplitResult {
  const tokens: { value: string; start: number; end: number; quoted: boolean }[] = [];
  const error = splitInto(text, from, to, options?.continueAfterQuote === true, tokens, (value, start, end, quoted) => ({ value, start, end, quoted }));
  return error ? { tokens, error } : { tokens };
}

/** splitArgs, making each token with `make` into `tokens`; returns the error, if any. */
function splitInto<T>(
  text: string,
  from: number,
  to: number,
  continueAfterQuote: boolean,
  tokens: T[],
  make: (value: string, start: number, end: number, quoted: boolean) => T,
): SplitError | undefined {
  // Character at p, or NUL past the end: the C string terminator.
  const at = (p: number): number => (p < to ? text.charCodeAt(p) : NUL);
  let p = from;
  for (;;) {
    while (at(p) !== NUL && isCSpace(at(p))) p++;
    if (at(p) === NUL) return undefined;
    const start = p;
    let inDouble = false;
    let inSingle = false;
    let quoted = false;
    let value = '';
    let runStart = p; // start of a run of plain characters not yet copied into value
    for (;;) {
      const c = at(p);
      if (inDouble) {
        if (c === BACKSLASH && at(p + 1) === 120 /* x */ && hexValue(at(p + 2)) >= 0 && hexValue(at(p + 3)) >= 0) {
          value += text.slice(runStart, p) + String.fromCharCode(hexValue(at(p + 2)) * 16 + hexValue(at(p + 3)));
          p += 4;
          runStart = p;
          continue;
        }
        if (c === BACKSLASH && at(p + 1) !== NUL) {
          const e = at(p + 1);
          let ch: string;
          switch (e) {
            case 110:
              ch = '\n';
              break;
            case 114:
              ch = '\r';
              break;
            case 116:
              ch = '\t';
              break;
            case 98:
              ch = '\b';
              break;
            case 97:
              ch = '\x07';
              break;
            default:
              ch = text[p + 1] as string;
          }
          value += text.slice(runStart, p) + ch;
          p += 2;
          runStart = p;
          continue;
        }
        if (c === DQUOTE) {
          const next = at(p + 1);
          if (!continueAfterQuote && next !== NUL && !isCSpace(next)) return { start: p, end: p + 2, detail: 'quote-followed-by-text' };
          value += text.slice(runStart, p);
          p++;
          if (continueAfterQuote) {
            inDouble = false;
            runStart = p;
            continue;
          }
          break;
        }
        if (c === NUL) return { start, end: to, detail: 'unterminated' };
        p++;
      } else if (inSingle) {
        if (c === BACKSLASH && at(p + 1) === SQUOTE) {
          value += text.slice(runStart, p) + "'";
          p += 2;
          runStart = p;
          continue;
        }
        if (c === SQUOTE) {
          const next = at(p + 1);
          if (!continueAfterQuote && next !== NUL && !isCSpace(next)) return { start: p, end: p + 2, detail: 'quote-followed-by-text' };
          value += text.slice(runStart, p);
          p++;
          if (continueAfterQuote) {
            inSingle = false;
            runStart = p;
            continue;
          }
          break;
        }
        if (c === NUL) return { start, end: to, detail: 'unterminated' };
        p++;
      } else {
        if (c === SPACE || c === LF || c === CR || c === TAB || c === NUL) {
          value = value === '' ? text.slice(runStart, p) : value + text.slice(runStart, p);
          break;
        }
        if (c === DQUOTE || c === SQUOTE) {
          value += text.slice(runStart, p);
          if (c === DQUOTE) inDouble = true;
          else inSingle = true;
          quoted = true;
          p++;
          runStart = p;
          continue;
        }
        p++;
      }
    }
    tokens.push(make(value, start, p, quoted));
  }
}

/**
 * Where a line sits, to turn its offsets into positions. Without a lone `\r` (the usual
 * case), an LSP line is a Redis line and a position is found without any lookup.
 */
interface LineFrame {
  readonly lspLine: number;
  readonly lineStart: number;
  /** Set only for texts with a lone `\r`, where LSP and Redis lines differ. */
  readonly index: LineIndex | undefined;
}

function positionIn(frame: LineFrame, offset: number): Position {
  return frame.index ? frame.index.positionAt(offset) : { line: frame.lspLine, character: offset - frame.lineStart };
}

function rangeIn(frame: LineFrame, start: number, end: number): Range {
  return { start: positionIn(frame, start), end: positionIn(frame, end) };
}

/** The end of the line that starts at `lineStart`: its `\n`, or the end of the text. */
function lineEndOf(text: string, lineStart: number): number {
  const e = text.indexOf('\n', lineStart);
  return e < 0 ? text.length : e;
}

/** `[s, e)` trimmed of ` \t\r\n`, as Redis trims each line. */
function trimmed(text: string, s: number, e: number): [number, number] {
  for (let c = text.charCodeAt(s); s < e && (c === SPACE || c === TAB || c === CR || c === LF); c = text.charCodeAt(++s));
  for (let c = text.charCodeAt(e - 1); e > s && (c === SPACE || c === TAB || c === CR || c === LF); c = text.charCodeAt(--e - 1));
  return [s, e];
}

/** A growable list of 32-bit integers: numbers per line, off the JavaScript heap. */
class Int32List {
  private data: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }

  /** Starts the list with the first `count` numbers of `from`. */
  copyFrom(from: Int32Array, count: number): void {
    if (count > this.data.length) this.data = new Int32Array(Math.max(count, this.data.length * 2));
    this.data.set(from.subarray(0, count));
    this.length = count;
  }

  /** Adds `from[start, end)`, each plus `delta`. */
  pushShifted(from: Int32Array, start: number, end: number, delta: number): void {
    const count = end - start;
    if (count <= 0) return;
    if (this.length + count > this.data.length) {
      const bigger = new Int32Array(Math.max(this.length + count, this.data.length * 2));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    const data = this.data;
    if (delta === 0) data.set(from.subarray(start, end), this.length);
    else for (let i = 0, at = this.length; i < count; i++) data[at + i] = (from[start + i] as number) + delta;
    this.length += count;
  }

  /** The numbers, in an array of their own size when the spare room is worth giving back. */
  done(): Int32Array {
    return this.length * 5 < this.data.length * 4 ? this.data.slice(0, this.length) : this.data.subarray(0, this.length);
  }
}

/**
 * True when two directive lines read alike and sit alike: same tokens at the same columns, `a`
 * on the Redis line `lines` below `b`'s. Their absolute offsets may differ (an edit earlier on
 * another line changed its length). False for lines of a text with a lone `\r`, where
 * positions need the whole text.
 */
export function sameLine(a: DirectiveLine, b: DirectiveLine, lines = 0): boolean {
  if (a === b) return lines === 0;
  if (!(a instanceof ParsedDirective) || !(b instanceof ParsedDirective) || a.index || b.index) return false;
  if (a.redisLine !== b.redisLine + lines || a.name !== b.name || a.broken !== b.broken || a.tokens.length !== b.tokens.length) return false;
  const da = a.lineStart;
  const db = b.lineStart;
  if (a.start - da !== b.start - db || a.end - da !== b.end - db) return false;
  for (let i = 0; i < a.tokens.length; i++) {
    const x = a.tokens[i] as Token;
    const y = b.tokens[i] as Token;
    if (x.value !== y.value || x.quoted !== y.quoted || x.start - da !== y.start - db || x.end - da !== y.end - db) return false;
  }
  return true;
}

/** A directive line of an earlier text moved by `chars` characters and `lines` lines: the same object when it did not move. */
function moved(d: DirectiveLine, chars: number, lines: number): DirectiveLine {
  if ((chars === 0 && lines === 0) || !(d instanceof ParsedDirective)) return d;
  const line = new ParsedDirective(d.redisLine + lines, d.start + chars, d.end + chars, d.lspLine + lines, d.lineStart + chars, undefined);
  line.name = d.name;
  line.broken = d.broken;
  for (const t of d.tokens) line.tokens.push(new ParsedToken(t.value, t.start + chars, t.end + chars, t.quoted, line));
  return line;
}

/** A problem of an earlier text moved down by `lines` lines. */
function movedProblem(e: SyntaxProblem, lines: number): SyntaxProblem {
  if (lines === 0) return e;
  const { start, end } = e.range;
  return { ...e, range: { start: { line: start.line + lines, character: start.character }, end: { line: end.line + lines, character: end.character } } };
}

/** The number of entries of a sorted list below `limit`. */
function countBelow(length: number, valueAt: (i: number) => number, limit: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (valueAt(mid) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Parses a whole file. `options` carries the quoting rules of the targeted version; without
 * them the file is read as every Redis and Valkey before 9.1 reads it.
 *
 * `previous`, the parse of an earlier version of the same document, makes the parse
 * incremental: the lines before the first change are taken from it as they are (the same
 * objects), and only the rest is read again. The result is the same as without it.
 */
export function parseConfig(text: string, options?: SplitOptions, previous?: ParseResult<ConfigTree>): ParseResult<ConfigTree> {
  const continueAfterQuote = options?.continueAfterQuote === true;
  const lone = hasLoneCarriageReturn(text);
  const old = previous?.tree instanceof ParsedConfig && previous.tree.continueAfterQuote === continueAfterQuote ? previous.tree : undefined;
  if (old && previous && old.index.text === text) return previous;
  const n = text.length;
  const lineStarts = new Int32List(old ? old.lineStarts.length + 16 : (n >> 5) + 16);
  const comments = new Int32List(old ? old.comments.length + 16 : (n >> 6) + 16);
  const toolComments: CommentLine[] = [];
  const directives: DirectiveLine[] = [];
  const errors: SyntaxProblem[] = [];
  let lineStart = 0;
  let redisLine = 0;
  // Lines after the last change, from the `\n` before them on, are those of `previous` too,
  // moved: they are taken from it from `resumeAt` on (-1: read to the end).
  let resumeAt = -1;
  let resumeLine = 0;
  // Lines that end (with their `\n`) before the first change are the lines of `previous`.
  // Without a lone `\r` on either side: there LSP lines depend on more than `\n`.
  if (old && previous && !lone && !old.loneCarriageReturn) {
    const oldText = old.index.text;
    const same = commonPrefix(oldText, text);
    const lastBreak = same > 0 ? text.lastIndexOf('\n', same - 1) : -1;
    if (lastBreak >= 0) {
      lineStart = lastBreak + 1;
      redisLine = countBelow(old.lineStarts.length, (i) => old.lineStarts[i] as number, lineStart + 1) - 1;
      lineStarts.copyFrom(old.lineStarts, redisLine);
      comments.copyFrom(
        old.comments,
        countBelow(old.comments.length, (i) => old.comments[i] as number, redisLine + 1),
      );
      const d = countBelow(old.directives.length, (i) => (old.directives[i] as DirectiveLine).redisLine, redisLine + 1);
      for (let i = 0; i < d; i++) directives.push(old.directives[i] as DirectiveLine);
      for (const c of old.toolComments) if (c.redisLine <= redisLine) toolComments.push(c);
      for (const e of previous.errors) if (e.range.start.line < redisLine) errors.push(e);
    }
    const tail = commonSuffix(oldText, text, Math.min(oldText.length, text.length) - same);
    // The first old line whose `\n` before it is in the common end.
    const first = countBelow(old.lineStarts.length, (i) => old.lineStarts[i] as number, oldText.length - tail + 1);
    if (first < old.lineStarts.length) {
      resumeLine = first;
      resumeAt = (old.lineStarts[first] as number) + text.length - oldText.length;
    }
  }
  const index = new LineIndex(text);
  const lineIndex = lone ? index : undefined;
  // NUL bytes are rare: look for them once, not on every line.
  let nextNul = text.indexOf('\0', lineStart);
  while (lineStart <= n) {
    if (lineStart === resumeAt && old && previous) {
      takeRest(
        old,
        previous.errors,
        resumeLine,
        text.length - old.index.text.length,
        redisLine - resumeLine,
        lineStarts,
        comments,
        toolComments,
        directives,
        errors,
        index,
      );
      break;
    }
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    redisLine++;
    lineStarts.push(lineStart);
    let s = lineStart;
    let e = lineEnd;
    // Inlined trimmed(): this loop runs once per line of the file.
    for (let c = text.charCodeAt(s); s < e && (c === SPACE || c === TAB || c === CR || c === LF); c = text.charCodeAt(++s));
    for (let c = text.charCodeAt(e - 1); e > s && (c === SPACE || c === TAB || c === CR || c === LF); c = text.charCodeAt(--e - 1));
    if (nextNul >= 0 && nextNul < lineEnd) {
      errors.push({
        code: 'nul-byte',
        message: 'This line contains a NUL byte: redis-server stops reading the line there and joins what follows to the next line. Remove it.',
        range: rangeIn({ lspLine: redisLine - 1, lineStart, index: lineIndex }, nextNul, nextNul + 1),
        detail: 'nul',
      });
      nextNul = text.indexOf('\0', lineEnd);
    }
    if (s < e) {
      if (text.charCodeAt(s) === HASH) {
        comments.push(redisLine);
        let p = s + 1;
        while (p < e && (text.charCodeAt(p) === SPACE || text.charCodeAt(p) === TAB)) p++;
        // 114 is 'r': most comments fail here without a string comparison.
        if (text.charCodeAt(p) === 114 && text.startsWith(TOOL_PREFIX, p)) toolComments.push(new CommentLine(redisLine, s, e, index));
      } else parseDirective(text, s, e, redisLine, lineStart, lineIndex, directives, errors, continueAfterQuote);
    }
    lineStart = lineEnd + 1;
  }
  const starts = lineStarts.done();
  index.useLineStarts(lone ? undefined : starts);
  return { tree: new ParsedConfig(directives, index, comments.done(), toolComments, starts, continueAfterQuote, lone), errors };
}

/**
 * The lines of `old` from its line `from` (0-based) to its end, moved by `chars` characters
 * and `lines` lines, added to the lists of the text being parsed.
 */
function takeRest(
  old: ParsedConfig,
  oldErrors: readonly SyntaxProblem[],
  from: number,
  chars: number,
  lines: number,
  lineStarts: Int32List,
  comments: Int32List,
  toolComments: CommentLine[],
  directives: DirectiveLine[],
  errors: SyntaxProblem[],
  index: LineIndex,
): void {
  const starts = old.lineStarts;
  lineStarts.pushShifted(starts, from, starts.length, chars);
  const c = old.comments;
  comments.pushShifted(
    c,
    countBelow(c.length, (k) => c[k] as number, from + 1),
    c.length,
    lines,
  );
  for (const t of old.toolComments) if (t.redisLine > from) toolComments.push(new CommentLine(t.redisLine + lines, t.start + chars, t.end + chars, index));
  const ds = old.directives;
  for (let i = countBelow(ds.length, (k) => (ds[k] as DirectiveLine).redisLine, from + 1); i < ds.length; i++)
    directives.push(moved(ds[i] as DirectiveLine, chars, lines));
  for (const e of oldErrors) if (e.range.start.line >= from) errors.push(movedProblem(e, lines));
}

function parseDirective(
  text: string,
  s: number,
  e: number,
  redisLine: number,
  lineStart: number,
  index: LineIndex | undefined,
  directives: DirectiveLine[],
  errors: SyntaxProblem[],
  continueAfterQuote: boolean,
): void {
  // The line is made first, its tokens after: each token finds its position through its line.
  const line = new ParsedDirective(redisLine, s, e, redisLine - 1, lineStart, index);
  const tokens = line.tokens;
  const error = splitInto(text, s, e, continueAfterQuote, tokens, (value, start, end, quoted) => new ParsedToken(value, start, end, quoted, line));
  if (tokens.length === 0 && !error) return; // only blanks such as \v or \f: Redis skips it
  if (error) {
    const { start, end, detail } = error;
    errors.push({
      code: 'unbalanced-quotes',
      message:
        detail === 'unterminated'
          ? 'Unbalanced quotes: this quote is never closed on this line, so redis-server refuses the file ("Unbalanced quotes in configuration line").'
          : 'Unbalanced quotes: a closing quote must be followed by a space or the end of the line, so redis-server refuses the file ("Unbalanced quotes in configuration line").',
      range: rangeIn(line, start, Math.min(end, e)),
      detail,
    });
  }
  line.name = asciiLower(tokens[0]?.value ?? '');
  line.broken = error !== undefined;
  directives.push(line);
}
