/**
 * Links from a config to the files it names: include, aclfile, loadmodule and the TLS
 * files. Relative paths follow the same rule as includes (see configModel.ts).
 */
import type { Analysis } from './analyze';
import { namesAFile } from '../knowledge/directives';
import { includeBase, pathScope, resolvePath } from './configModel';
import type { Range } from './types';

export interface FileLink {
  readonly range: Range;
  readonly path: string;
  readonly directive: string;
}

export function fileLinks(a: Analysis, path: string | undefined): FileLink[] {
  if (a.kind === 'acl') return [];
  const base = includeBase(pathScope(path, a.settings.includeBaseDirectory));
  if (base === undefined) return [];
  const links: FileLink[] = [];
  for (const line of a.tree.directives) {
    const token = namesAFile(line.name) ? line.tokens[1] : undefined;
    if (!token || token.value === '' || line.broken || /[*?[]/.test(token.value)) continue;
    links.push({ range: token.range, path: resolvePath(base, token.value), directive: line.name });
  }
  return links;
}
