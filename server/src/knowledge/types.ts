/**
 * The Redis and Valkey versions we have tables for, oldest first within each product.
 * Adding a version here (and to the generators) is all it takes for `auto`, the CLI and
 * the settings to pick it up.
 */
export const TARGETS = [
  'redis-6.0',
  'redis-6.2',
  'redis-7.0',
  'redis-7.2',
  'redis-7.4',
  'redis-8.0',
  'valkey-7.2',
  'valkey-8.0',
  'valkey-8.1',
  'valkey-9.1',
] as const;

export type TargetId = (typeof TARGETS)[number];

export type Product = 'redis' | 'valkey';

export function productOf(target: TargetId): Product {
  return target.startsWith('valkey') ? 'valkey' : 'redis';
}

/** The newest version of a product we have tables for: the last one in TARGETS. */
export function newestTarget(product: Product): TargetId {
  return TARGETS.filter((t) => productOf(t) === product).pop() as TargetId;
}

/** What `auto` checks against: the newest Redis, and the newest Valkey for valkey*.conf. */
export const DEFAULT_TARGET: TargetId = newestTarget('redis');
export const NEWEST_VALKEY: TargetId = newestTarget('valkey');

export function isTargetId(value: unknown): value is TargetId {
  return typeof value === 'string' && (TARGETS as readonly string[]).includes(value);
}

/**
 * How redis-server handles the name: `table` and `special` are entries of its config
 * table, `loader` is handled by the file loader itself (include, user, ...), `ignored`
 * is an old name accepted and silently ignored.
 */
export type DirectiveKind = 'table' | 'special' | 'loader' | 'ignored';

/** An argument-count rule; `argc` counts the directive name itself, as Redis does. */
export type ArgcRule = readonly (readonly [string, number])[];

/** The facts of one directive for a group of targets where they are identical. */
export interface DirectiveVariant {
  readonly targets: readonly TargetId[];
  readonly kind: DirectiveKind;
  readonly type?: string;
  /** Set on an alias (old `slave*` names and the like): the primary name it stands for. */
  readonly aliasOf?: string;
  readonly default?: string;
  readonly min?: string;
  readonly max?: string;
  readonly numeric?: readonly string[];
  readonly values?: readonly string[];
  readonly flags?: readonly string[];
  readonly multiArg?: boolean;
  readonly argc?: ArgcRule;
}

export interface DirectiveEntry {
  readonly name: string;
  readonly variants: readonly DirectiveVariant[];
}

export interface SentinelEntry {
  readonly name: string;
  readonly argc: string;
  readonly targets: readonly TargetId[];
}
