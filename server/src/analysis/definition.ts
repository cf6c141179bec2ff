/**
 * Go to definition: from a directive to the line that sets its effective value (across
 * includes), and from an include or aclfile argument to the file.
 */
import { contains } from './ranges';
import { primaryName } from '../knowledge/directives';
import type { Analysis } from './analyze';
import { fileLinks } from './links';
import type { Position, Range } from './types';

export interface Location {
  /** Another file, or undefined for the document itself. */
  readonly file?: string;
  readonly range: Range;
}

export function definitionAt(a: Analysis, position: Position, path: string | undefined): Location | undefined {
  if (a.kind === 'acl') return undefined;
  const link = fileLinks(a, path).find((l) => contains(l.range, position));
  if (link) return { file: link.path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  const line = a.tree.directives.find((d) => d.tokens[0] && contains(d.tokens[0].range, position));
  if (!line) return undefined;
  const target = a.settings.target;
  const primary = (name: string): string => primaryName(name, target);
  const key = primary(line.name);
  for (let i = a.model.lines.length - 1; i >= 0; i--) {
    const m = a.model.lines[i];
    if (m && primary(m.line.name) === key) return { ...(m.file !== undefined ? { file: m.file } : {}), range: m.line.range };
  }
  return undefined;
}
