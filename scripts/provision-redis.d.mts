// Types of scripts/provision-redis.mjs for the TypeScript tests that import it.

export type OracleVersion = 'redis-6.0.16' | 'redis-7.0.15' | 'redis-8.0.2' | 'valkey-8.1.1' | 'valkey-9.1.2';

/** A program and the arguments that come before the caller's own; `env` is added to the caller's. */
export interface Launch {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

export interface OracleServer {
  readonly id: OracleVersion;
  readonly product: 'redis' | 'valkey';
  /** The upstream version the server reports, e.g. `8.1.1`. */
  readonly version: string;
  /** Where the binary comes from, e.g. `Debian trixie valkey-tools 8.1.1+dfsg1-3+deb13u3`. */
  readonly origin: string;
  readonly server: Launch;
  /** `redis-cli` / `valkey-cli` of the same package, when it has one. */
  readonly cli: Launch | undefined;
}

export const ORACLE_VERSIONS: readonly OracleVersion[];
export const DEFAULT_VERSION: 'redis-7.0.15';
export const cacheDir: string;

export class ProvisionError extends Error {}

export function debianMirrors(): { archive: { uri: string; signedBy: string }; security: { uri: string; signedBy: string } };

/** How to start a server already in place, without provisioning; undefined when it is not. */
export function provisionedServer(id: OracleVersion): OracleServer | undefined;

export function provisionRedis(options?: {
  versions?: readonly OracleVersion[];
  force?: boolean;
  log?: (message: string) => void;
}): Promise<Record<OracleVersion, OracleServer>>;

export type DebianRelease = 'bullseye' | 'trixie' | 'sid';

/** The pinned servers of a release: `[id, { product, upstream, release, package, deb }]`. */
export function serversOf(release: DebianRelease): [OracleVersion, { product: string; upstream: string; release: string; package: string; deb: string }][];

/**
 * The Debian version to download per package of `release`, from what the archive offers
 * (`apt-cache madison`: package -> versions with their suite, newest first), and the problems
 * that stop it (each names the package and what the archive has instead).
 */
export function chooseVersions(
  release: DebianRelease,
  available: ReadonlyMap<string, readonly { version: string; suite: string }[]>,
  servers?: ReturnType<typeof serversOf>,
): { chosen: Map<string, string>; problems: string[] };
