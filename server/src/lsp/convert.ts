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

/** Rule page URLs, per documentation base and code: the same few strings for every edit. */
const hrefs = new Map<string | undefined, Map<string, string>>();
function hrefOf(code: string, docsBase: string | undefined): string {
  let byCode = hrefs.get(docsBase);
  if (!byCode) {
    // A base comes from settings; a client that keeps changing it must not grow this map.
    if (hrefs.size > 16) hrefs.clear();
    hrefs.set(docsBase, (byCode = new Map<string, string>()));
  }
  let href = byCode.get(code);
  if (href === undefined) byCode.set(code, (href = docsUrl(code, docsBase)));
  return href;
}

/**
 * The diagnostic last built for a finding, with what else it was built from. The analysis
 * hands back the same Finding objects for the lines an edit left alone, so most of a
 * document's diagnostics are built once, not once per edit. Findings are immutable.
 */
const built = new WeakMap<Finding, { readonly uri: string; readonly docsBase: string | undefined; readonly diagnostic: Diagnostic }>();

/**
 * `docsBase` is where rule pages live (default: the published package's pages); `uriOf` names
 * the other files a finding points at (an included file), in the document's space: for one
 * `uri` it must always answer the same (the space of a URI does not change), as the
 * diagnostic is reused for the same finding, `uri` and `docsBase`.
 */
export function toDiagnostic(finding: Finding, uri: string, docsBase?: string, uriOf: (path: string) => string | undefined = () => undefined): Diagnostic {
  const known = built.get(finding);
  if (known && known.uri === uri && known.docsBase === docsBase) return known.diagnostic;
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: hrefOf(finding.code, docsBase) },
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
  built.set(finding, { uri, docsBase, diagnostic });
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
