import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import { docsUrl } from '../knowledge/rules';
import type { Finding, Severity } from '../analysis/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'redis-config';

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: docsUrl(finding.code) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.tags?.length) {
    diagnostic.tags = finding.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ message: r.message, location: { uri: r.file !== undefined ? pathToFileURL(r.file).href : uri, range: r.range } }));
  }
  if (finding.data) diagnostic.data = { code: finding.code, ...finding.data };
  return diagnostic;
}
