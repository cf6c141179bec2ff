/**
 * Redis's glob matching (`stringmatchlen`, case-sensitive), which ACL key and channel
 * patterns use: `*`, `?`, `[abc]`, `[^a-z]`, and `\` to take the next character literally.
 * It works on bytes, as Redis does; quirks kept on purpose: an unclosed `[` still matches,
 * a reversed range `[z-a]` is read as `[a-z]`, and `*` does not match an empty string.
 */

/** The UTF-8 bytes of a string. */
function bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** A byte as C's (signed) `char`, for range comparisons. */
function signed(b: number): number {
  return b > 127 ? b - 256 : b;
}

export function globMatch(pattern: string, subject: string): boolean {
  const p = bytes(pattern);
  const s = bytes(subject);
  const state = { skipLonger: false };
  return matchAt(p, 0, s, 0, state, 0);
}

function matchAt(p: Uint8Array, pi: number, s: Uint8Array, si: number, state: { skipLonger: boolean }, nesting: number): boolean {
  if (nesting > 1000) return false;
  // Past the end, a pattern reads as NUL (the C string terminator).
  const at = (i: number): number => (i < p.length ? (p[i] as number) : 0);
  let plen = p.length - pi;
  let slen = s.length - si;
  while (plen > 0 && slen > 0) {
    const c = at(pi);
    if (c === 42 /* * */) {
      while (plen > 1 && at(pi + 1) === 42) {
        pi++;
        plen--;
      }
      if (plen === 1) return true;
      while (slen > 0) {
        if (matchAt(p, pi + 1, s, si, state, nesting + 1)) return true;
        if (state.skipLonger) return false;
        si++;
        slen--;
      }
      state.skipLonger = true;
      return false;
    } else if (c === 63 /* ? */) {
      si++;
      slen--;
    } else if (c === 91 /* [ */) {
      pi++;
      plen--;
      const not = at(pi) === 94; /* ^ */
      if (not) {
        pi++;
        plen--;
      }
      let match = false;
      const sc = s[si] as number;
      for (;;) {
        if (at(pi) === 92 /* \ */ && plen >= 2) {
          pi++;
          plen--;
          if (at(pi) === sc) match = true;
        } else if (at(pi) === 93 /* ] */) {
          break;
        } else if (plen === 0) {
          pi--;
          plen++;
          break;
        } else if (plen >= 3 && at(pi + 1) === 45 /* - */) {
          let start = signed(at(pi));
          let end = signed(at(pi + 2));
          const ch = signed(sc);
          if (start > end) [start, end] = [end, start];
          pi += 2;
          plen -= 2;
          if (ch >= start && ch <= end) match = true;
        } else if (at(pi) === sc) {
          match = true;
        }
        pi++;
        plen--;
      }
      if (not) match = !match;
      if (!match) return false;
      si++;
      slen--;
    } else {
      if (c === 92 /* \ */ && plen >= 2) {
        pi++;
        plen--;
      }
      if (at(pi) !== s[si]) return false;
      si++;
      slen--;
    }
    pi++;
    plen--;
    if (slen === 0) {
      while (at(pi) === 42) {
        pi++;
        plen--;
      }
      break;
    }
  }
  return plen === 0 && slen === 0;
}
