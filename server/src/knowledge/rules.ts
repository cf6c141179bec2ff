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
    absence: 'always',
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
  'aclfile-not-found': {
    code: 'aclfile-not-found',
    severity: 'error',
    appliesTo: 'config',
    title: 'The aclfile does not exist: redis-server stops after reading the config.',
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
  'no-auth': {
    code: 'no-auth',
    severity: 'warning',
    appliesTo: 'config',
    exposure: true,
    absence: 'always',
    security: true,
    title: 'The default user connects without a password: an error when clients on other hosts get in (protected mode, bind and version decide).',
  },
  'requirepass-prefer-acl': {
    code: 'requirepass-prefer-acl',
    severity: 'information',
    appliesTo: 'config',
    security: true,
    title: 'requirepass is one shared password with every right; ACL users give each client only what it needs.',
  },
  'requirepass-ignored-with-aclfile': {
    code: 'requirepass-ignored-with-aclfile',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    title: 'requirepass has no effect when an aclfile decides the default user.',
  },
  'no-tls': {
    code: 'no-tls',
    severity: 'warning',
    appliesTo: 'config',
    absence: 'always',
    security: true,
    relaxedInDevelopment: true,
    title: 'A plaintext port other hosts can reach, and no TLS: passwords and data travel in clear (server and Sentinel).',
  },
  'tls-plaintext-port-open': {
    code: 'tls-plaintext-port-open',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    relaxedInDevelopment: true,
    title: 'TLS is on but the plaintext port stays open.',
  },
  'tls-incomplete': {
    code: 'tls-incomplete',
    severity: 'error',
    appliesTo: 'config',
    absence: 'always',
    security: true,
    title: 'tls-port without a certificate or key file: Redis cannot start TLS.',
  },
  'weak-tls-protocols': {
    code: 'weak-tls-protocols',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    relaxedInDevelopment: true,
    title: 'TLSv1 or TLSv1.1 allowed.',
  },
  'tls-auth-clients-off': {
    code: 'tls-auth-clients-off',
    severity: 'information',
    appliesTo: 'config',
    security: true,
    relaxedInDevelopment: true,
    title: 'TLS without client certificates (no mutual TLS).',
  },
  'tls-replication-off': {
    code: 'tls-replication-off',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    relaxedInDevelopment: true,
    title: 'TLS is on but replication to the master is in clear.',
  },
  'tls-cluster-off': {
    code: 'tls-cluster-off',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    relaxedInDevelopment: true,
    title: 'TLS is on but the cluster bus is in clear.',
  },
  'rename-command-deprecated': {
    code: 'rename-command-deprecated',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    title: 'rename-command is deprecated and leaks: ACL rules replace it.',
  },
  'rename-command-with-aof': {
    code: 'rename-command-with-aof',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    title: 'rename-command with AOF persistence: the AOF replays under the renamed names.',
  },
  'dangerous-commands-enabled': {
    code: 'dangerous-commands-enabled',
    severity: 'warning',
    appliesTo: 'config',
    exposure: true,
    absence: 'when-missing',
    security: true,
    title: 'DEBUG, MODULE LOAD or protected configs open to clients on every host (yes instead of no or local; always so before Redis 7.0).',
  },
  'unbounded-memory': {
    code: 'unbounded-memory',
    severity: 'information',
    appliesTo: 'config',
    absence: 'always',
    security: true,
    relaxedInDevelopment: true,
    title: 'No maxmemory: Redis grows until the system swaps or kills it.',
  },
  'maxmemory-policy-implicit': {
    code: 'maxmemory-policy-implicit',
    severity: 'warning',
    appliesTo: 'config',
    absence: 'always',
    security: true,
    relaxedInDevelopment: true,
    title: 'maxmemory without a maxmemory-policy: writes fail when memory is full (noeviction).',
  },
  'volatile-policy-note': {
    code: 'volatile-policy-note',
    severity: 'information',
    appliesTo: 'config',
    security: true,
    relaxedInDevelopment: true,
    title: 'A volatile-* policy only evicts keys that have a TTL.',
  },
  'ambiguous-memory-unit': {
    code: 'ambiguous-memory-unit',
    severity: 'hint',
    appliesTo: 'config',
    relaxedInDevelopment: true,
    title: 'A decimal memory unit (1g = 10^9 bytes) where the binary one (1gb = 2^30) may be meant.',
  },
  'config-file-world-readable': {
    code: 'config-file-world-readable',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    title: 'A file holding passwords that every local user can read.',
  },
  'world-writable-dir': {
    code: 'world-writable-dir',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    title: 'The data directory is in a folder every local user can write to.',
  },
  'unixsocket-perm-too-open': {
    code: 'unixsocket-perm-too-open',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    title: 'The Unix socket lets every local user connect.',
  },
  'loadmodule-unsafe-path': {
    code: 'loadmodule-unsafe-path',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    title: 'A module loaded from a relative path or a world-writable folder.',
  },
  'logfile-disabled-when-daemonized': {
    code: 'logfile-disabled-when-daemonized',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    title: 'A daemonized server that logs to /dev/null.',
  },
  'replica-not-read-only': {
    code: 'replica-not-read-only',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    title: 'A replica that accepts writes.',
  },
  'acllog-disabled': {
    code: 'acllog-disabled',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    title: 'The ACL log is turned off: denied commands and failed logins go unrecorded.',
  },
  'loglevel-nothing': {
    code: 'loglevel-nothing',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    title: 'Logging turned off entirely.',
  },
  'sentinel-no-auth': {
    code: 'sentinel-no-auth',
    severity: 'warning',
    appliesTo: 'config',
    exposure: true,
    absence: 'always',
    security: true,
    title: 'A Sentinel without a password: an error when clients on other hosts get in (Sentinel runs with protected mode off).',
  },
  'sentinel-deny-scripts-reconfig-off': {
    code: 'sentinel-deny-scripts-reconfig-off',
    severity: 'warning',
    appliesTo: 'config',
    exposure: true,
    security: true,
    title: 'SENTINEL SET may change the scripts Sentinel runs: an error when clients on other hosts get in without a password.',
  },
  'config-rewrite-hazard': {
    code: 'config-rewrite-hazard',
    severity: 'warning',
    appliesTo: 'config',
    security: true,
    title: 'loadmodule or user in an included file: CONFIG REWRITE duplicates it and the next start fails.',
  },
  'bind-all-interfaces': {
    code: 'bind-all-interfaces',
    severity: 'warning',
    appliesTo: 'config',
    exposure: true,
    absence: 'when-missing',
    security: true,
    relaxedInDevelopment: true,
    title: 'The server listens on every network interface: an error when clients on other hosts then get in without a password.',
  },
  'protected-mode-off': {
    code: 'protected-mode-off',
    severity: 'warning',
    appliesTo: 'config',
    exposure: true,
    absence: 'when-missing',
    security: true,
    relaxedInDevelopment: true,
    title: 'Protected mode is off (or, in a Sentinel, not turned on): an error when that lets clients on other hosts in without a password.',
  },
} as const satisfies Record<string, RuleInfo>;

/** Every code: the config-file rules here, the ACL rules in aclRules.ts. */
export const RULES = { ...CONFIG_RULES, ...ACL_RULES } as const;

export type RuleCode = keyof typeof RULES;

export const RULE_LIST: readonly RuleInfo[] = Object.values(RULES);
