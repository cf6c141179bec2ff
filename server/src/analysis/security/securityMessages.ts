/** The message builders of the security findings. Secrets never appear in them. */
import type { Weakness } from '../acl/userSecurity';
import { loopbackBind, protectedModeWouldRefuse, remoteSentence, whoReaches, type Exposure } from './exposure';

/** Whose password a finding is about: a directive (`'requirepass'`), a Sentinel line, or an ACL user (who may have several). */
export type PasswordOwner =
  | { readonly kind: 'directive'; readonly what: string }
  | { readonly kind: 'sentinel'; readonly what: string; readonly sentTo: 'servers' | 'sentinels' }
  | { readonly kind: 'acl-user'; readonly user: string };

function passwordOf(owner: PasswordOwner): string {
  return owner.kind === 'acl-user' ? `A password of user '${owner.user}'` : `The password of ${owner.what}`;
}

export const securityMessages = {
  noAuth(e: Exposure, decidedBy: string): string {
    const how =
      decidedBy === 'aclfile'
        ? 'the ACL file has no `default` user, so Redis keeps the built-in one: on, no password, every command'
        : decidedBy === 'user-line'
          ? "the 'user default' line leaves it without a password (nopass)"
          : "there is no 'requirepass', and no 'user default' line or ACL file gives it a password";
    const local = e.remote === 'unreachable' || e.remote === 'refused' ? ' Every local user and process gets full access.' : '';
    return `Anyone who connects is the default user without a password: ${how}. ${remoteSentence(e)}${local} Give the default user a password or turn it off, and create ACL users for the applications.`;
  },
  userNopass(names: readonly string[], e: Exposure | undefined): string {
    const who = names.length === 1 ? `User '${names[0]}' is on with 'nopass'` : `Users ${names.map((n) => `'${n}'`).join(', ')} are on with 'nopass'`;
    const as = names.length === 1 ? `'${names[0]}'` : 'them';
    let where: string;
    if (!e) where = `every client that reaches the server can log in as ${as} with any password: protected mode only looks at the default user.`;
    else if (e.remote === 'open')
      where = `clients on other hosts — ${whoReaches(e)} — log in as ${as} with any password: protected mode only looks at the default user.`;
    else if (e.remote === 'refused')
      where = `today protected mode refuses clients on other hosts because the default user has no password either; once it gets one, they log in as ${as} with any password.`;
    else if (e.remote === 'certificate')
      where = `clients on other hosts need a client certificate to connect; any client that connects logs in as ${as} with any password.`;
    else where = `only clients on this host can connect, and any of them logs in as ${as} with any password.`;
    return `${who}: ${where} Give ${names.length === 1 ? 'it' : 'each'} a password ('>…' or '#<sha256>'), or turn ${names.length === 1 ? 'it' : 'them'} off.`;
  },
  bindAllInterfaces(address: string, e: Exposure): string {
    return `'bind ${address}' listens on every network interface. ${remoteSentence(e)} Bind to loopback or to the private addresses clients use (for example 'bind ${loopbackBind(e.target)}').`;
  },
  bindMissing(e: Exposure): string {
    const dflt = e.bindDisablesProtectedMode ? 'every IPv4 and IPv6 address' : "'* -::*'";
    return `No 'bind' line: ${e.label} listens on every network interface (${dflt}). ${remoteSentence(e)} Add 'bind ${loopbackBind(e.target)}', or the private addresses clients use.`;
  },
  protectedModeOff(e: Exposure): string {
    if (e.remote === 'open' && protectedModeWouldRefuse(e))
      return `'protected-mode no' is what lets clients on other hosts in. ${remoteSentence(e, { why: false })} With 'protected-mode yes' ${e.label} would refuse them until the default user has a password.`;
    if (!e.defaultUser.nopassFlag)
      return "'protected-mode no' changes nothing while the default user needs a password or is off; should it lose its password, every host that reaches the port would get in without one. Keep 'protected-mode yes' as a safety net.";
    if (e.bindDisablesProtectedMode && e.bindLine)
      return `'protected-mode no' changes nothing here: on ${e.label} the explicit 'bind' already switches protected mode off. ${remoteSentence(e)}`;
    return `'protected-mode no' removes the guard that refuses clients on other hosts while the default user has no password. ${remoteSentence(e)} Keep 'protected-mode yes', or give the default user a password first.`;
  },
  sentinelProtectedModeImplicit(e: Exposure): string {
    const sixNote = e.bindDisablesProtectedMode ? ` On ${e.label} 'protected-mode yes' stops guarding as soon as there is a 'bind' line.` : '';
    return `Sentinel turns protected mode off at start unless its file says 'protected-mode yes' (and writes 'protected-mode no' into the file), and the default user has no password. ${remoteSentence(e, { why: false })} Set 'requirepass', and add 'protected-mode yes' as a safety net.${sixNote}`;
  },
  requirepassPreferAcl(): string {
    return "'requirepass' is one password shared by every client, with every right. Since Redis 6, ACL users ('user' lines or an ACL file) give each application its own password and only the commands and keys it needs.";
  },
  requirepassIgnored(hasDefault: boolean | undefined): string {
    return hasDefault === false
      ? "'requirepass' has no effect with an 'aclfile': the ACL file decides the default user, and it has no 'default' line — the server accepts clients without a password, although CONFIG GET requirepass shows one. Put 'user default ... #<hash>' (or 'user default off') in the ACL file and remove requirepass."
      : "'requirepass' is overridden by the 'aclfile', which decides the default user. Keep the password in the ACL file and remove this line.";
  },
  /** `weak-password`, in configs and ACL rules alike. */
  weakPassword(owner: PasswordOwner, weakness: Weakness, minLength: number, length?: number): string {
    const why =
      weakness === 'common'
        ? 'is a well-known or guessable password'
        : weakness === 'short'
          ? length === undefined
            ? `is shorter than ${minLength} characters`
            : `is only ${length} character${length === 1 ? '' : 's'} long, shorter than ${minLength}`
          : 'has too little variety to resist guessing';
    return `${passwordOf(owner)} ${why}. Redis answers quickly, so guessing is cheap: use at least ${minLength} random characters (ACL GENPASS, or openssl rand -hex 32).`;
  },
  /**
   * `plaintext-password`: what to do depends on who reads the password. Redis keeps only the
   * hash of an ACL password, so the rule can hold the hash; Sentinel sends its passwords to
   * others, so they stay in clear; requirepass and masterauth are best replaced by ACL users.
   */
  plaintextPassword(owner: PasswordOwner): string {
    if (owner.kind === 'acl-user') {
      return `${passwordOf(owner)} is written in clear. Store its SHA-256 instead ('#<hash>', which the quick fix computes): anyone who reads this file then learns nothing they can log in with.`;
    }
    if (owner.kind === 'sentinel') {
      const where = owner.sentTo === 'servers' ? 'the servers it watches' : 'the other Sentinels';
      return `${passwordOf(owner)} is stored in clear in this file: Sentinel sends it to log in to ${where}, so it cannot be a hash. Give Sentinel its own user there with only the commands Sentinel needs, keep the file out of version control, and make it readable by the redis user only.`;
    }
    return `${passwordOf(owner)} is stored in clear in this file. Prefer ACL users with '#<sha256>' hashes, keep secrets out of version control, and make the file readable by the redis user only.`;
  },
  noTls(e: Exposure): string {
    const who = whoReaches(e);
    return e.product === 'sentinel'
      ? `Sentinel's port is reachable from other hosts (${who}) and TLS is not configured: the passwords clients and other Sentinels send, and the primary addresses Sentinel answers with, cross the network in clear and can be read or altered. Set tls-port with a certificate and key, and port 0.`
      : `The plaintext port is reachable from other hosts (${who}) and TLS is not configured: passwords (AUTH) and data cross the network in clear. Set tls-port with a certificate and key, and port 0.`;
  },
  tlsPlaintextPortOpen(): string {
    return "TLS is on, but the plaintext 'port' stays open: clients can bypass TLS. Set 'port 0' unless some client cannot use TLS yet.";
  },
  tlsIncomplete(missing: readonly string[]): string {
    return `TLS is turned on without ${missing.join(' and ')}: Redis cannot set up TLS and refuses to start ("Failed to configure TLS").`;
  },
  weakTlsProtocols(protocols: readonly string[]): string {
    return `${protocols.join(' and ')} ${protocols.length > 1 ? 'are' : 'is'} broken and deprecated: allow only "TLSv1.2 TLSv1.3".`;
  },
  tlsAuthClientsOff(value: string): string {
    return `'tls-auth-clients ${value}': clients are not required to present a certificate (no mutual TLS). Use 'yes' where you can issue client certificates.`;
  },
  tlsReplicationOff(): string {
    return "TLS is on, but this replica talks to its master in clear ('tls-replication' is not yes): the replication stream and masterauth are readable on the network.";
  },
  tlsClusterOff(): string {
    return "TLS is on, but the cluster bus between nodes is in clear ('tls-cluster' is not yes).";
  },
  renameCommandDeprecated(command: string, removed: boolean): string {
    return removed
      ? `'rename-command ${command} ""' is deprecated: ACL rules do the same per user, visibly — add '-${command.toLowerCase()}' to the users that must not run it.`
      : `'rename-command ${command}' only hides the command: anyone who learns the new name runs it, and AOF files and replicas break when renames differ. Use ACL rules instead: '-${command.toLowerCase()}' for most users, and a dedicated admin user that may run it.`;
  },
  luaInsecureApi(name: string): string {
    return `'${name} yes' gives Lua scripts back getfenv, setfenv and newproxy, which the sandbox withholds: with them a script can tamper with the environment that other scripts and users' code run in. Every user allowed EVAL, EVALSHA, FCALL or FUNCTION LOAD gets them. Keep it 'no' unless a script you trust needs them.`;
  },
  dangerousCommandsEnabled(name: string, e: Exposure): string {
    const what =
      name === 'enable-debug-command'
        ? 'DEBUG'
        : name === 'enable-module-command'
          ? 'MODULE LOAD and UNLOAD'
          : 'CONFIG SET of the protected settings (dir, dbfilename, ...)';
    const who =
      e.remote === 'open'
        ? `Clients on other hosts get in without a password (${whoReaches(e)}), so any of them may run it.`
        : e.remote === 'password' || e.remote === 'unknown'
          ? 'Any client that logs in from another host may run it.'
          : `Today only clients on this host get in, but 'yes' would admit remote ones as soon as they can log in.`;
    return `'${name} yes' opens ${what} to clients on every host, where 'local' keeps it to loopback and Unix-socket clients. ${who} Use 'no', or 'local'.`;
  },
  dangerousCommandsOldVersion(e: Exposure): string {
    const who =
      e.remote === 'open'
        ? ` ${remoteSentence(e)}`
        : e.remote === 'password'
          ? ' Any client that logs in as the default user, from any host, may run them.'
          : ` ${remoteSentence(e)}`;
    return `${e.label} has no 'enable-debug-command', 'enable-module-command' or 'enable-protected-configs' (they arrived in Redis 7.0): DEBUG, MODULE LOAD and CONFIG SET dir are open to every client that logs in as the default user, which may run them here.${who} Take them away with ACL rules ('user default ... -debug -module -config|set'), or upgrade.`;
  },
  unboundedMemory(): string {
    return "No 'maxmemory': Redis grows until the operating system swaps or kills it. Set a limit below the memory of the host, and a maxmemory-policy.";
  },
  maxmemoryPolicyImplicit(): string {
    return "'maxmemory' is set but 'maxmemory-policy' is left at noeviction: when memory is full, writes fail with OOM errors. That is right for a primary data store; for a cache choose allkeys-lru or allkeys-lfu. Say which explicitly.";
  },
  volatilePolicy(policy: string): string {
    return `'${policy}' only evicts keys that have a TTL; when none has one, Redis behaves like noeviction and writes fail once memory is full.`;
  },
  ambiguousUnit(written: string, decimal: string, binary: string): string {
    return `'${written}' is ${decimal} (decimal units: k = 1000). With a 'b' — '${written}b' — it would be ${binary}. Write the unit you mean.`;
  },
  configWorldReadable(file: string, mode: string): string {
    return `${file} holds passwords and is readable by every local user (mode ${mode}). Make it owned by the redis user with mode 600 or 640.`;
  },
  worldWritableDir(dir: string): string {
    return `'dir ${dir}' is in a folder every local user can write to: others can replace or plant RDB and AOF files. Use a dedicated folder such as /var/lib/redis.`;
  },
  unixsocketPermTooOpen(perm: string): string {
    return `'unixsocketperm ${perm}' lets every local user connect through the socket. Use 700 or 770 with a dedicated group.`;
  },
  loadmoduleUnsafePath(path: string, why: string): string {
    return `'loadmodule ${path}' loads code ${why}: whoever can replace that file runs code inside Redis. Load modules from an absolute path in a folder only root can write.`;
  },
  logfileDisabled(): string {
    return "'daemonize yes' with 'logfile \"\"' sends the log to /dev/null: crashes and attacks leave no trace. Set a log file or use syslog.";
  },
  replicaNotReadOnly(): string {
    return "'replica-read-only no': clients can write to the replica, and those writes vanish at the next resynchronisation or mislead the clients that read them. Keep it 'yes'.";
  },
  acllogDisabled(): string {
    return "'acllog-max-len 0' stops recording denied commands and failed logins (ACL LOG): attacks go unnoticed. Keep the default 128 or more.";
  },
  loglevelNothing(): string {
    return "'loglevel nothing' turns logging off completely. Use notice or warning.";
  },
  sentinelNoAuth(e: Exposure): string {
    const ignored = e.defaultUser.usersIgnored ? ` ${e.label} Sentinel ignores 'user' lines and 'aclfile': only 'requirepass' protects it.` : '';
    return `This Sentinel has no password: its default user needs none.${ignored} ${remoteSentence(e)} Whoever gets in can run SENTINEL SET (quorum, timeouts, the password Sentinel uses with the servers), SENTINEL FAILOVER, SENTINEL REMOVE and MONITOR. Set 'requirepass' (and 'sentinel sentinel-pass' on the other Sentinels).`;
  },
  sentinelScriptsReconfig(e: Exposure): string {
    if (e.remote === 'open') {
      return `'sentinel deny-scripts-reconfig no' on a Sentinel that clients on other hosts enter without a password (${whoReaches(e)}): any of them can point client-reconfig-script or notification-script at a program, and this host runs it. Keep it 'yes' and set 'requirepass'.`;
    }
    return "'sentinel deny-scripts-reconfig no' lets SENTINEL SET change the scripts Sentinel runs: whoever logs in can make this host run a program. Keep it 'yes'.";
  },
  sentinelUserWithoutPass(): string {
    return "'sentinel sentinel-user' without 'sentinel sentinel-pass' is ignored: this Sentinel logs in to the other Sentinels with its 'requirepass' (or none) instead. Set 'sentinel sentinel-pass' too.";
  },
  sentinelPeersWithoutPassword(source: string): string {
    return `This Sentinel asks its clients for a password through ${source}, but sends none to the other Sentinels: it logs in to them with 'requirepass', which is not set, or with 'sentinel sentinel-user' / 'sentinel sentinel-pass'. Sentinels configured alike refuse each other's pings and mark each other down, so they cannot reach the quorum for a failover. Set 'sentinel sentinel-user' and 'sentinel sentinel-pass' to a user every Sentinel has.`;
  },
  rewriteHazard(name: string, file: string): string {
    return `'${name}' in an included file (${file}): CONFIG REWRITE copies it into the main file, and the next start reads it twice${name === 'user' ? ' — a duplicate user, so Redis refuses to start' : ' and loads the module twice'}. Keep '${name}' lines in the main file or an ACL file.`;
  },
  renameWithAof(): string {
    return "'rename-command' with 'appendonly yes': the AOF records commands under their new names, so replaying it on a server whose renames differ fails or runs the wrong command. Use ACL rules instead.";
  },
} as const;
