/**
 * The entry point of the analysis: a document's text, its settings and a view of the
 * other files in, its findings out. Pure: the files come through `FileSource`, and no
 * state is kept between calls.
 */
import { RULES } from '../knowledge/rules';
import { TARGETS, type TargetId } from '../knowledge/types';
import { parseAcl, type AclTree } from '../syntax/aclParser';
import { parseConfig, type ConfigTree, type SyntaxProblem } from '../syntax/configParser';
import type { ParseResult } from '../syntax/configParser';
import { aclSyntaxFindings } from './aclDiagnostics';
import { syntaxFindings } from './configDiagnostics';
import { buildModel, singleFileModel, type ConfigModel, type FileSource } from './configModel';
import { lineFindings, type LineFindings } from './directiveChecks';
import { includedFileFindings } from './includedFindings';
import { sentinelValueFindings } from './sentinelChecks';
import { configUserFindings, aclFileFindings } from './acl/validate';
import {
  aclfileFindings,
  duplicateFindings,
  listensNowhereFindings,
  moduleConfigFindings,
  renameCommandFindings,
  replicaofInClusterFindings,
} from './fileChecks';
import { messages } from './messages';
import { securityFacts, securityFindings, userExposure, withRemoteOutcome } from './security';
import { generatedPasswordFindings } from './generatedPasswords';
import { relevantLines, reusedFindings, type FileLevelFindings } from './reuse';
import { approximate } from './approximation';
import { quoting } from '../knowledge/features';
import { commonPrefix, commonSuffix } from '../syntax/text';
import { resolveTarget, type TargetSource } from './target';
import { isAbsence, readSuppressions, tune } from './tuning';
import type { DocumentKind, Finding, Settings } from './types';

export interface DocumentContext {
  /** Absolute path of the document, when it is a file. */
  readonly path?: string;
  /** Its permission bits, when it is a file (for config-file-world-readable). */
  readonly mode?: number;
  /** Other files (includes, ACL files), when the caller can read them. */
  readonly source?: FileSource;
  /**
   * The text is a lossless decoding of the file's bytes (syntax/bytes.ts), as the CLI reads
   * files: characters outside ASCII stand for known bytes. An editor's text is decoded by the
   * editor, which may have guessed the encoding.
   */
  readonly exactBytes?: boolean;
}

interface AnalysisBase {
  readonly findings: readonly Finding[];
  /** The version the document was checked against, and what chose it. */
  readonly target: TargetId;
  readonly targetSource: TargetSource;
  /** The settings with the resolved target, for follow-up requests such as hovers. */
  readonly settings: Settings;
  /** See DocumentContext.exactBytes. */
  readonly exactBytes: boolean;
}

export type ConfigAnalysis = AnalysisBase & {
  readonly kind: 'config' | 'sentinel';
  readonly tree: ConfigTree;
  readonly model: ConfigModel;
  /** What the next analysis of the same document may reuse (see analyzeDocument's `previous`). */
  readonly reuse?: { readonly syntax: ParseResult<ConfigTree, SyntaxProblem>; readonly lines: LineFindings; readonly file?: FileLevelFindings };
};
export type AclAnalysis = AnalysisBase & { readonly kind: 'acl'; readonly tree: AclTree };
export type Analysis = ConfigAnalysis | AclAnalysis;

/**
 * Documents larger than this (in characters) are analysed up to the last line break before
 * it, with a notice: no real config comes near it (the stock redis.conf is 110 KB), and a
 * 50 MB paste would otherwise hold the editor for seconds and hundreds of megabytes.
 */
export const DEFAULT_MAX_DOCUMENT_SIZE = 4 * 1024 * 1024;

/**
 * The analysis costs per line more than per character: a file of short lines with a finding
 * on each (`a`, `maxmemory 1`, 2 MB of them) took tens of seconds and gigabytes under the size
 * limit alone. So at most one line per this many characters of the limit is analysed —
 * 32,768 lines at 4 MB; the stock redis.conf has 2,300, at 47 characters a line — and never
 * fewer than MIN_LINE_LIMIT. Each line read costs about a kilobyte while it is checked, so this
 * bound is what keeps the densest files (a finding on every short line) to about a hundred MB.
 */
