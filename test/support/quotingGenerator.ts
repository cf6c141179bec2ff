/**
 * A deterministic generator of single config lines with tricky quoting, escapes and blanks,
 * built so that redis-server's verdict on each line tells us how it was split.
 *
 * Every line is `lead + name + rest`, where `name` is a directive that takes exactly one free
 * string (masteruser by default) written in one of several forms (plain, upper case, quoted,
 * partly quoted, with an escape...), and `rest` holds the generated arguments. So Redis accepts
 * the line iff it splits cleanly into exactly two tokens whose first is that directive, and then
 * `CONFIG GET <directive>` returns the second token's bytes. Comment lines and blank-only lines
 * (form `none`) are mixed in; Redis skips them.
 *
 * A line can be rendered for another such directive (`renderLine(line, 'masterauth')`), which
 * lets the oracle test check several accepted lines with one server.
 *
 * Bytes versus characters: the config parser works on JS strings, while Redis works on the
 * file's UTF-8 bytes and returns raw bytes. A `\xHH` escape gives one char with code 0-255 in
 * our token value and one byte in Redis. `tokenBytes()` maps a token value to the bytes Redis
 * stores: chars U+0080-U+00FF are single bytes when they can only have come from `\x` escapes
 * (the token's source text has no literal char in that range), everything else is UTF-8. The
 * generator never puts a literal U+0080-U+00FF char and a `\x80`-`\xff` escape on one line, so
 * the rule is exact for its lines; `tokenBytes()` throws on an ambiguous token.
 */

/** mulberry32: a small, fast, well-mixed 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** 0 <= n < max */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  /** Picks by weight: [[weight, value], ...] */
  weighted<T>(items: readonly (readonly [number, T])[]): T {
    const total = items.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, v] of items) {
      if ((r -= w) < 0) return v;
    }
    return (items[items.length - 1] as readonly [number, T])[1];
  }
}

/** How the directive name is written. */
export type NameForm =
  | 'none' // no directive: a comment or blank-only line
  | 'plain' // masteruser
  | 'upper' // MASTERUSER
  | 'mixed' // MasTerUSer
  | 'dq' // "masteruser" (possibly mixed case inside)
  | 'sq' // 'masteruser'
  | 'dqHex' // "mas\x74eruser"
  | 'dqBackslash' // "ma\steruser"
  | 'midDq' // maste"ruser"
  | 'midSq'; // maste'ruser'

export interface GeneratedLine {
  readonly id: number;
  /** The template the line came from, for reports. */
  readonly kind: string;
  readonly lead: string;
  readonly nameForm: NameForm;
  /** Seeds the case pattern / escape position of the name, so renders are deterministic. */
  readonly nameSeed: number;
  /** Everything after the name (separator included), up to the end of the line. */
  readonly rest: string;
  /** The line rendered for `masteruser`. */
  readonly text: string;
}

export const DEFAULT_DIRECTIVE = 'masteruser';

// ---------------------------------------------------------------------------------------------
// Names

function hex2(code: number, upper: boolean): string {
  const h = code.toString(16).padStart(2, '0');
  return upper ? h.toUpperCase() : h;
}

function mixCase(s: string, rng: Rng): string {
  let out = '';
  for (const c of s) out += rng.chance(0.5) ? c.toUpperCase() : c;
  if (out === s) {
    // make sure at least one letter changed
    const i = [...s].findIndex((c) => /[a-z]/.test(c));
    if (i >= 0) out = s.slice(0, i) + (s[i] as string).toUpperCase() + s.slice(i + 1);
  }
  return out;
}

