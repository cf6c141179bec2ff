/**
 * ACL rules as Redis reads them, from either source: the words after `user <name>` in an
 * ACL file (split on single spaces) or in a redis.conf `user` line (split with quoting).
 *
 * First the words are merged into selectors the way Redis does before applying any rule: a
 * word that starts with `(` and does not end with `)` opens a selector, and the words up to
 * one that ends with `)` are joined to it with single spaces. Then each rule is classified
 * by the same tests, in the same order, as Redis's ACLSetUser/ACLSetSelector: keywords are
 * compared without regard to (ASCII) case, everything else by its first character.
 *
 * Only what a rule says on its own is decided here. Whether a command or category exists,
 * and errors that depend on earlier rules (a pattern after `allkeys`, removing a password
 * that is not there), belong to the analysis. Never throws.
 */
import { splitArgs } from './configParser';
import { asciiLower, type LineIndex, type Range } from './text';

/** A word of a rule list, with its place in the document. */
export interface RuleToken {
  /** The word as Redis applies it (ACL file: trimmed of tab/CR/LF; redis.conf: unquoted). */
  readonly value: string;
  /** ACL files: the word before trimming, which Redis merges selectors from. */
  readonly raw?: string;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

/** Keywords that act on the user as a whole; Redis refuses them inside a selector. */
export type UserKeyword = 'on' | 'off' | 'nopass' | 'resetpass' | 'reset' | 'clearselectors' | 'skip-sanitize-payload' | 'sanitize-payload';

/** Keywords that act on a selector (the user's own permissions or a `( ... )` selector). */
export type SelectorKeyword = 'allkeys' | 'resetkeys' | 'allchannels' | 'resetchannels' | 'allcommands' | 'nocommands';

interface RuleBase {
  /** The rule text as Redis applies it (a merged selector is one rule). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

export type AclRule =
  /** Two spaces in a row in an ACL file: an empty word, which Redis skips. */
  | (RuleBase & { readonly kind: 'empty' })
  | (RuleBase & { readonly kind: 'user-keyword'; readonly keyword: UserKeyword })
  /** `alias` is set for the symbolic spellings `~*`, `&*`, `+@all`, `-@all`. */
  | (RuleBase & { readonly kind: 'selector-keyword'; readonly keyword: SelectorKeyword; readonly alias: boolean })
  /** `>secret` / `<secret`. The secret never leaves the analysis in a message. */
  | (RuleBase & { readonly kind: 'password'; readonly op: 'add' | 'remove'; readonly secret: string })
  /** `#<sha256>` / `!<sha256>`; `valid` when it is 64 lower-case hex digits. */
  | (RuleBase & { readonly kind: 'hash'; readonly op: 'add' | 'remove'; readonly hash: string; readonly valid: boolean })
  | (RuleBase & KeyPatternFields & { readonly kind: 'key-pattern' })
  | (RuleBase & { readonly kind: 'channel-pattern'; readonly pattern: string; readonly whitespace: boolean })
  /** `+name` / `-name`; `name` may hold `|` (`config|get`, `select|0`, `config|get|x`). */
  | (RuleBase & { readonly kind: 'command'; readonly allow: boolean; readonly name: string })
  | (RuleBase & { readonly kind: 'category'; readonly allow: boolean; readonly category: string })
  | (RuleBase & SelectorFields & { readonly kind: 'selector' })
  /** Anything else: Redis answers "Syntax error". */
  | (RuleBase & { readonly kind: 'invalid'; readonly inSelector: boolean });

export interface KeyPatternFields {
  readonly pattern: string;
  readonly read: boolean;
  readonly write: boolean;
  /** The `%R~` / `%W~` / `%RW~` form (Redis 7.0 and later). */
  readonly percent: boolean;
  /**
   * Why Redis refuses the pattern on its own, if it does: `permission` for a `%` form with
   * a letter other than R or W (or one twice); `no-permission` for `%~` or a bare `%`
   * (accepted, granting nothing, by unpatched 7.0 builds); `whitespace` for a space, tab
   * or NUL in the pattern.
   */
  readonly problem?: 'permission' | 'no-permission' | 'whitespace';
}

export interface SelectorFields {
  /** The rules between the parentheses, each one a selector rule or `invalid`. */
  readonly rules: readonly AclRule[];
  /** True when the inner text has unbalanced quotes: Redis then makes an empty selector. */
  readonly brokenQuotes: boolean;
  /** How many words of the line it was merged from. */
  readonly words: number;
}

/** A selector that is opened and never closed: Redis refuses the whole line. */
export interface UnclosedSelector {
  /** The word that opens it. */
  readonly open: RuleToken;
  /** From the opening word to the end of the line. */
  readonly range: Range;
  readonly start: number;
  readonly end: number;
  /**
   * How many rules (empty words included) come before it on the line. In an ACL file a
   * non-zero count makes `ACL LOAD` dereference a null pointer: redis-server crashes.
   */
  readonly rulesBefore: number;
}

/** Words Redis throws away: a selector opened again before it was closed. */
export interface DroppedWords {
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

export interface ClassifiedRules {
  readonly rules: readonly AclRule[];
  readonly unclosed?: UnclosedSelector;
  readonly dropped: readonly DroppedWords[];
}

const USER_KEYWORDS = new Set<string>(['on', 'off', 'nopass', 'resetpass', 'reset', 'clearselectors', 'skip-sanitize-payload', 'sanitize-payload']);

const SELECTOR_KEYWORDS: ReadonlyMap<string, { keyword: SelectorKeyword; alias: boolean }> = new Map([
  ['allkeys', { keyword: 'allkeys', alias: false }],
  ['~*', { keyword: 'allkeys', alias: true }],
  ['resetkeys', { keyword: 'resetkeys', alias: false }],
  ['allchannels', { keyword: 'allchannels', alias: false }],
  ['&*', { keyword: 'allchannels', alias: true }],
  ['resetchannels', { keyword: 'resetchannels', alias: false }],
  ['allcommands', { keyword: 'allcommands', alias: false }],
  ['+@all', { keyword: 'allcommands', alias: true }],
  ['nocommands', { keyword: 'nocommands', alias: false }],
  ['-@all', { keyword: 'nocommands', alias: true }],
]);

/** C `isspace()` plus NUL: what Redis refuses in user names and patterns. */
export function hasSpaceOrNul(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0 || c === 32 || (c >= 9 && c <= 13)) return true;
  }
  return false;
}

const HASH_RE = /^[0-9a-f]{64}$/;

interface Span {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

/** How the words are merged into selectors. */
export interface MergeOptions {
  /**
   * Redis 7.0: a word opening a selector while another is open starts it again, dropping the
   * words before it. From 7.2 (and in Valkey) the word is part of the open selector, which then
   * holds a `(` Redis refuses.
   */
  readonly reopenDrops: boolean;
}

const REOPEN_DROPS: MergeOptions = { reopenDrops: true };

/**
 * Merges the words into selectors and classifies every rule. `index` is the document's
 * line index, used for the ranges of rules inside a selector.
 */
export function classifyRules(tokens: readonly RuleToken[], index: LineIndex, options: MergeOptions = REOPEN_DROPS): ClassifiedRules {
  const rules: AclRule[] = [];
  const dropped: DroppedWords[] = [];
  let open = -1;
  for (let j = 0; j < tokens.length; j++) {
    const t = tokens[j] as RuleToken;
    const v = t.raw ?? t.value;
    if (v.startsWith('(') && !v.endsWith(')') && (open < 0 || options.reopenDrops)) {
      // A new opening word drops a selector still open, as Redis does.
      if (open >= 0) {
        const from = tokens[open] as RuleToken;
        const to = tokens[j - 1] as RuleToken;
        dropped.push({ start: from.start, end: to.end, range: index.rangeAt(from.start, to.end) });
      }
      open = j;
      continue;
    }
    if (open >= 0) {
      if (v.endsWith(')')) {
        const parts = tokens.slice(open, j + 1);
        rules.push(classifySelector(parts, index));
        open = -1;
      }
      continue;
    }
    rules.push(classifyRule({ text: t.value, start: t.start, end: t.end, range: t.range }, false, index, [t]));
  }
  if (open >= 0) {
    const first = tokens[open] as RuleToken;
    const last = tokens[tokens.length - 1] as RuleToken;
    return {
      rules,
      dropped,
      unclosed: { open: first, start: first.start, end: last.end, range: index.rangeAt(first.start, last.end), rulesBefore: rules.length },
    };
  }
  return { rules, dropped };
}

/** Classifies one rule given as a string (an `ACL SETUSER` argument, say), with a dummy place. */
export function classifyRuleText(text: string, index: LineIndex): AclRule {
  const range = index.rangeAt(0, 0);
  return classifyRule({ text, start: 0, end: 0, range }, false, index, []);
}

/** C `sdstrim(s, "\t\r\n")`: how many characters it removes at each end. */
function trimCounts(s: string): [number, number] {
  const trims = (c: string | undefined): boolean => c === '\t' || c === '\r' || c === '\n';
  let a = 0;
  let b = s.length;
  while (a < b && trims(s[a])) a++;
  while (b > a && trims(s[b - 1])) b--;
  return [a, s.length - b];
}

function classifySelector(parts: readonly RuleToken[], index: LineIndex): AclRule {
  const first = parts[0] as RuleToken;
  const last = parts[parts.length - 1] as RuleToken;
  // Redis joins the words as split, then trims the joined rule.
  const joined = parts.map((p) => p.raw ?? p.value).join(' ');
  const [lead, tail] = trimCounts(joined);
  const text = joined.slice(lead, joined.length - tail);
  return classifyRule({ text, start: first.start, end: last.end, range: index.rangeAt(first.start, last.end) }, false, index, parts, lead);
}

/**
 * Classifies one rule. `parts` are the words it came from, to place the rules inside a
 * selector; `inSelector` applies the narrower grammar of a selector's inner rules.
 */
function classifyRule(span: Span, inSelector: boolean, index: LineIndex, parts: readonly RuleToken[], lead = 0): AclRule {
  const op = span.text;
  const base = { text: op, start: span.start, end: span.end, range: span.range };
  if (!inSelector) {
    if (op.length === 0) return { ...base, kind: 'empty' };
    const lower = asciiLower(op);
    if (USER_KEYWORDS.has(lower) && lower !== 'reset' && lower !== 'clearselectors') return { ...base, kind: 'user-keyword', keyword: lower as UserKeyword };
    const c = op[0];
    if (c === '>' || c === '<') return { ...base, kind: 'password', op: c === '>' ? 'add' : 'remove', secret: op.slice(1) };
    if (c === '#' || c === '!') {
      const hash = op.slice(1);
      return { ...base, kind: 'hash', op: c === '#' ? 'add' : 'remove', hash, valid: HASH_RE.test(hash) };
    }
    if (c === '(' && op.endsWith(')')) return selectorRule(base, index, parts, lead);
    if (lower === 'clearselectors' || lower === 'reset') return { ...base, kind: 'user-keyword', keyword: lower };
  }
  const keyword = SELECTOR_KEYWORDS.get(asciiLower(op));
  if (keyword) return { ...base, kind: 'selector-keyword', keyword: keyword.keyword, alias: keyword.alias };
  const c = op[0];
  if (c === '~' || c === '%') return { ...base, kind: 'key-pattern', ...keyPattern(op) };
  if (c === '&') {
    const pattern = op.slice(1);
    return { ...base, kind: 'channel-pattern', pattern, whitespace: hasSpaceOrNul(pattern) };
  }
  if ((c === '+' || c === '-') && op[1] !== '@') return { ...base, kind: 'command', allow: c === '+', name: op.slice(1) };
  if (c === '+' || c === '-') return { ...base, kind: 'category', allow: c === '+', category: op.slice(2) };
  return { ...base, kind: 'invalid', inSelector };
}

/** The `~pattern` and `%<perm>~pattern` forms, parsed as patched Redis 7.x builds do. */
function keyPattern(op: string): KeyPatternFields {
  if (op[0] === '~') {
    const pattern = op.slice(1);
    return { pattern, read: true, write: true, percent: false, ...(hasSpaceOrNul(pattern) ? { problem: 'whitespace' as const } : {}) };
  }
  let read = false;
  let write = false;
  let offset = 1;
  for (; offset < op.length; offset++) {
    const ch = op[offset] as string;
    const upper = ch === 'r' ? 'R' : ch === 'w' ? 'W' : ch;
    if (upper === 'R' && !read) read = true;
    else if (upper === 'W' && !write) write = true;
    else if (ch === '~' && (read || write)) {
      offset++;
      break;
    } else if (ch === '~') {
      return { pattern: op.slice(offset + 1), read, write, percent: true, problem: 'no-permission' };
    } else {
      return { pattern: op.slice(offset), read, write, percent: true, problem: 'permission' };
    }
  }
  const pattern = op.slice(offset);
  if (!read && !write) return { pattern, read, write, percent: true, problem: 'no-permission' };
  return { pattern, read, write, percent: true, ...(hasSpaceOrNul(pattern) ? { problem: 'whitespace' as const } : {}) };
}

/**
 * A complete `( ... )` selector: the inner text is split with quoting (as redis.conf lines
 * are) and each word must be a selector rule. Unbalanced quotes make Redis split nothing,
 * which leaves an empty selector and no error.
 */
function selectorRule(base: RuleBase, index: LineIndex, parts: readonly RuleToken[], lead: number): AclRule {
  const inner = base.text.slice(1, -1);
  const split = splitArgs(inner, 0, inner.length);
  const offsets = sourceOffsets(parts, index.text).slice(lead);
  const rules: AclRule[] = [];
  if (!split.error) {
    for (const t of split.tokens) {
      // +1: the inner text starts after the opening parenthesis.
      const s = offsets[t.start + 1] ?? base.start;
      const e = (offsets[t.end] ?? base.end - 1) + 1;
      rules.push(classifyRule({ text: t.value, start: s, end: e, range: index.rangeAt(s, e) }, true, index, []));
    }
  }
  return { ...base, kind: 'selector', rules, brokenQuotes: split.error !== undefined, words: Math.max(parts.length, 1) };
}

/**
 * For each character of a merged rule, its offset in the document. Words whose text is
 * what the document holds map character by character; a word that differs (quotes,
 * escapes, trimmed tabs) maps every character to its first one.
 */
function sourceOffsets(parts: readonly RuleToken[], doc: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as RuleToken;
    const word = p.raw ?? p.value;
    const exact = doc.slice(p.start, p.end) === word;
    for (let k = 0; k < word.length; k++) out.push(exact ? p.start + k : p.start);
    if (i < parts.length - 1) out.push(p.end); // the joining space
  }
  return out;
}
