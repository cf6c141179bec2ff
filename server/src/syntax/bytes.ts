/**
 * Redis reads its config and ACL files as bytes, not as text. To analyse a file as a string
 * and still write back and hash exactly the bytes Redis sees, files are decoded losslessly:
 * valid UTF-8 becomes its characters, and each byte that is not part of valid UTF-8 becomes
 * the lone surrogate U+DC80 + (byte - 0x80) (Python's "surrogateescape"). Valid UTF-8 never
 * decodes to a lone surrogate, so `encodeText(decodeBytes(b))` gives `b` back, byte for byte.
 *
 * An editor hands us text it decoded itself: there, a non-ASCII character may stand for bytes
 * we cannot know (another encoding, or U+FFFD for bytes it could not decode).
 */

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8 = new TextEncoder();

/** The bytes of several chunks, one after the other. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** First and last byte of a lone surrogate that stands for one undecodable byte. */
const ESCAPE_BASE = 0xdc00;

/** Length of the well-formed UTF-8 sequence at `i` (Unicode table 3-7), or 0 when there is none. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i] as number;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && (b[i + k] as number) >= lo && (b[i + k] as number) <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** The bytes of a file as text, losslessly (see above). A byte order mark is kept. */
export function decodeBytes(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // Not valid UTF-8: decode the valid runs, escape every other byte.
  }
  const parts: string[] = [];
  let run = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (run < i) parts.push(strictUtf8.decode(bytes.subarray(run, i)));
    parts.push(String.fromCharCode(ESCAPE_BASE + (bytes[i] as number)));
    i++;
    run = i;
  }
  if (run < bytes.length) parts.push(strictUtf8.decode(bytes.subarray(run)));
  return parts.join('');
}

/** A lone surrogate U+DC80..U+DCFF: one escaped byte. */
const ESCAPED = /(?<![\ud800-\udbff])[\udc80-\udcff]/g;

/** The bytes a text stands for: UTF-8, with escaped bytes turned back into themselves. */
export function encodeText(text: string): Uint8Array {
  ESCAPED.lastIndex = 0;
  if (!ESCAPED.test(text)) return utf8.encode(text);
  const chunks: Uint8Array[] = [];
  let at = 0;
  ESCAPED.lastIndex = 0;
  for (let m = ESCAPED.exec(text); m; m = ESCAPED.exec(text)) {
    if (m.index > at) chunks.push(utf8.encode(text.slice(at, m.index)));
    chunks.push(Uint8Array.of(text.charCodeAt(m.index) - ESCAPE_BASE));
    at = m.index + 1;
  }
  if (at < text.length) chunks.push(utf8.encode(text.slice(at)));
  return concatBytes(chunks);
}

/** True when the text has a character outside ASCII (its bytes depend on the encoding). */
export function hasNonAscii(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(text);
}

/** The bytes of an argument of a config line, and whether they could be known exactly. */
export interface ArgumentBytes {
  readonly bytes: Uint8Array;
  /**
   * True when characters written outside ASCII (not `\xHH` escapes) went into the bytes:
   * they are exact only when the text is a lossless decoding of the file.
   */
  readonly nonAscii: boolean;
}

const HEX = /^[0-9a-fA-F]{2}$/;
const ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, b: 8, a: 7 };

/**
 * The bytes of the argument written at `text[start, end)` of a config line, as Redis's
 * `sdssplitargs` makes them: quotes removed, `\xHH` and the C escapes of double quotes
 * resolved to their byte, `\'` in single quotes to a quote. The span is one token the
 * parser accepted (see configParser.ts).
 */
export function argumentBytes(text: string, start: number, end: number): ArgumentBytes {
  const chunks: Uint8Array[] = [];
  let raw = '';
  let nonAscii = false;
  const flush = (): void => {
    if (raw === '') return;
    if (hasNonAscii(raw)) nonAscii = true;
    chunks.push(encodeText(raw));
    raw = '';
  };
  let quote: '"' | "'" | undefined;
  for (let p = start; p < end; p++) {
    const c = text[p] as string;
    if (quote === undefined) {
      if (c === '"' || c === "'") quote = c;
      else raw += c;
    } else if (quote === '"') {
      if (c === '\\' && text[p + 1] === 'x' && HEX.test(text.slice(p + 2, p + 4))) {
        flush();
        chunks.push(Uint8Array.of(parseInt(text.slice(p + 2, p + 4), 16)));
        p += 3;
      } else if (c === '\\' && p + 1 < end) {
        const e = text[p + 1] as string;
        const byte = ESCAPES[e];
        if (byte !== undefined) {
          flush();
          chunks.push(Uint8Array.of(byte));
        } else raw += e;
        p++;
      } else if (c === '"') quote = undefined;
      else raw += c;
    } else if (c === '\\' && text[p + 1] === "'") {
      raw += "'";
      p++;
    } else if (c === "'") quote = undefined;
    else raw += c;
  }
  flush();
  return { bytes: concatBytes(chunks), nonAscii };
}
