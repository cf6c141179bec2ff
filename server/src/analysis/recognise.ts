/**
 * Whether a file whose name says nothing (`app.conf`, which editors open as Properties)
 * is a Redis config, from its first lines: a target pragma settles it; otherwise most of
 * its first settings must be well-known directive names, written the Redis way (`name
 * value`, not `name=value`). Pure and dependency-free, so the VS Code client can use it.
 */

/** How much of a file is looked at: configs say what they are in their first lines. */
const HEAD = 4096;

const PRAGMA = /^[ \t]*#[ \t]*redis-config:[ \t]*target[ \t]*=/m;

/** Names found in almost every Redis, Valkey or Sentinel config, and in few other programs' files together. */
const SIGNATURE = new Set([
  'bind',
  'port',
  'protected-mode',
  'requirepass',
  'masterauth',
  'masteruser',
  'maxmemory',
  'maxmemory-policy',
  'maxmemory-samples',
  'save',
  'appendonly',
  'appendfsync',
  'appendfilename',
  'dbfilename',
  'dir',
  'daemonize',
  'supervised',
  'pidfile',
  'loglevel',
  'logfile',
  'databases',
  'tcp-backlog',
  'tcp-keepalive',
  'timeout',
  'replicaof',
  'slaveof',
  'rename-command',
  'aclfile',
  'user',
  'tls-port',
  'tls-cert-file',
  'tls-key-file',
  'tls-ca-cert-file',
  'tls-auth-clients',
  'tls-replication',
  'cluster-enabled',
  'cluster-config-file',
  'cluster-node-timeout',
  'unixsocket',
  'unixsocketperm',
  'include',
  'loadmodule',
  'sentinel',
  'io-threads',
  'maxclients',
  'notify-keyspace-events',
  'hz',
  'lua-time-limit',
  'busy-reply-threshold',
  'slowlog-log-slower-than',
  'slowlog-max-len',
  'rdbcompression',
  'stop-writes-on-bgsave-error',
  'replica-read-only',
  'repl-backlog-size',
  'lazyfree-lazy-eviction',
  'activerehashing',
  'enable-debug-command',
  'enable-protected-configs',
  'enable-module-command',
  'always-show-logo',
]);

export type Recognised = 'pragma' | 'directives';

export function recogniseRedisConfig(text: string): Recognised | undefined {
  const head = text.slice(0, HEAD);
  if (PRAGMA.test(head)) return 'pragma';
  let settings = 0;
  let known = 0;
  const names = new Set<string>();
  // The last line may be cut in the middle: it does not count.
  const lines = head.split(/\r?\n/);
  if (text.length > HEAD) lines.pop();
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    settings++;
    const m = /^([A-Za-z][A-Za-z0-9_-]*)(?:[ \t]+(.*))?$/.exec(line);
    const name = m?.[1]?.toLowerCase();
    // `key = value` and `key: value` are other formats' settings.
    if (!name || !SIGNATURE.has(name) || /^[=:]/.test(m?.[2] ?? '')) continue;
    known++;
    // Each Sentinel setting counts as a name of its own.
    names.add(name === 'sentinel' ? `${name} ${(m?.[2] ?? '').split(/[ \t]/)[0]}` : name);
  }
  // Three different well-known names, and most settings of the head are directives.
  return names.size >= 3 && known * 10 >= settings * 7 ? 'directives' : undefined;
}