/** Writes `directive` in the given form. Escapes never produce a different letter. */
export function renderName(form: NameForm, directive: string, seed: number): string {
  const rng = new Rng(seed);
  const n = directive.length;
  switch (form) {
    case 'none':
      return '';
    case 'plain':
      return directive;
    case 'upper':
      return directive.toUpperCase();
    case 'mixed':
      return mixCase(directive, rng);
    case 'dq':
      return `"${rng.chance(0.5) ? mixCase(directive, rng) : directive}"`;
    case 'sq':
      return `'${rng.chance(0.5) ? mixCase(directive, rng) : directive}'`;
    case 'dqHex': {
      const i = rng.int(n);
      const c = directive[i] as string;
      const code = (rng.chance(0.3) ? c.toUpperCase() : c).charCodeAt(0);
      return `"${directive.slice(0, i)}\\x${hex2(code, rng.chance(0.5))}${directive.slice(i + 1)}"`;
    }
    case 'dqBackslash': {
      // \n \r \t \b \a and \x mean something else: escape another char.
      const ok = [...directive].map((c, i) => ({ c, i })).filter(({ c }) => !'nrtbax'.includes(c));
      if (ok.length === 0) return `"${directive}"`;
      const { i } = rng.pick(ok);
      return `"${directive.slice(0, i)}\\${directive.slice(i)}"`;
    }
    case 'midDq':
    case 'midSq': {
      const q = form === 'midDq' ? '"' : "'";
      const i = rng.range(1, n - 1);
      return `${directive.slice(0, i)}${q}${directive.slice(i)}${q}`;
    }
  }
}

export function renderLine(line: GeneratedLine, directive: string = DEFAULT_DIRECTIVE): string {
  return line.lead + renderName(line.nameForm, directive, line.nameSeed) + line.rest;
}

// ---------------------------------------------------------------------------------------------
// Pieces of arguments

/** Which non-ASCII text a line may hold (see the header comment about bytes). */
type Mode = 'ascii' | 'latin' | 'wide';

/** Literal chars U+0080-U+00FF (their code equals a byte a `\x` escape could give). */
const LATIN = ['é', 'ü', 'ß', 'Ä', 'ñ', '\u00a0' /* NBSP: not a C blank */, 'ÿ', '©', '°', '\u0085' /* NEL */];
/** Literal chars above U+00FF, BMP and astral. */
const WIDE = ['日本', 'Ω', '€', '😀', '🚀', '\u2028', 'ŝ', 'Ж', 'ﬁ', '\u212a' /* KELVIN SIGN */, '\u3000' /* ideographic space */];

/** ASCII chars with no meaning to the splitter ('.' left out so no name can turn into a module config). */
const WORD = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-:/@+=,%!?*&^$~<>{}[]()|;`'];

function nonAscii(rng: Rng, mode: Mode): string {
  if (mode === 'latin') return rng.pick(LATIN);
  if (mode === 'wide') return rng.pick(WIDE);
  return rng.pick(WORD);
}

function wordChars(rng: Rng, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += rng.pick(WORD);
  return s;
}

/** An unquoted word: no blanks that end it, no quotes. May hold `\`, `#`, `\v`, `\f`. */
function unquotedWord(rng: Rng, mode: Mode, maxPieces = 6): string {
  let s = '';
  const pieces = rng.range(1, maxPieces);
  for (let i = 0; i < pieces; i++) {
    s += rng.weighted<() => string>([
      [10, () => wordChars(rng, rng.range(1, 6))],
      [2, () => '#'],
      [2, () => rng.pick(['\\', '\\n', '\\x41', '\\q', '\\\\'])], // literal backslashes
      [1, () => rng.pick(['\v', '\f'])], // kept inside an unquoted token
      [mode === 'ascii' ? 0 : 3, () => nonAscii(rng, mode)],
    ])();
  }
  return s;
}

function hexEscape(rng: Rng, mode: Mode): string {
  // latin lines keep \x escapes below 0x80 (see tokenBytes)
  const code =
    mode === 'latin'
      ? rng.int(0x80)
      : rng.weighted([
          [3, rng.int(0x80)],
          [3, 0x80 + rng.int(0x80)],
          [1, 0],
          [1, rng.pick([0x22, 0x27, 0x5c, 0x20, 0x09, 0x23, 0x0a, 0x0d])],
        ]);
  return `\\x${hex2(code, rng.chance(0.4))}`;
}

