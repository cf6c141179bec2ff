/**
 * Finding a fix's place without scanning the document, so that fixing every finding of a
 * large file (fix-all) stays linear: the directive on a line (binary search), the ACL users
 * of a document indexed by line (built once by the caller), and the analysis's own finding
 * behind a request (a client's copy of `diagnostic.data` is not trusted).
 */
import type { Analysis } from '../analyze';
import { aclFileUsers, configUsers, type UserDocument, type UserDefinition } from '../acl/users';
import type { ConfigTree, DirectiveLine } from '../../syntax/configParser';
import type { Finding } from '../types';
import type { FixRequest } from './types';

/** The directive line that covers LSP line `line` (directives are in file order). */
export function directiveAt(tree: ConfigTree, line: number): DirectiveLine | undefined {
  const list = tree.directives;
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as DirectiveLine).range.start.line <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const d = list[found];
  return d && d.range.end.line >= line ? d : undefined;
}

export interface IndexedUsers {
  readonly doc: UserDocument;
  readonly byLine: ReadonlyMap<number, readonly UserDefinition[]>;
}

/** The user definitions of the document (ACL lines or `user` lines), indexed by line. */
export function indexUsers(a: Analysis): IndexedUsers {
  const doc = a.kind === 'acl' ? aclFileUsers(a.tree, a.settings.target) : configUsers(a.tree, a.settings.target);
  const byLine = new Map<number, UserDefinition[]>();
  for (const def of doc.users) {
    for (let l = def.range.start.line; l <= def.range.end.line; l++) {
      const list = byLine.get(l) ?? [];
      list.push(def);
      byLine.set(l, list);
    }
  }
  return { doc, byLine };
}

function sameRange(a: FixRequest['range'], b: FixRequest['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function sameData(a: Readonly<Record<string, unknown>> | undefined, b: Readonly<Record<string, unknown>> | undefined): boolean {
  const strip = (d: Readonly<Record<string, unknown>> | undefined): string =>
    JSON.stringify(
      Object.entries(d ?? {})
        .filter(([k]) => k !== 'code')
        .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
    );
  return strip(a) === strip(b);
}

/**
 * The analysis's own finding that a request names (same code and range), or undefined when
 * the document has no such finding any more. Its data, not the request's, builds the fix:
 * a client that edits `data.replacement` cannot make a fix write what it likes.
 */
export function ownFinding(a: Analysis, request: FixRequest): Finding | undefined {
  const candidates = a.findings.filter((f) => f.code === request.code && sameRange(f.range, request.range));
  return candidates.find((f) => sameData(f.data, request.data)) ?? candidates[0];
}
