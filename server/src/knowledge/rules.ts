/**
 * The catalogue of diagnostic codes: one stable string code per finding, its default
 * severity, a one-line title (used by SARIF and the docs index); its page is docs/rules/<code>.md
 * (settings/docsLinks.ts makes the links).
 */
import { ACL_RULES } from './aclCodes';
import type { RuleInfo, Severity } from './ruleTypes';

export type { RuleInfo, Severity } from './ruleTypes';

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

const CONFIG_RULES = {
  'unbalanced-quotes': {
    code: 'unbalanced-quotes',
    severity: 'error',
    title: 'A quote is not closed, or a closing quote is followed by text: redis-server refuses the line.',
  },
  'nul-byte': {
    code: 'nul-byte',
    severity: 'warning',
    title: 'A NUL byte in the file: redis-server silently drops text after it.',
  },
  'trailing-comment': {
    code: 'trailing-comment',
    severity: 'error',
    title: 'Redis has no trailing comments: the words after # become extra arguments.',
  },
  'unknown-directive': {
    code: 'unknown-directive',
    severity: 'error',
    versionTable: true,
    title: 'A directive the targeted Redis or Valkey version does not know: the server will not start.',
  },
  'wrong-arity': {
    code: 'wrong-arity',
    severity: 'error',
    title: 'Too many or too few arguments for the directive: redis-server refuses the line.',
  },
  'invalid-value': {
    code: 'invalid-value',
    severity: 'error',
    title: 'A value redis-server cannot read for this directive (type, unit, enum value, special syntax).',
  },
  'out-of-range': {
    code: 'out-of-range',
    severity: 'error',
    title: 'A number outside the range the directive accepts: redis-server refuses the line.',
  },
  'invalid-file-name': {
    code: 'invalid-file-name',
    severity: 'error',
    title: 'dbfilename, appendfilename and appenddirname take a file name, not a path.',
  },
  'unsupported-in-version': {
    code: 'unsupported-in-version',
    severity: 'error',
    versionTable: true,
    title: 'A directive of another Redis or Valkey version: the targeted version refuses it.',
  },
  'deprecated-directive': {
    code: 'deprecated-directive',
    severity: 'information',
    title: 'An old name of a directive (slaveof, slave-*, *-ziplist-*, ...): it works, the new name is preferred.',
  },
  'ignored-directive': {
    code: 'ignored-directive',
    severity: 'warning',
    title: 'A directive the targeted version accepts and silently ignores.',
  },
  'duplicate-directive': {
    code: 'duplicate-directive',
    severity: 'warning',
    title: 'A directive set again later: the later line wins and this one has no effect.',
  },
  'value-clamped': {
    code: 'value-clamped',
    severity: 'information',
    title: 'A value Redis accepts but silently replaces with the nearest allowed one.',
  },
  'sentinel-directive-outside-sentinel': {
    code: 'sentinel-directive-outside-sentinel',
    severity: 'error',
    title: 'A sentinel line in a server config: redis-server refuses it.',
  },
  'module-config-without-loadmodule': {
    code: 'module-config-without-loadmodule',
    severity: 'error',
    absence: 'always',
    title: 'A module setting (name.with.dot) with no loadmodule: redis-server stops after reading the file.',
  },
  'build-dependent': {
    code: 'build-dependent',
    severity: 'warning',
    title: "A line some builds of the targeted version refuse and others accept (a distribution's allocator, a security update).",
  },
  'listens-nowhere': {
    code: 'listens-nowhere',
    severity: 'error',
    title: 'port 0 with no tls-port and no unixsocket: redis-server has nowhere to listen and exits.',
    // The including file may open a socket that a fragment cannot see.
    absence: 'always',
  },
  'replicaof-in-cluster': {
    code: 'replicaof-in-cluster',
    severity: 'error',
    title: 'replicaof together with cluster-enabled yes: redis-server refuses to start.',
  },
  'include-not-found': {
    code: 'include-not-found',
    severity: 'error',
    title: 'An included file that does not exist: redis-server stops at startup.',
  },
  'aclfile-not-found': {
    code: 'aclfile-not-found',
    severity: 'error',
    title: 'The aclfile does not exist: redis-server stops after reading the config.',
  },
  'aclfile-not-read': {
    code: 'aclfile-not-read',
    severity: 'information',
    title: 'The aclfile cannot be read here (outside a workspace not trusted, or beyond the reach of a virtual workspace): its users are not checked.',
  },
  'include-cycle': {
    code: 'include-cycle',
    severity: 'error',
    title: 'Files that include each other: Redis recurses until it crashes at startup.',
  },
  'include-unreadable': {
    code: 'include-unreadable',
    severity: 'error',
    title: 'An included path that is a directory, a device, a FIFO or unreadable: Redis cannot read it as a config.',
  },
  'include-limit': {
    code: 'include-limit',
    severity: 'warning',
    title: 'Includes beyond what this tool follows (too many files, too deep, a glob too wide): the rest is not checked.',
  },
  'document-too-large': {
    code: 'document-too-large',
    severity: 'warning',
    title: 'A file larger than this tool reads (4 MB by default), or with more findings than the editor is sent: only part is checked or shown.',
  },
  'unknown-target': {
    code: 'unknown-target',
    severity: 'warning',
    title: 'A target pragma that does not name a Redis or Valkey version.',
  },
  'approximated-target': {
    code: 'approximated-target',
    severity: 'information',
    title: 'A Redis or Valkey version this tool has no table for: the file is checked against the nearest one.',
  },
  'no-auth': {
    code: 'no-auth',
    severity: 'warning',
    exposure: true,
    absence: 'always',
    security: true,
    title: 'The default user connects without a password: an error when clients on other hosts get in (protected mode, bind and version decide).',
  },
  'requirepass-prefer-acl': {
    code: 'requirepass-prefer-acl',
    severity: 'information',
    security: true,
    title: 'requirepass is one shared password with every right; ACL users give each client only what it needs.',
  },
  'requirepass-ignored-with-aclfile': {
    code: 'requirepass-ignored-with-aclfile',
    severity: 'warning',
    security: true,
    title: 'requirepass has no effect when an aclfile decides the default user.',
  },
  'no-tls': {
    code: 'no-tls',
    severity: 'warning',
    absence: 'always',
    security: true,
    relaxedInDevelopment: true,
    title: 'A plaintext port other hosts can reach, and no TLS: passwords and data travel in clear (server and Sentinel).',
  },
  'tls-plaintext-port-open': {
    code: 'tls-plaintext-port-open',
    severity: 'warning',
    security: true,
    relaxedInDevelopment: true,
    title: 'TLS is on but the plaintext port stays open.',
  },
  'tls-incomplete': {
    code: 'tls-incomplete',
    severity: 'error',
    absence: 'always',
    security: true,
    title: 'tls-port without a certificate or key file: Redis cannot start TLS.',
  },
  'weak-tls-protocols': {
    code: 'weak-tls-protocols',
    severity: 'warning',
    security: true,
    relaxedInDevelopment: true,
    title: 'TLSv1 or TLSv1.1 allowed.',
  },
  'tls-auth-clients-off': {
    code: 'tls-auth-clients-off',
    severity: 'information',
    security: true,
    relaxedInDevelopment: true,
    title: 'TLS without client certificates (no mutual TLS).',
  },
  'tls-replication-off': {
    code: 'tls-replication-off',
    severity: 'warning',
    security: true,
    relaxedInDevelopment: true,
    title: 'TLS is on but replication to the master is in clear.',
  },
  'tls-cluster-off': {
    code: 'tls-cluster-off',
    severity: 'warning',
    security: true,
    relaxedInDevelopment: true,
    title: 'TLS is on but the cluster bus is in clear.',
  },
  'rename-command-deprecated': {
    code: 'rename-command-deprecated',
    severity: 'warning',
    security: true,
    title: 'rename-command is deprecated and leaks: ACL rules replace it.',
  },
  'rename-command-with-aof': {
    code: 'rename-command-with-aof',
    severity: 'warning',
    security: true,
    title: 'rename-command with AOF persistence: the AOF replays under the renamed names.',
  },
  'dangerous-commands-enabled': {
    code: 'dangerous-commands-enabled',
    severity: 'warning',
    exposure: true,
    absence: 'when-missing',
    security: true,
    title: 'DEBUG, MODULE LOAD or protected configs open to clients on every host (yes instead of no or local; always so before Redis 7.0).',
  },
  'lua-insecure-api': {
    code: 'lua-insecure-api',
    severity: 'warning',
    security: true,
    title: 'Lua scripts get back the functions the sandbox withholds (lua-enable-insecure-api / lua-enable-deprecated-api yes).',
  },
  'unbounded-memory': {
    code: 'unbounded-memory',
    severity: 'information',
    absence: 'always',
    security: true,
    relaxedInDevelopment: true,
    title: 'No maxmemory: Redis grows until the system swaps or kills it.',
  },
  'maxmemory-policy-implicit': {
    code: 'maxmemory-policy-implicit',
    severity: 'warning',
    absence: 'always',
    security: true,
    relaxedInDevelopment: true,
    title: 'maxmemory without a maxmemory-policy: writes fail when memory is full (noeviction).',
  },
  'volatile-policy-note': {
    code: 'volatile-policy-note',
    severity: 'information',
    security: true,
    relaxedInDevelopment: true,
    title: 'A volatile-* policy only evicts keys that have a TTL.',
  },
  'ambiguous-memory-unit': {
    code: 'ambiguous-memory-unit',
    severity: 'hint',
    relaxedInDevelopment: true,
    title: 'A decimal memory unit (1g = 10^9 bytes) where the binary one (1gb = 2^30) may be meant.',
  },
  'config-file-world-readable': {
    code: 'config-file-world-readable',
    severity: 'warning',
    security: true,
    title: 'A file holding passwords that every local user can read.',
  },
  'world-writable-dir': {
    code: 'world-writable-dir',
    severity: 'warning',
    security: true,
    title: 'The data directory is in a folder every local user can write to.',
  },
  'unixsocket-perm-too-open': {
    code: 'unixsocket-perm-too-open',
    severity: 'warning',
    security: true,
    title: 'The Unix socket lets every local user connect.',
  },
  'loadmodule-unsafe-path': {
    code: 'loadmodule-unsafe-path',
    severity: 'warning',
    security: true,
    title: 'A module loaded from a relative path or a world-writable folder.',
  },
  'logfile-disabled-when-daemonized': {
    code: 'logfile-disabled-when-daemonized',
    severity: 'warning',
    security: true,
    title: 'A daemonized server that logs to /dev/null.',
  },
  'replica-not-read-only': {
    code: 'replica-not-read-only',
    severity: 'warning',
    security: true,
    title: 'A replica that accepts writes.',
  },
  'acllog-disabled': {
    code: 'acllog-disabled',
    severity: 'warning',
    security: true,
    title: 'The ACL log is turned off: denied commands and failed logins go unrecorded.',
  },
  'loglevel-nothing': {
    code: 'loglevel-nothing',
    severity: 'warning',
    security: true,
    title: 'Logging turned off entirely.',
  },
  'sentinel-no-auth': {
    code: 'sentinel-no-auth',
    severity: 'warning',
    exposure: true,
    absence: 'always',
    security: true,
    title: 'A Sentinel without a password: an error when clients on other hosts get in (Sentinel runs with protected mode off).',
  },
  'sentinel-deny-scripts-reconfig-off': {
    code: 'sentinel-deny-scripts-reconfig-off',
    severity: 'warning',
    exposure: true,
    security: true,
    title: 'SENTINEL SET may change the scripts Sentinel runs: an error when clients on other hosts get in without a password.',
  },
  'sentinel-peer-auth-missing': {
    code: 'sentinel-peer-auth-missing',
    severity: 'warning',
    security: true,
    title: 'A Sentinel that needs a password but sends none to the other Sentinels (no sentinel-pass, no requirepass).',
  },
  'config-rewrite-hazard': {
    code: 'config-rewrite-hazard',
    severity: 'warning',
    security: true,
    title: 'loadmodule or user in an included file: CONFIG REWRITE duplicates it and the next start fails.',
  },
  'generated-password-comment': {
    code: 'generated-password-comment',
    severity: 'warning',
    security: true,
    title: 'A comment that holds a password a quick fix generated: copy it, then delete the line.',
  },
  'bind-all-interfaces': {
    code: 'bind-all-interfaces',
    severity: 'warning',
    exposure: true,
    absence: 'when-missing',
    security: true,
    relaxedInDevelopment: true,
    title: 'The server listens on every network interface: an error when clients on other hosts then get in without a password.',
  },
  'protected-mode-off': {
    code: 'protected-mode-off',
    severity: 'warning',
    exposure: true,
    absence: 'when-missing',
    security: true,
    relaxedInDevelopment: true,
    title: 'Protected mode is off (or, in a Sentinel, not turned on): an error when that lets clients on other hosts in without a password.',
  },
} as const satisfies Record<string, RuleInfo>;

/** Every code: the config-file rules here, the ACL rules in aclCodes.ts. */
export const RULES = { ...CONFIG_RULES, ...ACL_RULES } as const;

export type RuleCode = keyof typeof RULES;

export const RULE_LIST: readonly RuleInfo[] = Object.values(RULES);

export function isRuleCode(code: string): code is RuleCode {
  return Object.prototype.hasOwnProperty.call(RULES, code);
}