/** Content of a double-quoted string (without the quotes). Never ends in a lone backslash. */
function dqBody(rng: Rng, mode: Mode, maxPieces = 7, specialEnd = true): string {
  let s = '';
  const pieces = rng.range(0, maxPieces);
  for (let i = 0; i < pieces; i++) {
    s += rng.weighted<() => string>([
      [8, () => wordChars(rng, rng.range(1, 5))],
      [3, () => rng.pick([' ', '  ', '\t', "'", '#', ' # ', "''"])],
      [4, () => hexEscape(rng, mode)],
      [2, () => rng.pick(['\\xg1', '\\xZZ', '\\x4g', '\\x4 ', '\\x-1', '\\X41', '\\x 4'])], // not \xHH
      [5, () => rng.pick(['\\n', '\\r', '\\t', '\\b', '\\a', '\\\\', '\\"', "\\'", '\\z', '\\0', '\\ ', '\\#', '\\e', '\\N', '\\T'])],
      [1, () => rng.pick(['\v', '\f', '\r'])], // literal control chars inside quotes
      [mode === 'ascii' ? 0 : 3, () => nonAscii(rng, mode)],
      [mode === 'ascii' ? 0 : 1, () => `\\${nonAscii(rng, mode)}`], // backslash before a non-ASCII char
    ])();
  }
  // Something special right before the closing quote, sometimes.
  if (specialEnd && rng.chance(0.12)) s += rng.pick(['\\x', '\\x4', '\\x4f', '\\xF', '\\\\']);
  return s;
}

/** Content of a single-quoted string. Never ends in a backslash (that would escape the quote). */
function sqBody(rng: Rng, mode: Mode, maxPieces = 6): string {
  let s = '';
  const pieces = rng.range(0, maxPieces);
  for (let i = 0; i < pieces; i++) {
    s += rng.weighted<() => string>([
      [8, () => wordChars(rng, rng.range(1, 5))],
      [3, () => rng.pick([' ', '\t', '"', '#', ' "x" ', '""'])],
      [4, () => "\\'"],
      [4, () => rng.pick(['\\n', '\\x41', '\\\\xq', '\\t', '\\"', '\\ ', "\\\\\\'"])], // literal backslashes; the last is \\\'
      [1, () => rng.pick(['\v', '\f'])],
      [mode === 'ascii' ? 0 : 3, () => nonAscii(rng, mode)],
    ])();
  }
  return s.endsWith('\\') ? `${s}z` : s;
}

const dq = (rng: Rng, mode: Mode): string => `"${dqBody(rng, mode)}"`;
const sq = (rng: Rng, mode: Mode): string => `'${sqBody(rng, mode)}'`;

/** A well-formed argument: one token, no split error. */
function goodArg(rng: Rng, mode: Mode): string {
  return rng.weighted<() => string>([
    [5, () => dq(rng, mode)],
    [3, () => sq(rng, mode)],
    [3, () => unquotedWord(rng, mode)],
    // a quote starting in the middle of a word: foo"bar baz"
    [3, () => unquotedWord(rng, mode, 2) + (rng.chance(0.6) ? dq(rng, mode) : sq(rng, mode))],
    [1, () => rng.pick(['""', "''"])],
    [1, () => rng.pick(['#', '#x', '"#"', "'#x y'", '"a # b"'])],
  ])();
}

/** An argument that makes the split fail. */
function badArg(rng: Rng, mode: Mode): string {
  return rng.weighted<() => string>([
    // closing quote followed by a non-blank
    [
      6,
      () =>
        rng.pick([
          `${dq(rng, mode)}${wordChars(rng, 1)}`,
          `${sq(rng, mode)}${wordChars(rng, 2)}`,
          `${dq(rng, mode)}${sq(rng, mode)}`,
          `${sq(rng, mode)}${dq(rng, mode)}`,
          `${dq(rng, mode)}${dq(rng, mode)}`,
          '""x',
          "''''",
          `"a"#`,
          `'a'\\`,
          `"${dqBody(rng, mode, 2)}"${nonAscii(rng, mode)}`,
        ]),
    ],
    // unterminated
    [
      6,
      () =>
        rng.pick([
          `"${dqBody(rng, mode)}`,
          `'${sqBody(rng, mode)}`,
          `"${dqBody(rng, mode)}\\"`,
          `"${dqBody(rng, mode)}\\`,
          `'${sqBody(rng, mode)}\\'`,
          `'${sqBody(rng, mode)}\\\\'`,
          `${unquotedWord(rng, mode, 2)}"${dqBody(rng, mode, 3)}`,
          '"',
          "'",
          `"\\x`,
          `"\\x4`,
        ]),
    ],
  ])();
}

