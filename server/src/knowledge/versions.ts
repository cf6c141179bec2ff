/**
 * Version names as people write them (`redis-7.0`, `valkey-9.0`, `redis-8.0.6`), what we
 * check a version against when we have no table for it, and which tables were checked
 * against a running server.
 */
import { TARGETS, isTargetId, productOf, type Product, type TargetId } from './types';

export interface TargetChoice {
  /** The table the file is checked against. */
  readonly target: TargetId;
  /**
   * Set when there is no table for the version asked for: its name (`redis-8.2`). `target`
   * is then the nearest version of the same product we have: the newest one that is not
   * newer, or the oldest one for a version older than all of ours.
   */
  readonly approximates?: string;
}

const VERSION_NAME = /^(redis|valkey)-(\d{1,4})\.(\d{1,4})(?:\.\d{1,6})?$/;
/** The same expression as text, for the JSON Schema of the project file. */
export const VERSION_NAME_PATTERN = VERSION_NAME.source;

type Version = readonly [number, number];

function versionOf(target: TargetId): Version {
  const [major = '0', minor = '0'] = target.slice(target.indexOf('-') + 1).split('.');
  return [Number(major), Number(minor)];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1];
}

/**
 * The table for a version name: ours when we have that release line (a patch number is
 * read as its line: `redis-8.0.6` is `redis-8.0`), the nearest one otherwise, and
 * undefined when the name is not a Redis or Valkey version at all.
 */
export function chooseTarget(value: string): TargetChoice | undefined {
  const name = value.trim().toLowerCase();
  if (isTargetId(name)) return { target: name };
  const m = VERSION_NAME.exec(name);
  if (!m) return undefined;
  const product = m[1] as Product;
  const wanted: Version = [Number(m[2]), Number(m[3])];
  const line = `${product}-${wanted[0]}.${wanted[1]}`;
  if (isTargetId(line)) return { target: line };
  const own = TARGETS.filter((t) => productOf(t) === product);
  const notNewer = own.filter((t) => compare(versionOf(t), wanted) < 0);
  return { target: notNewer.pop() ?? (own[0] as TargetId), approximates: line };
}

/** Where a version we have no table for sits among ours: past the newest, before the oldest, or between two. */
export function placeAmongTables(requested: string): 'newer' | 'older' | 'between' {
  const m = VERSION_NAME.exec(requested.trim().toLowerCase());
  if (!m) return 'between';
  const wanted: Version = [Number(m[2]), Number(m[3])];
  const own = TARGETS.filter((t) => productOf(t) === m[1]);
  if (own.every((t) => compare(versionOf(t), wanted) < 0)) return 'newer';
  if (own.every((t) => compare(versionOf(t), wanted) > 0)) return 'older';
  return 'between';
}

/** `redis-8.2` → `Redis 8.2`. */
export function versionLabel(name: string): string {
  const [product = '', version = ''] = name.split('-');
  return `${product.charAt(0).toUpperCase()}${product.slice(1)} ${version}`;
}

/**
 * The release whose running server each table was checked against (`CONFIG GET *`,
 * `ACL CAT`, `COMMAND LIST`, and the oracle suites). The other tables come from the
 * released sources only.
 */
export const LIVE_SERVERS: Readonly<Partial<Record<TargetId, string>>> = {
  'redis-6.0': 'redis-6.0.16',
  'redis-7.0': 'redis-7.0.15',
  'redis-8.0': 'redis-8.0.2',
  'valkey-8.1': 'valkey-8.1.1',
  'valkey-9.1': 'valkey-9.1.2',
};

/** True when the target is `product` at `major.minor` or later (Valkey 8.0 on, say). */
export function isAtLeast(target: TargetId, product: Product, major: number, minor: number): boolean {
  return productOf(target) === product && compare(versionOf(target), [major, minor]) >= 0;
}
