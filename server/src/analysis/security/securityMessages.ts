/** The message builders of the security findings. Secrets never appear in them. */
export const securityMessages = {
  noAuth(beyond: boolean, decidedBy: string): string {
    const how =
      decidedBy === 'aclfile'
        ? 'the ACL file has no `default` user, so Redis keeps the built-in one: on, no password, every command'
        : decidedBy === 'user-line'
          ? "the 'user default' line leaves it without a password (nopass)"
          : "there is no 'requirepass', and no 'user default' line or ACL file gives it a password";
    return `Anyone who connects is the default user without a password: ${how}.${beyond ? ' The server listens beyond loopback, so that is anyone on the network.' : ''} Give the default user a password or turn it off, and create ACL users for the applications.`;
  },
  requirepassPreferAcl(): string {
    return "'requirepass' is one password shared by every client, with every right. Since Redis 6, ACL users ('user' lines or an ACL file) give each application its own password and only the commands and keys it needs.";
  },
  requirepassIgnored(hasDefault: boolean | undefined): string {
    return hasDefault === false
      ? "'requirepass' has no effect with an 'aclfile': the ACL file decides the default user, and it has no 'default' line — the server accepts clients without a password, although CONFIG GET requirepass shows one. Put 'user default ... #<hash>' (or 'user default off') in the ACL file and remove requirepass."
      : "'requirepass' is overridden by the 'aclfile', which decides the default user. Keep the password in the ACL file and remove this line.";
  },
  weakPassword(what: string, weakness: string, minLength: number): string {
    const why = weakness === 'common' ? 'is a well-known or guessable password' : weakness === 'short' ? `is shorter than ${minLength} characters` : 'has too little variety to resist guessing';
    return `The password of ${what} ${why}. Redis answers quickly, so guessing is cheap: use at least ${minLength} random characters (ACL GENPASS, or openssl rand -hex 32).`;
  },
  plaintextPassword(what: string): string {
    return `The password of ${what} is stored in clear in this file. Prefer ACL users with '#<sha256>' hashes, keep secrets out of version control, and make the file readable by the redis user only.`;
  },
  noTls(): string {
    return 'The plaintext port is reachable beyond loopback and TLS is not configured: passwords (AUTH) and data cross the network in clear. Set tls-port with a certificate and key, and port 0.';
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
  dangerousCommandsEnabled(name: string): string {
    return `'${name} yes' lets every client use it, from anywhere. Use 'no', or 'local' to allow it only over loopback connections.`;
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
  sentinelNoAuth(): string {
    return "This Sentinel has no 'requirepass': anyone who reaches it can reconfigure monitoring or force a failover. Set requirepass (and 'sentinel sentinel-pass' on the other Sentinels).";
  },
  sentinelScriptsReconfig(): string {
    return "'sentinel deny-scripts-reconfig no' lets SENTINEL SET change the scripts Sentinel runs: a way to run commands on this host. Keep it 'yes'.";
  },
  rewriteHazard(name: string, file: string): string {
    return `'${name}' in an included file (${file}): CONFIG REWRITE copies it into the main file, and the next start reads it twice${name === 'user' ? ' — a duplicate user, so Redis refuses to start' : ' and loads the module twice'}. Keep '${name}' lines in the main file or an ACL file.`;
  },
  renameWithAof(): string {
    return "'rename-command' with 'appendonly yes': the AOF records commands under their new names, so replaying it on a server whose renames differ fails or runs the wrong command. Use ACL rules instead.";
  },
} as const;