const SEPARATORS: readonly (readonly [number, string])[] = [
  [12, ' '],
  [3, '  '],
  [3, '\t'],
  [2, ' \t '],
  [1, '\r'], // a CR in the middle of the line ends an unquoted token
  [1, '\v'], // \v and \f end no unquoted token but are skipped as leading blanks
  [1, '\f'],
];
const TRAILERS: readonly (readonly [number, string])[] = [
  [12, ''],
  [3, ' '],
  [2, '\t'],
  [3, '\r'],
  [2, ' \r'],
  [1, '\t \r'],
  [1, '\v'], // not trimmed: part of an unquoted last token, a blank after a quoted one
  [1, '\f'],
  [1, ' \v'],
];
const LEADS: readonly (readonly [number, string])[] = [
  [12, ''],
  [3, ' '],
  [3, '\t'],
  [2, '  \t '],
  [1, '\r'],
  [1, '\v'],
  [1, '\f'],
];

const NAME_FORMS: readonly (readonly [number, NameForm])[] = [
  [14, 'plain'],
  [2, 'upper'],
  [3, 'mixed'],
  [2, 'dq'],
  [2, 'sq'],
  [2, 'dqHex'],
  [1, 'dqBackslash'],
  [1, 'midDq'],
  [1, 'midSq'],
];

function longArg(rng: Rng, mode: Mode): string {
  const target = rng.range(1100, 5000);
  if (rng.chance(0.3)) {
    let s = '';
    while (s.length < target) s += wordChars(rng, 50) + (mode === 'ascii' ? '' : nonAscii(rng, mode));
    return s;
  }
  let s = '';
  while (s.length < target) s += dqBody(rng, mode, 20, false);
  return `"${s}"`;
}

interface Template {
  readonly kind: string;
  readonly weight: number;
  /** Returns [nameForm, rest]; `lead` is added by the caller. */
  readonly make: (rng: Rng, mode: Mode) => [NameForm | undefined, string];
}

const sep = (rng: Rng): string => rng.weighted(SEPARATORS);
const trail = (rng: Rng): string => rng.weighted(TRAILERS);

