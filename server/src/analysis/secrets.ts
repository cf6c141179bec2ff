/**
 * Which values are secrets, so that no hover, outline, message or log ever shows them.
 */
import { directiveVariant } from '../knowledge/directives';
import type { TargetId } from '../knowledge/types';
import type { DirectiveLine, Token } from '../syntax/configParser';
import { asciiLower } from '../syntax/text';

/** True when the token holds a password or passphrase. */
export function isSecretToken(line: DirectiveLine, index: number, target: TargetId): boolean {
  if (index < 1) return false;
  const token = line.tokens[index] as Token | undefined;
  if (!token) return false;
  if (line.name === 'user') return index >= 2 && (token.value.startsWith('>') || token.value.startsWith('<'));
  if (line.name === 'sentinel') {
    const sub = asciiLower(line.tokens[1]?.value ?? '');
    return (sub === 'auth-pass' || sub === 'sentinel-pass') && index === line.tokens.length - 1 && index >= 2;
  }
  const variant = directiveVariant(line.name, target);
  const primary = variant?.aliasOf ? directiveVariant(variant.aliasOf, target) : variant;
  // The user names (masteruser) carry the flag too; only the passwords are secret.
  return index === 1 && (primary?.flags?.includes('sensitive') ?? false) && !/user$/.test(variant?.aliasOf ?? line.name);
}

/** The line as it may be shown: every secret replaced. */
export function redactedLine(line: DirectiveLine, target: TargetId): string {
  return line.tokens.map((t, i) => (isSecretToken(line, i, target) ? (line.name === 'user' ? `${t.value[0]}•••` : '•••') : t.value)).join(' ');
}
