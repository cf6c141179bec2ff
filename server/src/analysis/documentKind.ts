import type { DocumentKind } from './types';

/** The kind of a file from its name, as the extension manifest maps names to languages. */
export function documentKindFromPath(path: string): DocumentKind {
  const base = (path.split(/[\\/]/).pop() ?? path).toLowerCase();
  if (base.endsWith('.acl')) return 'acl';
  if (base.includes('sentinel')) return 'sentinel';
  return 'config';
}

/** The kind of an open editor document: its language first, then its name. */
export function documentKindFor(languageId: string | undefined, path: string): DocumentKind {
  if (languageId === 'redis-acl') return 'acl';
  const byName = documentKindFromPath(path);
  if (languageId === 'redis-conf' && byName === 'acl') return 'config';
  return byName;
}
