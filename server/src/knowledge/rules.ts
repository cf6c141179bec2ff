/**
 * The catalogue of diagnostic codes: one stable string code per finding, its default
 * severity, a one-line title (used by SARIF and the docs index) and its documentation page.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface RuleInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly title: string;
  /** Which file kinds the rule applies to. */
  readonly appliesTo: 'config' | 'acl';
  /** True for findings about security, which the profile may relax. */
  readonly security?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/redis-config-tools/vscode-redis-config';

export function docsUrl(code: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${code}.md`;
}

export const RULES = {
  'unbalanced-quotes': {
    code: 'unbalanced-quotes',
    severity: 'error',
    appliesTo: 'config',
    title: 'A quote is not closed, or a closing quote is followed by text: redis-server refuses the line.',
  },
  'nul-byte': {
    code: 'nul-byte',
    severity: 'warning',
    appliesTo: 'config',
    title: 'A NUL byte in the file: redis-server silently drops text after it.',
  },
  'trailing-comment': {
    code: 'trailing-comment',
    severity: 'error',
    appliesTo: 'config',
    title: 'Redis has no trailing comments: the words after # become extra arguments.',
  },
  'unknown-directive': {
    code: 'unknown-directive',
    severity: 'error',
    appliesTo: 'config',
    title: 'A directive the targeted Redis or Valkey version does not know: the server will not start.',
  },
  'bind-all-interfaces': {
    code: 'bind-all-interfaces',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    title: 'The server listens on every network interface.',
  },
  'protected-mode-off': {
    code: 'protected-mode-off',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    title: 'Protected mode is off: without authentication, any host that reaches the port gets full access.',
  },
  'invalid-acl-line': {
    code: 'invalid-acl-line',
    severity: 'error',
    appliesTo: 'acl',
    title: 'A line of an ACL file that is not `user <name> [rule ...]`: Redis refuses the whole file.',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

export const RULE_LIST: readonly RuleInfo[] = Object.values(RULES);
