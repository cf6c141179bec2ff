/**
 * Where a document's neighbours live. The analysis names files by path (`include
 * conf.d/*.conf` next to the document); the editor names them by URI, and a document may come
 * from any scheme: the disk (`file:`), a remote machine, a repository in the browser
 * (`vscode-vfs:`), a git revision (`git:`), a pull request's view (`pr:`, `review:`). A
 * document's space turns the paths its analysis reads back into URIs of the same kind, so an
 * included file is read at the same revision as the file that includes it — or is said to be
 * out of reach when the space cannot name it.
 */
import { URI } from 'vscode-uri';

/** How a platform writes `file:` URIs and paths (Node: node:url; the browser: vscode-uri). */
export interface FileUris {
  toPath(uri: string): string | undefined;
  toUri(path: string): string;
}

export const vscodeFileUris: FileUris = {
  toPath(uri) {
    try {
      const u = URI.parse(uri);
      return u.scheme === 'file' ? u.fsPath : undefined;
    } catch {
      return undefined;
    }
  },
  toUri: (path) => URI.file(path).toString(),
};

export interface Space {
  /** Documents with the same key see the same files (caches are kept per space). */
  readonly key: string;
  /** The server reads these files from its own disk (`file:` in Node), not through the client. */
  readonly local: boolean;
  /** The workspace folder the document is in, when reads are kept inside it (not on a machine's disk). */
  readonly root?: string;
  /** The URI of a path of this space, or undefined when the space cannot name it. */
  uriOf(path: string): string | undefined;
}

export interface Located {
  /** The document's path, for the analysis. */
  readonly path: string;
  readonly space: Space;
}

export interface SpaceContext {
  readonly fileUris: FileUris;
  /** True when the server reads `file:` URIs from its own disk (Node). */
  readonly localFiles: boolean;
  /** The URIs of the workspace folders. */
  readonly folders: readonly string[];
}

/** Schemes of real machines: any absolute path on them may be read (the disk, a remote host). */
const MACHINE_SCHEMES = new Set(['file', 'vscode-remote']);

function parseQuery(query: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(query);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A path as the git extension writes it in its URIs' queries (the native form). */
function nativePath(path: string): string {
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1).replace(/\//g, '\\') : path;
}

function inside(path: string, root: string): boolean {
  const r = root.replace(/\/+$/, '');
  return path === r || path.startsWith(`${r}/`) || r === '';
}

/**
 * The revision a pull-request or git document shows, read through the git extension's file
 * system (`git:` URIs), which every revision of a local repository can be read from. The
 * GitHub Pull Requests extension's own schemes serve only the files the pull request
 * changed, and an empty text for any other path, which would pass for an empty file.
 */
function gitRevision(uri: URI): { ref: string; extra: Record<string, unknown>; root?: string } | undefined {
  const query = parseQuery(uri.query);
  if (!query) return undefined;
  const pick = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  if (uri.scheme === 'git') {
    const ref = pick(query.ref);
    const { path: _path, ref: _ref, ...extra } = query;
    return ref === undefined ? undefined : { ref, extra };
  }
  if (uri.scheme === 'review') {
    const ref = pick(query.commit);
    const root = pick(query.rootPath);
    return ref === undefined ? undefined : { ref, extra: {}, ...(root !== undefined ? { root } : {}) };
  }
  if (uri.scheme === 'pr') {
    const ref = pick(query.isBase === true ? query.baseCommit : query.headCommit);
    return ref === undefined ? undefined : { ref, extra: {} };
  }
  return undefined;
}

/** The path of the workspace folder holding `path`, among folders of the same scheme and authority. */
function folderRoot(path: string, matches: (folder: URI) => boolean, folders: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const f of folders) {
    let folder: URI;
    try {
      folder = URI.parse(f);
    } catch {
      continue;
    }
    if (!matches(folder) || !inside(path, folder.path)) continue;
    if (best === undefined || folder.path.length > best.length) best = folder.path;
  }
  return best;
}

/** The path and space of a document, or undefined when it has no path (an untitled document). */
export function locate(uri: string, ctx: SpaceContext): Located | undefined {
  let u: URI;
  try {
    u = URI.parse(uri);
  } catch {
    return undefined;
  }
  if (u.scheme === 'untitled') return undefined;
  if (u.scheme === 'file') {
    const path = ctx.fileUris.toPath(uri);
    if (path === undefined) return undefined;
    return { path, space: { key: 'file:', local: ctx.localFiles, uriOf: (p) => ctx.fileUris.toUri(p) } };
  }
  const path = u.path;
  if (!path.startsWith('/')) return { path: `/${path}`, space: unnamed(uri) };
  const revision = gitRevision(u);
  if (revision) {
    // A revision of a checked-out repository: its workspace folder (a file: folder), or the
    // repository's root a review URI names, bounds the reads; the git extension's file
    // system says "not found" for a path outside the repository, which is not what it is.
    const root = folderRoot(path, (f) => f.scheme === 'file' || (f.scheme === u.scheme && f.authority === u.authority), ctx.folders);
    const bound = root ?? revision.root ?? folderOf(path);
    const { ref, extra } = revision;
    return {
      path,
      space: {
        key: `git:${u.authority}?${ref}`,
        local: false,
        ...(root !== undefined ? { root } : {}),
        uriOf: (p) =>
          inside(p, bound)
            ? URI.from({ scheme: 'git', authority: u.authority, path: p, query: JSON.stringify({ ...extra, path: nativePath(p), ref }) }).toString()
            : undefined,
      },
    };
  }
  if (u.query !== '') return { path, space: unnamed(uri) };
  const machine = MACHINE_SCHEMES.has(u.scheme);
  const root = machine ? undefined : folderRoot(path, (f) => f.scheme === u.scheme && f.authority === u.authority, ctx.folders);
  // Outside a machine, absolute paths of the config are paths of the Redis host, not of this
  // space: reads stay in the workspace folder (or the document's folder when it is in none).
  const bound = root ?? folderOf(path);
  return {
    path,
    space: {
      key: `${u.scheme}://${u.authority}`,
      local: false,
      ...(root !== undefined ? { root } : {}),
      uriOf: (p) => (machine || inside(p, bound) ? URI.from({ scheme: u.scheme, authority: u.authority, path: p }).toString() : undefined),
    },
  };
}

/** A space that names no file but the document (a query this tool cannot rewrite). */
function unnamed(uri: string): Space {
  return { key: uri, local: false, uriOf: () => undefined };
}

function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}
