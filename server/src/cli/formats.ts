/**
 * The CLI's machine-readable formats: JSON, SARIF 2.1.0 and GitHub workflow commands.
 * Lines and columns are 1-based with the end exclusive; columns count UTF-16 code units,
 * as LSP and SARIF's default `utf16CodeUnits` do.
 */
import { DIAGNOSTIC_SOURCE } from '../lsp/protocol';
import type { Finding, Severity } from '../analysis/types';
import { RULE_LIST } from '../knowledge/rules';
import { findingSecuritySeverity, SECURITY_SEVERITY } from '../knowledge/securitySeverity';
import { docsUrl, HOME_URL } from '../settings/docsLinks';

export interface FileReport {
  /** The path as the user wrote it or as a folder search found it (`<stdin>` or the --stdin-filename). */
  readonly file: string;
  readonly findings: readonly Finding[];
  /** The findings a safe fix (--fix) would remove. */
  readonly fixable: readonly Finding[];
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

export function formatSarif(reports: readonly FileReport[], toolVersion: string, docsBase?: string): string {
  const ruleIndex = new Map(RULE_LIST.map((r, i) => [r.code, i]));
  const security = new Set(RULE_LIST.filter((r) => r.security).map((r) => r.code));
  const result = (file: string, f: Finding): object => {
    const score = security.has(f.code) ? findingSecuritySeverity(f.code, f.data?.remote) : undefined;
    return {
      ruleId: f.code,
      ruleIndex: ruleIndex.get(f.code) ?? -1,
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      // The score of this finding's own verdict: SARIF allows properties on a result (GitHub ranks by the rule's).
      ...(score !== undefined ? { properties: { 'security-severity': score.toFixed(1) } } : {}),
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUriReference(file) },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
    };
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'redis-config-lint',
            version: toolVersion,
            informationUri: HOME_URL,
            rules: RULE_LIST.map((r) => {
              const score = SECURITY_SEVERITY[r.code as keyof typeof SECURITY_SEVERITY];
              return {
                id: r.code,
                name: r.code.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
                shortDescription: { text: r.title },
                helpUri: docsUrl(r.code, docsBase),
                help: { text: `${r.title} See ${docsUrl(r.code, docsBase)}` },
                defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
                // GitHub ranks security alerts by `security-severity`, a score from 0 to 10 as a string.
                properties: r.security && score !== undefined ? { tags: ['security'], 'security-severity': score.toFixed(1) } : { tags: ['correctness'] },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((r) => r.findings.map((f) => result(r.file, f))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

const GITHUB_COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** A workflow command's message: `%`, CR and LF are escaped. */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,`, which separate properties. */
export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions annotations (`::error file=...,line=...::message`), one per finding: the
 * run's summary and the pull request's diff show them on the lines they name. Paths are
 * printed as given, so run from the repository root.
 */
export function formatGithub(reports: readonly FileReport[], docsBase?: string): string {
  const lines: string[] = [];
  for (const r of reports) {
    const file = r.file.replace(/\\/g, '/');
    for (const f of r.findings) {
      const { start, end } = f.range;
      const props = [
        `file=${escapeGithubProperty(file)}`,
        `line=${start.line + 1}`,
        `endLine=${end.line + 1}`,
        `col=${start.character + 1}`,
        // A column range only means something on one line.
        ...(start.line === end.line ? [`endColumn=${end.character + 1}`] : []),
        `title=${escapeGithubProperty(`redis-config-lint ${f.code}`)}`,
      ];
      lines.push(`::${GITHUB_COMMAND[f.severity]} ${props.join(',')}::${escapeGithubData(`${f.message}\nSee ${docsUrl(f.code, docsBase)}`)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
