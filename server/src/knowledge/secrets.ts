/**
 * Which values are secrets, by name: one rule for every version. The directive tables of
 * some versions lack Redis's "sensitive" flag (6.0 has none; tls-*-pass gets it in 7.4), and
 * a value is no less a password for that; so the rule is the name, not the flag.
 */

/** The shortest password we accept without a `weak-password` finding, unless the user sets another (editor, CLI, project file). */
export const DEFAULT_MIN_PASSWORD_LENGTH = 32;

/** Directives whose arguments are all secrets: passwords and passphrases. */
const SECRET_DIRECTIVE = /(?:pass|password|passphrase|auth|secret)$/;

/** Sentinel sub-directives with a secret, and the index of the first secret word of the line. */
const SENTINEL_SECRETS: Readonly<Record<string, number>> = {
  // sentinel auth-pass <master> <password>
  'auth-pass': 3,
  // sentinel sentinel-pass <password>
  'sentinel-pass': 2,
};

/**
 * Whether word `index` of a config line (0 is the directive name) is a secret. `name` is the
 * directive in lower case; `sub` the lower-case second word (Sentinel's sub-directive);
 * `word` the word itself, for `user` lines, where `>password` and `<password` are secrets.
 */
export function isSecretWord(name: string, sub: string, index: number, word: string): boolean {
  if (index < 1) return false;
  if (name === 'user') return index >= 2 && (word.startsWith('>') || word.startsWith('<'));
  if (name === 'sentinel') {
    const first = SENTINEL_SECRETS[sub];
    return first !== undefined && index >= first;
  }
  return SECRET_DIRECTIVE.test(name);
}

/** Whether a rule of an ACL file or `user` line is a clear-text password (`>secret`, `<secret`). */
export function isSecretRule(rule: string): boolean {
  return rule.startsWith('>') || rule.startsWith('<');
}

/** How a secret is shown: never, and never its length either. */
export const REDACTED = '•••';
