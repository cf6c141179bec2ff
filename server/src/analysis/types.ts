import type { Range } from '../syntax/text';
import type { RuleCode, Severity } from '../knowledge/rules';
import type { TargetId } from '../knowledge/types';
import type { DataOf } from './findingData';

export type { Range, Position } from '../syntax/text';
export type { Severity } from '../knowledge/rules';

export type Profile = 'production' | 'development';

/** What kind of file a document is, which decides how it is read. */
export type DocumentKind = 'config' | 'sentinel' | 'acl';

export interface Settings {
  readonly target: TargetId;
  /**
   * The version the user asked for when we have no table for it (`redis-8.2`): `target` is
   * then the nearest version we have (see knowledge/versions.ts).
   */
  readonly requestedTarget?: string;
  /** True when nobody chose the target: the file name may then pick it (valkey*.conf). */
  readonly targetIsDefault?: boolean;
  readonly profile: Profile;
  /** Where relative `include` paths start; the document's folder when unset. */
  readonly includeBaseDirectory?: string;
  /** The document is included by another config: it is a fragment, not a whole config. */
  readonly included?: boolean;
  /** Passwords shorter than this are weak (default 32). */
  readonly minPasswordLength?: number;
  /** Only this many characters of a document are analysed (default DEFAULT_MAX_DOCUMENT_SIZE). */
  readonly maxDocumentSize?: number;
  /** Per-code severity chosen by the user; 'off' hides the code. */
  readonly rules?: Readonly<Partial<Record<RuleCode, Severity | 'off'>>>;
}

export interface RelatedInformation {
  readonly message: string;
  readonly range: Range;
  /** Path of another file; undefined for the same document. */
  readonly file?: string;
}

/** A finding of code `C`; `Finding` alone is one of any code, whose `data` narrows with `code`. */
export type Finding<C extends RuleCode = RuleCode> = C extends RuleCode ? FindingOf<C> : never;

interface FindingOf<C extends RuleCode> {
  readonly code: C;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
  readonly related?: readonly RelatedInformation[];
  /** Facts a quick fix needs, so that no fix ever depends on the message text (findingData.ts). */
  readonly data?: DataOf<C>;
}
