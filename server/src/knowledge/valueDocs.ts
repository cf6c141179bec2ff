/**
 * Our explanations of values: eviction policies, TLS protocol names, and what yes/no means.
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
  'volatile-lfu': 'Only keys with a TTL may be evicted, the least frequently used first. Without any TTL key, writes fail once memory is full, as with `noeviction`.',
  'volatile-random': 'Only keys with a TTL may be evicted, chosen at random. Without any TTL key, writes fail once memory is full.',
  'volatile-ttl':
    'Only keys with a TTL may be evicted, those closest to expiring first (sampled, like LRU). Without any TTL key, writes fail once memory is full.',
};

export const TLS_PROTOCOLS: Readonly<Record<string, string>> = {
  'tlsv1': 'TLS 1.0 (1999): broken (BEAST, weak ciphers) and deprecated by RFC 8996. Do not allow it.',
  'tlsv1.1': 'TLS 1.1 (2006): deprecated by RFC 8996. Do not allow it.',
  'tlsv1.2': 'TLS 1.2 (2008): safe with modern cipher suites; still needed by some older clients.',
  'tlsv1.3': 'TLS 1.3 (2018): the current version, faster handshakes and only strong ciphers.',
};
