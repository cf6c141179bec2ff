import {
  CompletionItemKind,
  CompletionItemTag,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  SymbolKind,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
} from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE } from './protocol';
import type { CompletionEntry } from '../analysis/completion';
import type { OutlineSymbol } from '../analysis/symbols';
import { docsUrl } from '../settings/docsLinks';
import type { Finding, Severity } from '../analysis/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * `docsBase` is where rule pages live (default: the published package's pages); `uriOf` names
 * the other files a finding points at (an included file), in the document's space.
 */
export function toDiagnostic(finding: Finding, uri: string, docsBase?: string, uriOf: (path: string) => string | undefined = () => undefined): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: docsUrl(finding.code, docsBase) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.tags?.length) {
    diagnostic.tags = finding.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  if (finding.related?.length) {
    const related = finding.related.flatMap((r) => {
      const target = r.file !== undefined ? uriOf(r.file) : uri;
      return target !== undefined ? [{ message: r.message, location: { uri: target, range: r.range } }] : [];
    });
    if (related.length) diagnostic.relatedInformation = related;
  }
  if (finding.data) diagnostic.data = { code: finding.code, ...finding.data };
  return diagnostic;
}

const COMPLETION_KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  directive: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  unit: CompletionItemKind.Unit,
  file: CompletionItemKind.File,
  sentinel: CompletionItemKind.Property,
  keyword: CompletionItemKind.Keyword,
  category: CompletionItemKind.Module,
  command: CompletionItemKind.Function,
  user: CompletionItemKind.Reference,
};

export function toCompletionItem(e: CompletionEntry): CompletionItem {
  return {
    label: e.label,
    kind: COMPLETION_KIND[e.kind],
    textEdit: { range: e.range, newText: e.insertText ?? e.label },
    ...(e.insertText ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
    ...(e.detail ? { detail: e.detail } : {}),
    ...(e.documentation ? { documentation: { kind: 'markdown', value: e.documentation } } : {}),
    ...(e.sortText ? { sortText: e.sortText } : {}),
    ...(e.deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
  };
}

const SYMBOL_KIND: Record<OutlineSymbol['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  directive: SymbolKind.Property,
  user: SymbolKind.Object,
  sentinel: SymbolKind.Event,
};

export function toDocumentSymbol(s: OutlineSymbol): DocumentSymbol {
  return {
    name: s.name || '(empty)',
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toDocumentSymbol),
  };
}
