/**
 * How bad each security finding is, on the 0–10 scale GitHub code scanning ranks alerts by
 * (SARIF `security-severity`: 9.0+ critical, 7.0+ high, 4.0+ medium, below that low). The
 * score follows what a client on another host (or, for file and socket permissions, a local
 * user) can do when the finding is true. Every security rule has one; a test checks it.
 */
import type { RuleCode } from './rules';

export const SECURITY_SEVERITY: Readonly<Partial<Record<RuleCode, number>>> = {
  // Anyone who reaches the port runs any command, CONFIG SET included: data and often the host.
  'no-auth': 9.8,
  'default-user-nopass': 9.1,
  // Any password logs in as that user, whatever protected mode says.
  'user-nopass': 9.1,
  // Guards whose absence opens the server when authentication is also missing.
  'protected-mode-off': 8.6,
  'sentinel-no-auth': 8.1,
  'weak-password': 7.5,
  // Code execution for whoever is allowed in (DEBUG, MODULE LOAD, Sentinel scripts).
  'dangerous-commands-enabled': 7.2,
  'sentinel-deny-scripts-reconfig-off': 7.2,
  // Scripts reach functions the sandbox withholds: whoever may run EVAL gets closer to the host.
  'lua-insecure-api': 6.8,
  'loadmodule-unsafe-path': 6.7,
  'world-writable-dir': 6.7,
  'acl-dangerous-commands': 6.5,
  'acl-all-commands': 6.3,
  // Eavesdropping and exposure.
  'no-tls': 5.9,
  'weak-tls-protocols': 5.9,
  'config-file-world-readable': 5.5,
  // The same clear-text password, until the line is deleted (in an ACL file Redis also refuses the file).
  'generated-password-comment': 5.5,
  'unixsocket-perm-too-open': 5.5,
  'bind-all-interfaces': 5.3,
  'tls-plaintext-port-open': 5.3,
  'tls-replication-off': 5.3,
  'tls-cluster-off': 5.3,
  'requirepass-ignored-with-aclfile': 5.0,
  'acl-scripting': 5.0,
  'replica-not-read-only': 4.3,
  // Hardening, availability and auditing.
  'rename-command-deprecated': 3.7,
  'unbounded-memory': 3.7,
  'plaintext-password': 3.3,
  'tls-incomplete': 3.1,
  'tls-auth-clients-off': 3.1,
  // Availability: Sentinels that cannot log in to each other never agree on a failover.
  'sentinel-peer-auth-missing': 3.1,
  'maxmemory-policy-implicit': 3.1,
  'acllog-disabled': 3.1,
  'acl-all-keys': 3.1,
  'rename-command-with-aof': 3.0,
  'requirepass-prefer-acl': 2.0,
  'volatile-policy-note': 2.0,
  'logfile-disabled-when-daemonized': 2.0,
  'loglevel-nothing': 2.0,
  'config-rewrite-hazard': 2.0,
  'acl-all-channels': 2.0,
};

/**
 * The score of a finding of a rule whose severity follows the exposure model (its
 * `data.remote`) when no client on another host gets in without a password: the local users
 * and processes of the host still do, or one line would open the server. The rule's own score
 * above is the worst case, the one GitHub ranks the rule by (it reads rule scores only);
 * each SARIF result carries the score of its own verdict. No higher than the rule's.
 */
export const CONTAINED_SECURITY_SEVERITY: Readonly<Partial<Record<RuleCode, number>>> = {
  // Every command for whoever runs on the host (CVSS AV:L/PR:L instead of AV:N/PR:N).
  'no-auth': 7.8,
  'default-user-nopass': 7.1,
  'user-nopass': 7.1,
  'sentinel-no-auth': 7.0,
  // A guard that admits nobody today: defence in depth.
  'protected-mode-off': 3.7,
  // A port other hosts reach, where they must log in or are refused.
  'bind-all-interfaces': 3.7,
  // Scored for a client that has logged in already: the same either way.
  'dangerous-commands-enabled': 7.2,
  'sentinel-deny-scripts-reconfig-off': 7.2,
};

/** The score of one finding: its rule's, or the contained one when its verdict says no remote client gets in. */
export function findingSecuritySeverity(code: string, remote: unknown): number | undefined {
  const rule = SECURITY_SEVERITY[code as RuleCode];
  const contained = CONTAINED_SECURITY_SEVERITY[code as RuleCode];
  return remote !== undefined && remote !== 'open' && contained !== undefined ? contained : rule;
}
