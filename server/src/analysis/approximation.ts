/**
 * A version we have no table for (`redis-8.2`, `valkey-9.0`) is checked against the nearest
 * one we have. What rests on the table — a name the stand-in does not know — may be wrong
 * for the real version, so those errors become warnings that say so, and one notice per
 * file says which table was used.
 */
import { withData } from './findings';
import { RULES, type RuleCode } from '../knowledge/rules';
import type { TargetId } from '../knowledge/types';
import { messages } from './messages';
import type { ResolvedTarget } from './target';
import type { Finding } from './types';

const TOP_OF_FILE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function approximate(findings: readonly Finding[], resolved: ResolvedTarget): Finding[] {
  const a = resolved.approximated;
  if (!a) return [...findings];
  const out = findings.map((f) =>
    (RULES[f.code as RuleCode] as { versionTable?: boolean }).versionTable && f.severity === 'error' ? soften(f, a.requested, resolved.target) : f,
  );
  out.push({
    code: 'approximated-target',
    severity: RULES['approximated-target'].severity,
    message: messages.approximatedTarget(a.requested, resolved.target),
    range: a.range ?? TOP_OF_FILE,
    data: { requested: a.requested, target: resolved.target },
  });
  return out;
}

function soften(f: Finding, requested: string, target: TargetId): Finding {
  return withData({ ...f, severity: 'warning', message: `${f.message} ${messages.approximatedVerdict(requested, target)}` }, { approximated: requested });
}
