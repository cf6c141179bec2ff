/**
 * Version names as people write them (`redis-7.0`, `valkey-9.0`, `redis-8.0.6`), what we
 * check a version against when we have no table for it, and which tables were checked
 * against a running server.
 */
import type { SplitOptions } from '../syntax/configParser';
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

const CONTINUE_AFTER_QUOTE: SplitOptions = { continueAfterQuote: true };
const STRICT_QUOTES: SplitOptions = {};

/**
 * How the target splits a line into arguments. Valkey 9.1 rewrote the splitter: text
 * straight after a closing quote continues the argument instead of being refused. (9.0
 * is not known here; it is checked as 8.1.)
 */
export function quoting(target: TargetId): SplitOptions {
  return isAtLeast(target, 'valkey', 9, 1) ? CONTINUE_AFTER_QUOTE : STRICT_QUOTES;
}

/** True when the target is `product` at `major.minor` or later (Valkey 8.0 on, say). */
export function isAtLeast(target: TargetId, product: Product, major: number, minor: number): boolean {
  return productOf(target) === product && compare(versionOf(target), [major, minor]) >= 0;
}

/** Valkey 9.1's memory reader refuses a number past 2^64-1; earlier readers saturate it. */
export function refusesMemoryOverflow(target: TargetId): boolean {
  return isAtLeast(target, 'valkey', 9, 1);
}

/** Module settings (`name.option value`) exist from Redis 7.0; before, a dotted name is just unknown. */
export function hasModuleSettings(target: TargetId): boolean {
  return target !== 'redis-6.0' && target !== 'redis-6.2';
}

/**
 * Redis 8.0 hands every line it cannot place (an unknown name, or a loader directive with
 * another number of arguments) to the modules, then refuses after reading the whole file,
 * quoting those lines. Earlier versions, and Valkey, refuse such a line where it stands
 * (a dotted name aside).
 */
export function defersUnknownNames(target: TargetId): boolean {
  return isAtLeast(target, 'redis', 8, 0);
}

/** Redis 6.x compares directive names as C strings: a name is read up to its first NUL byte. */
export function namesEndAtNul(target: TargetId): boolean {
  return target === 'redis-6.0' || target === 'redis-6.2';
}
