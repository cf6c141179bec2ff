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
  'wrong-arity': {
    code: 'wrong-arity',
    severity: 'error',
    appliesTo: 'config',
    title: 'Too many or too few arguments for the directive: redis-server refuses the line.',
  },
  'invalid-value': {
    code: 'invalid-value',
    severity: 'error',
    appliesTo: 'config',
    title: 'A value redis-server cannot read for this directive (type, unit, enum value, special syntax).',
  },
  'out-of-range': {
    code: 'out-of-range',
    severity: 'error',
    appliesTo: 'config',
    title: 'A number outside the range the directive accepts: redis-server refuses the line.',
  },
  'invalid-file-name': {
    code: 'invalid-file-name',
    severity: 'error',
    appliesTo: 'config',
    title: 'dbfilename, appendfilename and appenddirname take a file name, not a path.',
  },
  'unsupported-in-version': {
    code: 'unsupported-in-version',
    severity: 'error',
    appliesTo: 'config',
    title: 'A directive of another Redis or Valkey version: the targeted version refuses it.',
  },
  'deprecated-directive': {
    code: 'deprecated-directive',
    severity: 'information',
    appliesTo: 'config',
    title: 'An old name of a directive (slaveof, slave-*, *-ziplist-*, ...): it works, the new name is preferred.',
  },
  'ignored-directive': {
    code: 'ignored-directive',
    severity: 'warning',
    appliesTo: 'config',
    title: 'A directive the targeted version accepts and silently ignores.',
  },
  'duplicate-directive': {
    code: 'duplicate-directive',
    severity: 'warning',
    appliesTo: 'config',
    title: 'A directive set again later: the later line wins and this one has no effect.',
  },
  'value-clamped': {
    code: 'value-clamped',
    severity: 'information',
    appliesTo: 'config',
    title: 'A value Redis accepts but silently replaces with the nearest allowed one.',
  },
  'sentinel-directive-outside-sentinel': {
    code: 'sentinel-directive-outside-sentinel',
    severity: 'error',
    appliesTo: 'config',
    title: 'A sentinel line in a server config: redis-server refuses it.',
  },
  'module-config-without-loadmodule': {
    code: 'module-config-without-loadmodule',
    severity: 'error',
    appliesTo: 'config',
    title: 'A module setting (name.with.dot) with no loadmodule: redis-server stops after reading the file.',
  },
  'replicaof-in-cluster': {
    code: 'replicaof-in-cluster',
    severity: 'error',
    appliesTo: 'config',
    title: 'replicaof together with cluster-enabled yes: redis-server refuses to start.',
  },
  'include-not-found': {
    code: 'include-not-found',
    severity: 'error',
    appliesTo: 'config',
    title: 'An included file that does not exist: redis-server stops at startup.',
  },
  'include-cycle': {
    code: 'include-cycle',
    severity: 'error',
    appliesTo: 'config',
    title: 'Files that include each other: Redis never finishes loading them.',
  },
  'unknown-target': {
    code: 'unknown-target',
    severity: 'warning',
    appliesTo: 'config',
    title: 'A target pragma naming a Redis or Valkey version this tool does not know.',
  },
  'bind-all-interfaces': {
    code: 'bind-all-interfaces',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    relaxedInDevelopment: true,
    title: 'The server listens on every network interface.',
  },
  'protected-mode-off': {
    code: 'protected-mode-off',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    relaxedInDevelopment: true,
    title: 'Protected mode is off: without authentication, any host that reaches the port gets full access.',
  },
} as const satisfies Record<string, RuleInfo>;

/** Every code: the config-file rules here, the ACL rules in aclRules.ts. */
export const RULES = { ...CONFIG_RULES, ...ACL_RULES } as const;

export type RuleCode = keyof typeof RULES;

export const RULE_LIST: readonly RuleInfo[] = Object.values(RULES);