const TEMPLATES: readonly Template[] = [
  { kind: 'one-dq', weight: 14, make: (r, m) => [undefined, sep(r) + dq(r, m) + trail(r)] },
  { kind: 'one-sq', weight: 8, make: (r, m) => [undefined, sep(r) + sq(r, m) + trail(r)] },
  { kind: 'one-word', weight: 7, make: (r, m) => [undefined, sep(r) + unquotedWord(r, m) + trail(r)] },
  { kind: 'one-mixed', weight: 8, make: (r, m) => [undefined, sep(r) + goodArg(r, m) + trail(r)] },
  { kind: 'one-empty', weight: 3, make: (r) => [undefined, sep(r) + r.pick(['""', "''"]) + trail(r)] },
  { kind: 'one-long', weight: 2, make: (r, m) => [undefined, sep(r) + longArg(r, m) + trail(r)] },
  { kind: 'zero-args', weight: 3, make: (r) => [undefined, trail(r)] },
  { kind: 'two-args', weight: 7, make: (r, m) => [undefined, sep(r) + goodArg(r, m) + sep(r) + goodArg(r, m) + trail(r)] },
  {
    kind: 'three-args',
    weight: 3,
    make: (r, m) => [undefined, sep(r) + goodArg(r, m) + sep(r) + goodArg(r, m) + sep(r) + goodArg(r, m) + trail(r)],
  },
  { kind: 'bad-arg', weight: 12, make: (r, m) => [undefined, sep(r) + badArg(r, m) + trail(r)] },
  {
    kind: 'bad-second-arg',
    weight: 3,
    make: (r, m) => [undefined, sep(r) + goodArg(r, m) + sep(r) + badArg(r, m) + trail(r)],
  },
  {
    // closing quote followed by a blank (space, tab, \v, \f) and maybe more
    kind: 'quote-then-blank',
    weight: 6,
    make: (r, m) => {
      const q = r.chance(0.5) ? dq(r, m) : sq(r, m);
      const blank = r.pick([' ', '\t', '\v', '\f', '\v\f']);
      return [undefined, sep(r) + q + blank + (r.chance(0.5) ? goodArg(r, m) : '') + trail(r)];
    },
  },
  {
    kind: 'trailing-comment',
    weight: 3,
    make: (r, m) => [undefined, sep(r) + goodArg(r, m) + r.pick([' #', ' # comment', '\t#x', ' #"unbalanced']) + trail(r)],
  },
  {
    // the name glued to what follows: masteruser"x", "masteruser"x, masteruser\vx
    kind: 'glued-name',
    weight: 5,
    make: (r, m) => [r.pick<NameForm>(['plain', 'dq', 'sq', 'upper']), r.pick(['', '\v', '\f']) + goodArg(r, m) + trail(r)],
  },
  {
    kind: 'comment-line',
    weight: 4,
    make: (r, m) => [
      'none',
      `#${r.pick(['', ' ', '#'])}${r.pick(['masteruser', 'MASTERUSER', '"masteruser"', ''])}${r.chance(0.7) ? sep(r) + (r.chance(0.5) ? badArg(r, m) : goodArg(r, m)) : ''}${trail(r)}`,
    ],
  },
  { kind: 'blank-line', weight: 2, make: (r) => ['none', r.pick(['\v', '\f', '\v\f', ' \v ', '\t\f\t', '\v\r'])] },
];

/**
 * Generates `count` lines (default 640) from `seed`. Same arguments, same lines.
 * No line holds a `\n` or a NUL.
 */
export function generateQuotingLines(count = 640, seed = 0x5eed2024): GeneratedLine[] {
  const rng = new Rng(seed);
  const lines: GeneratedLine[] = [];
  const templates = TEMPLATES.map((t) => [t.weight, t] as const);
  for (let id = 0; id < count; id++) {
    const t = rng.weighted(templates);
    const mode = rng.weighted<Mode>([
      [6, 'ascii'],
      [2, 'latin'],
      [2, 'wide'],
    ]);
    let [form, rest] = t.make(rng, mode);
    // Literal U+0080-U+00FF text and a \x80-\xff escape on one line would make tokenBytes()
    // ambiguous (pieces glued together can form one, e.g. a literal `\\` before `xe9`).
    while (LATIN_LITERAL.test(rest) && HIGH_ESCAPE.test(rest)) [form, rest] = t.make(rng, mode);
    const nameForm = form ?? rng.weighted(NAME_FORMS);
    const lead = rng.weighted(LEADS);
    const nameSeed = rng.int(0x7fffffff);
    const partial = { id, kind: `${t.kind}/${mode}`, lead, nameForm, nameSeed, rest };
    const text = renderLine({ ...partial, text: '' });
    if (/[\n\0]/.test(text)) throw new Error(`generator bug: line ${id} holds a newline or NUL`);
    lines.push({ ...partial, text });
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Comparing our token values with Redis's bytes

const HIGH_ESCAPE = /\\x[89a-fA-F][0-9a-fA-F]/;
const LATIN_LITERAL = /[\u0080-\u00ff]/;

/**
 * The bytes Redis stores for a token whose unescaped value is `value` and whose source text
 * (quotes included, as written) is `source`. See the header comment.
 */
export function tokenBytes(value: string, source: string): Buffer {
  const literal = LATIN_LITERAL.test(source);
  if (literal && HIGH_ESCAPE.test(source)) {
    throw new Error(`ambiguous token (literal U+0080-U+00FF text and a \\x80-\\xff escape): ${JSON.stringify(source)}`);
  }
  const out: number[] = [];
  for (const ch of value) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80 || (!literal && cp <= 0xff)) out.push(cp);
    else out.push(...Buffer.from(ch, 'utf8'));
  }
  return Buffer.from(out);
}
