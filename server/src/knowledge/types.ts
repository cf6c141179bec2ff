/** The Redis and Valkey versions we know, newest Redis last among Redis. */
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
] as const;

export type TargetId = (typeof TARGETS)[number];

export const DEFAULT_TARGET: TargetId = 'redis-8.0';

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
