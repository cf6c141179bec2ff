/**
 * The ACL file reader, mirroring how redis-server loads an `aclfile`: the text is cut on
 * `\n`, each line trimmed of ` \t\r\n`, blank lines skipped, and every other line split on
 * single spaces — no quoting, no comments. A line must be `user <name> [rule ...]` with
 * `user` in lower case. The first two pieces are used as they are (`user \tbob` names a
 * user with a tab in its name); the rules are trimmed of `\t\r\n` each, after selectors are
 * merged from the pieces as written. Never throws.
 */
import { LineIndex, asciiLower, type Range } from './text';
import type { ParseResult } from './configParser';

export interface AclToken {
  /**
   * The piece as Redis uses it: for rules, trimmed of `\t\r\n`; for `user` and the name,
   * untrimmed. May be empty (double spaces).
   */
  readonly value: string;
  /** The piece as split, before any trimming (Redis merges selectors from these). */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

export interface AclLine {
  /** Line number as Redis counts it in its error messages (1-based, `\n` only). */
  readonly redisLine: number;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
  readonly tokens: readonly AclToken[];
  /** True when the line has the `user <name>` shape Redis requires. */
  readonly valid: boolean;
  /** The user name token, when `valid`. */
  readonly user?: AclToken;
  /** The rule tokens after the name (empty pieces from double spaces included). */
  readonly rules: readonly AclToken[];
}

export interface AclTree {
  readonly lines: readonly AclLine[];
  readonly index: LineIndex;
}

export type AclSyntaxCode = 'invalid-acl-line';

export interface AclSyntaxProblem {
  readonly code: AclSyntaxCode;
  readonly message: string;
  readonly range: Range;
  readonly detail: 'not-user' | 'user-case' | 'missing-name' | 'empty-name' | 'comment' | 'tab';
}

function isLineTrim(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

function isPieceTrim(c: number): boolean {
  return c === 9 || c === 13 || c === 10;
}

export function parseAcl(text: string): ParseResult<AclTree, AclSyntaxProblem> {
  const index = new LineIndex(text);
  const lines: AclLine[] = [];
  const errors: AclSyntaxProblem[] = [];
  const n = text.length;
  let redisLine = 0;
  for (let lineStart = 0; lineStart <= n;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    redisLine++;
    let s = lineStart;
    let e = lineEnd;
    while (s < e && isLineTrim(text.charCodeAt(s))) s++;
    while (e > s && isLineTrim(text.charCodeAt(e - 1))) e--;
    if (s < e) {
      const line = parseAclLine(text, s, e, redisLine, index);
      lines.push(line);
      const problem = line.valid ? undefined : describeInvalid(line, index);
      if (problem) errors.push(problem);
    }
    lineStart = lineEnd + 1;
  }
  return { tree: { lines, index }, errors };
}

function parseAclLine(text: string, s: number, e: number, redisLine: number, index: LineIndex): AclLine {
  const tokens: AclToken[] = [];
  let pieceStart = s;
  for (let p = s; p <= e; p++) {
    if (p === e || text.charCodeAt(p) === 32) {
      let a = pieceStart;
      let b = p;
      const raw = text.slice(a, b);
      // The `user` word and the name are used untrimmed; rules are trimmed.
      if (tokens.length >= 2) {
        while (a < b && isPieceTrim(text.charCodeAt(a))) a++;
        while (b > a && isPieceTrim(text.charCodeAt(b - 1))) b--;
      }
      tokens.push({ value: text.slice(a, b), raw, start: a, end: b, range: index.rangeAt(a, b) });
      pieceStart = p + 1;
    }
  }
  const first = tokens[0];
  const name = tokens[1];
  const valid = first !== undefined && first.value === 'user' && name !== undefined && name.value !== '';
  return {
    redisLine,
    start: s,
    end: e,
    range: index.rangeAt(s, e),
    tokens,
    valid,
    ...(valid ? { user: name } : {}),
    rules: valid ? tokens.slice(2) : [],
  };
}

const SHAPE = 'every line of an ACL file must read `user <name> [rule ...]`';

function describeInvalid(line: AclLine, index: LineIndex): AclSyntaxProblem {
  const first = line.tokens[0] as AclToken;
  const whole = line.range;
  if (first.value.startsWith('#')) {
    return {
      code: 'invalid-acl-line',
      detail: 'comment',
      range: whole,
      message: `ACL files have no comments: Redis refuses this line and loads none of the file (${SHAPE}).`,
    };
  }
  if (first.value.includes('\t')) {
    return {
      code: 'invalid-acl-line',
      detail: 'tab',
      range: first.range,
      message: `Only single spaces separate the words of an ACL file; a tab is not a separator (${SHAPE}).`,
    };
  }
  if (first.value !== 'user' && asciiLower(first.value) === 'user') {
    return {
      code: 'invalid-acl-line',
      detail: 'user-case',
      range: first.range,
      message: `The keyword must be \`user\` in lower case: Redis refuses \`${first.value}\` in an ACL file (${SHAPE}).`,
    };
  }
  if (first.value !== 'user') {
    return {
      code: 'invalid-acl-line',
      detail: 'not-user',
      range: first.range,
      message: `This line does not start with \`user\`: Redis refuses the whole ACL file (${SHAPE}).`,
    };
  }
  if (line.tokens.length < 2) {
    return { code: 'invalid-acl-line', detail: 'missing-name', range: first.range, message: `\`user\` must be followed by a user name (${SHAPE}).` };
  }
  const empty = line.tokens[1] as AclToken;
  return {
    code: 'invalid-acl-line',
    detail: 'empty-name',
    range: index.rangeAt(first.end, Math.max(empty.end + 1, first.end + 1)),
    message: `Two spaces after \`user\` make an empty user name, and the name becomes a rule: Redis answers "Syntax error". Use exactly one space between words.`,
  };
}
