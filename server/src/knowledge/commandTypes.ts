/** Types of the generated command table (generated/commands.ts). */
import type { TargetId } from './types';

/**
 * Where a command keeps its key names, as Redis describes it in a "key spec": where to
 * start looking (`begin`) and how to find the keys from there (`find`). `flags` says what
 * the command does with those keys (`access` reads, `insert`/`update`/`delete` write).
 */
export interface KeySpec {
  readonly flags: readonly string[];
  readonly begin: { readonly index: number } | { readonly keyword: string; readonly startfrom: number } | 'unknown';
  /** range: [lastkey, keystep, limit]; keynum: [keynumidx, firstkey, keystep]. */
  readonly find: { readonly range: readonly [number, number, number] } | { readonly keynum: readonly [number, number, number] } | 'unknown';
}

/** The facts of a command that are identical in a group of targets. */
export interface CommandVariant {
  readonly targets: readonly TargetId[];
  /** Redis's arity: N means exactly N words (the name included), -N means at least N. */
  readonly arity: number;
  /** Command flags in lower case (`write`, `readonly`, `admin`, `no_auth`, ...). */
  readonly flags: readonly string[];
  /** Effective ACL categories: the declared ones plus those implied by the flags. */
  readonly categories: readonly string[];
  /** Key specs of these targets when their servers differ from the entry's (`incomplete` flags, a new command). */
  readonly keys?: readonly KeySpec[];
}

export interface CommandEntry {
  /** Lower case; a subcommand is `container|sub`, as ACL rules write it. */
  readonly name: string;
  readonly since?: string;
  readonly group: string;
  readonly deprecatedSince?: string;
  readonly replacedBy?: string;
  readonly variants: readonly CommandVariant[];
  /** Key specs, when the command takes key names (a variant's own `keys` win). */
  readonly keys?: readonly KeySpec[];
}
