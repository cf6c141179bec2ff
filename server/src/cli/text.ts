/**
 * The human format: findings grouped by file (a blank line between files), each line
 * `file:line:col: severity code message` so that terminals and editors link it, then one
 * summary line. Colours only when asked (see colour.ts).
 */
import type { Severity } from '../analysis/types';
import { SEVERITY_ORDER } from '../knowledge/rules';
import type { FileReport } from './formats';

export interface Paint {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly severity: (severity: Severity, s: string) => string;
}

const sgr =
  (open: number, close: number) =>
  (s: string): string =>
    `\u001b[${open}m${s}\u001b[${close}m`;
const SEVERITY_SGR: Record<Severity, (s: string) => string> = {
  error: (s) => sgr(1, 22)(sgr(31, 39)(s)),
  warning: sgr(33, 39),
  information: sgr(34, 39),
  hint: sgr(2, 22),
};

export const PLAIN: Paint = { bold: (s) => s, dim: (s) => s, severity: (_v, s) => s };
export const COLOUR: Paint = { bold: sgr(1, 22), dim: sgr(2, 22), severity: (v, s) => SEVERITY_SGR[v](s) };

export function formatText(reports: readonly FileReport[], paint: Paint = PLAIN): string {
  const groups: string[] = [];
  for (const r of reports) {
    if (!r.findings.length) continue;
    groups.push(
      r.findings
        .map(
          (f) =>
            `${paint.bold(`${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}:`)} ${paint.severity(f.severity, f.severity)} ${paint.dim(f.code)} ${f.message}`,
        )
        .join('\n'),
    );
  }
  return groups.length ? `${groups.join('\n\n')}\n` : '';
}

function plural(n: number, word: string): string {
  // "information" is uncountable: "2 information" as in "2 information findings".
  return `${n} ${word}${n === 1 || word === 'information' ? '' : 's'}`;
}

/** `3 errors, 5 warnings in 2 files (4 checked); 4 fixable with --fix`; `how`: the flags that fix them. */
export function summary(reports: readonly FileReport[], fixed: number, paint: Paint = PLAIN, how = '--fix'): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let fixable = 0;
  for (const r of reports) {
    fixable += r.fixable.length;
    for (const f of r.findings) counts[f.severity]++;
  }
  const withFindings = reports.filter((r) => r.findings.length).length;
  const checked = plural(reports.length, 'file');
  const parts = (Object.keys(counts) as Severity[]).filter((s) => counts[s] > 0).map((s) => paint.severity(s, plural(counts[s], s)));
  const tail = [...(fixed ? [`${fixed} fixed`] : []), ...(fixable ? [`${fixable} fixable with ${how}`] : [])];
  const head = parts.length
    ? `${parts.join(', ')} in ${withFindings === reports.length ? checked : `${plural(withFindings, 'file')} (${reports.length} checked)`}`
    : `No problems in ${checked}`;
  return `${paint.bold(head)}${tail.length ? `; ${tail.join('; ')}` : ''}\n`;
}

export interface Statistic {
  readonly code: string;
  readonly severity: Severity;
  readonly count: number;
  readonly fixable: number;
}

/** Findings counted per code (and severity, which settings may change per file), most frequent first. */
export function statistics(reports: readonly FileReport[]): Statistic[] {
  const byKey = new Map<string, { code: string; severity: Severity; count: number; fixable: number }>();
  for (const r of reports) {
    const fixable = new Set(r.fixable);
    for (const f of r.findings) {
      const key = `${f.code}\u0000${f.severity}`;
      const s = byKey.get(key) ?? { code: f.code, severity: f.severity, count: 0, fixable: 0 };
      s.count++;
      if (fixable.has(f)) s.fixable++;
      byKey.set(key, s);
    }
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.code < b.code ? -1 : 1));
}

export function formatStatistics(stats: readonly Statistic[], paint: Paint = PLAIN): string {
  if (!stats.length) return '';
  const width = Math.max(...stats.map((s) => String(s.count).length));
  const codeWidth = Math.max(...stats.map((s) => s.code.length));
  const lines = stats.map((s) => {
    const fix = s.fixable ? `  ${s.fixable} fixable` : '';
    return `${String(s.count).padStart(width)}  ${paint.severity(s.severity, s.severity.padEnd(11))} ${s.code.padEnd(codeWidth)}${fix}`.trimEnd();
  });
  return `${lines.join('\n')}\n`;
}