export const CHARACTERS_PER_LINE_LIMIT = 128;
const MIN_LINE_LIMIT = 10_000;

/**
 * Whether the text surely has fewer than `count` line breaks, known without reading it all: the
 * earlier version's lines plus the breaks in what the edit put in bound it from above. Counting
 * the breaks of the whole text on every keystroke cost more than the rest of the analysis.
 */
function surelyFewerBreaks(text: string, count: number, previous: Analysis | undefined): boolean {
  // An earlier version that was cut holds only part of its text.
  if (!previous || previous.findings.some((f) => f.code === 'document-too-large')) return false;
  const before = previous.tree.index.text;
  const start = commonPrefix(before, text);
  const end = text.length - commonSuffix(before, text, Math.min(before.length, text.length) - start);
  let breaks = previous.tree.index.lineCount - 1;
  for (let at = text.indexOf('\n', start); at >= 0 && at < end && breaks < count; at = text.indexOf('\n', at + 1)) breaks++;
  return breaks < count;
}

/** The offset just after the `count`-th `\n` of the text if it comes before `end`, else -1. */
function afterLineBreak(text: string, count: number, end: number): number {
  if (end <= count) return -1;
  let at = -1;
  for (let n = 0; n < count; n++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0 || at + 1 >= end) return -1;
  }
  return at + 1;
}

/**
 * `previous`, an analysis of an earlier version of the same document, makes the analysis
 * incremental where that pays: the lines before the first change and after the last one are
 * not read or checked again (syntax/configParser.ts, directiveChecks.ts), and the whole-file
 * checks are not run again when the lines they read are alike (reuse.ts). The result is the
 * same as without it.
 */
export function analyzeDocument(text: string, kind: DocumentKind, settings: Settings, context: DocumentContext = {}, previous?: Analysis): Analysis {
  const limit = settings.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE;
  const lineLimit = Math.max(MIN_LINE_LIMIT, Math.floor(limit / CHARACTERS_PER_LINE_LIMIT));
  const bySize = text.length <= limit ? text.length : text.lastIndexOf('\n', limit - 1) + 1 || limit;
  const byLines = surelyFewerBreaks(text, lineLimit, previous) ? -1 : afterLineBreak(text, lineLimit, bySize);
  if (byLines < 0 && bySize === text.length) return analyzeWhole(text, kind, settings, context, previous);
  const cut = byLines < 0 ? bySize : byLines;
  const part = analyzeWhole(text.slice(0, cut), kind, settings, context, previous);
  const lines = part.tree.index.lineCount - 1;
  const notice: Finding = {
    code: 'document-too-large',
    severity: RULES['document-too-large'].severity,
    message:
      byLines < 0
        ? messages.documentTooLarge(text.length, limit, lines)
        : messages.documentTooLong(lineLimit, limit, (1024 * 1024) / CHARACTERS_PER_LINE_LIMIT),
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    data: { checkedLines: lines, size: text.length, limit, lineLimit },
  };
  return { ...part, findings: sortFindings([notice, ...part.findings]) } as Analysis;
}

