/**
 * Positions as the Language Server Protocol counts them: zero-based lines (split on
 * `\r\n`, `\n` or a lone `\r`) and UTF-16 code units. Structurally equal to the LSP
 * types, so the LSP layer passes them on as they are.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Maps string offsets to LSP positions. The line table is built on first use. */
export class LineIndex {
  private table: Int32Array | number[] | undefined;

  constructor(readonly text: string) {}

  /**
   * Gives the index the offsets at which the lines start, from a reader that found them
   * anyway: right only for a text without a lone `\r`, where LSP lines are `\n` lines.
   */
  useLineStarts(starts: Int32Array | undefined): void {
    if (starts) this.table = starts;
  }

  /** Offsets at which each LSP line starts. */
  private get starts(): Int32Array | number[] {
    this.table ??= LineIndex.lineStarts(this.text);
    return this.table;
  }

  private static lineStarts(text: string): number[] {
    const starts = [0];
    const n = text.length;
    // Fast path: without `\r` every line break is a `\n`.
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (c === 10) {
          starts.push(i + 1);
        }
      }
    }
    return starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (starts[lo] as number) };
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line] as number;
    let end = position.line + 1 < this.starts.length ? (this.starts[position.line + 1] as number) : this.text.length;
    // A character past the end of the line stops before its line break, as editors do.
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13 && position.line + 1 < this.starts.length) end--;
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }
}

/** True when the text has a `\r` not followed by `\n`: a line break for editors, not for Redis. */
export function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}

/**
 * Lower-cases A-Z only, as C's `tolower`/`strcasecmp` do in Redis: `toLowerCase()` would
 * also fold letters such as the Kelvin sign (U+212A) into ASCII and accept names Redis refuses.
 */
export function asciiLower(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s;
}

/**
 * The length of the longest common prefix of two strings, compared a block at a time: the
 * block doubles while the blocks match (an edit is mostly far in) and shrinks where they do not.
 */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  let block = 1024;
  while (i < n) {
    const e = Math.min(n, i + block);
    if (a.slice(i, e) === b.slice(i, e)) {
      i = e;
      block *= 2;
    } else if (block > 64) block >>= 2;
    else break;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the longest common suffix of two strings, at most `max`, compared as commonPrefix does. */
export function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  let block = 1024;
  while (i < max) {
    const e = Math.min(max, i + block);
    if (a.slice(a.length - e, a.length - i) === b.slice(b.length - e, b.length - i)) {
      i = e;
      block *= 2;
    } else if (block > 64) block >>= 2;
    else break;
  }
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
