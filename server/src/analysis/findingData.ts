/**
 * The facts a finding carries in `data` (LSP `diagnostic.data`), typed per code: fixes and
 * tools read them, never the message. A code without an entry here carries only the
 * common facts and its own informational ones, which nothing reads back.
 */
import type { RuleCode } from '../knowledge/rules';
import type { Weakness } from './acl/userSecurity';
import type { RemoteOutcome } from './security/exposure';

/** Facts any finding may carry, set by the pipeline or by the rules that report absence. */
export type CommonData = {
  /** Redis decides this after reading the whole file (the line itself is accepted). */
  readonly afterLoad?: boolean;
  /** Decided when the server opens its sockets. */
  readonly socket?: boolean;
  /** A refusal inside an included file, reported on the include line. */
  readonly includedFile?: string;
  /** The version asked for had no table; this verdict comes from the nearest one. */
  readonly approximated?: string;
  /** What a client on another host gets (the exposure model), for rules that follow it. */
  readonly remote?: RemoteOutcome;
  /** The finding is about a directive the file does not set (see RuleInfo.absence). */
  readonly missing?: boolean;
};

/** The facts of the codes whose data a fix reads. */
export type FindingDataMap = {
  'deprecated-directive': { readonly name: string; readonly replacement: string };
  'unknown-directive': { readonly name: string; readonly suggestions?: readonly string[] };
  'trailing-comment': { readonly commentStart: number; readonly lineStart: number; readonly lineEnd: number };
  'rename-command-deprecated': { readonly command: string; readonly removed: boolean };
  'weak-password': { readonly weakness: Weakness };
  /** The files TLS lacks (here `missing` names files, not an absent directive). */
  'tls-incomplete': { readonly missing: readonly string[] };
};

/** Informational facts of the other codes (names, counts), which nothing reads back. */
type OtherData = { readonly [key: string]: unknown };

export type DataOf<C extends RuleCode> = C extends keyof FindingDataMap
  ? Omit<CommonData, keyof FindingDataMap[C]> & FindingDataMap[C]
  : CommonData & OtherData;