function analyzeWhole(text: string, kind: DocumentKind, settings: Settings, context: DocumentContext, previous: Analysis | undefined): Analysis {
  if (kind === 'acl') {
    const { tree, errors } = parseAcl(text);
    const resolved = resolveTarget(undefined, text, context.path, settings.target, settings.targetIsDefault === true, settings.requestedTarget);
    const s = withTarget(settings, resolved);
    const findings = approximate([...aclSyntaxFindings(errors), ...aclFileFindings(tree, s), ...generatedPasswordFindings(tree.index, kind)], resolved);
    return {
      kind,
      tree,
      findings: sortFindings(tune(findings, s)),
      target: resolved.target,
      targetSource: resolved.source,
      settings: s,
      exactBytes: context.exactBytes === true,
    };
  }
  const reuse = previous?.kind !== 'acl' ? previous?.reuse : undefined;
  const first = parseConfig(text, undefined, reuse?.syntax);
  const resolved = resolveTarget(first.tree, text, context.path, settings.target, settings.targetIsDefault === true, settings.requestedTarget);
  // The pragma is a comment, which every version reads alike; the arguments may not be.
  // Only a line where text follows a closing quote splits differently, so most files are
  // parsed once.
  const rules = quoting(resolved.target);
  const syntax = rules.continueAfterQuote && first.errors.some((e) => e.detail === 'quote-followed-by-text') ? parseConfig(text, rules, reuse?.syntax) : first;
  const { tree, errors } = syntax;
  const s: Settings = withTarget(settings, resolved);
  // The whole-file checks read the directives alone (not comments), so when those they read are
  // alike their findings are those of the version before, already made.
  const relevant = relevantLines(tree, kind, resolved.target);
  // Without include lines (nor aclfile, see relevantLines) no other file is read.
  const model =
    context.source && !relevant
      ? buildModel(tree, resolved.target, {
          ...(context.path ? { path: context.path } : {}),
          source: context.source,
          ...(settings.includeBaseDirectory ? { baseDirectory: settings.includeBaseDirectory } : {}),
        })
      : singleFileModel(tree, previous?.kind === 'acl' ? undefined : previous?.model);
  const lines = lineFindings(tree, kind, s, reuse?.lines);
  const fileKey = relevant ? `${kind}\0${context.path ?? ''}\0${context.mode ?? ''}\0${JSON.stringify(s)}` : '';
  const fileLevel: FileLevelFindings | undefined = relevant
    ? { key: fileKey, lines: relevant, findings: reusedFindings(reuse?.file, fileKey, relevant) ?? fileLevelFindings(tree, model, kind, s, context) }
    : undefined;
  let findings: Finding[] = [
    ...syntaxFindings(errors),
    ...lines.findings,
    ...(kind === 'sentinel' ? sentinelValueFindings(tree, resolved.target) : []),
    ...(fileLevel ? fileLevel.findings : fileLevelFindings(tree, model, kind, s, context)),
    ...generatedPasswordFindings(tree.index, kind),
  ];
  // A fragment included by another file lacks what the whole config has: what it does
  // not set is not a finding there (the including file is checked for it).
  if (s.included) findings = findings.filter((f) => !isAbsence(f));
  if (resolved.invalidPragma) {
    const p = resolved.invalidPragma;
    findings.push({
      code: 'unknown-target',
      severity: RULES['unknown-target'].severity,
      message: messages.unknownTarget(p.value, TARGETS),
      range: p.range,
    });
  }
  const tuned = tune(approximate(findings, resolved), s, readSuppressions(tree, text));
  return {
    kind,
    tree,
    model,
    findings: sortFindings(tuned),
    target: resolved.target,
    targetSource: resolved.source,
    settings: s,
    exactBytes: context.exactBytes === true,
    reuse: { syntax, lines, ...(fileLevel ? { file: fileLevel } : {}) },
  };
}

/** The findings of the checks that read the whole file (what the model says of every line together). */
function fileLevelFindings(tree: ConfigTree, model: ConfigModel, kind: DocumentKind, s: Settings, context: DocumentContext): Finding[] {
  const target = s.target;
  const facts = securityFacts({
    model,
    tree,
    kind,
    settings: s,
    ...(context.path ? { path: context.path } : {}),
    ...(context.source ? { source: context.source } : {}),
  });
  return [
    ...model.includeFindings,
    ...includedFileFindings(model, kind, s, context.path),
    ...duplicateFindings(model, s),
    // Sentinel loads no module and ignores module settings.
    ...(kind === 'sentinel' ? [] : moduleConfigFindings(model, target)),
    ...replicaofInClusterFindings(model, target),
    ...listensNowhereFindings(model, target),
    ...renameCommandFindings(model, s),
    ...aclfileFindings(model, s, context),
    ...withRemoteOutcome([...configUserFindings(tree, s, userExposure(facts)), ...securityFindings(facts, context.mode)], facts),
  ];
}

/** The settings with the version the file is checked against; a pragma's choice replaces the setting's. */
function withTarget(settings: Settings, resolved: ReturnType<typeof resolveTarget>): Settings {
  const { requestedTarget: _, ...rest } = settings;
  return { ...rest, target: resolved.target, ...(resolved.approximated ? { requestedTarget: resolved.approximated.requested } : {}) };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
