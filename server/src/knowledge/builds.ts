/**
 * Where the server you run may differ from the release its table comes from: the way it
 * was built (Debian links the system jemalloc) or a security update of the release line
 * that added a setting. Each fact was seen on a live server; the findings built from them
 * are warnings that name the builds, never confident errors.
 */
import type { TargetId } from './types';

/** A value some builds refuse at startup while builds from the release sources accept it. */
export interface BuildRefusal {
  readonly name: string;
  /** Whether the value (the first argument, as Redis reads it) is the one refused. */
  readonly refuses: (value: string) => boolean;
  /** The builds that refuse it, for messages. */
  readonly builds: string;
  /** What those builds print. */
  readonly redisText: string;
  readonly hint: string;
}

export const BUILD_REFUSALS: readonly BuildRefusal[] = [
  {
    name: 'activedefrag',
    refuses: (v) => /^yes$/i.test(v),
    builds: "Debian's packages of every version (seen on Redis 6.0.16, 7.0.15, 8.0.2 and Valkey 8.1.1, 9.1.2) and other builds linked with the system jemalloc",
    redisText: 'Active defragmentation cannot be enabled: it requires a server compiled with a modified Jemalloc',
    hint: 'Active defragmentation needs the jemalloc that ships with the Redis or Valkey sources. Builds from those sources (and the official Docker images) accept the line.',
  },
  {
    name: 'rdma-port',
    // Any port but 0 opens an RDMA listener (the value itself is checked before).
    refuses: (v) => v !== '0',
    builds: "Valkey built without RDMA, which is the default build and Debian's packages (seen on Valkey 8.1.1 and 9.1.2): the server stops at startup",
    redisText: 'Failed finding connection listener of rdma',
    hint: "RDMA is only there in builds made with BUILD_RDMA=yes, or with BUILD_RDMA=module once a 'loadmodule' line loads the RDMA module.",
  },
];

/** A setting that security updates of a release line added after the release our table comes from. */
export interface PatchedSetting {
  readonly name: string;
  readonly targets: readonly TargetId[];
  /** Its type and default in the builds that have it. */
  readonly type: 'bool';
  readonly default: string;
  readonly builds: string;
}

export const PATCHED_SETTINGS: readonly PatchedSetting[] = [
  {
    name: 'lua-enable-deprecated-api',
    targets: ['redis-7.0', 'redis-8.0', 'valkey-8.1'],
    type: 'bool',
    default: 'no',
    builds:
      "the security updates of this release line (seen in Debian's redis 7.0.15 5:7.0.15-1~deb12u10 and 8.0.2 5:8.0.2-3+deb13u3, and valkey 8.1.1 8.1.1+dfsg1-3+deb13u3)",
  },
  {
    name: 'lua-enable-insecure-api',
    targets: ['valkey-8.1'],
    type: 'bool',
    default: 'no',
    builds: "the security updates of this release line (seen in Debian's valkey 8.1.1 8.1.1+dfsg1-3+deb13u3)",
  },
];

export function buildRefusal(name: string): BuildRefusal | undefined {
  return BUILD_REFUSALS.find((r) => r.name === name);
}

export function patchedSetting(name: string, target: TargetId): PatchedSetting | undefined {
  return PATCHED_SETTINGS.find((p) => p.name === name && p.targets.includes(target));
}
