/**
 * The CLI's output formats. Lines and columns are 1-based with the end exclusive; columns
 * count UTF-16 code units, as LSP and SARIF's default `utf16CodeUnits` do.
 */
import type { Finding, Severity } from '../analysis/types';
import { RULE_LIST, docsUrl, REPOSITORY_URL } from '../knowledge/rules';

export interface FileReport {
  readonly file: string;
  readonly findings: readonly Finding[];
}

export const DIAGNOSTIC_SOURCE = 'redis-config';

export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      lines.push(`${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code} ${f.message}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function formatJson(reports: readonly FileReport[]): string {
  const json = {
    version: 1,
    files: reports.map((r) => ({
      file: r.file,
      diagnostics: r.findings.map((f) => ({
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        severity: f.severity,
        code: f.code,
        message: f.message,
        source: DIAGNOSTIC_SOURCE,
      })),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A file path as a relative URI reference, as SARIF's artifactLocation.uri wants it. */
function toUriReference(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  return slashed.startsWith('/') ? `file://${encoded}` : encoded;
}

export function formatSarif(reports: readonly FileReport[], toolVersion: string): string {
  const ruleIndex = new Map(RULE_LIST.map((r, i) => [r.code, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'redis-config-lint',
            version: toolVersion,
            informationUri: REPOSITORY_URL,
            rules: RULE_LIST.map((r) => ({
              id: r.code,
              name: r.code.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: r.title },
              helpUri: docsUrl(r.code),
              help: { text: `${r.title} See ${docsUrl(r.code)}` },
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
              properties: { tags: r.security ? ['security'] : ['correctness'] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.code,
            ruleIndex: ruleIndex.get(f.code) ?? -1,
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: toUriReference(r.file) },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
