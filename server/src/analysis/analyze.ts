/**
 * The entry point of the analysis: a document's text and the settings in, its findings
 * out. Pure: no I/O, no state kept between calls.
 */
import { parseAcl, type AclTree } from '../syntax/aclParser';
import { parseConfig, type ConfigTree } from '../syntax/configParser';
import { aclSyntaxFindings } from './aclDiagnostics';
import { syntaxFindings } from './configDiagnostics';
import { directiveFindings } from './directiveChecks';
import { duplicateFindings, moduleConfigFindings, replicaofInClusterFindings } from './fileChecks';
import { bindFindings, protectedModeFindings } from './networkRules';
import type { DocumentKind, Finding, Settings } from './types';

export type Analysis =
  | { readonly kind: 'config' | 'sentinel'; readonly tree: ConfigTree; readonly findings: readonly Finding[] }
  | { readonly kind: 'acl'; readonly tree: AclTree; readonly findings: readonly Finding[] };

export function analyzeDocument(text: string, kind: DocumentKind, settings: Settings): Analysis {
  if (kind === 'acl') {
    const { tree, errors } = parseAcl(text);
    return { kind, tree, findings: sortFindings(aclSyntaxFindings(errors)) };
  }
  const { tree, errors } = parseConfig(text);
  const findings = [
    ...syntaxFindings(errors),
    ...directiveFindings(tree, kind, settings),
    ...duplicateFindings(tree, settings),
    ...moduleConfigFindings(tree),
    ...replicaofInClusterFindings(tree),
    ...bindFindings(tree, settings),
    ...protectedModeFindings(tree, settings),
  ];
  return { kind, tree, findings: sortFindings(findings) };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code),
  );
}
