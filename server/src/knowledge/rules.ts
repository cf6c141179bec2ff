/**
 * The catalogue of diagnostic codes: one stable string code per finding, its default
 * severity, a one-line title (used by SARIF and the docs index) and its documentation page.
 */
import { ACL_RULES } from './aclRules';
import type { RuleInfo, Severity } from './ruleTypes';

export type { RuleInfo, Severity } from './ruleTypes';

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

export const REPOSITORY_URL = 'https://github.com/redis-config-tools/vscode-redis-config';

export function docsUrl(code: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${code}.md`;
}

const CONFIG_RULES = {
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
} as const satisfies Record<string, RuleInfo>;

/** Every code: the config-file rules here, the ACL rules in aclRules.ts. */
export const RULES = { ...CONFIG_RULES, ...ACL_RULES } as const;

export type RuleCode = keyof typeof RULES;

export const RULE_LIST: readonly RuleInfo[] = Object.values(RULES);
