/**
 * The entry point of the analysis: a document's text, its settings and a view of the
 * other files in, its findings out. Pure: the files come through `FileSource`, and no
 * state is kept between calls.
 */
import { RULES } from '../knowledge/rules';
import { TARGETS, type TargetId } from '../knowledge/types';
import { parseAcl, type AclTree } from '../syntax/aclParser';
import { parseConfig, type ConfigTree } from '../syntax/configParser';
import { aclSyntaxFindings } from './aclDiagnostics';
import { syntaxFindings } from './configDiagnostics';
import { buildModel, singleFileModel, type ConfigModel, type FileSource } from './configModel';
import { directiveFindings } from './directiveChecks';
import { configUserFindings, aclFileFindings } from './acl/validate';
import { aclfileFindings, duplicateFindings, moduleConfigFindings, renameCommandFindings, replicaofInClusterFindings } from './fileChecks';
import { messages } from './messages';
import { securityFacts, securityFindings, userExposure } from './security';
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
}

interface AnalysisBase {
  readonly findings: readonly Finding[];
  /** The version the document was checked against, and what chose it. */
  readonly target: TargetId;
  readonly targetSource: TargetSource;
  /** The settings with the resolved target, for follow-up requests such as hovers. */
  readonly settings: Settings;
}

export type ConfigAnalysis = AnalysisBase & { readonly kind: 'config' | 'sentinel'; readonly tree: ConfigTree; readonly model: ConfigModel };
export type AclAnalysis = AnalysisBase & { readonly kind: 'acl'; readonly tree: AclTree };
export type Analysis = ConfigAnalysis | AclAnalysis;

export function analyzeDocument(text: string, kind: DocumentKind, settings: Settings, context: DocumentContext = {}): Analysis {
  if (kind === 'acl') {
    const { tree, errors } = parseAcl(text);
    const resolved = resolveTarget(undefined, text, context.path, settings.target, settings.targetIsDefault === true);
    const s = { ...settings, target: resolved.target };
    const findings = [...aclSyntaxFindings(errors), ...aclFileFindings(tree, s)];
    return { kind, tree, findings: sortFindings(tune(findings, s)), target: resolved.target, targetSource: resolved.source, settings: s };
  }
  const { tree, errors } = parseConfig(text);
  const resolved = resolveTarget(tree, text, context.path, settings.target, settings.targetIsDefault === true);
  const s: Settings = { ...settings, target: resolved.target };
  const model = context.source
    ? buildModel(tree, resolved.target, { ...(context.path ? { path: context.path } : {}), source: context.source, ...(settings.includeBaseDirectory ? { baseDirectory: settings.includeBaseDirectory } : {}) })
    : singleFileModel(tree);
  const facts = securityFacts({ model, tree, kind, settings: s, ...(context.path ? { path: context.path } : {}), ...(context.source ? { source: context.source } : {}) });
  let findings: Finding[] = [
    ...syntaxFindings(errors),
    ...directiveFindings(tree, kind, s),
    ...model.includeFindings,
    ...duplicateFindings(model, s),
    ...moduleConfigFindings(model),
    ...replicaofInClusterFindings(model),
    ...renameCommandFindings(model, s),
    ...aclfileFindings(model, s, context),
    ...configUserFindings(tree, s, userExposure(facts)),
    ...securityFindings(facts, context.mode),
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
  const tuned = tune(findings, s, readSuppressions(tree, text));
  return { kind, tree, model, findings: sortFindings(tuned), target: resolved.target, targetSource: resolved.source, settings: s };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code),
  );
}
