/**
 * What each version does differently, as named features with the first release of each
 * product that has them. Checks ask `supports(target, feature)` instead of matching version
 * names, so a new target needs no change outside the tables. Valkey forked from Redis 7.2:
 * a feature Redis gained by 7.2 is in every Valkey.
 */
import type { SplitOptions } from '../syntax/configParser';
import { isAtLeast } from './versions';
import type { Product, TargetId } from './types';

type Since = Partial<Readonly<Record<Product, readonly [major: number, minor: number]>>>;

const EVERY_VALKEY = [7, 2] as const;

const FEATURES = {
  /** ACL selectors `(...)` and `clearselectors`. */
  'acl-selectors': { redis: [7, 0], valkey: EVERY_VALKEY },
  /** ACL Pub/Sub channel rules (`&pattern`, `allchannels`, `resetchannels`). */
  'acl-channels': { redis: [6, 2], valkey: EVERY_VALKEY },
  /** `sanitize-payload` and `skip-sanitize-payload`. */
  'acl-sanitize-payload': { redis: [6, 2], valkey: EVERY_VALKEY },
  /** Subcommands are commands of their own (`-config|set`); before, `+cmd|arg` is a first-argument rule on the whole command. */
  'acl-subcommands': { redis: [7, 0], valkey: EVERY_VALKEY },
  /** A user defined twice in one file is refused; 6.0 lets the later definition replace the earlier. */
  'acl-duplicate-user-refused': { redis: [6, 2], valkey: EVERY_VALKEY },
  /** A selector opened again keeps its rules; 6.x and 7.0 restart it. */
  'acl-selector-reopen-kept': { redis: [7, 2], valkey: EVERY_VALKEY },
  /** Names with a dot go to the modules (`mymodule.option value`). */
  'module-settings': { redis: [7, 0], valkey: EVERY_VALKEY },
  /** `include` takes glob patterns. */
  'include-globs': { redis: [7, 0], valkey: EVERY_VALKEY },
  /** Lines no one can place wait for the modules; the server refuses after the whole file. */
  'deferred-unknown-names': { redis: [8, 0] },
  /** Directive names are compared in full; 6.x reads a name up to its first NUL byte. */
  'binary-safe-names': { redis: [7, 0], valkey: EVERY_VALKEY },
  /** The one config table of 7.0: its value readers and their refusal texts replace 6.x's hand-written ones. */
  'config-table': { redis: [7, 0], valkey: EVERY_VALKEY },
  /** A `save` line with another number of arguments is refused; 6.x ignores it. */
  'save-arity-checked': { redis: [7, 0], valkey: EVERY_VALKEY },
  /** Sentinel loads ACL users (`user` lines, `aclfile`); Sentinel 6.0 reads them and ignores them. */
  'sentinel-acl-users': { redis: [6, 2], valkey: EVERY_VALKEY },
  /** Sentinel reads its own lines once the whole file is read; 6.x where they stand. */
  'sentinel-lines-after-file': { redis: [7, 0], valkey: EVERY_VALKEY },
  /** `bind ""` means no TCP address at all. */
  'bind-no-address': { redis: [6, 2], valkey: EVERY_VALKEY },
  /** Optional addresses (`bind -::1`). */
  'bind-optional-address': { redis: [6, 2], valkey: EVERY_VALKEY },
  /** Protected mode looks only at the password; 6.x also turns it off when `bind` is set. */
  'protected-mode-despite-bind': { redis: [7, 0], valkey: EVERY_VALKEY },
  /** The memory reader refuses a number past 2^64-1; earlier readers saturate it. */
  'memory-overflow-refused': { valkey: [9, 1] },
  /** Text straight after a closing quote continues the argument (the rewritten splitter). */
  'quote-continues-argument': { valkey: [9, 1] },
} satisfies Record<string, Since>;

export type Feature = keyof typeof FEATURES;

/** Whether the target has a feature. */
export function supports(target: TargetId, feature: Feature): boolean {
  const since: Since = FEATURES[feature];
  for (const product of ['redis', 'valkey'] as const) {
    const first = since[product];
    if (first && isAtLeast(target, product, first[0], first[1])) return true;
  }
  return false;
}

const CONTINUE_AFTER_QUOTE: SplitOptions = { continueAfterQuote: true };
const STRICT_QUOTES: SplitOptions = {};

/**
 * How the target splits a line into arguments. Valkey 9.1 rewrote the splitter: text
 * straight after a closing quote continues the argument instead of being refused. (9.0
 * is not known here; it is checked as 8.1.)
 */
export function quoting(target: TargetId): SplitOptions {
  return supports(target, 'quote-continues-argument') ? CONTINUE_AFTER_QUOTE : STRICT_QUOTES;
}
