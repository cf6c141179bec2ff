import type { Range } from '../types';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** Edits to one file: the document itself when `file` is undefined. */
export interface FileEdit {
  readonly file?: string;
  readonly edits: readonly TextEdit[];
}

export interface Fix {
  /** Says exactly what the fix does. */
  readonly title: string;
  /** The code of the finding it fixes. */
  readonly code: string;
  readonly edits: readonly FileEdit[];
  /** Safe and unambiguous: `source.fixAll` and `--fix` apply it. */
  readonly safe: boolean;
  readonly preferred?: boolean;
  /** A suppression rather than a fix. */
  readonly suppression?: boolean;
  /** Shown once to the user after applying (for example a generated password). */
  readonly notice?: string;
  /** The password the fix generated, and whose it is ("user 'admin'"): the notice tells it. */
  readonly password?: { readonly value: string; readonly owner: string };
}

/** The part of a finding a fix needs: what the LSP gets back from the client. */
export interface FixRequest {
  readonly code: string;
  readonly range: Range;
  readonly data?: Readonly<Record<string, unknown>>;
}
