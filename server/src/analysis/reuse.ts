/**
 * What an analysis may take over from the analysis of the version before: the findings of the
 * checks that read the whole file (duplicates, security, rename-command...), when nothing those
 * checks read has changed. Typing in a comment, or a word not yet a directive at the end of
 * the file, then costs no more than the lines it touched.
 */
import { lookupDirective } from '../knowledge/directives';
import type { TargetId } from '../knowledge/types';
import { sameLine, type ConfigTree, type DirectiveLine } from '../syntax/configParser';
import type { DocumentKind, Finding } from './types';

/** The findings of the whole-file checks, and what they were worked out from. */
export interface FileLevelFindings {
  /** Everything besides the lines the checks depend on: kind, settings, path, mode. */
  readonly key: string;
  /** The lines the checks read (see relevantLines). */
  readonly lines: readonly DirectiveLine[];
  readonly findings: readonly Finding[];
}

/**
 * The lines the whole-file checks of a redis.conf may read, or undefined when they read more
 * than the document (an `include` or `aclfile` line: other files, which may change on their own).
 *
 * Those checks look lines up by names of the directive table (`port`, `user`, `include`...),
 * or by what the table says of a name (last line wins, memory unit, module setting). A line
 * whose name no version of Redis or Valkey knows, without a dot (module settings have one),
 * is read by none of them except as the document's first directive (see below): it is left out, so typing a new directive does not make the
 * checks run again until its name is one they may read. Sentinel files keep every line.
 */
export function relevantLines(tree: ConfigTree, kind: DocumentKind, target: TargetId): DirectiveLine[] | undefined {
  const out: DirectiveLine[] = [];
  // Until the first line the model keeps (not broken, not blank), every line is kept: that
  // line is where findings about what the file lacks are shown.
  let anchored = false;
  for (const d of tree.directives) {
    const name = d.name;
    if (name === 'include' || name === 'aclfile') return undefined;
    if (kind === 'config' && anchored && unknownEverywhere(name, target)) continue;
    out.push(d);
    if (!d.broken && d.tokens.length > 0) anchored = true;
  }
  return out;
}

/** No version reads the name as anything: not a directive, not a module setting; a NUL is kept (Redis 6 cuts names there). */
function unknownEverywhere(name: string, target: TargetId): boolean {
  return name !== '' && !name.includes('.') && !name.includes('\0') && lookupDirective(name, target) === undefined;
}

/** The findings of `previous` when it was worked out from the same key and lines alike, else undefined. */
export function reusedFindings(previous: FileLevelFindings | undefined, key: string, lines: readonly DirectiveLine[]): readonly Finding[] | undefined {
  if (!previous || previous.key !== key || previous.lines.length !== lines.length) return undefined;
  for (let i = 0; i < lines.length; i++) if (!sameLine(previous.lines[i] as DirectiveLine, lines[i] as DirectiveLine)) return undefined;
  return previous.findings;
}
