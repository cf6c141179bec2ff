/**
 * The redis.conf reader, mirroring redis-server: the text is cut into lines on `\n` only,
 * each line is trimmed of ` \t\r\n`, lines starting with `#` are comments, and the rest
 * is split into arguments by the rules of Redis's `sdssplitargs` (quotes, escapes).
 * It never throws: problems come back as `errors`, and every token keeps its exact range.
 */
import { LineIndex, asciiLower, hasLoneCarriageReturn, type Position, type Range } from './text';

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
 * The parsed file. Comments are most of a typical redis.conf and few features need them,
 * so they are kept as numbers and turned into objects only when asked for.
 */
class ParsedConfig implements ConfigTree {
  private merged: ConfigLine[] | undefined;

  constructor(
    readonly directives: readonly DirectiveLine[],
    readonly index: LineIndex,
    /** For each comment: Redis line, start offset, end offset. */
    private readonly comments: readonly number[],
    readonly toolComments: readonly CommentLine[],
  ) {}

  get lines(): readonly ConfigLine[] {
    if (this.merged) return this.merged;
    const out: ConfigLine[] = [];
    const c = this.comments;
    let d = 0;
    for (let i = 0; i < c.length; i += 3) {
      const redisLine = c[i] as number;
      while (d < this.directives.length && (this.directives[d] as DirectiveLine).redisLine < redisLine) out.push(this.directives[d++] as DirectiveLine);
      out.push(new CommentLine(redisLine, c[i + 1] as number, c[i + 2] as number, this.index));
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
  readonly error?: { start: number; end: number; detail: 'unterminated' | 'quote-followed-by-text' };
}

/**
 * `sdssplitargs` on `text[from, to)`. A NUL ends the input, as it ends a C string.
 * Offsets in the result are offsets into `text`.
 */
export function splitArgs(text: string, from: number, to: number, options?: SplitOptions): SplitResult {
  const continueAfterQuote = options?.continueAfterQuote === true;
  const tokens: { value: string; start: number; end: number; quoted: boolean }[] = [];
  // Character at p, or NUL past the end: the C string terminator.
  const at = (p: number): number => (p < to ? text.charCodeAt(p) : NUL);
  let p = from;
  for (;;) {
    while (at(p) !== NUL && isCSpace(at(p))) p++;
    if (at(p) === NUL) return { tokens };
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
            case 110: ch = '\n'; break;
            case 114: ch = '\r'; break;
            case 116: ch = '\t'; break;
            case 98: ch = '\b'; break;
            case 97: ch = '\x07'; break;
            default: ch = text[p + 1] as string;
          }
          value += text.slice(runStart, p) + ch;
          p += 2;
          runStart = p;
          continue;
        }
        if (c === DQUOTE) {
          const next = at(p + 1);
          if (!continueAfterQuote && next !== NUL && !isCSpace(next)) return { tokens, error: { start: p, end: p + 2, detail: 'quote-followed-by-text' } };
          value += text.slice(runStart, p);
          p++;
          if (continueAfterQuote) {
            inDouble = false;
            runStart = p;
            continue;
          }
          break;
        }
        if (c === NUL) return { tokens, error: { start, end: to, detail: 'unterminated' } };
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
          if (!continueAfterQuote && next !== NUL && !isCSpace(next)) return { tokens, error: { start: p, end: p + 2, detail: 'quote-followed-by-text' } };
          value += text.slice(runStart, p);
          p++;
          if (continueAfterQuote) {
            inSingle = false;
            runStart = p;
            continue;
          }
          break;
        }
        if (c === NUL) return { tokens, error: { start, end: to, detail: 'unterminated' } };
        p++;
      } else {
        if (c === SPACE || c === LF || c === CR || c === TAB || c === NUL) {
          value += text.slice(runStart, p);
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
    tokens.push({ value, start, end: p, quoted });
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

function frameOf(lspLine: number, lineStart: number, index: LineIndex | undefined): LineFrame {
  return { lspLine, lineStart, index };
}

/**
 * Parses a whole file. `options` carries the quoting rules of the targeted version; without
 * them the file is read as every Redis and Valkey before 9.1 reads it.
 */
export function parseConfig(text: string, options?: SplitOptions): ParseResult<ConfigTree> {
  const index = new LineIndex(text);
  const lineIndex = hasLoneCarriageReturn(text) ? index : undefined;
  const comments: number[] = [];
  const toolComments: CommentLine[] = [];
  const directives: DirectiveLine[] = [];
  const errors: SyntaxProblem[] = [];
  const n = text.length;
  // NUL bytes are rare: look for them once, not on every line.
  let nextNul = text.indexOf('\0');
  let redisLine = 0;
  for (let lineStart = 0; lineStart <= n; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    redisLine++;
    let s = lineStart;
    let e = lineEnd;
    // Inlined isTrimmed(): this loop runs once per line of the file.
    for (let c = text.charCodeAt(s); s < e && (c === SPACE || c === TAB || c === CR || c === LF); c = text.charCodeAt(++s));
    for (let c = text.charCodeAt(e - 1); e > s && (c === SPACE || c === TAB || c === CR || c === LF); c = text.charCodeAt(--e - 1));
    if (nextNul >= 0 && nextNul < lineEnd) {
      errors.push({
        code: 'nul-byte',
        message: 'This line contains a NUL byte: redis-server stops reading the line there and joins what follows to the next line. Remove it.',
        range: rangeIn(frameOf(redisLine - 1, lineStart, lineIndex), nextNul, nextNul + 1),
        detail: 'nul',
      });
      nextNul = text.indexOf('\0', lineEnd);
    }
    if (s < e) {
      if (text.charCodeAt(s) === HASH) {
        comments.push(redisLine, s, e);
        let p = s + 1;
        while (p < e && (text.charCodeAt(p) === SPACE || text.charCodeAt(p) === TAB)) p++;
        // 114 is 'r': most comments fail here without a string comparison.
        if (text.charCodeAt(p) === 114 && text.startsWith(TOOL_PREFIX, p)) toolComments.push(new CommentLine(redisLine, s, e, index));
      }
      else parseDirective(text, s, e, redisLine, frameOf(redisLine - 1, lineStart, lineIndex), directives, errors, options);
    }
    lineStart = lineEnd + 1;
  }
  return { tree: new ParsedConfig(directives, index, comments, toolComments), errors };
}

function parseDirective(
  text: string,
  s: number,
  e: number,
  redisLine: number,
  frame: LineFrame,
  directives: DirectiveLine[],
  errors: SyntaxProblem[],
  options: SplitOptions | undefined,
): void {
  const split = splitArgs(text, s, e, options);
  if (split.tokens.length === 0 && !split.error) return; // only blanks such as \v or \f: Redis skips it
  const tokens: Token[] = split.tokens.map((t) => ({ value: t.value, start: t.start, end: t.end, quoted: t.quoted, range: rangeIn(frame, t.start, t.end) }));
  if (split.error) {
    const { start, end, detail } = split.error;
    errors.push({
      code: 'unbalanced-quotes',
      message:
        detail === 'unterminated'
          ? 'Unbalanced quotes: this quote is never closed on this line, so redis-server refuses the file ("Unbalanced quotes in configuration line").'
          : 'Unbalanced quotes: a closing quote must be followed by a space or the end of the line, so redis-server refuses the file ("Unbalanced quotes in configuration line").',
      range: rangeIn(frame, start, Math.min(end, e)),
      detail,
    });
  }
  const line: DirectiveLine = {
    kind: 'directive',
    redisLine,
    start: s,
    end: e,
    range: rangeIn(frame, s, e),
    name: asciiLower(tokens[0]?.value ?? ''),
    tokens,
    broken: split.error !== undefined,
  };
  directives.push(line);
}
