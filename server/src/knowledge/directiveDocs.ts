/**
 * Our own documentation of every Redis / Valkey configuration directive, used by hovers and completion.
 *
 * Written from the facts extracted from the released sources (names, types, defaults, ranges, enum
 * values, behaviours) and from what live servers did; none of the prose is taken from redis.conf,
 * valkey.conf or the Redis/Valkey docs.
 * Keys are lower-case primary directive names. Aliases (`slave-*`, `*-ziplist-*` in 7.0+, `min-slaves-*`,
 * `masterauth` in Valkey 8+ …) are resolved to their primary name by the caller; names that are primary in
 * some versions only (e.g. `hash-max-ziplist-entries` in 6.x) get a short entry of their own.
 *
 * Facts stop at the releases the tables come from: Redis 8.0.2, Valkey 8.1.1 and Valkey 9.1.2.
 */
import type { DirectiveDoc } from './docTypes';

export const directiveDocs: Readonly<Record<string, DirectiveDoc>> = {
  // ───────────────────────────── Authentication, ACL ─────────────────────────────
  requirepass: {
    summary: 'Sets the password of the built-in `default` user, which every client must present with `AUTH` before running commands.',
    details:
      'When set, a connection starts unauthenticated and must send `AUTH <password>` (or `HELLO … AUTH default <password>`) first. ' +
      'Since Redis 6 this is a shortcut for an ACL rule on the `default` user: it does not create other users and grants whoever knows it full access. ' +
      'Default: empty, meaning no password (the `default` user is `nopass`).\n\n' +
      'Prefer ACL users (`user` lines or an `aclfile`) with only the rights each application needs, and keep `requirepass` at most as a fallback for the `default` user. ' +
      'A `user default …` line in the same file takes precedence over `requirepass`, whatever the order of the two lines. ' +
      'Redis 6.0 refuses passwords longer than 512 bytes.',
    risk:
      '- The password is stored **in clear text** in the config file (and written back by `CONFIG REWRITE`): make the file readable only by the account Redis runs as, and keep the original secret in a secret manager or environment-injected template rather than in version control.\n' +
      '- Redis checks passwords very quickly, so an online guessing attack can try a huge number of candidates: use a long random value (32+ random bytes), never a word or a short string.\n' +
      '- Without TLS, `AUTH` and the password travel in clear over the network: enable `tls-port` on any untrusted network.\n' +
      '- One shared password gives every client full rights, including `FLUSHALL`, `CONFIG` and `DEBUG`: use ACL users with least privilege instead.\n' +
      '- Combined with an `aclfile` that has no `default` line, the `default` user is recreated without a password and the server is left open even though `requirepass` still shows a value.',
    related: ['user', 'aclfile', 'masterauth', 'protected-mode', 'tls-port', 'rename-command'],
  },
  masterauth: {
    summary: 'Password a replica sends to its master when the master requires authentication.',
    details:
      'Used by the replica (and by Sentinel-managed failover targets) when it connects to the host given in `replicaof`. ' +
      "With `masteruser` set, the replica authenticates as that ACL user; otherwise it authenticates as the `default` user, i.e. against the master's `requirepass`. " +
      'Default: empty (no authentication). Setting it on every node, masters included, lets any node become a replica after a failover without reconfiguration.\n\n' +
      'In Valkey 8.0 and later the primary name is `primaryauth` and `masterauth` is accepted as an alias for it.',
    risk:
      "Stored in clear text in the config file: restrict the file's permissions. Without `tls-replication`, the password and the whole replication stream cross the network unencrypted. " +
      'If it is wrong or missing while the master requires a password, the replica keeps retrying and never synchronises, so it serves stale or empty data.',
    related: ['masteruser', 'primaryauth', 'replicaof', 'requirepass', 'tls-replication'],
  },
  masteruser: {
    summary: 'ACL user name a replica authenticates as when it connects to its master.',
    details:
      'Used together with `masterauth`: the replica sends `AUTH <masteruser> <masterauth>`. When empty (the default), the replica uses the single-password form, which authenticates the `default` user. ' +
      'Give that user only what replication needs (for example `+psync +replconf +ping`) rather than `+@all`.\n\n' +
      'In Valkey 8.0 and later the primary name is `primaryuser` and `masteruser` is accepted as an alias for it.',
    risk: 'If the named user lacks the replication commands, or is disabled on the master, the replica cannot synchronise and keeps retrying.',
    related: ['masterauth', 'primaryuser', 'replicaof', 'user'],
  },
  primaryauth: {
    summary: "Valkey's name for `masterauth`: the password a replica presents to its primary.",
    details:
      'Introduced in Valkey 8.0, where `masterauth` became an alias of it; both names set the same value. ' +
      'The replica sends it with `AUTH`, combined with `primaryuser` when that is set. Default: empty (no authentication).',
    risk: 'Kept in clear text in the config file: protect the file. Without `tls-replication` it is sent unencrypted. A wrong value leaves the replica unable to sync.',
    related: ['primaryuser', 'masterauth', 'replicaof', 'requirepass', 'tls-replication'],
  },
  primaryuser: {
    summary: "Valkey's name for `masteruser`: the ACL user a replica authenticates as on its primary.",
    details:
      'Introduced in Valkey 8.0, where `masteruser` became an alias of it. When empty (the default) the replica authenticates the `default` user with `primaryauth` alone.',
    risk: 'The user must be enabled on the primary and allowed the replication commands, or synchronisation fails.',
    related: ['primaryauth', 'masteruser', 'user'],
  },
  user: {
    summary: 'Declares one ACL user directly in the config file, with its state, passwords, key and channel patterns and command permissions.',
    details:
      'Syntax: `user <name> [<rule> ...]`, one line per user; the rules are the same as for `ACL SETUSER` and are applied left to right, so later rules win (`+@all -@dangerous`). ' +
      'Typical rules: `on`/`off`, `>password` or `#<sha256-hex>`, `~pattern` (keys; `%R~`/`%W~` for read- or write-only, 7.0+), `&pattern` (Pub/Sub channels), `+@category` / `-@category`, `+command`, `-command`, `+command|subcommand`, and selectors in parentheses (7.0+).\n\n' +
      "Example: `user app on #<sha256> ~app:* &app:* +@read +@write -@dangerous`. Clients then log in with both name and password, e.g. redis-py `Redis(host, port, username='app', password='…')`.\n\n" +
      'Defining the same user twice is a fatal error, and `user` lines cannot be combined with `aclfile`. Unknown commands or categories are only detected after parsing and stop the server at startup. ' +
      'Users declared here are rewritten by `CONFIG REWRITE`, not by `ACL SAVE`.',
    risk:
      '- Least privilege: grant command categories and key patterns per application; avoid `+@all`, `~*` and `nopass` outside local development.\n' +
      '- A `user default …` line overrides `requirepass`; a `default` user with `nopass` leaves the server open to anyone who can connect.\n' +
      "- Passwords given as `>secret` sit in clear text in the file; prefer `#<sha256>` hashes and restrict the file's permissions.\n" +
      '- Mixing `user` lines with `aclfile` makes the server refuse to start.',
    related: ['aclfile', 'requirepass', 'acl-pubsub-default', 'acllog-max-len', 'rename-command'],
  },
  aclfile: {
    summary: 'Path of an external ACL file holding the user definitions, instead of `user` lines in the config file.',
    details:
      'The file contains one `user <name> <rules…>` line per user; it is read at startup and by `ACL LOAD`, and written by `ACL SAVE`. ' +
      'Its format is stricter than the config file: arguments are split on single spaces with no quoting, the `user` keyword is case-sensitive and comment lines are not allowed. ' +
      'Loading is all-or-nothing: any error leaves the previous users in place (at startup, any error aborts). ' +
      'If the file has no `default` line, a `default` user with no password and full rights is created. ' +
      'Default: empty (no ACL file). Cannot be changed at runtime.',
    risk:
      '- Cannot be combined with `user` lines in the config file: the server refuses to start.\n' +
      '- A file without a `default` entry recreates an unprotected `default` user, even if `requirepass` is set: always define `default` explicitly (or turn it `off`).\n' +
      '- The file holds password hashes and the whole permission model: make it readable and writable only by the Redis account.',
    related: ['user', 'requirepass', 'acllog-max-len', 'acl-pubsub-default'],
  },
  'acllog-max-len': {
    summary: 'Maximum number of entries kept in the ACL security log shown by `ACL LOG`.',
    details:
      'Every denied command, denied key or channel access and failed authentication is recorded (repeated events are grouped). When the log is full the oldest entries are dropped. ' +
      'The log lives in memory only; `ACL LOG RESET` clears it. Default: `128`; `0` keeps nothing. Raise it if you audit the log periodically and see it overflow.',
    unit: 'entries',
    risk: 'The ACL log is the main in-server trace of brute-force attempts and misconfigured clients; with a tiny or zero length, evidence of an attack is lost. Export it to your monitoring regularly.',
    related: ['user', 'aclfile', 'requirepass'],
  },
  'acl-pubsub-default': {
    summary: 'Whether newly created ACL users may use every Pub/Sub channel (`allchannels`) or none until granted (`resetchannels`).',
    details:
      'Applies to users created without an explicit channel rule, and to the `reset` rule. ' +
      'Default: `resetchannels` since Redis 7.0 (it was `allchannels` in 6.2, the version that introduced the setting). ' +
      'Keep `resetchannels` and grant channels explicitly with `&pattern` rules.',
    risk: 'With `allchannels`, every user can subscribe to and publish on any channel, which may leak messages meant for other applications.',
    related: ['user', 'aclfile'],
  },
  'rename-command': {
    summary: 'Renames a command, or removes it entirely when the new name is an empty string.',
    details:
      'Syntax: `rename-command <command> <new-name>`; `rename-command FLUSHALL ""` makes `FLUSHALL` unavailable. ' +
      'Renaming a command that does not exist, or to a name that is already taken, is a fatal config error. ' +
      'This is the pre-ACL way to restrict dangerous commands and is considered deprecated: ACL rules (`-@dangerous`, `-flushall`, `-config`) achieve the same per user, without breaking tools that expect the real names.',
    risk:
      '- Security by obscurity only: a renamed command is still available to whoever learns the new name, and every user gets the same view.\n' +
      '- Renaming commands breaks replicas, Sentinel and client tools that need them (e.g. `CONFIG`, `REPLICAOF`, `SHUTDOWN`); replicas must use the same renames as their master.\n' +
      '- Prefer ACL users with only the categories they need.',
    related: ['user', 'aclfile', 'enable-debug-command', 'enable-module-command', 'enable-protected-configs'],
  },

  // ───────────────────────────── Network ─────────────────────────────
  bind: {
    summary: 'Network interfaces (local IP addresses) on which the server accepts TCP connections.',
    details:
      'Takes one to 16 addresses on one line; a later `bind` line replaces the earlier one. Prefix an address with `-` to make it optional (startup does not fail if it is unavailable). ' +
      '`*` means every IPv4 address and `::*` every IPv6 address. ' +
      'Default since 6.2: `* -::*` (all interfaces; IPv6 optional). In 6.0, with no `bind` line, Redis listened on all interfaces as well.\n\n' +
      'For production list the exact addresses clients use: `127.0.0.1 -::1` for local-only, or loopback plus one private address.',
    risk:
      '- Listening on all interfaces (`*`, `0.0.0.0`, or the default) exposes the server to every network the host is attached to; never do this on a host reachable from the internet.\n' +
      '- Keep Redis in a private network or VPC, and firewall its ports (6379, the TLS port and the cluster bus) from the outside.\n' +
      '- With all interfaces bound and no password, only `protected-mode` stands between the data and remote clients.\n' +
      '- Treat network restrictions, authentication (ACL users) and TLS as complementary layers: none of them is enough on its own.',
    related: ['protected-mode', 'port', 'tls-port', 'bind-source-addr', 'unixsocket', 'requirepass'],
  },
  'bind-source-addr': {
    summary: "Local address used as the source of outgoing connections, such as a replica's link to its master.",
    details:
      'Useful on multi-homed hosts where firewalls or ACLs on the master expect connections from a specific interface. ' +
      'Default: empty, letting the operating system pick the source address. Added in Redis 7.0.',
    related: ['bind', 'replicaof'],
  },
  'protected-mode': {
    summary: 'Safety net that turns away clients on other hosts as long as the `default` user needs no password.',
    details:
      'With `yes` (the default), while the `default` user has no password (its `nopass` flag, even when it is off), any connection that does not come from loopback or a Unix socket receives a `DENIED` error describing how to secure the server, and is closed. ' +
      'From Redis 7.0, and in Valkey, that holds whatever `bind` says; in Redis 6.0 and 6.2 any `bind` line switches it off. It looks at the `default` user only: other users with `nopass` are not guarded. ' +
      'Sentinel turns it off unless its file says `protected-mode yes`. Once the default user has a password it has no effect.',
    risk:
      'Turning it off on a server that listens on all interfaces without a password exposes every key, and commands such as `CONFIG` and `MODULE`, to anyone who can reach the port; unauthenticated Redis instances are routinely scanned for and compromised. ' +
      'Fix the cause (set `bind` and a password or ACL users) instead of disabling the safety net.',
    related: ['bind', 'requirepass', 'user', 'port'],
  },
  port: {
    summary: 'TCP port on which the server accepts plain-text client connections; `0` disables the plain TCP listener.',
    details:
      'Default: `6379` (range `0`–`65535`). Set it to `0` when only TLS (`tls-port`) or a Unix socket should be used. ' +
      'In cluster mode the bus port defaults to this port plus 10000. Can be changed at runtime since Redis 6.2.',
    unit: 'TCP port number',
    risk:
      'The well-known port 6379 is scanned constantly: firewall it from the internet and allow only application hosts. ' +
      'Keeping a plain-text port open next to `tls-port` lets clients bypass encryption; set `port 0` when TLS is mandatory.',
    related: ['bind', 'tls-port', 'unixsocket', 'cluster-port', 'protected-mode'],
  },
  'tcp-backlog': {
    summary: 'Length of the queue of pending TCP connections passed to `listen()`.',
    details:
      'Default: `511`. The kernel silently caps it at `net.core.somaxconn` (and `tcp_max_syn_backlog`); Redis logs a warning at startup when the kernel limit is lower. ' +
      'Raise both together for servers that receive bursts of new connections. Cannot be changed at runtime.',
    unit: 'connections',
    related: ['maxclients', 'max-new-connections-per-cycle'],
  },
  timeout: {
    summary: 'Closes a client connection after it has been idle for this many seconds; `0` never closes idle clients.',
    details:
      'Default: `0`. Pub/Sub subscribers, blocked clients and replicas are not affected. ' +
      'A non-zero value reclaims connections leaked by applications, but connection pools must then be ready to reconnect.',
    unit: 'seconds',
    related: ['tcp-keepalive', 'maxclients'],
  },
  'tcp-keepalive': {
    summary: 'Interval of TCP keepalive probes sent on client connections, to detect dead peers and keep middleboxes from dropping idle links.',
    details:
      'Default: `300`; `0` disables keepalive. The kernel needs several unanswered probes (about twice this period on Linux) before a dead peer is reported.',
    unit: 'seconds',
    related: ['timeout', 'repl-timeout'],
  },
  unixsocket: {
    summary: 'Path of a Unix domain socket on which the server also accepts connections.',
    details: 'Default: empty (no socket). Local clients avoid the TCP stack this way, which lowers latency. Cannot be changed at runtime.',
    risk:
      'Anyone who can open the socket file can talk to the server; set `unixsocketperm` (and in Valkey `unixsocketgroup`) to limit it to the intended local users. ' +
      'Connections over the socket count as local for `protected-mode`.',
    related: ['unixsocketperm', 'unixsocketgroup', 'port'],
  },
  unixsocketperm: {
    summary: 'File permissions (octal, e.g. `700`) given to the Unix socket created by `unixsocket`.',
    details:
      'Written in octal without sign, at most `777`. Default: `0`, which leaves the permissions produced by the process umask. Cannot be changed at runtime.',
    unit: 'octal permission bits',
    risk: 'World-writable permissions (`777`, `766`…) let every local user and process connect to the server; prefer `700` or `770` with a dedicated group.',
    related: ['unixsocket', 'unixsocketgroup'],
  },
  unixsocketgroup: {
    summary: 'Group that should own the Unix socket file (Valkey 8.0+).',
    details:
      'Combined with `unixsocketperm 770`, this lets members of one group use the socket while other local users cannot. Default: empty (the group of the server process). Cannot be changed at runtime.',
    related: ['unixsocket', 'unixsocketperm'],
  },
  'socket-mark-id': {
    summary: "Mark attached to the server's listening sockets (SO_MARK on Linux, SO_USER_COOKIE on FreeBSD) for policy routing or firewall rules.",
    details:
      'Default: `0` (no mark). Added in Redis 7.0; cannot be changed at runtime. Setting a mark usually needs extra privileges (CAP_NET_ADMIN on Linux).',
    related: ['bind'],
  },
  'max-new-connections-per-cycle': {
    summary: 'How many new plain TCP connections the server accepts per event-loop iteration.',
    details:
      'Limits the time spent accepting connections during a connection storm so that existing clients keep being served. Default: `10` (range `1`–`1000`). Added in Redis 7.4 and Valkey 8.0.',
    unit: 'connections per event-loop cycle',
    related: ['max-new-tls-connections-per-cycle', 'tcp-backlog', 'maxclients'],
  },
  'max-new-tls-connections-per-cycle': {
    summary: 'How many new TLS connections the server accepts per event-loop iteration.',
    details: 'TLS handshakes are expensive, so the default is lower than for plain connections: `1` (range `1`–`1000`). Added in Redis 7.4 and Valkey 8.0.',
    unit: 'connections per event-loop cycle',
    related: ['max-new-connections-per-cycle', 'tls-port'],
  },
  maxclients: {
    summary: 'Maximum number of simultaneously connected clients.',
    details:
      'Default: `10000`. Replicas, cluster-bus links and other internal connections take file descriptors too. ' +
      'At startup Redis tries to raise its open-file limit to cover this value plus a reserve; if the operating system refuses, the effective limit is lowered and a warning is logged. ' +
      'Clients beyond the limit get an error and are disconnected.',
    unit: 'connections',
    risk: "Too low a value makes the server refuse connections during traffic peaks or connection leaks; too high a value, without `maxmemory-clients`, lets many clients' buffers consume memory.",
    related: ['maxmemory-clients', 'timeout', 'tcp-backlog'],
  },

  // ───────────────────────────── TLS ─────────────────────────────
  'tls-port': {
    summary: 'TCP port on which the server accepts TLS-encrypted client connections; `0` disables it.',
    details:
      'Default: `0`. Needs at least `tls-cert-file` and `tls-key-file`, and usually `tls-ca-cert-file` (or `tls-ca-cert-dir`) to verify client certificates. ' +
      'It can be used next to `port`, or alone with `port 0` so that every client must use TLS. ' +
      'In Redis 6.0–7.0 the `tls-*` directives exist only in builds compiled with TLS support; later versions always accept them. ' +
      "Clients must enable TLS on their side, e.g. redis-py `ssl=True`, `ssl_ca_certs=…`, `ssl_cert_reqs='required'`.",
    unit: 'TCP port number',
    risk:
      'Without TLS, passwords sent with `AUTH` and all data travel in clear text: any network you do not fully control needs TLS. ' +
      'Leaving the plain `port` open beside `tls-port` lets clients (and attackers) skip encryption; use `port 0` when TLS is mandatory.',
    related: ['port', 'tls-cert-file', 'tls-key-file', 'tls-ca-cert-file', 'tls-auth-clients', 'tls-replication', 'tls-cluster'],
  },
  'tls-cert-file': {
    summary: 'PEM file with the X.509 certificate the server presents to TLS peers.',
    details:
      'Used for incoming TLS connections and, unless `tls-client-cert-file` is set, also as the client certificate when this server connects out (to a master, to cluster peers). ' +
      'Must match `tls-key-file`. Default: empty. Setting it again at runtime with `CONFIG SET` reloads the file, which is how certificates are rotated without a restart.',
    risk: 'An expired or mismatched certificate stops TLS clients, replicas and cluster peers from connecting. Track its expiry date and rotate it before it lapses.',
    related: ['tls-key-file', 'tls-key-file-pass', 'tls-ca-cert-file', 'tls-client-cert-file', 'tls-port'],
  },
  'tls-key-file': {
    summary: 'PEM file with the private key that belongs to `tls-cert-file`.',
    details:
      'Default: empty. If the key is encrypted, give its passphrase in `tls-key-file-pass`. Like the certificate, it is reloaded when set again at runtime.',
    risk: 'Whoever reads this file can impersonate the server: make it readable only by the account Redis runs as, and keep it out of shared config repositories.',
    related: ['tls-cert-file', 'tls-key-file-pass', 'tls-client-key-file'],
  },
  'tls-key-file-pass': {
    summary: 'Passphrase that decrypts `tls-key-file` when the private key is encrypted.',
    details: 'Default: empty (the key is not encrypted). Added in Redis 6.2; since Redis 7.4 and Valkey 8.0 it is treated as sensitive and hidden from logs.',
    risk: 'The passphrase is stored in clear text in the config file next to the key path, so encrypting the key only helps if the config file itself is well protected.',
    related: ['tls-key-file', 'tls-client-key-file-pass'],
  },
  'tls-client-cert-file': {
    summary: 'Certificate this server presents when it acts as a TLS client (replication to a master, cluster bus), when it must differ from `tls-cert-file`.',
    details:
      'Needed when your PKI issues separate certificates for the server role and the client role. Default: empty, meaning `tls-cert-file` is used for both roles. Added in Redis 6.2.',
    related: ['tls-client-key-file', 'tls-client-key-file-pass', 'tls-cert-file', 'tls-replication', 'tls-cluster'],
  },
  'tls-client-key-file': {
    summary: 'Private key matching `tls-client-cert-file`.',
    details: 'Default: empty (use `tls-key-file`). Added in Redis 6.2.',
    risk: 'A private key: restrict the file to the Redis account.',
    related: ['tls-client-cert-file', 'tls-client-key-file-pass', 'tls-key-file'],
  },
  'tls-client-key-file-pass': {
    summary: 'Passphrase for an encrypted `tls-client-key-file`.',
    details: 'Default: empty. Added in Redis 6.2; treated as sensitive (hidden from logs) since Redis 7.4 and Valkey 8.0.',
    risk: 'Stored in clear text in the config file: protect the file.',
    related: ['tls-client-key-file', 'tls-key-file-pass'],
  },
  'tls-ca-cert-file': {
    summary: 'PEM bundle of the certificate authorities trusted to sign the certificates of clients and peers.',
    details:
      'Used to verify client certificates (see `tls-auth-clients`) and the certificates of masters and cluster nodes this server connects to. ' +
      'Default: empty. Either this or `tls-ca-cert-dir` is needed whenever peers are verified.',
    risk: 'Trusting a broad public CA bundle here lets anyone holding any certificate from those CAs authenticate as a client; use a private CA dedicated to this deployment.',
    related: ['tls-ca-cert-dir', 'tls-auth-clients', 'tls-cert-file'],
  },
  'tls-ca-cert-dir': {
    summary: 'Directory of trusted CA certificates (OpenSSL hashed-directory layout), as an alternative or complement to `tls-ca-cert-file`.',
    details: "Default: empty. The directory must be prepared with OpenSSL's rehash tooling so certificates can be looked up by subject hash.",
    related: ['tls-ca-cert-file', 'tls-auth-clients'],
  },
  'tls-auth-clients': {
    summary: 'Whether TLS clients must present a certificate signed by a trusted CA (mutual TLS).',
    details:
      '`yes` (default): a client without a valid certificate is rejected. `optional`: a certificate is verified if presented but not required. `no`: client certificates are neither requested nor checked. ' +
      'Mutual TLS authenticates the machine; combine it with ACL users to control what each client may do. On the client side this means providing a certificate and key (redis-py `ssl_certfile`, `ssl_keyfile`).',
    risk: '`no` or `optional` lets any host that can reach the TLS port open an encrypted session; then a password or ACL user is the only barrier left.',
    related: ['tls-ca-cert-file', 'tls-ca-cert-dir', 'tls-port', 'user'],
  },
  'tls-replication': {
    summary: 'Whether a replica connects to its master over TLS.',
    details:
      "Default: `no`. Set it on replicas whose master listens with `tls-port`; the master's `tls-port` must then be used in `replicaof`. The replica presents `tls-client-cert-file` (or `tls-cert-file`).",
    risk: 'With `no`, the full data set (during sync) and every later write, plus `masterauth`, travel in clear between master and replica.',
    related: ['tls-port', 'tls-cluster', 'replicaof', 'masterauth', 'tls-client-cert-file'],
  },
  'tls-cluster': {
    summary: 'Whether the cluster bus between nodes uses TLS.',
    details: 'Default: `no`. Every node of a cluster must use the same setting. Node-to-node links then present `tls-client-cert-file` (or `tls-cert-file`).',
    risk: 'With `no`, cluster gossip and slot migration traffic (which carries key data) is unencrypted on the network.',
    related: ['tls-port', 'tls-replication', 'cluster-enabled', 'cluster-announce-tls-port'],
  },
  'tls-protocols': {
    summary: 'TLS protocol versions the server accepts, as a space-separated list such as `TLSv1.2 TLSv1.3`.',
    details: 'Default: empty, which enables TLSv1.2 and TLSv1.3. Older versions (TLSv1, TLSv1.1) can be listed but should not be.',
    risk: 'Enabling TLSv1 or TLSv1.1 exposes connections to known protocol weaknesses.',
    related: ['tls-ciphers', 'tls-ciphersuites'],
  },
  'tls-ciphers': {
    summary: 'OpenSSL cipher list used for TLSv1.2 and older connections.',
    details:
      'Default: empty (the OpenSSL library defaults). Uses OpenSSL cipher-string syntax. TLSv1.3 suites are configured separately with `tls-ciphersuites`.',
    risk: 'Adding weak ciphers (export, RC4, NULL…) undermines encryption; leave the library defaults unless policy requires a tighter list.',
    related: ['tls-ciphersuites', 'tls-protocols', 'tls-prefer-server-ciphers'],
  },
  'tls-ciphersuites': {
    summary: 'OpenSSL cipher-suite list used for TLSv1.3 connections.',
    details: 'Default: empty (the OpenSSL library defaults). Colon-separated suite names, e.g. `TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256`.',
    related: ['tls-ciphers', 'tls-protocols'],
  },
  'tls-prefer-server-ciphers': {
    summary: "Whether the server's cipher order wins over the client's during TLS negotiation.",
    details: "Default: `no` (the client's preference is used).",
    related: ['tls-ciphers', 'tls-ciphersuites'],
  },
  'tls-dh-params-file': {
    summary: 'PEM file with Diffie-Hellman parameters for DHE cipher suites.',
    details: 'Default: empty. With recent OpenSSL versions the library picks suitable parameters automatically, so this is rarely needed.',
    related: ['tls-ciphers'],
  },
  'tls-session-caching': {
    summary: 'Whether TLS sessions are cached so that reconnecting clients can resume them with a shorter handshake.',
    details: 'Default: `yes`.',
    related: ['tls-session-cache-size', 'tls-session-cache-timeout'],
  },
  'tls-session-cache-size': {
    summary: 'Maximum number of TLS sessions held in the session cache.',
    details: 'Default: `20480`; `0` means no limit.',
    unit: 'sessions',
    related: ['tls-session-caching', 'tls-session-cache-timeout'],
  },
  'tls-session-cache-timeout': {
    summary: 'How long a cached TLS session may be resumed.',
    details: 'Default: `300`.',
    unit: 'seconds',
    related: ['tls-session-caching', 'tls-session-cache-size'],
  },

  // ───────────────────────────── Dangerous commands, modules, includes ─────────────────────────────
  'enable-debug-command': {
    summary: 'Whether the `DEBUG` command may be used: `no`, `yes`, or `local` (only from loopback and Unix-socket clients).',
    details: 'Default: `no`. Added in Redis 7.0 (earlier versions always allowed `DEBUG` to users with the right permissions). Cannot be changed at runtime.',
    risk:
      '`DEBUG` can crash the server, block it for arbitrary time, change internal state and reveal data; keep it `no` in production, or `local` at most. ' +
      "Remember also that Lua scripts run with the caller's rights: never run scripts from untrusted sources, and keep the server updated, since vulnerabilities in the scripting engine are fixed in patch releases.",
    related: ['enable-module-command', 'enable-protected-configs', 'rename-command', 'user'],
  },
  'enable-module-command': {
    summary: 'Whether the `MODULE` command (loading and unloading modules at runtime) is allowed: `no`, `yes` or `local`.',
    details: 'Default: `no`. Added in Redis 7.0. Modules listed with `loadmodule` in the config file still load. Cannot be changed at runtime.',
    risk: 'A module is native code running inside the server with full access; allowing `MODULE LOAD` to remote clients amounts to allowing arbitrary code execution on the host.',
    related: ['loadmodule', 'enable-debug-command', 'enable-protected-configs'],
  },
  'enable-protected-configs': {
    summary: 'Whether `CONFIG SET` may change protected settings such as `dir` and `dbfilename`: `no`, `yes` or `local`.',
    details:
      'Default: `no`. Added in Redis 7.0. Protected settings can still be set in the config file; only runtime changes are blocked. Cannot be changed at runtime.',
    risk: 'Letting clients move `dir`/`dbfilename` is a classic attack path: the snapshot can be written over files such as SSH `authorized_keys` or cron tables. Keep it `no`.',
    related: ['dir', 'dbfilename', 'enable-debug-command', 'enable-module-command'],
  },
  loadmodule: {
    summary: 'Loads a Redis module (a shared library) at startup, optionally with arguments.',
    details:
      'Syntax: `loadmodule <path> [<arg> ...]`; several lines load several modules, in order, after the whole file is read. A module that fails to load stops the server. ' +
      'Since 7.0, module settings can be written as `<module>.<name> <value>` lines; they are applied when the module registers them, and unclaimed ones abort startup.',
    risk: 'A module runs as native code with full access to the process and its data: load only trusted, maintained modules from paths writable only by root or the Redis account.',
    related: ['enable-module-command', 'include'],
  },
  include: {
    summary: 'Reads another configuration file at this point, as if its lines were written here.',
    details:
      'Syntax: `include <path>`. The usual rule that the last value wins applies across files, so put `include` first to treat it as defaults or last to let it override. ' +
      'Since 7.0 the path may contain wildcards (`*`, `?`, `[`); a pattern that matches nothing is skipped silently, while a plain path that does not exist is fatal. ' +
      'Errors in an included file are reported with a line number inside that file. There is no protection against include loops. ' +
      '`CONFIG REWRITE` writes only the main file.',
    risk: 'Included files can define passwords, users and module loads: they need the same restrictive permissions as the main file.',
    related: ['loadmodule'],
  },

  // ───────────────────────────── Process, files, logging ─────────────────────────────
  daemonize: {
    summary: 'Whether the server forks into the background and detaches from the terminal.',
    details:
      'Default: `no`. When `yes`, a pid file is written (see `pidfile`). Leave it `no` under systemd, upstart, Docker or any supervisor that expects the process to stay in the foreground. Cannot be changed at runtime.',
    risk: 'Whatever the start method, run the server as a dedicated unprivileged account (e.g. `redis`), never as root: a compromised instance then cannot take over the host.',
    related: ['supervised', 'pidfile', 'logfile'],
  },
  supervised: {
    summary: 'How the server reports readiness to a process supervisor: `no`, `upstart`, `systemd` or `auto`.',
    details:
      '`systemd` sends readiness notifications when `NOTIFY_SOCKET` is set (use `Type=notify` in the unit); `upstart` stops itself with SIGSTOP when ready; `auto` picks based on the environment. Default: `no`. Cannot be changed at runtime.',
    risk: 'Under a supervisor, run as an unprivileged user and let the unit file restrict the process (e.g. read-only paths except `dir`).',
    related: ['daemonize', 'pidfile'],
  },
  pidfile: {
    summary: 'File where the server writes its process id.',
    details:
      'Default: empty. A daemonized server always writes one, falling back to a built-in path (`/var/run/redis.pid` in Redis); in the foreground the file is written only when a path is given. The file is removed on clean shutdown. Cannot be changed at runtime.',
    related: ['daemonize', 'supervised'],
  },
  logfile: {
    summary: 'File the server log is appended to; an empty value logs to standard output.',
    details:
      'Default: empty (standard output; when daemonized with no file, logs are discarded). The file must be writable at startup, otherwise the server refuses to start. Cannot be changed at runtime.',
    risk: 'Logs are your record of failed authentications, crashes and configuration changes: collect and monitor them. Restrict read access, since log lines can contain key names and client addresses (see `hide-user-data-from-log`).',
    related: ['loglevel', 'syslog-enabled', 'hide-user-data-from-log', 'crash-log-enabled'],
  },
  loglevel: {
    summary: 'Minimum severity of log messages: `debug`, `verbose`, `notice`, `warning` or `nothing`.',
    details: 'Default: `notice`, a reasonable level for production. `debug` and `verbose` are very chatty; `nothing` (Redis 7.2+) disables logging.',
    risk: '`warning` or `nothing` hides events useful for spotting abuse and incidents; `debug` can fill the disk quickly.',
    related: ['logfile', 'syslog-enabled', 'log-format'],
  },
  'syslog-enabled': {
    summary: 'Whether log messages are also sent to the system logger.',
    details: 'Default: `no`. Syslog forwarding makes it easy to centralise logs for monitoring. Cannot be changed at runtime.',
    related: ['syslog-ident', 'syslog-facility', 'logfile'],
  },
  'syslog-ident': {
    summary: 'Program name attached to messages sent to syslog.',
    details: 'Default: `redis` in Redis, `valkey` in Valkey 8.0 and later. Cannot be changed at runtime.',
    related: ['syslog-enabled', 'syslog-facility'],
  },
  'syslog-facility': {
    summary: 'Syslog facility used for log messages: `user` or `local0` to `local7`.',
    details: 'Default: `local0`. Cannot be changed at runtime.',
    related: ['syslog-enabled', 'syslog-ident'],
  },
  'log-format': {
    summary: 'Layout of log lines in Valkey: `legacy` (the classic format) or `logfmt` (key=value pairs for log processors).',
    details: 'Default: `legacy`. Appears in the Valkey 8.1 development line.',
    related: ['log-timestamp-format', 'logfile', 'loglevel'],
  },
  'log-timestamp-format': {
    summary: 'Timestamp style of Valkey log lines: `legacy`, `iso8601` or `milliseconds`.',
    details: 'Default: `legacy`. Appears in the Valkey 8.1 development line.',
    related: ['log-format', 'logfile'],
  },
  'hide-user-data-from-log': {
    summary: 'Whether key names, arguments and other client-supplied data are left out of log messages and crash reports.',
    details: 'Default: `no` in Redis (added in 7.4), `yes` in Valkey 8.0 and later.',
    risk: 'With `no`, crash reports and some warnings can write key names and values, possibly personal or secret data, into the log files.',
    related: ['logfile', 'crash-log-enabled'],
  },
  dir: {
    summary: 'Working directory of the server: where RDB snapshots, the AOF directory and the cluster `nodes.conf` are written.',
    details:
      'The server changes into this directory while reading the config, so relative paths in later directives are resolved against it. ' +
      'Default: the directory the process was started from. A directory that cannot be entered is fatal. ' +
      'Since 7.0 it is a protected setting: `CONFIG SET dir` is refused unless `enable-protected-configs` allows it.',
    risk:
      'The directory holds a full copy of the data: it should belong to the Redis account and not be readable by others. ' +
      'If clients can change `dir` and `dbfilename` at runtime, they can make the server write files anywhere it has permission (a known path to host compromise).',
    related: ['dbfilename', 'appenddirname', 'cluster-config-file', 'enable-protected-configs'],
  },
  dbfilename: {
    summary: 'File name of the RDB snapshot, inside `dir`.',
    details: 'Default: `dump.rdb`. Must be a plain file name, not a path. Since 7.0 it is a protected setting at runtime (see `enable-protected-configs`).',
    risk: 'Snapshots contain all data, secrets included: protect `dir` and any backup copies. Letting clients change it together with `dir` enables writing arbitrary files.',
    related: ['dir', 'save', 'rdbcompression', 'rdbchecksum', 'enable-protected-configs'],
  },
  appendfilename: {
    summary: 'Base name of the append-only files.',
    details:
      'Default: `appendonly.aof`. Since Redis 7.0 (multi-part AOF) it is used as a prefix for the base and incremental files listed in a manifest, all inside `appenddirname`; before 7.0 it was the name of the single AOF in `dir`. ' +
      'Must be a plain file name. Cannot be changed at runtime.',
    related: ['appendonly', 'appenddirname', 'dir'],
  },
  appenddirname: {
    summary: 'Name of the directory, inside `dir`, that holds the append-only files and their manifest (Redis 7.0+).',
    details: 'Default: `appendonlydir`. Must be a plain name, not a path. Cannot be changed at runtime.',
    related: ['appendfilename', 'appendonly', 'dir'],
  },
  'always-show-logo': {
    summary: 'Whether the ASCII-art logo is printed at startup even when logging to a file or not to a terminal.',
    details: 'Default: `no`. Purely cosmetic. Cannot be changed at runtime.',
    related: ['logfile'],
  },
  'set-proc-title': {
    summary: 'Whether the server rewrites its process title (as shown by `ps` and `top`) using `proc-title-template`.',
    details: 'Default: `yes`. Added in Redis 6.2. Cannot be changed at runtime.',
    related: ['proc-title-template'],
  },
  'proc-title-template': {
    summary: 'Template of the process title shown by `ps` when `set-proc-title` is on.',
    details:
      'Placeholders in braces are replaced: `{title}` (the executable name, or the role of a child process), `{listen-addr}`, `{server-mode}` (e.g. `[cluster]` or `[sentinel]`), `{port}`, `{tls-port}`, `{unixsocket}` and `{config-file}`. ' +
      'Default: `{title} {listen-addr} {server-mode}`. The result must not be empty. Added in Redis 6.2.',
    related: ['set-proc-title'],
  },
  'crash-log-enabled': {
    summary: 'Whether a crash writes a stack trace and diagnostic report to the log.',
    details: 'Default: `yes`. Added in Redis 6.2. Turn it off only if producing the report causes problems in your environment.',
    related: ['crash-memcheck-enabled', 'logfile', 'hide-user-data-from-log'],
  },
  'crash-memcheck-enabled': {
    summary: 'Whether a fast memory test is run as part of the crash report.',
    details: 'Default: `yes`. Added in Redis 6.2. The test helps tell hardware faults from software bugs but delays restart after a crash.',
    related: ['crash-log-enabled'],
  },

  // ───────────────────────────── Memory limit and eviction ─────────────────────────────
  maxmemory: {
    summary: 'Upper bound on the memory used for data; when it is reached, `maxmemory-policy` decides what happens to writes.',
    details:
      'The value is a byte count with optional unit, no space and no decimals: `k` = 1,000, `kb` = 1,024, `m` = 1,000,000, `mb` = 1,048,576, `g` = 1,000,000,000, `gb` = 1,073,741,824 (units are case-insensitive; there is no `t`/`tb`). ' +
      '**Watch the suffix:** `maxmemory 1g` is 10^9 bytes, about 7% less than `maxmemory 1gb` (2^30 bytes); `2g` vs `2gb` differ by 147 MB. ' +
      'Default: `0`, meaning no limit (the server grows until the operating system stops it).\n\n' +
      'Memory used by replica output buffers and the AOF buffer is not counted when deciding whether to evict, so leave headroom on hosts with replicas. ' +
      'Keep the limit well below physical RAM: forks for RDB/AOF rewrites duplicate written pages (copy-on-write), and the allocator has overhead and fragmentation. ' +
      'Check usage with `INFO memory`; the limit can be changed at runtime with `CONFIG SET maxmemory`.',
    unit: 'bytes (memory units allowed: k, kb, m, mb, g, gb)',
    risk:
      '- With no limit, a runaway client or key growth leads to swapping or the kernel OOM killer terminating the server (data since the last save is lost).\n' +
      '- With the default policy `noeviction`, reaching the limit makes write commands fail with an OOM error; with an eviction policy, keys disappear silently: pick the policy that matches the data (cache vs. store).\n' +
      '- The `g`/`gb` mix-up easily sets a limit different from the one intended.',
    related: [
      'maxmemory-policy',
      'maxmemory-samples',
      'maxmemory-eviction-tenacity',
      'maxmemory-clients',
      'replica-ignore-maxmemory',
      'lazyfree-lazy-eviction',
    ],
  },
  'maxmemory-policy': {
    summary: 'What the server does when a write would exceed `maxmemory`: reject it, or evict keys chosen by a given rule.',
    details:
      'The policies differ in which keys may go (`allkeys-*`: any key; `volatile-*`: only keys with a TTL) and in how they are picked (`lru`: least recently used, `lfu`: least frequently used, `random`, `ttl`: nearest expiry); `noeviction` refuses writes instead. Hover a policy for what it does.\n\n' +
      'LRU, LFU and TTL selection are approximations: the server samples `maxmemory-samples` keys per round rather than keeping an exact order. LFU is tuned with `lfu-log-factor` and `lfu-decay-time`.',
    risk:
      '- `noeviction` on a cache makes the application fail on writes once memory fills up; an `allkeys-*` policy on a primary data store silently deletes data.\n' +
      '- `volatile-*` policies give no protection when most keys lack a TTL: writes start failing at the limit.\n' +
      '- Evicted keys are deleted on replicas too (through replication), and the loss is not reported to clients; monitor `evicted_keys` in `INFO stats`.',
    related: [
      'maxmemory',
      'maxmemory-samples',
      'maxmemory-eviction-tenacity',
      'lfu-log-factor',
      'lfu-decay-time',
      'lazyfree-lazy-eviction',
      'notify-keyspace-events',
    ],
  },
  'maxmemory-samples': {
    summary: 'Number of keys sampled each time the eviction algorithm looks for a key to evict.',
    details:
      'Larger samples make LRU/LFU/TTL selection closer to exact at the price of CPU time per eviction. Default: `5`; `10` is close to true LRU, `3` is faster and rougher. ' +
      'Range `1`–`64` since Redis 7.4 and Valkey 8.0 (earlier versions accepted larger values).',
    unit: 'keys',
    related: ['maxmemory-policy', 'maxmemory'],
  },
  'maxmemory-eviction-tenacity': {
    summary: 'How much effort a single write may spend evicting keys before the server returns to other work.',
    details:
      'Range `0`–`100`, default `10`. Low values keep command latency low but let memory overshoot `maxmemory` for longer under a heavy write load, with eviction continuing in the background; `100` removes the time bound and evicts until the limit is met, whatever the latency. Added in Redis 6.2.',
    unit: 'relative effort (0–100)',
    related: ['maxmemory-policy', 'maxmemory'],
  },
  'maxmemory-clients': {
    summary: 'Cap on the total memory used by client connections (query and output buffers); above it the clients using the most memory are disconnected.',
    details:
      'Accepts a byte count with memory units, or a percentage of `maxmemory` such as `5%` (at most `100%`). Default: `0`, no limit. Added in Redis 7.0. ' +
      'Replica and master links are never disconnected by this mechanism, and a client can opt out with `CLIENT NO-EVICT on`.',
    unit: 'bytes (memory units allowed) or percent of maxmemory',
    risk: 'Without this limit, many clients with large buffers (slow Pub/Sub subscribers, huge pipelines) can push the process into swap or the OOM killer even when `maxmemory` is set.',
    related: ['maxmemory', 'client-output-buffer-limit', 'client-query-buffer-limit', 'maxclients'],
  },
  'lfu-log-factor': {
    summary: 'How slowly the LFU access counter grows: higher values need many more hits before a key is considered frequently used.',
    details:
      'Each key has a small counter (0–255) incremented with a probability that falls as the counter grows; this factor scales that probability. ' +
      'Default: `10`, which lets the counter distinguish access rates up to about a million hits. `0` makes every hit count (the counter saturates quickly). Only used with the `*-lfu` policies and `OBJECT FREQ`.',
    related: ['lfu-decay-time', 'maxmemory-policy'],
  },
  'lfu-decay-time': {
    summary: "Period after which an idle key's LFU counter is decremented, so formerly hot keys can become eviction candidates.",
    details: 'The counter loses one unit per elapsed period since the key was last accessed. Default: `1`; `0` disables decay.',
    unit: 'minutes',
    related: ['lfu-log-factor', 'maxmemory-policy'],
  },

  // ───────────────────────────── Client buffers and protocol limits ─────────────────────────────
  'client-output-buffer-limit': {
    summary: 'Limits on the reply buffer of each client class (normal, replica, pubsub) beyond which the client is disconnected.',
    details:
      'Syntax: `client-output-buffer-limit <class> <hard> <soft> <soft-seconds>`, repeatable; each line changes only the classes it names. ' +
      'Classes: `normal`, `replica` (older name `slave`) and `pubsub` (`master` is not accepted). A client is dropped as soon as its buffer exceeds the hard limit, or once it has stayed above the soft limit for the given number of seconds. `0` disables a limit. ' +
      'Default: normal `0 0 0`; replica `256mb 64mb 60`; pubsub `32mb 8mb 60` (`CONFIG GET` prints them in bytes).\n\n' +
      'The replica limit must cover the writes that pile up while a full synchronisation is being transferred; raise it (or `repl-backlog-size`) for write-heavy masters.',
    unit: 'bytes (memory units allowed) for the limits, seconds for soft-seconds',
    risk:
      '- A replica limit that is too small causes endless full resynchronisation loops on busy masters.\n' +
      '- An unlimited `normal` class (the default) lets a client that reads replies slowly, or asks for very large replies (`KEYS *`, a whole big list), grow memory without bound: combine it with `maxmemory-clients`.',
    related: ['maxmemory-clients', 'repl-backlog-size', 'client-query-buffer-limit'],
  },
  'client-query-buffer-limit': {
    summary: "Maximum size of a single client's unprocessed request buffer; larger requests close the connection.",
    details:
      'Protects the server against clients that send huge or never-ending commands. Default: `1gb` (1,073,741,824 bytes); minimum `1mb`. Raise only for legitimate very large pipelines or `MULTI` blocks.',
    unit: 'bytes (memory units allowed)',
    risk: 'Raising it lets a single misbehaving or malicious client consume that much memory per connection.',
    related: ['proto-max-bulk-len', 'maxmemory-clients', 'client-output-buffer-limit'],
  },
  'proto-max-bulk-len': {
    summary: 'Maximum size of one bulk string (a single argument or value) in a client request.',
    details:
      'Default: `512mb` (536,870,912 bytes); minimum `1mb`. Values above 512 MB are possible but make huge keys that are slow to move, replicate and delete.',
    unit: 'bytes (memory units allowed)',
    risk: 'Larger limits let one request allocate large amounts of memory and block the server while it is processed.',
    related: ['client-query-buffer-limit'],
  },

  // ───────────────────────────── Lazy freeing ─────────────────────────────
  'lazyfree-lazy-eviction': {
    summary: 'Whether keys evicted because of `maxmemory` are freed in a background thread.',
    details:
      'Freeing a large key (a hash or set with millions of elements) can block the main thread; with `yes` only the key is unlinked immediately and the memory is reclaimed in the background. ' +
      'Default: `no` in Redis, `yes` in Valkey 8.0 and later.',
    risk: 'With background freeing, memory drops a little later than the eviction itself, so usage can stay above `maxmemory` for a short while.',
    related: ['lazyfree-lazy-expire', 'lazyfree-lazy-server-del', 'lazyfree-lazy-user-del', 'maxmemory-policy'],
  },
  'lazyfree-lazy-expire': {
    summary: 'Whether keys removed because their TTL expired are freed in a background thread.',
    details: 'Default: `no` in Redis, `yes` in Valkey 8.0 and later. Avoids latency spikes when large keys expire.',
    related: ['lazyfree-lazy-eviction', 'lazyfree-lazy-server-del', 'active-expire-effort'],
  },
  'lazyfree-lazy-server-del': {
    summary:
      'Whether values deleted implicitly by a command (for example the old value replaced by `SET` or by `RENAME` onto an existing key) are freed in the background.',
    details: 'Default: `no` in Redis, `yes` in Valkey 8.0 and later.',
    related: ['lazyfree-lazy-user-del', 'lazyfree-lazy-eviction', 'lazyfree-lazy-expire'],
  },
  'lazyfree-lazy-user-del': {
    summary: 'Whether `DEL` frees memory in the background, behaving like `UNLINK`.',
    details: 'Default: `no` in Redis, `yes` in Valkey 8.0 and later. Useful when application code cannot be changed to call `UNLINK`.',
    related: ['lazyfree-lazy-user-flush', 'lazyfree-lazy-server-del'],
  },
  'lazyfree-lazy-user-flush': {
    summary:
      'Whether the flush commands (`FLUSHDB`, `FLUSHALL`, and the script and function cache flushes) free memory in the background when called without `SYNC` or `ASYNC`.',
    details: 'Default: `no` in Redis (added in 6.2), `yes` in Valkey 8.0 and later.',
    related: ['lazyfree-lazy-user-del', 'replica-lazy-flush'],
  },
  'replica-lazy-flush': {
    summary: 'Whether a replica discards its old data set in the background when a full resynchronisation starts.',
    details:
      'Default: `no` in Redis, `yes` in Valkey 8.0 and later. With `yes` the replica is not blocked while freeing a large data set, but needs memory for the old and new data during the overlap.',
    related: ['lazyfree-lazy-user-flush', 'repl-diskless-load', 'replicaof'],
  },

  // ───────────────────────────── Active defragmentation ─────────────────────────────
  activedefrag: {
    summary: 'Enables active defragmentation, which relocates values in memory to give fragmented memory back to the system.',
    details:
      'Works only with the jemalloc allocator bundled with Redis/Valkey (builds linked against a system jemalloc, such as some distribution packages, refuse `activedefrag yes` at startup). ' +
      'Defragmentation runs in small steps on the main thread, within the bounds set by the `active-defrag-*` directives. Default: `no`.',
    risk: 'It costs CPU on the main thread; tune `active-defrag-cycle-max` if latency rises while it runs.',
    related: [
      'active-defrag-ignore-bytes',
      'active-defrag-threshold-lower',
      'active-defrag-threshold-upper',
      'active-defrag-cycle-min',
      'active-defrag-cycle-max',
      'active-defrag-max-scan-fields',
      'jemalloc-bg-thread',
    ],
  },
  'active-defrag-ignore-bytes': {
    summary: 'Bytes of fragmentation overhead that must accumulate before defragmentation is worth running at all.',
    details: 'Default: `100mb` (104,857,600 bytes). Avoids spending CPU on small instances.',
    unit: 'bytes (memory units allowed)',
    related: ['activedefrag', 'active-defrag-threshold-lower'],
  },
  'active-defrag-threshold-lower': {
    summary: 'Fragmentation percentage at which active defragmentation starts (with the minimum effort).',
    details: 'Default: `10` (range 0–1000).',
    unit: 'percent of fragmentation',
    related: ['activedefrag', 'active-defrag-threshold-upper', 'active-defrag-ignore-bytes', 'active-defrag-cycle-min'],
  },
  'active-defrag-threshold-upper': {
    summary: 'Fragmentation percentage at which active defragmentation uses its maximum effort.',
    details:
      'Default: `100` (range 0–1000). Between the lower and upper thresholds the effort grows from `active-defrag-cycle-min` to `active-defrag-cycle-max`.',
    unit: 'percent of fragmentation',
    related: ['activedefrag', 'active-defrag-threshold-lower', 'active-defrag-cycle-max'],
  },
  'active-defrag-cycle-min': {
    summary: 'Smallest share of CPU time given to defragmentation while it is active (applies from `active-defrag-threshold-lower` on).',
    details: 'Default: `1` (range 1–99).',
    unit: 'percent of CPU time',
    related: ['activedefrag', 'active-defrag-cycle-max', 'active-defrag-threshold-lower'],
  },
  'active-defrag-cycle-max': {
    summary: 'Maximum share of CPU time spent on defragmentation, reached at the upper threshold.',
    details: 'Default: `25` (range 1–99). Lower it if defragmentation hurts command latency.',
    unit: 'percent of CPU time',
    related: ['activedefrag', 'active-defrag-cycle-min', 'active-defrag-threshold-upper'],
  },
  'active-defrag-max-scan-fields': {
    summary: 'Size above which the elements of a set, hash, sorted set or list are defragmented in a separate, incremental pass.',
    details: 'Default: `1000` elements. Large collections are processed in steps so that a single huge key does not block the server.',
    unit: 'elements',
    related: ['activedefrag'],
  },
  'jemalloc-bg-thread': {
    summary: 'Whether jemalloc runs its background thread that returns unused memory pages to the operating system.',
    details: 'Default: `yes`. Only meaningful with the jemalloc allocator.',
    related: ['activedefrag'],
  },

  // ───────────────────────────── RDB snapshots ─────────────────────────────
  save: {
    summary: 'Snapshot schedule: write an RDB file when at least the given number of changes happened within the given number of seconds.',
    details:
      'Syntax: `save <seconds> <changes> [<seconds> <changes> ...]`; several pairs or several `save` lines combine, and any satisfied pair triggers a background save (a forked child writes `dbfilename` in `dir`). ' +
      '`save ""` disables snapshots. Default: `3600 1 300 100 60 10000` (after an hour if one key changed, after 5 minutes if 100 changed, after a minute if 10,000 changed).\n\n' +
      'In a config file the first `save` line replaces the built-in schedule and later lines add to it (Redis 6.2 and later). ' +
      'In Redis 6.0 a config file with no `save` line at all disables snapshots, while 6.2+ keeps the default schedule.',
    unit: 'pairs of seconds and number of changed keys',
    risk:
      '- Without snapshots and without `appendonly`, a restart loses all data.\n' +
      '- Every save forks the process: copy-on-write can need up to as much extra memory as the data set under heavy writes, so leave room below physical RAM.\n' +
      '- Snapshots hold all data, secrets included: protect `dir` and copies of the file.',
    related: ['dbfilename', 'dir', 'stop-writes-on-bgsave-error', 'rdbcompression', 'rdbchecksum', 'appendonly'],
  },
  'stop-writes-on-bgsave-error': {
    summary: 'Whether the server refuses writes after a background RDB save has failed.',
    details:
      'Default: `yes`. This makes a broken persistence setup (full disk, wrong permissions) visible to applications immediately, instead of silently accepting data that will not survive a restart. Writes are allowed again once a save succeeds.',
    risk: 'With `no`, a failing disk goes unnoticed until a restart loses data; monitor `rdb_last_bgsave_status` either way.',
    related: ['save', 'dir', 'replica-ignore-disk-write-errors'],
  },
  rdbcompression: {
    summary: 'Whether string values are compressed with LZF when writing RDB files.',
    details: 'Default: `yes`. Turning it off saves a little CPU in the saving child at the cost of larger files.',
    related: ['rdbchecksum', 'save'],
  },
  rdbchecksum: {
    summary: 'Whether a CRC64 checksum is appended to RDB files and verified when they are loaded.',
    details:
      'Default: `yes`. Files written without a checksum store zero, which tells the loader to skip the check. Computing it adds a modest cost to saving and loading. Cannot be changed at runtime.',
    risk: 'Without a checksum, a corrupted snapshot may be loaded silently.',
    related: ['rdbcompression', 'sanitize-dump-payload'],
  },
  'rdb-save-incremental-fsync': {
    summary: 'Whether the RDB file is flushed to disk in small increments while it is written, instead of in one go at the end.',
    details: 'Default: `yes` (an fsync every few megabytes). Spreading the writes avoids long I/O stalls that can also slow the main process.',
    related: ['aof-rewrite-incremental-fsync', 'save'],
  },
  'rdb-del-sync-files': {
    summary: 'Whether RDB files created only to serve replication are deleted when persistence is otherwise disabled.',
    details:
      "Applies to instances with neither `save` points nor `appendonly`: the snapshot written for a replica's full synchronisation would otherwise stay on disk. Default: `no`.",
    risk: 'Left on disk, such a file is a full copy of the data that nobody expects to exist; enable this on masters where data must not be kept on disk.',
    related: ['save', 'appendonly', 'repl-diskless-sync'],
  },
  'sanitize-dump-payload': {
    summary: 'Whether serialized values received with `RESTORE` or in RDB files are deeply validated before use: `no`, `yes` or `clients`.',
    details:
      '`yes` checks every payload in full; `clients` checks payloads sent by ordinary client connections but trusts the master link and users with the `skip-sanitize-payload` ACL rule; `no` only does the cheap checks. ' +
      'Default: `no`. Added in Redis 6.2. Deep checks cost time on large values.',
    risk: 'With `no`, a crafted `RESTORE` payload from a client that may run it can crash the server or corrupt memory; use `yes` or `clients` when `RESTORE` is reachable by untrusted users (or deny `RESTORE` in their ACL).',
    related: ['rdbchecksum', 'user'],
  },
  'rdb-key-save-delay': {
    summary: 'Testing knob that slows down RDB saving by sleeping for this many microseconds after each key.',
    details:
      'Hidden setting meant for the test suite. Default: `0` (no delay). Negative values produce a delay shorter than one microsecond per key on average.',
    unit: 'microseconds',
    risk: 'Any non-zero value in production makes snapshots and full synchronisations dramatically slower.',
    related: ['key-load-delay', 'save'],
  },
  'key-load-delay': {
    summary: 'Testing knob that slows down loading of RDB data (files and replication payloads) by sleeping for this many microseconds after each key.',
    details: 'Hidden setting meant for the test suite. Default: `0` (no delay). Negative values give a sub-microsecond average delay per key.',
    unit: 'microseconds',
    risk: 'Any non-zero value in production makes restarts and replica synchronisation slower.',
    related: ['rdb-key-save-delay', 'loading-process-events-interval-bytes'],
  },
  'loading-process-events-interval-bytes': {
    summary: 'How many bytes of RDB/AOF data are loaded between two rounds of event processing during loading.',
    details:
      'While loading, the server still answers clients (with a loading error) and pings; this sets how often it does so. Default: `2097152` (2 MiB), minimum `1024`. Hidden setting, added in Redis 7.0.',
    unit: 'bytes',
    related: ['key-load-delay'],
  },

  // ───────────────────────────── Append-only file ─────────────────────────────
  appendonly: {
    summary: 'Whether every write is also logged to the append-only file (AOF), which is replayed at startup.',
    details:
      'Default: `no`. With AOF on, durability is governed by `appendfsync` and typically at most one second of writes is lost in a crash, versus minutes with RDB snapshots alone. ' +
      'When AOF is enabled the server loads the AOF rather than the RDB file at startup. The log is compacted periodically by rewrites (see `auto-aof-rewrite-percentage`). ' +
      'Since Redis 7.0 the AOF is a set of files in `appenddirname` described by a manifest. ' +
      'Switching it on with `CONFIG SET appendonly yes` on a running server first writes a complete AOF from memory.',
    risk: 'Switching a server that so far relied on RDB to AOF by editing the file and restarting can, depending on the version, start it from an empty AOF instead of the RDB data. The safe path is `CONFIG SET appendonly yes` on the running server, waiting for the AOF to be written, then persisting the change (`CONFIG REWRITE` or editing the file).',
    related: ['appendfsync', 'appendfilename', 'appenddirname', 'aof-use-rdb-preamble', 'auto-aof-rewrite-percentage', 'save'],
  },
  appendfsync: {
    summary: 'How often the AOF is flushed to disk with fsync: `always`, `everysec` or `no`.',
    details:
      '`always`: after every write batch, safest and slowest. `everysec` (default): once per second from a background thread, losing at most about a second of writes on a crash. `no`: leave flushing to the operating system (often around 30 s on Linux), fastest.',
    risk: '`no` can lose much more than a second of acknowledged writes if the host crashes; `always` can throttle throughput on slow disks.',
    related: ['appendonly', 'no-appendfsync-on-rewrite'],
  },
  'no-appendfsync-on-rewrite': {
    summary: 'Whether AOF fsyncs are skipped while a background save or AOF rewrite is running.',
    details:
      'A child writing a large file can make fsync calls of the main process block, causing latency spikes. With `yes` the main process does not fsync during that time, which behaves like `appendfsync no` for the duration. Default: `no`.',
    risk: "With `yes`, a crash during a rewrite can lose up to the operating system's flush interval of writes (tens of seconds).",
    related: ['appendfsync', 'auto-aof-rewrite-percentage'],
  },
  'auto-aof-rewrite-percentage': {
    summary: 'Growth of the AOF, relative to its size after the last rewrite, that triggers an automatic rewrite.',
    details:
      'Default: `100` (rewrite when the AOF has doubled). `0` disables automatic rewrites. A rewrite never starts while the AOF is smaller than `auto-aof-rewrite-min-size`.',
    unit: 'percent',
    related: ['auto-aof-rewrite-min-size', 'appendonly'],
  },
  'auto-aof-rewrite-min-size': {
    summary: 'Minimum AOF size before the automatic rewrite can start.',
    details: 'Default: `64mb` (67,108,864 bytes). Prevents frequent rewrites of small files.',
    unit: 'bytes (memory units allowed)',
    related: ['auto-aof-rewrite-percentage', 'appendonly'],
  },
  'aof-load-truncated': {
    summary: 'Whether the server starts when the end of the AOF is truncated (for example after a crash while writing).',
    details:
      '`yes` (default): the incomplete last command is dropped, a warning is logged and the server starts. `no`: the server refuses to start until the file is repaired with the AOF check tool. Corruption in the middle of the file always stops startup.',
    risk: 'With `no`, a host crash can keep the server down until someone repairs the file by hand.',
    related: ['appendonly', 'aof-use-rdb-preamble'],
  },
  'aof-use-rdb-preamble': {
    summary: 'Whether AOF rewrites start the new file with an RDB snapshot, followed by commands in AOF format.',
    details: 'Default: `yes`. The RDB part is much faster to write and load than replaying commands.',
    related: ['appendonly', 'auto-aof-rewrite-percentage'],
  },
  'aof-rewrite-incremental-fsync': {
    summary: 'Whether the file produced by an AOF rewrite is flushed to disk in small increments while it is written.',
    details: 'Default: `yes` (an fsync every few megabytes), which avoids a long I/O burst at the end of the rewrite.',
    related: ['rdb-save-incremental-fsync', 'appendonly'],
  },
  'aof-timestamp-enabled': {
    summary: 'Whether timestamp annotations are written into the AOF, making point-in-time recovery possible.',
    details:
      'Default: `no`. Added in Redis 7.0. With timestamps the AOF can be truncated to a given moment with the AOF check tool before loading it. The annotations change the file format, so older tools may not read it.',
    related: ['appendonly'],
  },
  'aof-disable-auto-gc': {
    summary: 'Testing switch that keeps obsolete AOF files around after a rewrite instead of deleting them.',
    details: 'Hidden setting added in Redis 7.0 with multi-part AOF. Default: `no` (old base and incremental files are deleted automatically).',
    risk: 'With `yes`, obsolete AOF files accumulate in `appenddirname` until the disk fills.',
    related: ['appendonly', 'appenddirname'],
  },

  // ───────────────────────────── Replication ─────────────────────────────
  replicaof: {
    summary: 'Makes this server a replica of the master at the given host and port (`no one` keeps it a master).',
    details:
      "Syntax: `replicaof <host> <port>` or `replicaof no one`. The replica connects, performs a full or partial synchronisation, then applies the master's write stream. " +
      'Replication is asynchronous: a write acknowledged by the master may not have reached the replica yet (see `min-replicas-to-write`). ' +
      'Default: empty (master). `slaveof` is an older name for the same directive. It cannot be used together with `cluster-enabled yes` (replicas in a cluster are set up with `CLUSTER REPLICATE`), and at runtime the `REPLICAOF` command is used instead of `CONFIG SET`.',
    risk:
      '- If the master requires a password, set `masterauth` (and `masteruser`), or the replica never syncs.\n' +
      "- A full resync discards the replica's own data set and replaces it with the master's: pointing a server holding data at the wrong master destroys that data.\n" +
      '- Without `tls-replication` the whole data set crosses the network in clear text.',
    related: ['masterauth', 'masteruser', 'replica-read-only', 'replica-serve-stale-data', 'repl-backlog-size', 'tls-replication', 'min-replicas-to-write'],
  },
  slaveof: {
    summary: 'Older name of `replicaof`: makes this server a replica of the given master.',
    details:
      'Same syntax (`slaveof <host> <port>` or `slaveof no one`) and default (empty: the server is a master). In Redis 6.x it is handled by the config loader next to `replicaof`; from 7.0 and in Valkey it is an alias of `replicaof`. Prefer `replicaof` in new files.',
    related: ['replicaof'],
  },
  'replica-serve-stale-data': {
    summary: 'Whether a replica keeps answering reads while its link to the master is down or the first synchronisation is still in progress.',
    details:
      '`yes` (default): clients get possibly out-of-date (or, before the first sync, empty) data. `no`: most commands fail with an error until the replica is in sync again; a few administrative commands still work.',
    risk: 'With `yes`, applications may read stale values during master outages without knowing it.',
    related: ['replicaof', 'replica-read-only', 'repl-timeout'],
  },
  'replica-read-only': {
    summary: 'Whether a replica rejects write commands from ordinary clients.',
    details:
      'Default: `yes`. A writable replica only changes its local copy: the writes are never sent to the master, disappear at the next full resync, and make the replica diverge. Administrative commands (`CONFIG`, `DEBUG`…) remain available either way.',
    risk: 'Setting `no` lets applications write data that is silently lost or inconsistent with the master. Protect admin commands with ACL rules, since read-only mode does not restrict them.',
    related: ['replicaof', 'replica-serve-stale-data'],
  },
  'repl-diskless-sync': {
    summary: 'Whether a master sends the RDB for a full synchronisation directly over the replica socket instead of writing it to disk first.',
    details:
      'Diskless transfer avoids disk I/O and is faster with slow disks and fast networks; a disk-based transfer can serve several replicas that arrive at different times from one file. ' +
      'Default: `yes` since Redis 7.0 (it was `no` in 6.x). With diskless sync, replicas arriving after a transfer has started wait for the next one; `repl-diskless-sync-delay` groups them.',
    related: ['repl-diskless-sync-delay', 'repl-diskless-sync-max-replicas', 'repl-diskless-load', 'rdb-del-sync-files'],
  },
  'repl-diskless-sync-delay': {
    summary: 'How long a master waits for more replicas to arrive before starting a diskless transfer, so that one transfer serves them all.',
    details: 'Default: `5`. `0` starts immediately.',
    unit: 'seconds',
    related: ['repl-diskless-sync', 'repl-diskless-sync-max-replicas'],
  },
  'repl-diskless-sync-max-replicas': {
    summary: 'Number of waiting replicas that makes a diskless transfer start at once, without waiting for `repl-diskless-sync-delay` to expire.',
    details: 'Default: `0` (always wait for the full delay). Added in Redis 7.0.',
    unit: 'replicas',
    related: ['repl-diskless-sync-delay', 'repl-diskless-sync'],
  },
  'repl-diskless-load': {
    summary: 'How a replica loads the RDB received during a full synchronisation: through a file on disk or directly from the socket.',
    details:
      '- `disabled` (default): save the payload to disk, then load the file.\n' +
      '- `on-empty-db`: load straight from the socket, but only when the replica is empty (no risk of losing existing data).\n' +
      '- `swapdb`: load from the socket into a new data set while keeping the current one in memory (served to clients meanwhile, depending on version) and swap at the end; needs memory for both copies.\n' +
      '- `flush-before-load` (Valkey 8.1 line only): drop the current data first, then load from the socket; no extra memory but nothing to fall back on.',
    risk: 'Socket loading means that a failed or interrupted transfer leaves the replica with no usable data set (except with `swapdb`, which keeps the old one at the cost of doubling memory).',
    related: ['repl-diskless-sync', 'replica-lazy-flush', 'replicaof'],
  },
  'repl-ping-replica-period': {
    summary: 'How often a master pings its replicas so they can detect a dead master link.',
    details: 'Default: `10`. Must stay well below `repl-timeout`, or idle links time out.',
    unit: 'seconds',
    related: ['repl-timeout'],
  },
  'repl-timeout': {
    summary:
      'Time without data or pings after which a replication link (in either direction) is considered dead; also bounds stalls during a full sync transfer.',
    details: 'Default: `60`. Must be larger than `repl-ping-replica-period`. Raise it when large data sets make full synchronisations stall for long periods.',
    unit: 'seconds',
    risk: 'Too low a value causes links to be dropped during big transfers, producing resync loops.',
    related: ['repl-ping-replica-period', 'repl-backlog-size'],
  },
  'repl-disable-tcp-nodelay': {
    summary: 'Whether the master batches small writes to replicas into fewer TCP packets (disables TCP_NODELAY on the replica links).',
    details:
      'Default: `no` (send immediately, lowest replication lag). `yes` saves bandwidth at the cost of extra delay (up to a few tens of milliseconds on Linux).',
    related: ['repl-timeout'],
  },
  'repl-backlog-size': {
    summary: 'Size of the replication backlog, the buffer of recent writes that lets a briefly disconnected replica resume with a partial resync.',
    details:
      'If a replica reconnects while the writes it missed are still in the backlog, only those are sent; otherwise a full synchronisation is needed. ' +
      'Size it as write rate × the longest disconnection you want to tolerate. ' +
      'Default: `1mb` (1,048,576 bytes) in Redis; `10mb` (10,485,760 bytes) in Valkey 8.0 and later. The backlog is created when the first replica connects.',
    unit: 'bytes (memory units allowed)',
    risk: 'A small backlog on a busy master turns every network hiccup into a full resynchronisation (fork, full transfer, replica reload).',
    related: ['repl-backlog-ttl', 'client-output-buffer-limit', 'repl-timeout'],
  },
  'repl-backlog-ttl': {
    summary: 'How long a master keeps its replication backlog after the last replica disconnected.',
    details: 'Default: `3600`. `0` keeps it forever. Replicas never release theirs, since they may be promoted and need it then.',
    unit: 'seconds',
    related: ['repl-backlog-size'],
  },
  'replica-priority': {
    summary: 'Preference of this replica for promotion by Sentinel: lower values are preferred, `0` means never promote.',
    details: 'Default: `100`. Use `0` for replicas dedicated to backups or analytics, or placed in a remote data centre.',
    unit: 'priority (lower wins)',
    related: ['replica-announced', 'sentinel'],
  },
  'replica-announced': {
    summary: 'Whether Sentinel includes this replica in the replicas it reports to clients.',
    details:
      'Default: `yes`. Set `no` to hide a replica (for example a backup node) from Sentinel-based service discovery; it remains a normal replica. Added in Redis 6.2.',
    related: ['replica-priority', 'sentinel'],
  },
  'replica-announce-ip': {
    summary: 'IP address (or host name) a replica reports to its master, when the address the master sees is not reachable by others (NAT, containers).',
    details: 'Default: empty (the master uses the address it observes). Used by Sentinel and by `INFO replication` on the master.',
    related: ['replica-announce-port', 'cluster-announce-ip'],
  },
  'replica-announce-port': {
    summary: 'Port a replica reports to its master, when the port seen from outside differs from `port` (port forwarding, containers).',
    details: 'Default: `0` (report the configured listening port).',
    unit: 'TCP port number',
    related: ['replica-announce-ip', 'cluster-announce-port'],
  },
  'min-replicas-to-write': {
    summary: 'Minimum number of connected, recently acknowledging replicas a master needs in order to accept writes.',
    details:
      'A replica counts when its last acknowledgement is not older than `min-replicas-max-lag` seconds. Below the threshold, writes fail with an error. Default: `0` (disabled). ' +
      'This limits the window of writes that could be lost when a partitioned master is replaced, but does not make replication synchronous.',
    unit: 'replicas',
    risk: 'When enabled, losing replicas (maintenance, network issues) makes the master refuse all writes.',
    related: ['min-replicas-max-lag', 'replicaof'],
  },
  'min-replicas-max-lag': {
    summary: "Maximum age of a replica's last acknowledgement for it to count towards `min-replicas-to-write`.",
    details: 'Default: `10`. Has no effect while `min-replicas-to-write` is `0`.',
    unit: 'seconds',
    related: ['min-replicas-to-write'],
  },
  'replica-ignore-maxmemory': {
    summary: 'Whether a replica ignores its own `maxmemory` and leaves eviction entirely to its master.',
    details:
      'Default: `yes`: the replica mirrors exactly what the master keeps and deletes. A replica that evicted on its own would diverge from the master. ' +
      'Replicas can use more memory than the master (buffers, fragmentation), so size them accordingly.',
    risk: 'With `no` on a read-only replica, it may evict keys the master still holds, so reads from it return different results.',
    related: ['maxmemory', 'maxmemory-policy', 'replica-read-only'],
  },
  'replica-ignore-disk-write-errors': {
    summary: 'Whether a replica carries on applying the replication stream after it fails to persist it to disk.',
    details:
      'Default: `no`: a replica that cannot write its AOF treats this as fatal rather than silently drifting away from what it has on disk. `yes` keeps it running, with the risk that its persisted data is incomplete. Added in Redis 7.0.',
    related: ['stop-writes-on-bgsave-error', 'appendonly', 'propagation-error-behavior'],
  },
  'propagation-error-behavior': {
    summary:
      'What a replica, or a server loading its AOF, does when a command it receives from the master or the file fails: `ignore`, `panic` or `panic-on-replicas`.',
    details:
      'Such failures mean the data sets have diverged. `ignore` (default) logs and continues; `panic` stops the process; `panic-on-replicas` stops only when the error comes through replication, not during AOF loading. Added in Redis 7.0.',
    related: ['replica-ignore-disk-write-errors', 'replicaof'],
  },
  'dual-channel-replication-enabled': {
    summary: 'Valkey 8.0+: lets a full synchronisation use a second connection for the RDB transfer while the primary streams new writes over the main link.',
    details:
      'The replica buffers the write stream locally while it loads the snapshot, instead of the primary holding those writes in its replica output buffer; this reduces memory pressure and buffer-limit disconnects on the primary during full syncs. Default: `no`.',
    risk: 'The buffering moves to the replica, which then needs memory for it during the sync.',
    related: ['repl-diskless-sync', 'client-output-buffer-limit', 'repl-backlog-size'],
  },

  // ───────────────────────────── Cluster ─────────────────────────────
  'cluster-enabled': {
    summary: 'Runs the server as a Redis Cluster node, sharding the key space over 16,384 hash slots shared with other nodes.',
    details:
      'Default: `no`. A cluster node uses a second port for the node-to-node bus (`cluster-port`), keeps its view of the cluster in `cluster-config-file`, supports only database 0 and rejects `replicaof` in the config file. Cannot be changed at runtime.',
    risk: 'The cluster bus port must be reachable between nodes but not from clients or the internet; protect it with the firewall and `tls-cluster`, since cluster messages can reconfigure the node.',
    related: ['cluster-config-file', 'cluster-node-timeout', 'cluster-port', 'cluster-announce-ip', 'tls-cluster', 'cluster-require-full-coverage'],
  },
  'cluster-config-file': {
    summary: 'File in which a cluster node stores its cluster state (nodes, slots, epochs); maintained by the node itself.',
    details:
      'Default: `nodes.conf`, relative to `dir`. It is rewritten automatically on every cluster change and must not be edited by hand; every instance on a host needs its own file. Cannot be changed at runtime.',
    risk: "Two instances sharing one file corrupt each other's state; deleting it makes the node forget its identity and slots.",
    related: ['cluster-enabled', 'dir'],
  },
  'cluster-node-timeout': {
    summary: 'How long a cluster node may be unreachable before other nodes consider it failing and a replica may take over.',
    details:
      'Default: `15000` (15 s). Most other cluster time limits are derived from it (failure reports, failover delays, replica validity). Lower values react faster to failures but risk failovers on short network hiccups.',
    unit: 'milliseconds',
    related: ['cluster-replica-validity-factor', 'cluster-enabled', 'cluster-ping-interval'],
  },
  'cluster-port': {
    summary: 'Port of the cluster bus (node-to-node protocol); `0` means the client port plus 10000.',
    details: 'Default: `0`. Added in Redis 7.0. Cannot be changed at runtime.',
    unit: 'TCP port number',
    risk: 'Firewall the bus port from everything except the other cluster nodes.',
    related: ['cluster-enabled', 'cluster-announce-bus-port', 'port'],
  },
  'cluster-replica-validity-factor': {
    summary:
      'Limits failover to replicas whose link to the master was lost recently enough: the maximum tolerated disconnection is `cluster-node-timeout` × this factor (plus the ping period).',
    details:
      'Default: `10`. A replica disconnected longer than that does not attempt a failover, to avoid promoting a badly outdated copy. `0` lets a replica always try, favouring availability over freshness.',
    unit: 'multiplier of cluster-node-timeout',
    risk: 'A large value or `0` can promote a replica with old data; a small value can leave a shard without a master after a long outage.',
    related: ['cluster-node-timeout', 'cluster-replica-no-failover'],
  },
  'cluster-migration-barrier': {
    summary: 'Number of replicas a master must keep before one of its replicas may migrate to a master that has none.',
    details: 'Default: `1`. Only relevant when `cluster-allow-replica-migration` is `yes`. Raising it keeps more redundancy on each master.',
    unit: 'replicas',
    related: ['cluster-allow-replica-migration'],
  },
  'cluster-allow-replica-migration': {
    summary: 'Whether replicas may automatically move to a master left without replicas (orphaned master).',
    details: 'Default: `yes`. Added in Redis 6.2.',
    related: ['cluster-migration-barrier'],
  },
  'cluster-require-full-coverage': {
    summary: 'Whether the whole cluster stops serving queries as soon as some hash slot has no reachable master.',
    details:
      'Default: `yes`: any uncovered slot puts the cluster in a failed state, so applications see errors rather than partial data. With `no`, the slots that are still covered keep working.',
    related: ['cluster-allow-reads-when-down', 'cluster-allow-pubsubshard-when-down'],
  },
  'cluster-replica-no-failover': {
    summary: 'Prevents this replica from starting an automatic failover of its master.',
    details: 'Default: `no`. A manual `CLUSTER FAILOVER` is still possible. Useful for replicas in a remote data centre.',
    related: ['cluster-replica-validity-factor', 'replica-priority'],
  },
  'cluster-allow-reads-when-down': {
    summary: 'Whether a node keeps serving reads for the slots it owns while the cluster is in a failed state.',
    details: 'Default: `no`. `yes` favours read availability for applications that can tolerate stale or partial data.',
    related: ['cluster-require-full-coverage', 'cluster-allow-pubsubshard-when-down'],
  },
  'cluster-allow-pubsubshard-when-down': {
    summary: 'Whether sharded Pub/Sub (`SPUBLISH`/`SSUBSCRIBE`) keeps working for slots a node owns while the cluster is failed.',
    details: 'Default: `yes`. Added in Redis 7.0.',
    related: ['cluster-allow-reads-when-down', 'cluster-require-full-coverage'],
  },
  'cluster-link-sendbuf-limit': {
    summary: 'Memory limit of the send buffer of each cluster-bus link; a link over the limit is closed and re-established.',
    details: 'Default: `0` (no limit). Added in Redis 7.0. Protects a node from unbounded memory growth when a peer stops reading.',
    unit: 'bytes (memory units allowed)',
    related: ['cluster-enabled', 'client-output-buffer-limit'],
  },
  'cluster-announce-ip': {
    summary: 'IP address this node advertises to the rest of the cluster, when the local address is not reachable by peers (NAT, containers).',
    details: 'Default: empty (the address the peers observe is used).',
    related: ['cluster-announce-port', 'cluster-announce-bus-port', 'cluster-announce-tls-port', 'cluster-announce-hostname'],
  },
  'cluster-announce-port': {
    summary: 'Client port this node advertises to the rest of the cluster.',
    details: 'Default: `0` (advertise the configured `port`).',
    unit: 'TCP port number',
    related: ['cluster-announce-ip', 'cluster-announce-tls-port', 'cluster-announce-bus-port'],
  },
  'cluster-announce-tls-port': {
    summary: 'TLS client port this node advertises to the rest of the cluster.',
    details: 'Default: `0` (advertise `tls-port`). Added in Redis 6.2.',
    unit: 'TCP port number',
    related: ['cluster-announce-port', 'tls-port', 'tls-cluster'],
  },
  'cluster-announce-bus-port': {
    summary: 'Cluster-bus port this node advertises to its peers.',
    details: 'Default: `0` (advertise the real bus port, `cluster-port` or port + 10000).',
    unit: 'TCP port number',
    related: ['cluster-port', 'cluster-announce-port'],
  },
  'cluster-announce-hostname': {
    summary: 'Host name this node advertises, for clients that should connect by name (e.g. for TLS certificate checks).',
    details:
      'Default: empty. Letters, digits, dots and hyphens only. Which endpoint clients receive is chosen by `cluster-preferred-endpoint-type`. Added in Redis 7.0.',
    related: ['cluster-preferred-endpoint-type', 'cluster-announce-ip', 'cluster-announce-human-nodename'],
  },
  'cluster-announce-human-nodename': {
    summary: 'Human-friendly name of the node, spread through the cluster and used in log messages.',
    details: 'Default: empty. Purely informational; added in Redis 7.2.',
    related: ['cluster-announce-hostname'],
  },
  'cluster-preferred-endpoint-type': {
    summary: 'Which endpoint the node gives clients in redirections and slot maps: `ip`, `hostname` or `unknown-endpoint`.',
    details:
      'Default: `ip`. `hostname` requires every node to set `cluster-announce-hostname`. `unknown-endpoint` returns `?` so clients reuse the address they used to reach the node (useful behind a single load-balanced name). Added in Redis 7.0.',
    related: ['cluster-announce-hostname', 'cluster-announce-ip'],
  },
  'cluster-ping-interval': {
    summary: 'Testing knob that overrides the interval of cluster-bus pings.',
    details: 'Hidden setting added in Redis 7.2. Default: `0`, meaning the interval derived from `cluster-node-timeout` is used.',
    unit: 'milliseconds',
    related: ['cluster-node-timeout'],
  },
  'cluster-announce-client-ipv4': {
    summary: 'Valkey 8.0+: IPv4 address this node advertises to clients connecting over IPv4, when it differs from the address used on the cluster bus.',
    details: 'Default: empty (clients get the same address as peers). Lets a cluster use private addresses internally and different ones for clients.',
    related: ['cluster-announce-client-ipv6', 'cluster-announce-ip'],
  },
  'cluster-announce-client-ipv6': {
    summary: 'Valkey 8.0+: IPv6 address this node advertises to clients connecting over IPv6.',
    details: 'Default: empty (clients get the same address as peers).',
    related: ['cluster-announce-client-ipv4', 'cluster-announce-ip'],
  },
  'cluster-blacklist-ttl': {
    summary: 'Valkey 8.0+: how long a node removed with `CLUSTER FORGET` stays banned from being re-added by gossip.',
    details:
      'Default: `60`. Choose a period that leaves you time to run `CLUSTER FORGET` on all remaining nodes; otherwise gossip from a node that still knows the removed one brings it back.',
    unit: 'seconds',
    related: ['cluster-node-timeout'],
  },
  'cluster-slot-stats-enabled': {
    summary: 'Valkey 8.0+: whether per-slot CPU time and network traffic are tracked for `CLUSTER SLOT-STATS`.',
    details: 'Default: `no` (per-slot key counts are reported regardless). Tracking adds a small overhead to every command.',
    related: ['cluster-enabled'],
  },
  'availability-zone': {
    summary: 'Valkey 8.0+: free-form name of the availability zone the server runs in, reported to clients so they can prefer nearby replicas.',
    details: 'Default: empty. Clients read it from the `HELLO` reply.',
    related: ['replica-announce-ip', 'cluster-announce-hostname'],
  },

  // ───────────────────────────── Sentinel ─────────────────────────────
  sentinel: {
    summary: 'Prefix of every Sentinel setting in `sentinel.conf`: `sentinel <sub-directive> [arguments]` (only valid when the server runs as Sentinel).',
    details:
      'Outside Sentinel mode a `sentinel` line is a fatal error (a bare `sentinel` with no argument is ignored). Sentinel rewrites its own config file to record the state it discovers, so the file must be writable by the Sentinel process. ' +
      'The main sub-directives are `monitor`, `down-after-milliseconds`, `failover-timeout`, `parallel-syncs`, `auth-user` / `auth-pass`, `sentinel-user` / `sentinel-pass`, the scripts and `deny-scripts-reconfig`, and the `announce-*` and `*-hostnames` settings; hover one for its arguments and what it does. ' +
      'Lines such as `myid`, `known-replica` and `current-epoch` are state Sentinel writes itself.',
    risk:
      '- `auth-pass` and `sentinel-pass` sit in clear text in `sentinel.conf`: restrict the file, and protect the Sentinel port itself (`requirepass` or ACL users on Sentinel, `bind`, TLS), since a reachable Sentinel can trigger failovers.\n' +
      '- Allowing `SENTINEL SET` to change notification or reconfiguration scripts (`deny-scripts-reconfig no`) lets whoever can talk to Sentinel run programs on the host.\n' +
      '- A `quorum` lower than a majority of Sentinels, or too few Sentinels, makes split-brain failovers possible.',
    related: ['replicaof', 'masterauth', 'replica-priority', 'replica-announced', 'port'],
  },

  // ───────────────────────────── Keyspace, expiry, events ─────────────────────────────
  databases: {
    summary: 'Number of logical databases, selected with `SELECT <index>` (index 0 to this value minus one).',
    details: 'Default: `16`. Cluster mode only uses database 0. Cannot be changed at runtime.',
    unit: 'databases',
    related: ['cluster-enabled'],
  },
  'notify-keyspace-events': {
    summary: 'Which keyspace events are published on Pub/Sub channels, as a string of class characters; empty disables notifications.',
    details:
      'At least one of `K` or `E` must be combined with at least one event class, otherwise nothing is sent:\n\n' +
      '- `K`: keyspace events, on channels `__keyspace@<db>__:<key>` (message = event name).\n' +
      '- `E`: keyevent events, on channels `__keyevent@<db>__:<event>` (message = key name).\n' +
      '- `g`: generic commands that work on any type (`DEL`, `EXPIRE`, `RENAME`, …).\n' +
      '- `$`: string commands. `l`: list commands. `s`: set commands. `h`: hash commands. `z`: sorted-set commands. `t`: stream commands.\n' +
      '- `x`: a key expired. `e`: a key was evicted because of `maxmemory`.\n' +
      '- `m`: key miss, a command accessed a key that does not exist.\n' +
      '- `d`: events from module-defined key types (6.2+). `n`: a new key was created (7.0+).\n' +
      '- `A`: shorthand for `g$lshzxetd`; `m` and `n` are not included and must be added explicitly.\n\n' +
      'Default: empty (off). Example: `Ex` publishes expiry events on the keyevent channel. Unknown characters are a fatal error. Notifications are fire-and-forget: disconnected subscribers miss them.',
    unit: 'class characters',
    risk: 'Broad settings such as `KEA` (especially with `m`) cost CPU on every write and can flood subscribers; enable only the classes you consume.',
    related: ['maxmemory-policy', 'hz', 'active-expire-effort'],
  },
  'active-expire-effort': {
    summary: 'How much CPU the background cycle spends removing expired keys that nobody accesses.',
    details:
      'Range `1`–`10`, default `1`. Higher values reclaim memory held by expired keys sooner and keep the share of already-expired keys lower, at the cost of more CPU and possibly latency.',
    unit: 'effort level (1–10)',
    related: ['hz', 'lazyfree-lazy-expire'],
  },
  hz: {
    summary: "Frequency of the server's background tasks (expiring keys, closing idle clients, rehashing, stats).",
    details:
      'Default: `10` (ten runs per second). Any value is accepted in the file but the effective value is clamped to `1`–`500`. Higher values make expiry and timeouts more precise and use more idle CPU; values above 100 are rarely useful. ' +
      'With `dynamic-hz` the configured value is a baseline that is raised automatically when many clients are connected.',
    unit: 'times per second',
    related: ['dynamic-hz', 'active-expire-effort', 'timeout'],
  },
  'dynamic-hz': {
    summary: 'Whether the background task frequency is raised automatically with the number of connected clients.',
    details: 'Default: `yes`. The `hz` setting is used as the base value when the server is idle.',
    related: ['hz'],
  },
  activerehashing: {
    summary: 'Whether the main hash tables are rehashed incrementally in the background, besides the rehashing done on each access.',
    details:
      'Default: `yes`. Background rehashing frees memory sooner after tables grow; setting `no` avoids occasional small delays of a few milliseconds for workloads with very strict latency needs.',
    related: ['hz'],
  },
  'tracking-table-max-keys': {
    summary: 'Maximum number of keys remembered for client-side caching (`CLIENT TRACKING` in default mode).',
    details:
      'When the table is full, the server invalidates old keys (sending invalidation messages) to make room. Default: `1000000`; `0` means no limit. Broadcast mode does not use this table.',
    unit: 'keys',
    related: ['maxmemory'],
  },

  // ───────────────────────────── Scripts, slow commands, latency ─────────────────────────────
  'busy-reply-threshold': {
    summary: 'How long a script, function or module operation may run before the server starts answering other clients with a `BUSY` error.',
    details:
      'The running script is not stopped: past the threshold other clients are told the server is busy and only a few commands are accepted, such as `SCRIPT KILL` / `FUNCTION KILL` (for scripts that have not written yet) and `SHUTDOWN NOSAVE`. ' +
      'Default: `5000` (5 s). Renamed from `lua-time-limit` in Redis 7.0, which remains an accepted alias.',
    unit: 'milliseconds',
    risk: 'A long-running script blocks every client (Redis runs scripts on the main thread). Only run scripts you trust, never code from untrusted sources, and keep the server up to date: security fixes in the Lua engine ship in patch releases.',
    related: ['lua-time-limit', 'slowlog-log-slower-than', 'enable-debug-command'],
  },
  'lua-time-limit': {
    summary: 'Redis 6.x name of `busy-reply-threshold`: how long a Lua script may run before other clients get `BUSY` errors.',
    details: 'Default: `5000`. In Redis 7.0 and later, and in Valkey, it is an alias of `busy-reply-threshold`.',
    unit: 'milliseconds',
    risk: 'Scripts block the server while they run; run only trusted scripts and keep the server patched.',
    related: ['busy-reply-threshold'],
  },
  'lua-replicate-commands': {
    summary: 'Obsolete switch for replicating Lua scripts by their effects; accepted and ignored since Redis 7.0.',
    details:
      'In Redis 6.x (default `yes`) it chose whether scripts were replicated as the write commands they performed rather than as the script itself. Since 7.0 effect replication is the only mode, and the directive (exactly one argument) is read and ignored, also in Valkey.',
    related: ['busy-reply-threshold'],
  },
  'slowlog-log-slower-than': {
    summary: 'Execution time above which a command is recorded in the slow log (`SLOWLOG GET`).',
    details:
      'Only the execution time is measured, not network or queueing time. Default: `10000` (10 ms). `0` records every command; a negative value disables the slow log.',
    unit: 'microseconds',
    related: ['slowlog-max-len', 'latency-monitor-threshold'],
  },
  'slowlog-max-len': {
    summary: 'Maximum number of entries kept in the slow log; the oldest are dropped first.',
    details: 'Default: `128`. Entries are kept in memory; `SLOWLOG RESET` frees them.',
    unit: 'entries',
    related: ['slowlog-log-slower-than'],
  },
  'latency-monitor-threshold': {
    summary: 'Duration above which an internal event (command, fork, expiry cycle, fsync…) is recorded by the latency monitor (`LATENCY` command).',
    details: 'Default: `0`, monitor off. Can be enabled at runtime when investigating latency problems.',
    unit: 'milliseconds',
    related: ['slowlog-log-slower-than', 'latency-tracking'],
  },
  'latency-tracking': {
    summary: 'Whether per-command latency histograms are collected and reported in `INFO latencystats`.',
    details: 'Default: `yes`. Added in Redis 7.0.',
    related: ['latency-tracking-info-percentiles', 'latency-monitor-threshold'],
  },
  'latency-tracking-info-percentiles': {
    summary: 'Which latency percentiles `INFO latencystats` reports for each command.',
    details: 'A space-separated list of numbers between 0 and 100. Default: `50 99 99.9`. An empty value reports none. Added in Redis 7.0.',
    unit: 'percentiles',
    related: ['latency-tracking'],
  },
  'watchdog-period': {
    summary: 'Debugging aid: when the main thread is stuck for longer than this period, a stack trace is written to the log.',
    details: 'Hidden setting, added as a config in Redis 7.0. Default: `0` (off). Meant for investigating latency, not for permanent use.',
    unit: 'milliseconds',
    related: ['latency-monitor-threshold'],
  },

  // ───────────────────────────── Encodings of small values ─────────────────────────────
  'hash-max-listpack-entries': {
    summary: 'Largest number of fields a hash can have and still be stored in the compact listpack encoding.',
    details:
      'Small hashes use far less memory as a listpack; beyond this size (or when a value exceeds `hash-max-listpack-value`) they are converted to a hash table. Default: `512`. ' +
      'Named `hash-max-ziplist-entries` before Redis 7.0; the old name is still accepted as an alias.',
    unit: 'fields',
    related: ['hash-max-listpack-value'],
  },
  'hash-max-listpack-value': {
    summary: 'Longest field name or value allowed in a hash stored as a listpack.',
    details: 'Default: `64`. Larger elements convert the hash to a hash table. Named `hash-max-ziplist-value` before Redis 7.0 (still accepted as an alias).',
    unit: 'bytes',
    related: ['hash-max-listpack-entries'],
  },
  'hash-max-ziplist-entries': {
    summary: 'Redis 6.x name of `hash-max-listpack-entries`: maximum fields of a hash kept in the compact encoding.',
    details: 'Default: `512`. From Redis 7.0 and in Valkey it is an alias of `hash-max-listpack-entries`.',
    unit: 'fields',
    related: ['hash-max-listpack-entries', 'hash-max-ziplist-value'],
  },
  'hash-max-ziplist-value': {
    summary: 'Redis 6.x name of `hash-max-listpack-value`: longest element of a hash kept in the compact encoding.',
    details: 'Default: `64`. From Redis 7.0 and in Valkey it is an alias of `hash-max-listpack-value`.',
    unit: 'bytes',
    related: ['hash-max-listpack-value', 'hash-max-ziplist-entries'],
  },
  'zset-max-listpack-entries': {
    summary: 'Largest number of members a sorted set can have and still be stored as a compact listpack.',
    details:
      'Default: `128`. Larger sorted sets use a skiplist with a hash table. Named `zset-max-ziplist-entries` before Redis 7.0 (still accepted as an alias).',
    unit: 'members',
    related: ['zset-max-listpack-value'],
  },
  'zset-max-listpack-value': {
    summary: 'Longest member allowed in a sorted set stored as a listpack.',
    details: 'Default: `64`. Named `zset-max-ziplist-value` before Redis 7.0 (still accepted as an alias).',
    unit: 'bytes',
    related: ['zset-max-listpack-entries'],
  },
  'zset-max-ziplist-entries': {
    summary: 'Redis 6.x name of `zset-max-listpack-entries`: maximum members of a sorted set kept in the compact encoding.',
    details: 'Default: `128`. From Redis 7.0 and in Valkey it is an alias of `zset-max-listpack-entries`.',
    unit: 'members',
    related: ['zset-max-listpack-entries', 'zset-max-ziplist-value'],
  },
  'zset-max-ziplist-value': {
    summary: 'Redis 6.x name of `zset-max-listpack-value`: longest member of a sorted set kept in the compact encoding.',
    details: 'Default: `64`. From Redis 7.0 and in Valkey it is an alias of `zset-max-listpack-value`.',
    unit: 'bytes',
    related: ['zset-max-listpack-value', 'zset-max-ziplist-entries'],
  },
  'list-max-listpack-size': {
    summary: 'Size of each node of a list (lists are chains of compact listpack nodes): a positive entry count, or a negative byte-size class.',
    details:
      'Negative values cap each node by bytes: `-1` = 4 KB, `-2` = 8 KB, `-3` = 16 KB, `-4` = 32 KB, `-5` = 64 KB. Positive values cap the number of elements per node. ' +
      'Default: `-2`; `-1` or `-2` usually give the best balance. Named `list-max-ziplist-size` before Redis 7.0 (still accepted as an alias).',
    unit: 'entries (positive) or size class (negative)',
    related: ['list-compress-depth'],
  },
  'list-max-ziplist-size': {
    summary: 'Redis 6.x name of `list-max-listpack-size`: the size of each node of a list.',
    details: 'Default: `-2` (8 KB per node). From Redis 7.0 and in Valkey it is an alias of `list-max-listpack-size`.',
    unit: 'entries (positive) or size class (negative)',
    related: ['list-max-listpack-size'],
  },
  'list-max-ziplist-entries': {
    summary: 'Obsolete list setting from before Redis 3.2; accepted and ignored.',
    details:
      'Every extracted version (Redis 6.0 to 8.0-m01, Valkey 7.2 to 8.1) reads it with exactly one argument and does nothing with it. Use `list-max-listpack-size` instead.',
    related: ['list-max-listpack-size', 'list-max-ziplist-value'],
  },
  'list-max-ziplist-value': {
    summary: 'Obsolete list setting from before Redis 3.2; accepted and ignored.',
    details:
      'Every extracted version (Redis 6.0 to 8.0-m01, Valkey 7.2 to 8.1) reads it with exactly one argument and does nothing with it. Use `list-max-listpack-size` instead.',
    related: ['list-max-listpack-size', 'list-max-ziplist-entries'],
  },
  'list-compress-depth': {
    summary: 'How many nodes at each end of a list are kept uncompressed; inner nodes are compressed with LZF.',
    details:
      '`0` (default) disables compression. `1` leaves the head and tail nodes plain and compresses everything in between; `2` leaves two nodes at each end plain, and so on. Useful for long lists accessed mostly at their ends (queues).',
    unit: 'nodes at each end',
    related: ['list-max-listpack-size'],
  },
  'set-max-intset-entries': {
    summary: 'Largest number of members a set made only of integers can have and still use the compact intset encoding.',
    details: 'Default: `512`. Members must be base-10 integers within the signed 64-bit range.',
    unit: 'members',
    related: ['set-max-listpack-entries'],
  },
  'set-max-listpack-entries': {
    summary: 'Largest number of members a small non-integer set can have and still be stored as a listpack.',
    details: 'Default: `128`. Added in Redis 7.2; before that, such sets always used a hash table.',
    unit: 'members',
    related: ['set-max-listpack-value', 'set-max-intset-entries'],
  },
  'set-max-listpack-value': {
    summary: 'Longest member allowed in a set stored as a listpack.',
    details: 'Default: `64`. Added in Redis 7.2.',
    unit: 'bytes',
    related: ['set-max-listpack-entries'],
  },
  'stream-node-max-bytes': {
    summary: "Maximum size of one node of a stream's internal radix tree.",
    details: 'Default: `4096` (4 KB). `0` removes the byte limit. A node is closed when it reaches this size or `stream-node-max-entries`.',
    unit: 'bytes (memory units allowed)',
    related: ['stream-node-max-entries'],
  },
  'stream-node-max-entries': {
    summary: 'Maximum number of entries in one node of a stream before a new node is started.',
    details: 'Default: `100`. `0` removes the entry limit.',
    unit: 'entries',
    related: ['stream-node-max-bytes'],
  },
  'hll-sparse-max-bytes': {
    summary: 'Size above which a HyperLogLog switches from the sparse to the dense representation.',
    details: 'Default: `3000`. The dense form always takes about 12 KB; larger values keep sparse HLLs longer, saving memory but making `PFADD` slower.',
    unit: 'bytes (memory units allowed)',
  },

  // ───────────────────────────── Threads, CPU, operating system ─────────────────────────────
  'io-threads': {
    summary: 'Number of threads used for client network I/O, counting the main thread; `1` keeps all I/O on the main thread.',
    details:
      'Default: `1` (range `1`–`128`). Commands themselves still execute on the main thread; extra threads help only when socket reads and writes are the bottleneck, typically on machines with several spare cores. Keep the value below the number of cores. Cannot be changed at runtime.\n\n' +
      'In Redis the threads write replies, and also read and parse requests when `io-threads-do-reads` is `yes`. ' +
      'In Valkey 8.0 and later they handle reads, parsing and writes, and are activated on demand according to the load (see `events-per-io-thread`).',
    unit: 'threads',
    related: ['io-threads-do-reads', 'events-per-io-thread', 'prefetch-batch-max-size', 'server-cpulist'],
  },
  'io-threads-do-reads': {
    summary: 'Whether the I/O threads also read and parse client requests, not only write replies.',
    details:
      'Only meaningful with `io-threads` above 1. Default: `no` in Redis; `yes` in Valkey 8.0. In the Valkey 8.1 development line it is accepted (with exactly one argument) and ignored, since the I/O threads always do reads there. Cannot be changed at runtime.',
    related: ['io-threads'],
  },
  'events-per-io-thread': {
    summary: 'Valkey 8.0+: number of pending network events that justifies one more active I/O thread.',
    details:
      'Valkey activates I/O threads gradually: roughly the number of events in an event-loop iteration divided by this value, capped at `io-threads`. Default: `2`; `0` hands all events to the threads (used in testing).',
    unit: 'events per thread',
    related: ['io-threads', 'prefetch-batch-max-size'],
  },
  'prefetch-batch-max-size': {
    summary: 'Valkey 8.0+: how many keys are prefetched into CPU caches in one batch before executing commands read by the I/O threads.',
    details: 'Default: `16` (range `0`–`128`). `0` turns the prefetching off. Batching memory accesses hides main-memory latency on large data sets.',
    unit: 'keys',
    related: ['io-threads', 'events-per-io-thread'],
  },
  'server-cpulist': {
    summary: 'CPUs the main server thread and the I/O threads are pinned to, as a list like `0-3`, `1,3,5` or `0-7:2`.',
    details:
      'Default: empty (no pinning). Linux and FreeBSD only. Primary name since Redis 7.4 and Valkey 8.0; earlier versions used `server_cpulist`, which remains an alias. Cannot be changed at runtime.',
    related: ['bio-cpulist', 'aof-rewrite-cpulist', 'bgsave-cpulist', 'io-threads'],
  },
  'bio-cpulist': {
    summary: 'CPUs the background I/O threads (lazy freeing, fsync, file closing) are pinned to.',
    details:
      'Same list syntax as `server-cpulist`; default empty. Primary name since Redis 7.4 and Valkey 8.0 (earlier `bio_cpulist`, still an alias). Cannot be changed at runtime.',
    related: ['server-cpulist', 'aof-rewrite-cpulist', 'bgsave-cpulist'],
  },
  'aof-rewrite-cpulist': {
    summary: 'CPUs the AOF rewrite child process is pinned to.',
    details:
      "Same list syntax as `server-cpulist`; default empty. Keeping the child off the main thread's cores reduces interference. Primary name since Redis 7.4 and Valkey 8.0 (earlier `aof_rewrite_cpulist`, still an alias). Cannot be changed at runtime.",
    related: ['server-cpulist', 'bgsave-cpulist', 'bio-cpulist'],
  },
  'bgsave-cpulist': {
    summary: 'CPUs the background RDB save child process is pinned to.',
    details:
      'Same list syntax as `server-cpulist`; default empty. Primary name since Redis 7.4 and Valkey 8.0 (earlier `bgsave_cpulist`, still an alias). Cannot be changed at runtime.',
    related: ['server-cpulist', 'aof-rewrite-cpulist', 'bio-cpulist'],
  },
  server_cpulist: {
    summary: 'Name of `server-cpulist` up to Redis 7.2 and Valkey 7.2: CPUs for the main thread and I/O threads.',
    details: 'Default: empty (no pinning). Later versions keep it as an alias of `server-cpulist`.',
    related: ['server-cpulist', 'bio_cpulist', 'aof_rewrite_cpulist', 'bgsave_cpulist'],
  },
  bio_cpulist: {
    summary: 'Name of `bio-cpulist` up to Redis 7.2 and Valkey 7.2: CPUs for the background I/O threads.',
    details: 'Default: empty (no pinning). Later versions keep it as an alias of `bio-cpulist`.',
    related: ['bio-cpulist', 'server_cpulist'],
  },
  aof_rewrite_cpulist: {
    summary: 'Name of `aof-rewrite-cpulist` up to Redis 7.2 and Valkey 7.2: CPUs for the AOF rewrite child.',
    details: 'Default: empty (no pinning). Later versions keep it as an alias of `aof-rewrite-cpulist`.',
    related: ['aof-rewrite-cpulist', 'server_cpulist'],
  },
  bgsave_cpulist: {
    summary: 'Name of `bgsave-cpulist` up to Redis 7.2 and Valkey 7.2: CPUs for the RDB save child.',
    details: 'Default: empty (no pinning). Later versions keep it as an alias of `bgsave-cpulist`.',
    related: ['bgsave-cpulist', 'server_cpulist'],
  },
  'oom-score-adj': {
    summary: 'Whether the server sets the Linux OOM-killer score of its processes: `no`, `yes` (same as `relative`), `relative` or `absolute`.',
    details:
      'With `relative`, the values of `oom-score-adj-values` are added to the score the process had at startup; with `absolute` they are used as they are. Default: `no` (scores untouched). ' +
      'The intent is that, under memory pressure, the kernel kills a background save child before a replica, and a replica before the master. Linux only.',
    related: ['oom-score-adj-values', 'maxmemory'],
  },
  'oom-score-adj-values': {
    summary: 'The three OOM-killer score adjustments used by `oom-score-adj`: for a master, for a replica, and for background child processes.',
    details:
      'Exactly three integers between -2000 and 2000 (the kernel clamps the final score to -1000..1000). Default: `0 200 800`. Lowering a score below its original value usually requires extra privileges.',
    unit: 'OOM score adjustment',
    related: ['oom-score-adj'],
  },
  'disable-thp': {
    summary: 'Whether the server turns off transparent huge pages for its own process on Linux.',
    details:
      'Huge pages make fork-based persistence slower and more memory-hungry (copy-on-write copies 2 MB pages). Default: `yes`. Added in Redis 6.2; cannot be changed at runtime since 7.0.',
    related: ['save', 'appendonly'],
  },
  'ignore-warnings': {
    summary: 'Names of startup system checks whose warnings should be ignored, separated by spaces.',
    details:
      'The check that can be silenced is `ARM64-COW-BUG`, which detects Linux kernels on ARM64 with a copy-on-write bug that can corrupt data in forked children. ' +
      'Default: empty; it was `ARM64-COW-BUG` in Redis 6.0.',
    risk: 'Ignoring the ARM64 check on an affected kernel risks silent data corruption during saves and rewrites; upgrade the kernel instead.',
    related: ['disable-thp'],
  },
  'locale-collate': {
    summary: 'Locale used when strings are compared by collation order, as `SORT … ALPHA` does.',
    details: 'Default: empty, which takes the locale from the environment. Added in Redis 7.2.',
  },

  // ───────────────────────────── Shutdown ─────────────────────────────
  'shutdown-on-sigterm': {
    summary: 'What the server does when it receives SIGTERM, as one or more of `default`, `save`, `nosave`, `now`, `force`.',
    details:
      '`default` writes a snapshot when `save` rules exist and not otherwise; `save` forces a snapshot and `nosave` forbids one (they exclude each other); `now` does not give replicas time to catch up; `force` exits even when the final save or AOF flush fails. ' +
      'Default: `default`. Added in Redis 7.0.',
    risk: '`nosave` without AOF loses every write since the last snapshot at each restart by the service manager; `force` can exit with data not persisted.',
    related: ['shutdown-on-sigint', 'shutdown-timeout', 'save'],
  },
  'shutdown-on-sigint': {
    summary: 'What the server does when it receives SIGINT (Ctrl-C), as one or more of `default`, `save`, `nosave`, `now`, `force`.',
    details: 'Same values as `shutdown-on-sigterm`. Default: `default`. Added in Redis 7.0.',
    related: ['shutdown-on-sigterm', 'shutdown-timeout'],
  },
  'shutdown-timeout': {
    summary: 'How long a shutting-down master waits for its replicas to receive the last writes before exiting.',
    details: 'Default: `10`. `0` disables the wait. The `now` shutdown option skips it. Added in Redis 7.0.',
    unit: 'seconds',
    related: ['shutdown-on-sigterm', 'shutdown-on-sigint'],
  },

  // ───────────────────────────── Testing and development switches ─────────────────────────────
  'use-exit-on-panic': {
    summary: 'Testing switch: on a fatal internal error, exit normally instead of aborting, so coverage and leak tools can write their reports.',
    details: 'Hidden setting added in Redis 6.2. Default: `no`.',
    related: ['crash-log-enabled'],
  },
  'enable-debug-assert': {
    summary: 'Valkey 8.0+: enables extra internal consistency checks that are too costly for normal operation.',
    details: 'Hidden setting meant for development and testing. Default: `no`. Cannot be changed at runtime.',
    related: ['debug-context', 'enable-debug-command'],
  },
  'debug-context': {
    summary: 'Valkey 8.0+: free-form string read by test hooks in the server, used by the test suite to inject errors.',
    details: 'Hidden debugging setting. Default: empty. Has no use in production.',
    related: ['enable-debug-assert'],
  },
  'extended-redis-compatibility': {
    summary: 'Valkey 8.0+: makes Valkey present itself as Redis to clients, for tools that check the server name.',
    details:
      'With `yes`, the `HELLO` reply reports the server as `redis` with a Redis version number, and several error messages say Redis instead of Valkey. Default: `no`. Intended as a temporary migration aid.',
    related: ['availability-zone'],
  },
  'gopher-enabled': {
    summary: 'Redis 6.x only: serves key contents over the Gopher protocol on the normal port.',
    details: 'Default: `no`. Removed in Redis 7.0, where the directive is no longer accepted.',
    risk: 'Turns key contents into documents that any Gopher client can fetch; leave it off unless you deliberately publish data that way.',
    related: ['requirepass'],
  },

  // ───────────────────────────── New in Redis 8.0.2, Valkey 8.1.1 and 9.1.2 ─────────────────────────────
  'repl-rdb-channel': {
    summary: 'Redis 8.0: lets a replica receive the snapshot of a full sync over a second connection while the master streams new writes on the first.',
    details:
      'Hidden setting. Default: `yes`. With both connections, the master no longer holds every write that arrives during the snapshot in its own output buffer: the replica keeps them and applies them once the snapshot is loaded (see `replica-full-sync-buffer-limit`).',
    related: ['replica-full-sync-buffer-limit', 'repl-diskless-sync'],
  },
  'replica-full-sync-buffer-limit': {
    summary: "Redis 8.0: how much of the master's write stream a replica may hold while it is still loading the snapshot of a full sync.",
    details:
      'Applies when the snapshot comes over its own connection (`repl-rdb-channel`). Past the limit the replica stops reading the stream, and the writes pile up on the master instead, within its `client-output-buffer-limit replica`. Default: `0`, which means the replica uses that same hard limit.',
    unit: 'bytes (memory units allowed)',
    related: ['repl-rdb-channel', 'client-output-buffer-limit'],
  },
  'cluster-compatibility-sample-ratio': {
    summary: 'Redis 8.0: percentage of commands checked for what a cluster would refuse (keys of several slots in one command, and the like).',
    details:
      'The result shows in `INFO` and helps to judge whether an application is ready for cluster mode. Default: `0` (nothing is checked); `100` checks every command, at a cost in throughput.',
    unit: 'percent (0 to 100)',
    related: ['cluster-enabled'],
  },
  'active-defrag-cycle-us': {
    summary: 'Valkey 8.1+: how long each run of the active defragmenter may work before it yields to clients.',
    details: 'Shorter runs disturb command latency less but make defragmentation take longer overall. Default: `500` (0.5 ms); range 0 to 100000.',
    unit: 'microseconds',
    related: ['activedefrag', 'active-defrag-cycle-min', 'active-defrag-cycle-max'],
  },
  'cluster-manual-failover-timeout': {
    summary: 'Valkey 8.1+: how long a manual failover (`CLUSTER FAILOVER`) may take before it is abandoned.',
    details:
      'During a manual failover the primary pauses writes until its replica has caught up and won the election; this bounds that pause. Default: `5000` (5 s).',
    unit: 'milliseconds',
    related: ['cluster-node-timeout', 'cluster-enabled'],
  },
  'commandlog-execution-slower-than': {
    summary: "Valkey 8.1+: execution time above which a command is recorded in the command log's slow list (the new name of `slowlog-log-slower-than`).",
    details: 'Read it with `COMMANDLOG GET <n> slow` (or `SLOWLOG GET`). Default: `10000` (10 ms). `0` records every command, `-1` records none.',
    unit: 'microseconds',
    related: ['commandlog-slow-execution-max-len', 'commandlog-request-larger-than', 'commandlog-reply-larger-than'],
  },
  'commandlog-slow-execution-max-len': {
    summary: "Valkey 8.1+: how many entries the command log's slow list keeps (the new name of `slowlog-max-len`).",
    details: 'The oldest entries go first. Default: `128`. The entries stay in memory until `COMMANDLOG RESET slow`.',
    unit: 'entries',
    related: ['commandlog-execution-slower-than'],
  },
  'commandlog-request-larger-than': {
    summary: "Valkey 8.1+: size of a request above which the command is recorded in the command log's large-request list.",
    details:
      'Large requests show which clients send big payloads (`COMMANDLOG GET <n> large-request`). Default: `1048576` (1 MiB). `0` records every command, `-1` records none.',
    unit: 'bytes',
    related: ['commandlog-large-request-max-len', 'commandlog-reply-larger-than', 'commandlog-execution-slower-than'],
  },
  'commandlog-large-request-max-len': {
    summary: "Valkey 8.1+: how many entries the command log's large-request list keeps.",
    details: 'The oldest entries go first. Default: `128`.',
    unit: 'entries',
    related: ['commandlog-request-larger-than'],
  },
  'commandlog-reply-larger-than': {
    summary: "Valkey 8.1+: size of a reply above which the command is recorded in the command log's large-reply list.",
    details:
      'Large replies point at commands that read too much at once (`COMMANDLOG GET <n> large-reply`). Default: `1048576` (1 MiB). `0` records every command, `-1` records none; tracking reply sizes costs a little when I/O threads are on.',
    unit: 'bytes',
    related: ['commandlog-large-reply-max-len', 'commandlog-request-larger-than', 'io-threads'],
  },
  'commandlog-large-reply-max-len': {
    summary: "Valkey 8.1+: how many entries the command log's large-reply list keeps.",
    details: 'The oldest entries go first. Default: `128`.',
    unit: 'entries',
    related: ['commandlog-reply-larger-than'],
  },
  'import-mode': {
    summary: 'Valkey 8.1+: lets a server receive a data set from a migration or sync tool without expiring or evicting keys on the way.',
    details:
      'While it is on, keys written by connections that declared themselves an import source (`CLIENT IMPORT-SOURCE on`) are not expired or evicted, so the copy stays faithful. Default: `no`. A setting for the duration of an import, not for normal operation.',
    risk: 'Left on, expired keys linger and the memory limit is not enforced by eviction for those writes.',
    related: ['maxmemory-policy'],
  },
  'rdb-version-check': {
    summary: 'Valkey 8.1+: whether a snapshot written by a newer server version is refused outright or loaded as far as it can be understood.',
    details:
      "`strict` (default) refuses an RDB whose format version is newer than this server's. `relaxed` tries to load it and stops only at data it does not understand. Applies to loading at startup, to replication and to `RESTORE`.",
    risk: '`relaxed` may accept a payload this version reads only in part; keep `strict` unless you are downgrading on purpose.',
    related: ['dbfilename', 'sanitize-dump-payload'],
  },
  'rdma-bind': {
    summary: 'Valkey 8.1+: the addresses the RDMA listener binds to, when the server was built with RDMA support.',
    details: 'Same form as `bind`. Default: none (no RDMA listener). Only useful on hosts with RDMA network cards.',
    related: ['rdma-port', 'bind'],
  },
  'rdma-port': {
    summary: 'Valkey 8.1+: the port of the RDMA listener; `0` (default) turns it off.',
    details: 'Needs a build with RDMA support and `rdma-bind`.',
    related: ['rdma-bind', 'port'],
  },
  'rdma-rx-size': {
    summary: 'Valkey 8.1+: size of the receive buffer of each RDMA connection.',
    details: 'Default: `1048576` (1 MiB); range 64 KiB to 16 MiB. Read at startup only.',
    unit: 'bytes',
    related: ['rdma-port'],
  },
  'rdma-completion-vector': {
    summary: 'Valkey 8.1+: which completion vector of the RDMA device the connections use, or `-1` (default) to spread them.',
    details: 'A tuning setting for RDMA hosts, read at startup only.',
    related: ['rdma-port'],
  },
  'cluster-announce-client-port': {
    summary: 'Valkey 9.1: the plain TCP port that cluster clients are told to use for this node, when it differs from the port the node listens on.',
    details:
      'For nodes behind NAT or port mapping: redirections and topology replies (`MOVED`, `CLUSTER SHARDS`) carry this port. Default: `0`, which announces the real port.',
    related: ['cluster-announce-client-tls-port', 'cluster-announce-port', 'cluster-announce-client-ipv4'],
  },
  'cluster-announce-client-tls-port': {
    summary: 'Valkey 9.1: the TLS port that cluster clients are told to use for this node, when it differs from the TLS port it listens on.',
    details: 'Default: `0`, which announces the real `tls-port`.',
    related: ['cluster-announce-client-port', 'cluster-announce-tls-port'],
  },
  'cluster-config-save-behavior': {
    summary: 'Valkey 9.1: what a cluster node does when it cannot write its cluster state file (`nodes.conf`).',
    details:
      '`sync` (default): the node exits, so that it never runs with a state it could not keep. `best-effort`: the node logs a warning, keeps running, and tries again at the next change.',
    risk: 'With `best-effort` a node that restarts after a disk problem may come back with an old view of the cluster; watch the logs.',
    related: ['cluster-config-file'],
  },
  'cluster-databases': {
    summary: 'Valkey 9.1: how many numbered databases a node offers in cluster mode (`SELECT 0` to `N-1`).',
    details: 'Default: `1`, the historical rule that a cluster has database 0 only. Read at startup only.',
    related: ['databases', 'cluster-enabled'],
  },
  'cluster-message-gossip-perc': {
    summary: 'Valkey 9.1: share of the other nodes described in each cluster heartbeat message.',
    details: 'Hidden tuning setting. Default: `10` (percent); higher values spread news faster at the price of bigger messages.',
    unit: 'percent (1 to 100)',
    related: ['cluster-node-timeout'],
  },
  'cluster-slot-migration-log-max-len': {
    summary: 'Valkey 9.1: how many finished slot migrations (`CLUSTER MIGRATESLOTS`) a node remembers for `CLUSTER GETSLOTMIGRATIONS`.',
    details: 'Migrations still running are always kept; the oldest finished ones are dropped first. Default: `1000`.',
    unit: 'entries',
    related: ['slot-migration-max-failover-repl-bytes'],
  },
  'slot-migration-max-failover-repl-bytes': {
    summary: 'Valkey 9.1: at the end of a slot migration, how much unsent data the source may still hold when it pauses writes and hands the slots over.',
    details:
      'The source waits until its buffer towards the target is at most this size; a smaller value means a shorter pause once it starts, after a longer wait. Default: `0` (wait for an empty buffer); `-1` does not wait.',
    unit: 'bytes (memory units allowed)',
    related: ['cluster-slot-migration-log-max-len'],
  },
  'hash-seed': {
    summary: "Valkey 9.1: a fixed seed for the server's hash tables instead of a random one per start.",
    details:
      'With the same seed, `SCAN` and similar commands return keys in the same order after a restart or a failover. Default: empty (random). At most 256 characters; read at startup only.',
    risk: 'A seed that others know lets them craft keys that all fall into the same buckets and slow the server down; keep it as secret as a password, or leave it empty.',
    related: ['activerehashing'],
  },
  'io-threads-always-active': {
    summary: 'Valkey 9.1: keeps the I/O threads running even when the load is too low to need them.',
    details: 'Hidden tuning setting. Default: `no`, which lets idle threads stop to save CPU.',
    related: ['io-threads'],
  },
  'min-io-threads-avoid-copy-reply': {
    summary: 'Valkey 9.1: number of I/O threads from which large string replies are sent without copying them first.',
    details: 'Hidden tuning setting. Default: `7`.',
    related: ['min-string-size-avoid-copy-reply-threaded', 'io-threads'],
  },
  'min-string-size-avoid-copy-reply': {
    summary: 'Valkey 9.1: size from which a string reply is sent without copying it first, when I/O threads are off.',
    details: 'Hidden tuning setting. Default: `16384`.',
    unit: 'bytes',
    related: ['min-string-size-avoid-copy-reply-threaded'],
  },
  'min-string-size-avoid-copy-reply-threaded': {
    summary: 'Valkey 9.1: size from which a string reply is sent without copying it first, when I/O threads are on.',
    details: 'Hidden tuning setting. Default: `65536`.',
    unit: 'bytes',
    related: ['min-string-size-avoid-copy-reply', 'min-io-threads-avoid-copy-reply'],
  },
  mptcp: {
    summary: 'Valkey 9.1: accepts Multipath TCP on the client port, so one connection can use several network paths at once.',
    details:
      'Clients that do not ask for it still get plain TCP. Default: `no`; read at startup only. The server refuses to start with `yes` on a system without MPTCP (Linux before 5.6, or other systems): "MPTCP is not supported on this platform".',
    related: ['repl-mptcp', 'port'],
  },
  'repl-mptcp': {
    summary: 'Valkey 9.1: a replica connects to its primary with Multipath TCP.',
    details: 'Default: `no`; read at startup only. Refused, like `mptcp`, on a system without MPTCP.',
    related: ['mptcp', 'replicaof'],
  },
  'tls-auth-clients-user': {
    summary:
      'Valkey 9.1: logs a TLS client in as the ACL user named in its certificate — the Common Name (`CN`) or a URI of the Subject Alternative Name (`URI`).',
    details:
      '`off` (default) leaves login to `AUTH`. With `CN` or `URI`, a client whose certificate names an existing, enabled user is that user from the handshake on, without a password; otherwise it stays the `default` user. Needs client certificates (`tls-auth-clients yes` or `optional`).',
    risk: "Whoever holds a certificate from a CA you trust, with a user's name in it, is that user. Trust a CA that issues certificates for this purpose only (`tls-ca-cert-file`), give the users only the rights they need, and keep the `default` user closed.",
    related: ['tls-auth-clients', 'tls-ca-cert-file', 'user'],
  },
  'tls-auto-reload-interval': {
    summary: 'Valkey 9.1: how often the server checks its TLS certificate and key files and loads them again when they changed.',
    details: 'The check runs in a background thread, so renewed certificates take effect without a restart or `CONFIG SET`. Default: `0` (never).',
    unit: 'seconds',
    related: ['tls-cert-file', 'tls-key-file', 'tls-ca-cert-file'],
  },
  'lua-enable-insecure-api': {
    summary: 'Valkey 9.1: gives Lua scripts `getfenv`, `setfenv` and `newproxy` again, functions the sandbox withholds since the 2025 Lua fixes.',
    details:
      'Default: `no`. Also accepted under its older name, `lua-enable-deprecated-api`. A protected setting: `CONFIG SET` may change it only where `enable-protected-configs` allows.',
    risk: 'Every user allowed to run scripts gets functions that reach into the environment other scripts run in. Leave it `no`; see the `lua-insecure-api` rule.',
    related: ['enable-protected-configs', 'lua-time-limit'],
  },
  'lua-enable-deprecated-api': {
    summary: 'Security updates of Redis 7.0 and 8.0 and of Valkey 8.1: gives Lua scripts back the functions the hardened sandbox withholds.',
    details:
      "Not in the releases our tables come from: only servers with the 2025 Lua fixes accept it (Debian's updated packages do). Default: `no`. In Valkey 9.1 it is the old name of `lua-enable-insecure-api`.",
    risk: 'Every user allowed to run scripts gets functions that reach into the environment other scripts run in. Leave it `no`.',
    related: ['lua-enable-insecure-api'],
  },
};
