/**
 * Our explanations of values: eviction policies, TLS protocol names, Sentinel's
 * sub-directives. Hovers on a value show them, so the directive's own hover stays short.
 */
export const EVICTION_POLICIES: Readonly<Record<string, string>> = {
  noeviction:
    'Nothing is evicted. Once memory reaches `maxmemory`, commands that would need more memory fail with an OOM error, while reads and deletes keep working. The right choice when Redis is the primary store of the data.',
  'allkeys-lru':
    'Any key may be evicted, the least recently used first. The usual choice for a cache. Redis does not keep an exact LRU order: it samples `maxmemory-samples` keys (5 by default) and evicts the oldest of the sample, which comes close to true LRU at a fraction of the cost.',
  'allkeys-lfu':
    'Any key may be evicted, the least frequently used first. Better than LRU when a few keys are hot for a long time and a burst of one-off keys should not push them out. The frequency is an approximate counter tuned by `lfu-log-factor` and `lfu-decay-time`.',
  'allkeys-random': 'Any key may be evicted, chosen at random. Useful when every key is equally likely to be read again.',
  'volatile-lru':
    'Only keys with an expiry (a TTL) may be evicted, the least recently used first. Keys without a TTL are never evicted: when no key has a TTL, Redis behaves like `noeviction` and writes fail once memory is full.',
  'volatile-lfu':
    'Only keys with a TTL may be evicted, the least frequently used first. Without any TTL key, writes fail once memory is full, as with `noeviction`.',
  'volatile-random': 'Only keys with a TTL may be evicted, chosen at random. Without any TTL key, writes fail once memory is full.',
  'volatile-ttl':
    'Only keys with a TTL may be evicted, those closest to expiring first (sampled, like LRU). Without any TTL key, writes fail once memory is full.',
};

export const TLS_PROTOCOLS: Readonly<Record<string, string>> = {
  tlsv1: 'TLS 1.0 (1999): broken (BEAST, weak ciphers) and deprecated by RFC 8996. Do not allow it.',
  'tlsv1.1': 'TLS 1.1 (2006): deprecated by RFC 8996. Do not allow it.',
  'tlsv1.2': 'TLS 1.2 (2008): safe with modern cipher suites; still needed by some older clients.',
  'tlsv1.3': 'TLS 1.3 (2018): the current version, faster handshakes and only strong ciphers.',
};

/** Sentinel's sub-directives (`sentinel <name> ...`): their arguments and what they do. */
export const SENTINEL_SUBDIRECTIVES: Readonly<Record<string, { readonly args: string; readonly doc: string }>> = {
  monitor: {
    args: '<master-name> <host> <port> <quorum>',
    doc: 'Watch a master. `quorum` Sentinels must agree it is down before a failover is considered; keep it a majority of your Sentinels.',
  },
  'down-after-milliseconds': {
    args: '<master-name> <ms>',
    doc: 'How long the master (or a replica, or another Sentinel) may stay unresponsive before this Sentinel flags it as down. 30,000 ms when not set.',
  },
  'failover-timeout': {
    args: '<master-name> <ms>',
    doc: 'Time budget of a failover, and the delay before another attempt on the same master. 180,000 ms when not set.',
  },
  'parallel-syncs': { args: '<master-name> <n>', doc: 'How many replicas are pointed at the new master at the same time after a failover. 1 when not set.' },
  'auth-pass': {
    args: '<master-name> <password>',
    doc: 'The password Sentinel uses to connect to the master and its replicas. It sits in clear text in this file.',
  },
  'auth-user': { args: '<master-name> <user>', doc: 'The ACL user Sentinel connects to the master and its replicas as (with `auth-pass`).' },
  'sentinel-user': { args: '<user>', doc: 'The user Sentinels authenticate as to each other.' },
  'sentinel-pass': { args: '<password>', doc: 'The password Sentinels authenticate with to each other. It sits in clear text in this file.' },
  'notification-script': { args: '<master-name> <path>', doc: 'A program called on warnings and failovers.' },
  'client-reconfig-script': { args: '<master-name> <path>', doc: 'A program called after a failover with the old and the new master addresses.' },
  'deny-scripts-reconfig': {
    args: 'yes|no',
    doc: 'With `yes`, the default, `SENTINEL SET` cannot change the script paths at runtime; `no` lets whoever can talk to Sentinel run programs on the host.',
  },
  'resolve-hostnames': { args: 'yes|no', doc: 'Allow host names instead of IP addresses for monitored servers. Off unless set.' },
  'announce-hostnames': { args: 'yes|no', doc: 'Announce host names rather than IP addresses to clients and other Sentinels. Off unless set.' },
  'announce-ip': { args: '<ip>', doc: 'The address this Sentinel advertises to the others (behind NAT, in containers).' },
  'announce-port': { args: '<port>', doc: 'The port this Sentinel advertises to the others.' },
  'master-reboot-down-after-period': {
    args: '<master-name> <ms>',
    doc: 'After the master restarts, keep treating it as down for this long, so that a master which came back empty can still be failed over. `0`, the default, turns this off.',
  },
  'rename-command': {
    args: '<master-name> <command> <new-name>',
    doc: 'Tells Sentinel that the monitored servers renamed a command it needs (such as `CONFIG`).',
  },
  myid: { args: '<id>', doc: 'State Sentinel writes itself: its own id. Do not edit.' },
  'current-epoch': { args: '<epoch>', doc: 'State Sentinel writes itself. Do not edit.' },
  'config-epoch': { args: '<master-name> <epoch>', doc: 'State Sentinel writes itself. Do not edit.' },
  'leader-epoch': { args: '<master-name> <epoch>', doc: 'State Sentinel writes itself. Do not edit.' },
  'known-replica': { args: '<master-name> <host> <port>', doc: 'State Sentinel writes itself: a replica it found. Do not edit.' },
  'known-slave': { args: '<master-name> <host> <port>', doc: 'The older name of `known-replica`: state Sentinel writes itself. Do not edit.' },
  'known-sentinel': { args: '<master-name> <host> <port> <id>', doc: 'State Sentinel writes itself: another Sentinel it found. Do not edit.' },
};
