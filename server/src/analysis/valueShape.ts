/**
 * What a directive takes, in the words of someone writing the file ("size", "yes | no",
 * "integer 0–100", "file name") rather than the C type Redis stores it in (`ssize_t`,
 * `ulong-long`): the detail column of directive completion.
 */
import type { DirectiveVariant } from '../knowledge/types';

/** Directives whose string is a file name or a path. */
const FILE_NAMES = new Set(['dbfilename', 'appendfilename', 'appenddirname']);
const PATHS = new Set([
  'aclfile',
  'logfile',
  'pidfile',
  'unixsocket',
  'cluster-config-file',
  'tls-cert-file',
  'tls-key-file',
  'tls-client-cert-file',
  'tls-client-key-file',
  'tls-ca-cert-file',
  'tls-dh-params-file',
  'tls-ca-cert-dir',
]);

/** Directives with a syntax of their own. */
const SPECIAL: Readonly<Record<string, string>> = {
  bind: 'addresses',
  dir: 'directory',
  save: 'seconds changes, ... or ""',
  'client-output-buffer-limit': 'class hard soft seconds',
  'notify-keyspace-events': 'event letters',
  'latency-tracking-info-percentiles': 'percentiles',
  'oom-score-adj-values': '3 integers',
  include: 'path or glob',
  loadmodule: 'path [arguments]',
  'rename-command': 'command new-name',
  user: 'name and ACL rules',
  sentinel: 'sub-directive',
  replicaof: 'host port, or no one',
  slaveof: 'host port, or no one',
  'tls-protocols': 'protocols (TLSv1.2 TLSv1.3)',
  'tls-ciphers': 'cipher list',
  'tls-ciphersuites': 'cipher suites',
  masteruser: 'user name',
};

/** A unit from our documentation short enough for the column ("seconds", "keys"). */
function shortUnit(unit: string | undefined): string | undefined {
  if (unit === 'TCP port number') return 'port';
  return unit && /^[a-z]+$/.test(unit) && unit.length <= 14 ? unit : undefined;
}

const LARGE = 1_000_000_000n;

/** `0–100`, or `≥ 1` when the top is just the type's limit; nothing when both ends are. */
function bounds(variant: DirectiveVariant): string | undefined {
  const { min, max } = variant;
  if (min === undefined || max === undefined) return undefined;
  const lo = BigInt(min);
  const hi = BigInt(max);
  if (hi - lo <= LARGE) return `${lo}–${hi}`;
  return lo >= -1n ? `≥ ${lo}` : undefined;
}

/** `a | b | c`, or the first two and a count when the list is long. */
function choices(values: readonly string[]): string {
  const all = values.join(' | ');
  return all.length <= 48 ? all : `${values.slice(0, 2).join(' | ')} | … (${values.length} values)`;
}

export function valueShape(name: string, variant: DirectiveVariant, unit?: string): string | undefined {
  if (SPECIAL[name]) return SPECIAL[name];
  if (FILE_NAMES.has(name)) return 'file name';
  if (PATHS.has(name)) return 'path';
  const numeric = variant.numeric ?? [];
  if (variant.type === 'bool') return 'yes | no';
  if (variant.values?.length) return choices(variant.values);
  if (numeric.includes('memory')) return numeric.includes('percent') ? 'size or percentage' : 'size (1mb, 2gb)';
  if (numeric.includes('percent')) return 'percentage';
  if (numeric.includes('octal')) return 'permissions (octal)';
  if (numeric.includes('integer')) {
    const range = bounds(variant);
    const what = shortUnit(unit) ?? 'integer';
    return range ? `${what} ${range}` : what;
  }
  if (variant.type === 'sds' || variant.type === 'string') return /pass|auth/.test(name) ? 'password' : name.endsWith('cpulist') ? 'CPU list (0-3,8)' : 'text';
  return undefined;
}
