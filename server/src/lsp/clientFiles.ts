/**
 * Files read through the client (protocol.ts): in the browser every file, on the desktop
 * those of any scheme but `file:`. The analysis reads files synchronously (FileSource), the
 * client answers asynchronously; the bridge is a cache. A run of the analysis reads what the
 * cache holds and notes what it lacks (`Wanted`); the server fetches that, following the
 * `include` and `aclfile` lines of each file it receives so that a chain of includes arrives
 * in one go, and runs the analysis again until nothing is lacking (see server.ts, `settle`).
 * Entries stay until the client reports a change to the file or the document that read them
 * is opened again.
 */
import type { FileSource, GlobResult, ReadFailure } from '../analysis/configModel';
import { resolvePath } from '../analysis/configModel';
import { parseConfig } from '../syntax/configParser';
import { decodeBytes } from '../syntax/bytes';
import { expandGlobWith, GLOB_LIMITS, hasWildcard, type GlobLimits } from '../io/glob';
import type { ClientReadFailure, ReadDirectoryResult, ReadFileResult } from './protocol';
import type { Space } from './spaces';

/** Larger files are not configs (the same limit as the disk's, io/fileSource.ts). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** The client's side of the bridge: the requests of protocol.ts. */
export interface ClientRequests {
  readFile(uri: string): Promise<ReadFileResult>;
  readDirectory(uri: string): Promise<ReadDirectoryResult>;
}

type FileEntry = { readonly text: string } | { readonly failure: ReadFailure };
type FolderEntry = { readonly names: readonly string[]; readonly folders: ReadonlySet<string> } | { readonly failure: ReadFailure };

/** What a run of the analysis lacked: files and folders to fetch, by URI. */
export class Wanted {
  readonly files = new Map<string, FollowContext | undefined>();
  readonly folders = new Set<string>();
  get size(): number {
    return this.files.size + this.folders.size;
  }
}

/** How to resolve the include lines of a fetched file: the space and folder of the document that wanted it. */
export interface FollowContext {
  readonly space: Space;
  readonly base: string;
  readonly allowed: (uri: string) => boolean;
}

const FAILURES: Readonly<Record<ClientReadFailure, ReadFailure>> = {
  missing: 'missing',
  directory: 'directory',
  permission: 'permission',
  'too-large': 'too-large',
  unreachable: 'unreachable',
};

/** Files fetched while following include lines from one wanted file, at most. */
const FOLLOW_LIMIT = 2000;

export class ClientFiles {
  private readonly files = new Map<string, FileEntry>();
  private readonly folders = new Map<string, FolderEntry>();
  private readonly inflight = new Map<string, Promise<void>>();
  /** Failures already written to the log, so that each is told once. */
  private readonly told = new Set<string>();

  constructor(
    private readonly client: ClientRequests,
    private readonly log: (message: string) => void,
    private readonly globLimits: GlobLimits = GLOB_LIMITS,
  ) {}

  /**
   * The files of a space as the cache holds them. `open` gives the text of a document open in
   * the editor (it wins over the file system); `allowed` says whether a URI may be read at all.
   * What the cache lacks is added to `wanted` and reads as missing for this run.
   */
  source(space: Space, wanted: Wanted, open: (uri: string) => string | undefined, allowed: (uri: string) => boolean, follow?: FollowContext): FileSource {
    const entry = (path: string): FileEntry | undefined => {
      const uri = space.uriOf(path);
      if (uri === undefined) return { failure: 'unreachable' };
      if (!allowed(uri)) return { failure: 'untrusted' };
      const text = open(uri);
      if (text !== undefined) return { text };
      const hit = this.files.get(uri);
      if (!hit) wanted.files.set(uri, follow);
      return hit;
    };
    const folders = this.folders;
    const listingOf = (path: string): FolderEntry | undefined => {
      const i = path.lastIndexOf('/');
      const uri = space.uriOf(i <= 0 ? '/' : path.slice(0, i));
      return uri === undefined ? undefined : folders.get(uri);
    };
    const folder = (path: string): FolderEntry | undefined => {
      const uri = space.uriOf(path);
      if (uri === undefined) return { failure: 'unreachable' };
      if (!allowed(uri)) return { failure: 'untrusted' };
      const hit = this.folders.get(uri);
      if (!hit) wanted.folders.add(uri);
      return hit;
    };
    return {
      read: (path) => {
        const e = entry(path);
        return e && 'text' in e ? e.text : undefined;
      },
      failure: (path) => {
        const e = entry(path);
        return e && 'failure' in e ? e.failure : 'missing';
      },
      glob: (pattern): GlobResult => {
        let cut: 'untrusted' | 'unreachable' | undefined;
        const result = expandGlobWith(
          {
            list: (dir) => {
              const e = folder(dir);
              if (!e) return undefined;
              if ('failure' in e) {
                if (e.failure === 'untrusted' || e.failure === 'unreachable') cut ??= e.failure;
                return undefined;
              }
              return e.names;
            },
            isDirectory: (path) => {
              const parent = listingOf(path);
              if (parent && 'folders' in parent) return parent.folders.has(path.slice(path.lastIndexOf('/') + 1));
              const e = this.files.get(space.uriOf(path) ?? '');
              return e !== undefined && 'failure' in e && e.failure === 'directory';
            },
          },
          pattern,
          this.globLimits,
        );
        return cut && !result.limit ? { ...result, limit: cut } : result;
      },
    };
  }

