/** Our own documentation for one directive, rendered in hovers and completion. */
export interface DirectiveDoc {
  /** One sentence: what the directive controls. Plain Markdown, no trailing period required. */
  summary: string;
  /** A paragraph or two: how Redis uses the value, when to change it. Markdown. */
  details?: string;
  /** The unit of the value, when it has one ("seconds", "milliseconds", "bytes (memory units allowed)"). */
  unit?: string;
  /** What can go wrong, for security- or availability-relevant directives. Markdown. */
  risk?: string;
  /** Names of directives worth reading together with this one. */
  related?: readonly string[];
}
