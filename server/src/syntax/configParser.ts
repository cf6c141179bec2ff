/**
 * The redis.conf reader, mirroring redis-server: the text is cut into lines on `\n` only,
 * each line is trimmed of ` \t\r\n`, lines starting with `#` are comments, and the rest
 * is split into arguments by the rules of Redis's `sdssplitargs` (quotes, escapes).
 * It never throws: problems come back as `errors`, and every token keeps its exact range.
 */
import { LineIndex, type Range } from './text';

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

export interface CommentLine {
  readonly kind: 'comment';
  readonly redisLine: number;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
  /** The comment text after `#`, untrimmed. */
  readonly text: string;
}

export type ConfigLine = DirectiveLine | CommentLine;

export interface ConfigTree {
  readonly lines: readonly ConfigLine[];
  readonly directives: readonly DirectiveLine[];
  readonly index: LineIndex;
}

export type SyntaxCode = 'unbalanced-quotes' | 'nul-byte';

export interface SyntaxProblem {
  readonly code: SyntaxCode;
  readonly message: string;
  readonly range: Range;
  /** Which form of the problem, for quick fixes and docs. */
  readonly detail: 'unterminated' | 'quote-followed-by-text' | 'nul';
}

export interface ParseResult<T> {
  readonly tree: T;
  readonly errors: readonly SyntaxProblem[];
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const VT = 11;
const FF = 12;
const CR = 13;
const NUL = 0;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const HASH = 35;

/** C `isspace()` in the "C" locale. */
function isCSpace(c: number): boolean {
  return c === SPACE || (c >= TAB && c <= CR);
}

/** The bytes `sdstrim(line, " \t\r\n")` removes. */
function isTrimmed(c: number): boolean {
  return c === SPACE || c === TAB || c === CR || c === LF;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

export interface SplitResult {
  readonly tokens: { value: string; start: number; end: number; quoted: boolean }[];
  readonly error?: { start: number; end: number; detail: 'unterminated' | 'quote-followed-by-text' };
}

/**
 * `sdssplitargs` on `text[from, to)`. A NUL ends the input, as it ends a C string.
 * Offsets in the result are offsets into `text`.
 */
export function splitArgs(text: string, from: number, to: number): SplitResult {
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
          if (next !== NUL && !isCSpace(next)) return { tokens, error: { start: p, end: p + 2, detail: 'quote-followed-by-text' } };
          value += text.slice(runStart, p);
          p++;
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
          if (next !== NUL && !isCSpace(next)) return { tokens, error: { start: p, end: p + 2, detail: 'quote-followed-by-text' } };
          value += text.slice(runStart, p);
          p++;
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

export function parseConfig(text: string): ParseResult<ConfigTree> {
  const index = new LineIndex(text);
  const lines: ConfigLine[] = [];
  const directives: DirectiveLine[] = [];
  const errors: SyntaxProblem[] = [];
  const n = text.length;
  let redisLine = 0;
  for (let lineStart = 0; lineStart <= n; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    redisLine++;
    let s = lineStart;
    let e = lineEnd;
    while (s < e && isTrimmed(text.charCodeAt(s))) s++;
    while (e > s && isTrimmed(text.charCodeAt(e - 1))) e--;
    if (s < e) parseLine(text, s, e, redisLine, index, lines, directives, errors);
    lineStart = lineEnd + 1;
  }
  return { tree: { lines, directives, index }, errors };
}

function parseLine(
  text: string,
  s: number,
  e: number,
  redisLine: number,
  index: LineIndex,
  lines: ConfigLine[],
  directives: DirectiveLine[],
  errors: SyntaxProblem[],
): void {
  const nul = text.indexOf('\0', s);
  if (nul >= 0 && nul < e) {
    errors.push({
      code: 'nul-byte',
      message: 'This line contains a NUL byte: redis-server stops reading the line there and joins what follows to the next line. Remove it.',
      range: index.rangeAt(nul, nul + 1),
      detail: 'nul',
    });
  }
  if (text.charCodeAt(s) === HASH) {
    lines.push({ kind: 'comment', redisLine, start: s, end: e, range: index.rangeAt(s, e), text: text.slice(s + 1, e) });
    return;
  }
  const split = splitArgs(text, s, e);
  if (split.tokens.length === 0 && !split.error) return; // only blanks such as \v or \f: Redis skips it
  const tokens: Token[] = split.tokens.map((t) => ({ ...t, range: index.rangeAt(t.start, t.end) }));
  if (split.error) {
    const { start, end, detail } = split.error;
    errors.push({
      code: 'unbalanced-quotes',
      message:
        detail === 'unterminated'
          ? 'Unbalanced quotes: this quote is never closed on this line, so redis-server refuses the file ("Unbalanced quotes in configuration line").'
          : 'Unbalanced quotes: a closing quote must be followed by a space or the end of the line, so redis-server refuses the file ("Unbalanced quotes in configuration line").',
      range: index.rangeAt(start, Math.min(end, e)),
      detail,
    });
  }
  const line: DirectiveLine = {
    kind: 'directive',
    redisLine,
    start: s,
    end: e,
    range: index.rangeAt(s, e),
    name: tokens[0]?.value.toLowerCase() ?? '',
    tokens,
    broken: split.error !== undefined,
  };
  lines.push(line);
  directives.push(line);
}