  /** Fetches what a run lacked, and the files their include lines lead to. */
  async fetch(wanted: Wanted): Promise<void> {
    const fetched = { count: 0 };
    await Promise.all([
      ...[...wanted.files].map(([uri, follow]) => this.fetchFile(uri, follow, fetched)),
      ...[...wanted.folders].map((uri) => this.fetchFolder(uri)),
    ]);
  }

  private fetchFile(uri: string, follow: FollowContext | undefined, fetched: { count: number }): Promise<void> {
    if (this.files.has(uri)) return Promise.resolve();
    let running = this.inflight.get(uri);
    if (!running) {
      running = this.client
        .readFile(uri)
        .then(
          (result) =>
            void this.files.set(
              uri,
              'base64' in result ? { text: decodeBytes(fromBase64(result.base64)) } : { failure: this.failed(uri, result.failure, result.detail) },
            ),
          (err: unknown) => void this.files.set(uri, { failure: this.failed(uri, 'unreachable', err instanceof Error ? err.message : String(err)) }),
        )
        .finally(() => this.inflight.delete(uri));
      this.inflight.set(uri, running);
    }
    if (!follow) return running;
    return running.then(() => {
      const entry = this.files.get(uri);
      if (!entry || !('text' in entry) || ++fetched.count > FOLLOW_LIMIT) return undefined;
      const next = includedUris(entry.text, follow).filter((u) => !this.files.has(u));
      return Promise.all(next.map((u) => this.fetchFile(u, follow, fetched))).then(() => undefined);
    });
  }

  private fetchFolder(uri: string): Promise<void> {
    if (this.folders.has(uri)) return Promise.resolve();
    let running = this.inflight.get(`dir:${uri}`);
    if (!running) {
      running = this.client
        .readDirectory(uri)
        .then(
          (result) =>
            void this.folders.set(
              uri,
              'entries' in result
                ? { names: result.entries.map((e) => e.name), folders: new Set(result.entries.filter((e) => e.directory).map((e) => e.name)) }
                : { failure: this.failed(uri, result.failure, result.detail) },
            ),
          (err: unknown) => void this.folders.set(uri, { failure: this.failed(uri, 'unreachable', err instanceof Error ? err.message : String(err)) }),
        )
        .finally(() => this.inflight.delete(`dir:${uri}`));
      this.inflight.set(`dir:${uri}`, running);
    }
    return running;
  }

  /** A failure, told once in the log when it is the editor's (not a missing file). */
  private failed(uri: string, failure: ClientReadFailure, detail: string | undefined): ReadFailure {
    if (failure === 'unreachable' && !this.told.has(uri)) {
      this.told.add(uri);
      this.log(`cannot read ${uri} through the editor${detail ? `: ${detail}` : ''}`);
    }
    return FAILURES[failure] ?? 'unreachable';
  }

  /** What is still lacking after the last round is out of reach, until the cache is cleared. */
  giveUp(wanted: Wanted): void {
    for (const uri of wanted.files.keys()) if (!this.files.has(uri)) this.files.set(uri, { failure: this.failed(uri, 'unreachable', 'not received in time') });
    for (const uri of wanted.folders) if (!this.folders.has(uri)) this.folders.set(uri, { failure: this.failed(uri, 'unreachable', 'not received in time') });
  }

  /** Forgets a file or folder (it changed); true when it was cached. */
  forget(uri: string): boolean {
    const file = this.files.delete(uri);
    const folder = this.folders.delete(uri);
    // Its folder's listing may have changed too (a file created or deleted).
    const parent = uri.replace(/\/[^/?#]*(?=[?#]|$)/, '');
    const listing = parent !== uri && this.folders.delete(parent);
    this.told.delete(uri);
    return file || folder || listing;
  }

  clear(): void {
    this.files.clear();
    this.folders.clear();
    this.told.clear();
  }
}

/** The URIs the include and aclfile lines of a file name (globs are left to the analysis, which lists their folders). */
function includedUris(text: string, follow: FollowContext): string[] {
  const out: string[] = [];
  for (const line of parseConfig(text).tree.directives) {
    const name = line.name;
    const arg = line.tokens[1]?.value;
    if ((name !== 'include' && name !== 'aclfile') || line.tokens.length !== 2 || !arg || hasWildcard(arg)) continue;
    const uri = follow.space.uriOf(resolvePath(follow.base, arg));
    if (uri !== undefined && follow.allowed(uri)) out.push(uri);
  }
  return out;
}

/** Base64 to bytes, in Node and in a browser worker alike. */
function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
