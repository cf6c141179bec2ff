/**
 * What the user tuned: the profile (development relaxes network, TLS and memory findings),
 * per-code severities, and suppression comments in the file. Redis ignores the comments;
 * we read them:
 *   # redis-config-disable-next-line <code>[, <code>]   the next directive line
 *   # redis-config-disable <code>[, <code>]             from here to the end of the file
 * Without codes, a comment silences every code.
 */
import { RULES, type RuleCode } from '../knowledge/rules';
import type { ConfigTree, DirectiveLine } from '../syntax/configParser';
import type { Finding, Settings } from './types';

const COMMENT = /^#\s*redis-config-(disable-next-line|disable)\b(.*)$/;

export interface Suppressions {
  /** LSP line → codes silenced on that line ('*' for all). */
  readonly lines: ReadonlyMap<number, ReadonlySet<string>>;
  /** From this LSP line on, these codes are silenced. */
  readonly fromLine: readonly { readonly line: number; readonly codes: ReadonlySet<string> }[];
}

function codesOf(rest: string): Set<string> {
  const codes = rest.split(/[\s,]+/).filter((c) => c !== '');
  return new Set(codes.length ? codes : ['*']);
}

export function readSuppressions(tree: ConfigTree, text: string): Suppressions {
  const lines = new Map<number, Set<string>>();
  const fromLine: { line: number; codes: Set<string> }[] = [];
  const directives = tree.directives;
  let d = 0;
  for (const comment of tree.toolComments) {
    const m = COMMENT.exec(text.slice(comment.start, comment.end));
    if (!m) continue;
    const codes = codesOf(m[2] ?? '');
    if (m[1] === 'disable') {
      fromLine.push({ line: comment.range.start.line, codes });
      continue;
    }
    // The next directive line; other comments in between do not count, so several
    // disable comments may stack above one line.
    while (d < directives.length && (directives[d] as DirectiveLine).start < comment.end) d++;
    const next = directives[d];
    if (!next) continue;
    const set = lines.get(next.range.start.line) ?? new Set<string>();
    for (const c of codes) set.add(c);
    lines.set(next.range.start.line, set);
  }
  return { lines, fromLine };
}

function suppressed(f: Finding, s: Suppressions): boolean {
  const line = f.range.start.line;
  const here = s.lines.get(line);
  if (here && (here.has('*') || here.has(f.code))) return true;
  return s.fromLine.some((r) => r.line <= line && (r.codes.has('*') || r.codes.has(f.code)));
}

/**
 * A finding about something the file does not set (the rule catalogue says which): in a
 * fragment included by another file, the including file is judged for it instead.
 */
export function isAbsence(f: Finding): boolean {
  const absence = (RULES[f.code] as { absence?: 'always' | 'when-missing' }).absence;
  return absence === 'always' || (absence === 'when-missing' && f.data?.missing === true);
}

/** Applies the profile, the per-code severities and the suppressions. */
export function tune(findings: readonly Finding[], settings: Settings, suppressions?: Suppressions): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (suppressions && suppressed(f, suppressions)) continue;
    const chosen = settings.rules?.[f.code];
    if (chosen === 'off') continue;
    let severity = f.severity;
    if (settings.profile === 'development' && (RULES[f.code as RuleCode] as { relaxedInDevelopment?: boolean }).relaxedInDevelopment) severity = 'hint';
    if (chosen) severity = chosen;
    out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}
