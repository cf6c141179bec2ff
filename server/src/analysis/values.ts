/**
 * Redis's own number readers, reproduced so that we accept and refuse exactly what
 * redis-server does. Each returns undefined where Redis reports an error. Values are
 * BigInt: configs go up to 2^64-1, beyond a double's exact range.
 */
import { asciiLower } from '../syntax/text';

const LLONG_MIN = -(2n ** 63n);
export const LLONG_MAX = 2n ** 63n - 1n;
export const ULLONG_MAX = 2n ** 64n - 1n;

/** C `isspace()`. */
function isCSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

/**
 * `string2ll`: an optional `-`, then `0` alone or a digit 1-9 followed by digits; no `+`,
 * no blanks, no leading zeros, within a signed 64-bit integer.
 */
export function string2ll(s: string): bigint | undefined {
  if (s === '0') return 0n;
  if (!/^-?[1-9][0-9]*$/.test(s) || s.length > 20) return undefined;
  const v = BigInt(s);
  return v < LLONG_MIN || v > LLONG_MAX ? undefined : v;
}

/**
 * `strtoll(s, &end, base)` where the whole string must be consumed: leading blanks and a
 * sign are allowed, leading zeros too; an empty string reads as 0 (nothing to consume);
 * out-of-range values saturate, as strtoll does.
 */
export function strtollWhole(s: string, base: 8 | 10 = 10): bigint | undefined {
  if (s === '') return 0n;
  let i = 0;
  while (i < s.length && isCSpace(s[i] as string)) i++;
  const rest = s.slice(i);
  const digits = base === 8 ? /^[+-]?[0-7]+$/ : /^[+-]?[0-9]+$/;
  if (!digits.test(rest)) return undefined;
  const negative = rest.startsWith('-');
  const body = rest.replace(/^[+-]/, '');
  let v = 0n;
  const b = BigInt(base);
  for (const ch of body) v = v * b + BigInt(ch.charCodeAt(0) - 48);
  if (negative) v = -v;
  return v < LLONG_MIN ? LLONG_MIN : v > LLONG_MAX ? LLONG_MAX : v;
}

/**
 * C `atoi()` as glibc implements it: `strtol` (leading blanks, a sign, digits; the rest
 * ignored; saturated at the limits of a 64-bit long) cast to a 32-bit int, so 2147483648
 * reads as -2147483648 and 4294967296 as 0. 0 when there is no digit.
 */
export function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)/.exec(s);
  if (!m) return 0;
  let v = BigInt(m[2] as string);
  if (m[1] === '-') v = -v;
  if (v > LLONG_MAX) v = LLONG_MAX;
  if (v < LLONG_MIN) v = LLONG_MIN;
  return Number(BigInt.asIntN(32, v));
}

const UNITS: Readonly<Record<string, bigint>> = {
  '': 1n,
  b: 1n,
  k: 1000n,
  kb: 1024n,
  m: 1000n * 1000n,
  mb: 1024n * 1024n,
  g: 1000n * 1000n * 1000n,
  gb: 1024n * 1024n * 1024n,
};

/** The multiplier of a memory unit as Redis reads it (lower-case), 1 for none. */
export function memoryUnit(unit: string): bigint {
  return UNITS[unit] ?? 1n;
}

export interface MemoryValue {
  /** The value Redis stores: digits × unit, wrapped to 64 bits as the C code does. */
  readonly bytes: bigint;
  readonly digits: string;
  /** The unit as written, lower-cased ('' for none). */
  readonly unit: string;
}

/**
 * `memtoull`: digits, then an optional unit b, k, kb, m, mb, g, gb in any case. No sign, no
 * decimals, no blank. Quirks kept: a bare unit or an empty string is 0; digits beyond
 * 2^64-1 saturate (Valkey 9.1 refuses them instead: `rangeChecked`); the product wraps.
 */
export function memtoull(s: string, rangeChecked = false): MemoryValue | undefined {
  if (s.startsWith('-')) return undefined;
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  const digits = s.slice(0, i);
  const unit = asciiLower(s.slice(i));
  const mul = UNITS[unit];
  if (mul === undefined || digits.length >= 128) return undefined;
  let v = digits === '' ? 0n : BigInt(digits);
  if (v > ULLONG_MAX) {
    if (rangeChecked) return undefined;
    v = ULLONG_MAX;
  }
  return { bytes: (v * mul) & ULLONG_MAX, digits, unit };
}

/** Reads a 64-bit pattern as a signed value, as C does when storing into a signed type. */
export function asSigned64(v: bigint): bigint {
  return v > LLONG_MAX ? v - 2n ** 64n : v;
}

/**
 * `strtod` over the whole string: decimal or hexadecimal floats, `inf`, `infinity`, `nan`,
 * with leading blanks and a sign. Returns undefined when anything is left over.
 */
