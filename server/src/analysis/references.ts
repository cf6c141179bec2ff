/**
 * Find references of an ACL user: where it is defined (a `user` line of a config or an ACL
 * file) and where a config names it (masteruser/primaryuser, Sentinel auth-user and
 * sentinel-user). From a config, the users of its aclfile count too.
 */
import { contains } from './ranges';
import { parseAcl } from '../syntax/aclParser';
import { asciiLower } from '../syntax/text';
import type { Analysis } from './analyze';
import { aclfileOf, pathScope, type FileSource } from './configModel';
import type { Location } from './definition';
import type { Position, Range } from './types';

interface Occurrence {
  readonly name: string;
  readonly range: Range;
}

/** Every place this document names a user. */
function occurrences(a: Analysis): Occurrence[] {
  if (a.kind === 'acl') return a.tree.lines.filter((l) => l.valid && l.user).map((l) => ({ name: l.user?.value ?? '', range: l.user?.range ?? l.range }));
  const out: Occurrence[] = [];
  for (const d of a.tree.directives) {
    if (d.broken) continue;
    const t1 = d.tokens[1];
    if ((d.name === 'user' || d.name === 'masteruser' || d.name === 'primaryuser') && t1) out.push({ name: t1.value, range: t1.range });
    if (d.name === 'sentinel') {
      const sub = asciiLower(d.tokens[1]?.value ?? '');
      const t = sub === 'auth-user' ? d.tokens[3] : sub === 'sentinel-user' ? d.tokens[2] : undefined;
      if (t) out.push({ name: t.value, range: t.range });
    }
  }
  return out;
}

export function userReferencesAt(a: Analysis, position: Position, ctx: { path?: string; source?: FileSource } = {}): Location[] {
  const here = occurrences(a);
  const at = here.find((o) => contains(o.range, position));
  if (!at) return [];
  const locations: Location[] = here.filter((o) => o.name === at.name).map((o) => ({ range: o.range }));
  // From a config with an aclfile, the user's definition lives in that file.
  if (a.kind !== 'acl' && ctx.source) {
    const file = aclfileOf(a.model, pathScope(ctx.path, a.settings.includeBaseDirectory))?.path;
    if (file !== undefined) {
      const text = ctx.source.read(file);
      if (text !== undefined) {
        for (const line of parseAcl(text).tree.lines) if (line.valid && line.user?.value === at.name) locations.push({ file, range: line.user.range });
      }
    }
  }
  return locations;
}
