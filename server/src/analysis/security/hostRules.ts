/** Files, processes, replication and Sentinel. */
import { sentinelDirectives } from '../../knowledge/directives';
import { RULES } from '../../knowledge/rules';
import type { ModelLine } from '../configModel';
import { strtollWhole } from '../values';
import type { Finding } from '../types';
import { at, missing } from '../findings';
import { exposureSeverity } from './exposure';
import type { SecurityFacts } from './facts';
import { securityMessages as msg } from './securityMessages';

const SHARED_TMP = /^\/(tmp|var\/tmp|dev\/shm)(\/|$)/;

export function hostFindings(facts: SecurityFacts): Finding[] {
  const out: Finding[] = [];
  const dir = facts.last('dir');
  const dirValue = facts.value('dir');
  if (dir && dirValue && SHARED_TMP.test(dirValue)) out.push(at('world-writable-dir', dir, msg.worldWritableDir(dirValue), dir.line.tokens[1]));

  const perm = facts.last('unixsocketperm');
  const permValue = facts.value('unixsocketperm');
  const bits = permValue === undefined ? undefined : strtollWhole(permValue, 8);
  if (perm && bits !== undefined && (bits & 0o007n) !== 0n)
    out.push(at('unixsocket-perm-too-open', perm, msg.unixsocketPermTooOpen(permValue ?? ''), perm.line.tokens[1]));

  for (const m of facts.all('loadmodule')) {
    const path = m.line.tokens[1]?.value ?? '';
    const why = !path.startsWith('/')
      ? 'from a relative path (resolved from the working directory)'
      : SHARED_TMP.test(path)
        ? 'from a folder every user can write to'
        : undefined;
    if (why) out.push(at('loadmodule-unsafe-path', m, msg.loadmoduleUnsafePath(path, why), m.line.tokens[1]));
  }

  const logfile = facts.last('logfile');
  if (facts.value('daemonize', true) === 'yes' && (facts.value('logfile') ?? '') === '' && !(facts.value('syslog-enabled', true) === 'yes')) {
    const daemonize = facts.last('daemonize');
    if (daemonize) out.push(at('logfile-disabled-when-daemonized', logfile ?? daemonize, msg.logfileDisabled()));
  }

  const readOnly = facts.last('replica-read-only');
  if (readOnly && facts.value('replica-read-only', true) === 'no')
    out.push(at('replica-not-read-only', readOnly, msg.replicaNotReadOnly(), readOnly.line.tokens[1]));

  const acllog = facts.last('acllog-max-len');
  if (acllog && facts.value('acllog-max-len') === '0') out.push(at('acllog-disabled', acllog, msg.acllogDisabled(), acllog.line.tokens[1]));

  const loglevel = facts.last('loglevel');
  if (loglevel && facts.value('loglevel', true) === 'nothing') out.push(at('loglevel-nothing', loglevel, msg.loglevelNothing(), loglevel.line.tokens[1]));

  for (const name of ['user', 'loadmodule']) {
    const inInclude = facts.all(name).find((m) => m.file !== undefined);
    if (inInclude?.file) out.push(at('config-rewrite-hazard', inInclude, msg.rewriteHazard(name, inInclude.file)));
  }
  return out;
}

export function sentinelFindings(facts: SecurityFacts): Finding[] {
  if (facts.kind !== 'sentinel') return [];
  const e = facts.exposure;
  const severity = exposureSeverity(e);
  const out: Finding[] = [];
  if (facts.defaultUser.state === 'open')
    out.push(...missing('sentinel-no-auth', facts.model, msg.sentinelNoAuth(e), { severity, data: { remote: e.remote } }));
  for (const m of facts.all('sentinel')) {
    if (m.line.tokens[1]?.value.toLowerCase() === 'deny-scripts-reconfig' && m.line.tokens[2]?.value.toLowerCase() === 'no') {
      out.push({ ...at('sentinel-deny-scripts-reconfig-off', m, msg.sentinelScriptsReconfig(e), m.line.tokens[2]), severity });
    }
  }
  out.push(...sentinelPeerAuthFindings(facts));
  return out;
}

/** The last `sentinel <sub> ...` line. */
function sentinelLine(facts: SecurityFacts, sub: string): ModelLine | undefined {
  return facts
    .all('sentinel')
    .filter((m) => m.line.tokens[1]?.value.toLowerCase() === sub)
    .at(-1);
}

/**
 * How this Sentinel logs in to the other Sentinels (6.2 and later): with `sentinel sentinel-user`
 * / `sentinel-pass` when the password is set (the user alone is ignored), else with
 * `requirepass` as a password for their default user. A Sentinel whose own password comes from
 * ACL users (a `user default` line, an ACL file) and that sets neither sends no password, so
 * Sentinels configured alike refuse each other.
 */
function sentinelPeerAuthFindings(facts: SecurityFacts): Finding[] {
  if (!sentinelDirectives(facts.target).some((s) => s.name === 'sentinel-pass')) return [];
  const user = sentinelLine(facts, 'sentinel-user');
  const pass = sentinelLine(facts, 'sentinel-pass');
  if (user && !pass) return [at('sentinel-peer-auth-missing', user, msg.sentinelUserWithoutPass(), user.line.tokens[1])];
  const def = facts.defaultUser;
  const aclProtected = (def.decidedBy === 'user-line' || def.decidedBy === 'aclfile') && (def.state === 'password' || def.state === 'closed');
  if (!aclProtected || pass || (facts.value('requirepass') ?? '') !== '') return [];
  const anchor = def.line ?? facts.aclFile?.line;
  return anchor
    ? [at('sentinel-peer-auth-missing', anchor, msg.sentinelPeersWithoutPassword(def.decidedBy === 'aclfile' ? 'the ACL file' : "the 'user default' line"))]
    : [];
}

/** A config or ACL file with passwords that other local users can read. */
export function fileModeFindings(facts: SecurityFacts, mode: number | undefined): Finding[] {
  if (mode === undefined || (mode & 0o004) === 0) return [];
  const holdsSecrets = facts.tree.directives.some(
    (d) =>
      ['requirepass', 'masterauth', 'primaryauth'].includes(d.name) ||
      (d.name === 'user' && d.tokens.some((t) => t.value.startsWith('>'))) ||
      (d.name === 'sentinel' && /^(auth-pass|sentinel-pass)$/i.test(d.tokens[1]?.value ?? '')),
  );
  if (!holdsSecrets) return [];
  const m = `0${(mode & 0o777).toString(8)}`;
  return missing('config-file-world-readable', facts.model, msg.configWorldReadable('This file', m), {
    severity: RULES['config-file-world-readable'].severity,
    data: { mode: m },
  });
}
