export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RuleInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly title: string;
  /** True for findings about security (SARIF tags them so). */
  readonly security?: boolean;
  /**
   * The rule reports something the file does not set: 'always', or 'when-missing' when only
   * its findings with `data.missing` are (the others point at a line that is there). Files
   * included by another one are fragments and get no such finding.
   */
  readonly absence?: 'always' | 'when-missing';
  /**
   * The severity follows the exposure model (analysis/security/exposure.ts): `severity` when
   * no client on another host gets in without a password, error when one does.
   */
  readonly exposure?: boolean;
  /** Network, TLS and memory findings: the development profile turns them into hints. */
  readonly relaxedInDevelopment?: boolean;
  /**
   * The verdict rests on our table of the version (which names it has). When the version
   * asked for has no table and a nearby one stands in for it, an error becomes a warning.
   */
  readonly versionTable?: boolean;
}
