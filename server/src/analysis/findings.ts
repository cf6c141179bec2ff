/**
 * How a check makes a finding: the severity comes from the rule catalogue, and a finding
 * about a line of an included file shows on the `include` line that brings it in, with the
 * file's name in the message. Every check builds its findings here.
 */
import { RULES, type RuleCode } from '../knowledge/rules';
import type { Token } from '../syntax/configParser';
import type { ConfigModel, ModelLine } from './configModel';
import type { CommonData, DataOf } from './findingData';
import type { Finding, Range, RelatedInformation, Severity } from './types';

/** What a finding may add to its code, message and range: its data is checked against its code. */
export interface FindingExtra<C extends RuleCode> {
  readonly severity?: Severity;
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
  readonly related?: readonly RelatedInformation[];
  readonly data?: DataOf<C>;
}

/** A finding at the catalogue's severity for its code. */
export function finding<C extends RuleCode>(code: C, message: string, range: Range, extra: FindingExtra<C> = {}): Finding<C> {
  // The fields are those of Finding<C>; TypeScript cannot see through the conditional type.
  return { code, severity: RULES[code].severity, message, range, ...extra } as unknown as Finding<C>;
}

/** The finding with facts every code may carry added to its data (the pipeline's afterLoad, approximated, remote...). */
export function withData<F extends Finding>(f: F, data: CommonData): F {
  return { ...f, data: { ...f.data, ...data } };
}

/** Where a finding about a line shows: on the token when it is in this document, else on the include line. */
export function placeOf(m: ModelLine, tokenRange: Range): Range {
  return m.file === undefined ? tokenRange : m.anchor;
}

/** A message about a line, saying which included file the line is in. */
export function inFile(m: ModelLine, message: string): string {
  return m.file === undefined ? message : `${message} (set in ${m.file})`;
}

/** A finding about a model line: on the token (else the line's first) when the line is in this document, else on its include line. */
export function at<C extends RuleCode>(code: C, m: ModelLine, message: string, token?: Token, extra: FindingExtra<C> = {}): Finding<C> {
  return finding(code, inFile(m, message), placeOf(m, (token ?? m.line.tokens[0] ?? m.line).range), extra);
}

/** Where a finding about something missing goes: the first directive of the document. */
export function documentAnchor(model: ConfigModel): Range | undefined {
  const first = model.lines.find((m) => m.file === undefined);
  return first ? (first.line.tokens[0] ?? first.line).range : undefined;
}

/** A finding about something the document does not say, on its first directive (none in an empty document). */
export function missing<C extends RuleCode>(code: C, model: ConfigModel, message: string, extra: FindingExtra<C> = {}): Finding<C>[] {
  const range = documentAnchor(model);
  return range ? [finding(code, message, range, extra)] : [];
}
