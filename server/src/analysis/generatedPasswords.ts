/**
 * Generated passwords written into a comment: the way a quick fix hands a new password to
 * an editor that can show no message (see fixes/passwordComment.ts). The comment says to
 * copy the password and delete the line, and `generated-password-comment` warns until the
 * line is gone. Its password is a secret like any other: diffs and excerpts hide it.
 */
import { RULES } from '../knowledge/rules';
import { REDACTED } from '../knowledge/secrets';
import type { LineIndex } from '../syntax/text';
import type { DocumentKind, Finding } from './types';

/** `# redis-config: generated password <secret> for <owner>: copy it, then delete this line`. */
const COMMENT = /^([ \t]*#[ \t]*redis-config:[ \t]*generated password[ \t]+)(\S+)/i;

export function generatedPasswordComment(password: string, owner: string): string {
  return `# redis-config: generated password ${password} for ${owner}: copy it, then delete this line`;
}

/** The line with the password of a generated-password comment hidden; other lines as they are. */
export function redactGeneratedPassword(line: string): string {
  return line.replace(COMMENT, (_all, head: string) => `${head}${REDACTED}`);
}

/**
 * What every such comment holds. The colon is rare in a config, so the lines are found from
 * it: this runs on every edit, and reading every comment took half of an incremental analysis.
 */
const MARKER = 'redis-config:';

/** `redis-config:` ending at the colon at `colon`, in any case of ASCII letters (as COMMENT's `i` flag reads it). */
function markerEndsAt(text: string, colon: number): boolean {
  const start = colon - (MARKER.length - 1);
  if (start < 0) return false;
  for (let k = 0; k < MARKER.length - 1; k++) {
    const c = text.charCodeAt(start + k);
    const m = MARKER.charCodeAt(k);
    if (c !== m && !(m >= 97 && m <= 122 && c === m - 32)) return false;
  }
  return true;
}

export function generatedPasswordFindings(index: LineIndex, kind: DocumentKind): Finding[] {
  const out: Finding[] = [];
  const text = index.text;
  let previous = -1;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    if (!markerEndsAt(text, colon)) continue;
    const line = index.positionAt(colon).line;
    if (line === previous) continue;
    previous = line;
    const start = index.offsetAt({ line, character: 0 });
    // Only lines that start with a comment can match: skip the others without slicing them.
    let i = start;
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] !== '#') continue;
    const end = index.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
    const m = COMMENT.exec(text.slice(start, end));
    if (!m) continue;
    out.push({
      code: 'generated-password-comment',
      severity: RULES['generated-password-comment'].severity,
      message:
        kind === 'acl'
          ? 'This comment holds a generated password in clear text: copy it to where your clients read it, then delete the line. Redis refuses an ACL file with a comment, so the file does not load until the line is gone.'
          : 'This comment holds a generated password in clear text: copy it to where your clients read it, then delete the line.',
      range: index.rangeAt(start + (m[1]?.length ?? 0) - (m[1]?.trimStart().length ?? 0), end),
    });
  }
  return out;
}
