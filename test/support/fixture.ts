/**
 * The one fixture of feature tests: a text where `$0` marks the cursor (optional), analysed
 * as a document of a kind with settings, next to in-memory files it may include or name.
 */
import { analyzeDocument, type Analysis } from '../../server/src/analysis/analyze';
import type { FileSource } from '../../server/src/analysis/configModel';
import type { DocumentKind, Position, Settings } from '../../server/src/analysis/types';
import type { TargetId } from '../../server/src/knowledge/types';
import { DEFAULT_SETTINGS } from '../../server/src/settings/schema';
import { memoryFiles } from './memoryFiles';

export interface FixtureOptions {
  readonly kind?: DocumentKind;
  readonly target?: TargetId;
  readonly settings?: Partial<Settings>;
  /** Other files by absolute path; the document itself is `path`. */
  readonly files?: Readonly<Record<string, string>>;
  readonly path?: string;
}

export interface Fixture {
  readonly text: string;
  /** Where `$0` was; the start of the text without a marker. */
  readonly position: Position;
  readonly analysis: Analysis;
  readonly path: string;
  readonly source: FileSource;
}

/** The text without its `$0` marker, and the marker's position. */
export function cursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('$0');
  if (offset < 0) throw new Error('no $0 marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 2);
  const before = text.slice(0, offset).split('\n');
  return { text, position: { line: before.length - 1, character: (before.at(-1) ?? '').length } };
}

/** The settings of a test: the defaults, and a target named in a test is chosen, as a user setting would be. */
export function testSettings(options: Pick<FixtureOptions, 'target' | 'settings'> = {}): Settings {
  const chosen = { ...(options.target ? { target: options.target } : {}), ...options.settings };
  return { ...DEFAULT_SETTINGS, ...(chosen.target ? { targetIsDefault: false } : {}), ...chosen };
}

export function fixture(marked: string, options: FixtureOptions = {}): Fixture {
  const { text, position } = marked.includes('$0') ? cursor(marked) : { text: marked, position: { line: 0, character: 0 } };
  const path = options.path ?? '/etc/redis/redis.conf';
  const source = memoryFiles(options.files ?? {});
  const analysis = analyzeDocument(text, options.kind ?? 'config', testSettings(options), { path, source });
  return { text, position, analysis, path, source };
}
