/**
 * Completion in config files: directive names (documented, filtered by the target,
 * already-set names ranked lower), values by type (yes/no, enum values, memory units),
 * Sentinel sub-directives, and file paths for the directives that name files.
 */
import { directiveDocs } from '../knowledge/directiveDocs';
import { directiveNames, directiveVariant, linesAddUp, namesAFile, sentinelDirectives } from '../knowledge/directives';
import { quoting } from '../knowledge/features';
import { EVICTION_POLICIES } from '../knowledge/valueDocs';
import { splitArgs } from '../syntax/configParser';
import { aclCompletions } from './acl/aclCompletion';
import type { Analysis } from './analyze';
import { globPaths, includeBase, pathScope, resolvePath, type FileSource } from './configModel';
import type { Position, Range } from './types';
import { valueShape } from './valueShape';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'directive' | 'value' | 'unit' | 'file' | 'sentinel' | 'keyword' | 'category' | 'command' | 'user';
  /** Snippet text (`$1` marks the cursor) when it differs from the label. */
  readonly insertText?: string;
  readonly detail?: string;
  readonly documentation?: string;
  readonly sortText?: string;
  readonly deprecated?: boolean;
  /** The text the entry replaces. */
  readonly range: Range;
}

export function completionsAt(a: Analysis, requested: Position, ctx: { path?: string; source?: FileSource } = {}): CompletionEntry[] {
  // A position past the end of its line (clients may send one) counts as the line's end.
  const position = a.tree.index.positionAt(a.tree.index.offsetAt(requested));
  // ACL rules, in an ACL file or a `user` line (the ACL completer answers nothing elsewhere).
  const acl = aclCompletions(a.kind === 'acl' ? { kind: 'acl', tree: a.tree } : { kind: a.kind, tree: a.tree }, position, a.settings);
  if (acl.length > 0 || a.kind === 'acl')
    return acl.map((i) => ({
      label: i.label,
      kind: i.kind,
      detail: i.detail,
      documentation: i.documentation,
      range: i.range,
      ...(i.insertText ? { insertText: i.insertText } : {}),
    }));
  const index = a.tree.index;
  const text = index.text;
  const cursor = index.offsetAt(position);
  const at = position;
  const lineStart = index.offsetAt({ line: at.line, character: 0 });
  const before = text.slice(lineStart, cursor);
  if (/^\s*#/.test(before)) return [];
  const split = splitArgs(text, lineStart, cursor, quoting(a.settings.target));
  if (split.error) return [];
  const tokens = split.tokens;
  const endsInWord = before.length > 0 && !/\s$/.test(before);
  const argIndex = endsInWord ? tokens.length - 1 : tokens.length;
  const current = endsInWord ? tokens[tokens.length - 1] : undefined;
  const range: Range = { start: current ? index.positionAt(current.start) : at, end: at };
  if (argIndex <= 0) return directiveCompletions(a, range, at.line, current?.value ?? '');
  const name = (tokens[0]?.value ?? '').toLowerCase();
  if (name === 'sentinel' && argIndex === 1) {
    return sentinelDirectives(a.settings.target).map((s) => ({ label: s.name, kind: 'sentinel', detail: 'Sentinel setting', range }));
  }
  if (namesAFile(name) && argIndex === 1) return fileCompletions(current?.value ?? '', range, ctx, a.settings.includeBaseDirectory);
  return valueCompletions(a, name, argIndex, current?.value ?? '', range);
}

/**
 * The names people set in most configs: offered before rarer ones, so that `maxmemory`
 * comes before `maxmemory-clients` and `port` before `cluster-port`.
 */
const COMMON = new Set([
  'bind',
  'port',
  'protected-mode',
  'requirepass',
  'user',
  'aclfile',
  'maxmemory',
  'maxmemory-policy',
  'save',
  'appendonly',
  'appendfsync',
  'dir',
  'dbfilename',
  'logfile',
  'loglevel',
  'daemonize',
  'supervised',
  'pidfile',
  'timeout',
  'tcp-keepalive',
  'databases',
  'replicaof',
  'masterauth',
  'masteruser',
  'include',
  'tls-port',
  'tls-cert-file',
  'tls-key-file',
  'tls-ca-cert-file',
  'unixsocket',
  'unixsocketperm',
  'cluster-enabled',
  'io-threads',
  'loadmodule',
  'maxclients',
]);

function directiveCompletions(a: Analysis, range: Range, line: number, typed: string): CompletionEntry[] {
  if (a.kind === 'acl') return [];
  const target = a.settings.target;
  const set = new Set(a.tree.directives.filter((d) => d.range.start.line !== line).map((d) => d.name));
  const word = typed.toLowerCase();
  const out: CompletionEntry[] = [];
  for (const name of directiveNames(target)) {
    const v = directiveVariant(name, target);
    if (!v || v.kind === 'ignored') continue;
    const primary = v.aliasOf ?? name;
    const doc = directiveDocs[primary];
    // The name typed in full first; then common names, the others, names set already, old names.
    const rank = name === word ? '0' : v.aliasOf ? '4' : set.has(name) && !linesAddUp(name) ? '3' : COMMON.has(name) ? '1' : '2';
    const shape = v.aliasOf ? undefined : valueShape(name, v, doc?.unit);
    out.push({
      label: name,
      kind: 'directive',
      ...(v.aliasOf ? { detail: `old name of ${v.aliasOf}`, deprecated: true } : shape ? { detail: shape } : {}),
      ...(doc ? { documentation: doc.summary } : {}),
      sortText: `${rank}${name}`,
      range,
    });
  }
  return out;
}

function valueCompletions(a: Analysis, name: string, argIndex: number, current: string, range: Range): CompletionEntry[] {
  const target = a.settings.target;
  const v = directiveVariant(name, target);
  const facts = v?.aliasOf ? directiveVariant(v.aliasOf, target) : v;
  if (!facts) return [];
  if (!facts.multiArg && argIndex > 1) return [];
  const values = (labels: readonly string[], detail: string): CompletionEntry[] =>
    labels.map((label, i) => ({
      label,
      kind: 'value',
      detail,
      sortText: `${label === facts.default ? 0 : 1}${String(i).padStart(2, '0')}`,
      ...(label === facts.default ? { documentation: 'the default' } : {}),
      range,
    }));
  if (facts.type === 'bool') return values(['yes', 'no'], 'yes | no');
  if (facts.values) {
    const primary = v?.aliasOf ?? name;
    return values(facts.values, `${primary} value`).map((e) =>
      primary === 'maxmemory-policy' && EVICTION_POLICIES[e.label]
        ? { ...e, documentation: `${e.documentation ? `${e.documentation}. ` : ''}${EVICTION_POLICIES[e.label]}` }
        : e,
    );
  }
  if (facts.numeric?.includes('memory') && /^\d+$/.test(current)) {
    return ['mb', 'gb', 'kb', 'b'].map((unit, i) => ({
      label: `${current}${unit}`,
      kind: 'unit',
      detail: unit === 'b' ? 'bytes' : `${unit.toUpperCase().replace('B', 'iB')} (×${{ mb: '1024²', gb: '1024³', kb: '1024', b: '1' }[unit]})`,
      sortText: String(i),
      range,
    }));
  }
  return [];
}

function fileCompletions(current: string, range: Range, ctx: { path?: string; source?: FileSource }, baseDirectory: string | undefined): CompletionEntry[] {
  const base = includeBase(pathScope(ctx.path, baseDirectory));
  if (!ctx.source || base === undefined) return [];
  const slash = current.lastIndexOf('/');
  const dirPart = slash >= 0 ? current.slice(0, slash + 1) : '';
  const dir = resolvePath(base, dirPart || '.');
  return globPaths(ctx.source.glob(`${dir === '/' ? '' : dir}/*`))
    .paths.slice(0, 200)
    .map((p) => ({ label: dirPart + (p.split('/').pop() ?? p), kind: 'file' as const, range }));
}
