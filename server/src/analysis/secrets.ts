/**
 * Which values are secrets, so that no hover, outline, message, hint, diff or log ever
 * shows them. The rule is by name (knowledge/secrets.ts), the same for every version.
 */
import { isSecretRule, isSecretWord, REDACTED } from '../knowledge/secrets';
import type { TargetId } from '../knowledge/types';
import { parseConfig, type DirectiveLine, type Token } from '../syntax/configParser';
import { asciiLower } from '../syntax/text';
import { redactGeneratedPassword } from './generatedPasswords';

/** True when the token holds a password or passphrase. The target does not matter (see knowledge/secrets.ts). */
export function isSecretToken(line: DirectiveLine, index: number, _target?: TargetId): boolean {
  const token = line.tokens[index] as Token | undefined;
  if (!token) return false;
  return isSecretWord(line.name, asciiLower(line.tokens[1]?.value ?? ''), index, token.value);
}

/** The line as it may be shown: every secret replaced. */
export function redactedLine(line: DirectiveLine, target?: TargetId): string {
  return line.tokens.map((t, i) => (isSecretToken(line, i, target) ? (line.name === 'user' ? `${t.value[0]}${REDACTED}` : REDACTED) : t.value)).join(' ');
}

/**
 * A line of a file's text with every secret replaced where it is written, the rest kept as it
 * is: for diffs and excerpts. `acl` lines are ACL file lines (words split on spaces).
 */
export function redactText(line: string, acl: boolean): string {
  if (redactGeneratedPassword(line) !== line) return redactGeneratedPassword(line);
  if (acl)
    return line
      .split(' ')
      .map((w) => (isSecretRule(w) ? `${w[0]}${REDACTED}` : w))
      .join(' ');
  const d = parseConfig(line).tree.directives[0];
  if (!d) return line;
  // A line Redis cannot split (an unclosed quote) is not cut into words: hide all it says.
  if (d.broken) {
    const name = d.tokens[0];
    const secretive = d.name === 'user' || d.name === 'sentinel' || isSecretWord(d.name, '', 1, '');
    return name && secretive ? `${line.slice(0, name.end)} ${REDACTED}` : line;
  }
  let out = '';
  let at = 0;
  d.tokens.forEach((t, i) => {
    if (!isSecretToken(d, i)) return;
    out += line.slice(at, t.start) + (d.name === 'user' ? `${t.value[0] ?? ''}${REDACTED}` : REDACTED);
    at = t.end;
  });
  return out + line.slice(at);
}