export function strtodWhole(s: string, hexadecimal = true): number | undefined {
  let i = 0;
  while (i < s.length && isCSpace(s[i] as string)) i++;
  const rest = s.slice(i);
  if (rest === '') return undefined;
  const sign = rest.startsWith('-') ? -1 : 1;
  const body = rest.replace(/^[+-]/, '');
  if (/^(inf|infinity)$/i.test(body)) return sign * Infinity;
  if (/^nan(\([0-9a-z_]*\))?$/i.test(body)) return NaN;
  if (/^([0-9]+\.?[0-9]*|\.[0-9]+)(e[+-]?[0-9]+)?$/i.test(body)) return sign * Number(body);
  const hex = hexadecimal ? /^0x([0-9a-f]*)\.?([0-9a-f]*)(p([+-]?[0-9]+))?$/i.exec(body) : null;
  if (hex && (hex[1] !== '' || hex[2] !== '')) {
    const int = hex[1] === '' ? 0 : Number.parseInt(hex[1] as string, 16);
    const frac = [...(hex[2] as string)].reduce((acc, d, k) => acc + Number.parseInt(d, 16) / 16 ** (k + 1), 0);
    const exp = hex[4] === undefined ? 0 : Number(hex[4]);
    return sign * (int + frac) * 2 ** exp;
  }
  return undefined;
}

/**
 * An integer with its thousands grouped by commas (`1,048,576`), as `toLocaleString('en-US')`
 * writes it, without loading the locale data, which costs a process megabytes.
 */
export function groupDigits(n: number | bigint): string {
  const s = String(n);
  const sign = s.startsWith('-') ? '-' : '';
  return sign + s.slice(sign.length).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Formats bytes with binary units for messages and hovers: 1073741824 → "1 GiB". */
export function formatBytes(bytes: bigint): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let v = Number(bytes);
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const shown = u === 0 ? String(bytes) : Number.isInteger(v) ? String(v) : v.toFixed(2);
  return `${shown} ${units[u]}`;
}

/** The string as C code sees it: up to the first NUL byte. */
export function cstr(s: string): string {
  const i = s.indexOf('\0');
  return i < 0 ? s : s.slice(0, i);
}

/** Like strtollWhole, but out-of-range values are refused (strtoll's ERANGE checked). */
export function strtollChecked(s: string): bigint | undefined {
  const v = strtollWhole(s);
  if (v === undefined) return undefined;
  const digits = s.replace(/^[ \t\n\v\f\r]*[+-]?0*/, '');
  // A saturated result from more digits than fit means strtoll reported ERANGE.
  return (v === LLONG_MAX || v === -(2n ** 63n)) && digits.length > 19 ? undefined : v;
}

/**
 * Redis's `string2d`: a double with no blank before or after, no NaN, and no overflow or
 * underflow to zero (strtod's ERANGE). Hexadecimal and `inf` are read as strtod reads them;
 * `hexadecimal` false reads decimal only, as Valkey 9.1's own number reader does.
 */
export function string2d(s: string, hexadecimal = true): number | undefined {
  if (s === '' || /^[ \t\n\v\f\r]/.test(s) || /[ \t\n\v\f\r]$/.test(s)) return undefined;
  const v = strtodWhole(s, hexadecimal);
  if (v === undefined || Number.isNaN(v)) return undefined;
  if (v === 0 && /[1-9a-f]/i.test(s.replace(/^[+-]?0x/i, '').replace(/[ep][+-]?\d+$/i, ''))) return undefined;
  if (!Number.isFinite(v) && !/inf/i.test(s)) return undefined;
  return v;
}

/** `inet_pton(AF_INET)` as glibc reads it: four decimal parts of 0 to 255, no leading zero. */
export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

/** The number of 16-bit groups in one side of an IPv6 address, or undefined when malformed. */
function ipv6Groups(side: string, mayEndInIPv4: boolean): number | undefined {
  if (side === '') return 0;
  const items = side.split(':');
  let n = 0;
  for (const [i, item] of items.entries()) {
    if (mayEndInIPv4 && i === items.length - 1 && item.includes('.')) {
      if (!isIPv4(item)) return undefined;
      n += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(item)) n++;
    else return undefined;
  }
  return n;
}

/** `inet_pton(AF_INET6)`: eight groups, or fewer around one `::`, optionally ending in IPv4; no zone. */
export function isIPv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  if (halves.length === 2) {
    const head = ipv6Groups(halves[0] as string, false);
    const tail = ipv6Groups(halves[1] as string, true);
    return head !== undefined && tail !== undefined && head + tail <= 7;
  }
  return ipv6Groups(s, true) === 8;
}
