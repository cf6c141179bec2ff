/**
 * What redis-server refuses inside an included file stops the server just as it would in
 * the main file. Those findings are reported again on the document's include line that
 * leads to the file, with related information pointing into it: the user of the main file
 * learns that it will not start, in the editor and in the CLI.
 *
 * Only refusals are carried over (findings of single lines that are errors: a bad
 * directive, a value Redis cannot read, unbalanced quotes); warnings stay in the file that
 * has them. A suppression comment in the included file silences the line there too.
 */
import { finding } from './findings';
import type { ConfigModel } from './configModel';
import { syntaxFindings } from './configDiagnostics';
import { directiveFindings } from './directiveChecks';
import { readSuppressions, tune } from './tuning';
import type { DocumentKind, Finding, Settings } from './types';
import type { Token } from '../syntax/configParser';

/** At most this many refusals per include line; Redis stops at the first one anyway. */
const PER_INCLUDE = 20;

/** A path as short as it can be said: relative to the document's folder when inside it. */
function shown(file: string, documentPath: string | undefined): string {
  const dir = documentPath === undefined ? undefined : documentPath.slice(0, documentPath.lastIndexOf('/') + 1);
  return dir && file.startsWith(dir) ? file.slice(dir.length) : file;
}

export function includedFileFindings(model: ConfigModel, kind: DocumentKind, settings: Settings, documentPath?: string): Finding[] {
  const out: Finding[] = [];
  const count = new Map<number, number>();
  // A fragment's own settings and suppressions, without the user's severity choices: those
  // apply once, to the finding on the include line.
  const plain: Settings = { target: settings.target, profile: settings.profile };
  for (const [file, inc] of model.included) {
    const own = [...syntaxFindings(inc.errors), ...directiveFindings(inc.tree, kind === 'sentinel' ? 'sentinel' : 'config', plain)].filter(
      (f) => f.severity === 'error',
    );
    if (own.length === 0) continue;
    const kept = tune(own, plain, readSuppressions(inc.tree, inc.tree.index.text)).sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    const arg = inc.via.tokens[1] as Token;
    for (const f of kept) {
      const n = count.get(inc.via.start) ?? 0;
      if (n >= PER_INCLUDE) break;
      count.set(inc.via.start, n + 1);
      const line = f.range.start.line + 1;
      out.push(
        finding(f.code, `In ${shown(file, documentPath)}, line ${line}: ${f.message}`, arg.range, {
          severity: f.severity,
          related: [{ message: f.message, range: f.range, file }],
          data: { includedFile: file, includedLine: line },
        }),
      );
    }
  }
  return out;
}
