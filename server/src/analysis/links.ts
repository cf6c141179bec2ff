/**
 * Links from a config to the files it names: include, aclfile, loadmodule and the TLS
 * files. Relative paths follow the same rule as includes (see configModel.ts).
 */
import type { Analysis } from './analyze';
import { includeBase, resolvePath } from './configModel';
import type { Range } from './types';

const FILE_ARGS: Readonly<Record<string, number>> = {
  include: 1,
  aclfile: 1,
  loadmodule: 1,
  'tls-cert-file': 1,
  'tls-key-file': 1,
  'tls-client-cert-file': 1,
  'tls-client-key-file': 1,
  'tls-ca-cert-file': 1,
  'tls-dh-params-file': 1,
  logfile: 1,
  pidfile: 1,
  unixsocket: 1,
};

export interface FileLink {
  readonly range: Range;
  readonly path: string;
  readonly directive: string;
}

export function fileLinks(a: Analysis, path: string | undefined): FileLink[] {
  if (a.kind === 'acl') return [];
  const base = includeBase({ ...(path ? { path } : {}), ...(a.settings.includeBaseDirectory ? { baseDirectory: a.settings.includeBaseDirectory } : {}) });
  if (base === undefined) return [];
  const links: FileLink[] = [];
  for (const line of a.tree.directives) {
    const index = FILE_ARGS[line.name];
    const token = index === undefined ? undefined : line.tokens[index];
    if (!token || token.value === '' || line.broken || /[*?[]/.test(token.value)) continue;
    if (!['include', 'aclfile', 'loadmodule'].includes(line.name) && !line.name.startsWith('tls-')) continue;
    links.push({ range: token.range, path: resolvePath(base, token.value), directive: line.name });
  }
  return links;
}
