export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RuleInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly title: string;
  /** Which file kinds the rule applies to. */
  readonly appliesTo: 'config' | 'acl';
  /** True for findings about security (SARIF tags them so). */
  readonly security?: boolean;
  /** Network, TLS and memory findings: the development profile turns them into hints. */
  readonly relaxedInDevelopment?: boolean;
  /**
   * The verdict rests on our table of the version (which names it has). When the version
   * asked for has no table and a nearby one stands in for it, an error becomes a warning.
   */
  readonly versionTable?: boolean;
}
