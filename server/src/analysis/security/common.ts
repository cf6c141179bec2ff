import { RULES, type RuleCode } from '../../knowledge/rules';
import type { Token } from '../../syntax/configParser';
import type { ModelLine } from '../configModel';
import type { Finding, Range } from '../types';
import type { SecurityFacts } from './facts';

/** A finding about a model line: on the token when the line is in this document, else on its include line. */
export function at(code: RuleCode, m: ModelLine, message: string, token?: Token, extra: Partial<Finding> = {}): Finding {
  const range = m.file === undefined ? (token ?? m.line.tokens[0] ?? m.line).range : m.anchor;
  return { code, severity: RULES[code].severity, message: m.file === undefined ? message : `${message} (set in ${m.file})`, range, ...extra };
}

/** Where a finding about something missing goes: the first directive of the document. */
export function documentAnchor(facts: SecurityFacts): Range | undefined {
  const first = facts.model.lines.find((m) => m.file === undefined);
  return first ? (first.line.tokens[0] ?? first.line).range : undefined;
}

export function missing(code: RuleCode, facts: SecurityFacts, message: string, extra: Partial<Finding> = {}): Finding[] {
  const range = documentAnchor(facts);
  return range ? [{ code, severity: RULES[code].severity, message, range, ...extra }] : [];
}
