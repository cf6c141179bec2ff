import type { DocumentKind } from './types';

function baseName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  try {
    // A URI's last segment is percent-encoded (`my%20users.acl`).
    return decodeURIComponent(base).toLowerCase();
  } catch {
    return base.toLowerCase();
  }
}

/** The kind of a file from its name, as the extension manifest maps names to languages. */
export function documentKindFromPath(path: string): DocumentKind {
  const base = baseName(path);
  if (base.endsWith('.acl')) return 'acl';
  if (base.includes('sentinel')) return 'sentinel';
  return 'config';
}

/** Names that say which kind a file is, whatever language id an editor sends with it. */
function kindByName(path: string): DocumentKind | undefined {
  const base = baseName(path);
  if (base.endsWith('.acl')) return 'acl';
  if (base.endsWith('.conf') && base.includes('sentinel')) return 'sentinel';
  if (/^(redis|valkey).*\.conf$/.test(base) || base.endsWith('.redis.conf')) return 'config';
  return undefined;
}

/**
 * The kind of an open editor document. A telling name wins over the language id, since
 * editors send ids of their own (eglot sends `redis-conf` for `users.acl` when one server
 * entry serves both modes; others send `conf` or `plaintext`):
 *
 * | name                                                 | kind                                   |
 * |------------------------------------------------------|----------------------------------------|
 * | `*.acl`                                              | ACL                                    |
 * | `*.conf` with `sentinel` in the name                 | Sentinel                               |
 * | `redis*.conf`, `valkey*.conf`, `*.redis.conf`        | config                                 |
 * | anything else (`app.conf`, an untitled buffer, ...)  | ACL for the id `redis-acl`; otherwise the name's reading (`sentinel` anywhere: Sentinel), else config |
 */
export function documentKindFor(languageId: string | undefined, path: string): DocumentKind {
  const named = kindByName(path);
  if (named) return named;
  if (languageId === 'redis-acl') return 'acl';
  return documentKindFromPath(path);
}
