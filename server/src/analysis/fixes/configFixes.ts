/**
 * Fixes for the findings of a config file, each a pure function of the analysed document
 * and the finding's code and data — never of its message.
 */
import { directiveVariant } from '../../knowledge/directives';
import { supports } from '../../knowledge/features';
import { describeTargets } from '../../knowledge/targets';
import type { ConfigAnalysis } from '../analyze';
import { loopbackBind } from '../security/exposure';
import type { DirectiveLine, Token } from '../../syntax/configParser';
import { TARGETS } from '../../knowledge/types';
import { memtoull } from '../values';
import { directiveAt } from './lookup';
import { insertAbove, insertBelow, wholeLine } from './edits';
import type { RuleCode } from '../../knowledge/rules';
import type { Range } from '../types';
import type { Finding } from '../types';
import type { Fix, TextEdit } from './types';

function sameStart(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character;
}

function lineAt(analysis: ConfigAnalysis, line: number): DirectiveLine | undefined {
  return directiveAt(analysis.tree, line);
}

function tokenAt(line: DirectiveLine | undefined, range: Range): Token | undefined {
  return line?.tokens.find((t) => sameStart(t.range, range));
}

function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

function fix(code: string, title: string, edits: readonly TextEdit[], safe: boolean, preferred = false): Fix {
  return { code, title, edits: [{ edits }], safe, ...(preferred ? { preferred } : {}) };
}

const POLICIES: readonly [string, string][] = [
  ['allkeys-lru', 'evict least recently used'],
  ['allkeys-lfu', 'evict least often used'],
  ['volatile-lru', 'evict only keys with a TTL'],
  ['noeviction', 'writes fail when full'],
];

/** The fixes of a finding of code C, built from the analysis's own finding: its data is typed by its code. */
type Builder<C extends RuleCode> = (analysis: ConfigAnalysis, f: Finding<C>) => Fix[];

/** What each enable-* switch guards, for the titles of its fix. */
const GUARDED_BY: Readonly<Record<string, string>> = {
  'enable-debug-command': 'DEBUG',
  'enable-module-command': 'MODULE LOAD',
  'enable-protected-configs': 'CONFIG SET of protected settings',
};

const BUILDERS: { readonly [C in RuleCode]?: Builder<C> } = {
  'bind-all-interfaces'(a, f) {
    // Every fix here refuses clients that connect today: offered one by one, never applied in bulk.
    const bind = `bind ${loopbackBind(a.settings.target)}`;
    const refused = ' — clients on other hosts will be refused';
    const line = lineAt(a, f.range.start.line);
    if (line?.name === 'include') {
      // The open bind comes from an included file: a bind after the include wins.
      return [fix(f.code, `Override after the include: '${bind}'${refused}`, [insertBelow(a.tree.index, line, [bind])], false, true)];
    }
    if (f.data?.missing === true || !line || line.name !== 'bind') {
      const first = a.tree.directives[0];
      return first ? [fix(f.code, `Add '${bind}' (loopback only)${refused}`, [insertAbove(a.tree.index, first, [bind])], false, true)] : [];
    }
    const first = line.tokens[1] as Token;
    const last = line.tokens[line.tokens.length - 1] as Token;
    return [
      fix(
        f.code,
        `Listen on loopback only: '${bind}'${refused}`,
        [replace({ start: first.range.start, end: last.range.end }, bind.slice('bind '.length))],
        false,
        true,
      ),
    ];
  },
  'protected-mode-off'(a, f) {
    const refused = ' — clients on other hosts will be refused while the default user has no password';
    if (f.data?.missing === true) {
      const first = a.tree.directives[0];
      return first ? [fix(f.code, `Add 'protected-mode yes'${refused}`, [insertAbove(a.tree.index, first, ['protected-mode yes'])], false, true)] : [];
    }
    const line = lineAt(a, f.range.start.line);
    const value = tokenAt(line, f.range) ?? line?.tokens[1];
    return line?.name === 'protected-mode' && value ? [fix(f.code, `Set 'protected-mode yes'${refused}`, [replace(value.range, 'yes')], false, true)] : [];
  },
  'dangerous-commands-enabled'(a, f) {
    const line = lineAt(a, f.range.start.line);
    const value = tokenAt(line, f.range);
    // Only an enable-* line can be set to local. Before Redis 7.0 there is none: the finding sits
    // on the file's first line (data.missing), and writing 'local' there would break that line.
    const guarded = line ? GUARDED_BY[line.name] : undefined;
    if (!value || !line || !guarded || f.data?.missing === true) return [];
    return [fix(f.code, `Set '${line.name} local' — clients on other hosts will be refused ${guarded}`, [replace(value.range, 'local')], false, true)];
  },
  'maxmemory-policy-implicit'(a, f) {
    const line = lineAt(a, f.range.start.line);
    if (!line) return [];
    return POLICIES.map(([policy, what]) =>
      fix(
        f.code,
        `Add 'maxmemory-policy ${policy}' (${what})`,
        [insertBelow(a.tree.index, line, [`maxmemory-policy ${policy}`])],
        false,
        policy === 'allkeys-lru',
      ),
    );
  },
  'ambiguous-memory-unit'(a, f) {
    const token = tokenAt(lineAt(a, f.range.start.line), f.range);
    const value = token ? memtoull(token.value) : undefined;
    if (!token || !value) return [];
    return [
      fix(
        f.code,
        `Use the binary unit: '${token.value}b' (${memtoull(`${token.value}b`)?.bytes} bytes)`,
        [replace(token.range, `${token.value}b`)],
        false,
        true,
      ),
      fix(f.code, `Keep the decimal size, written in bytes: '${value.bytes}'`, [replace(token.range, String(value.bytes))], false),
    ];
  },
  'deprecated-directive'(a, f) {
    const line = lineAt(a, f.range.start.line);
    const name = line?.tokens[0];
    const replacement = f.data?.replacement;
    if (replacement === undefined || !line || !name || !sameStart(name.range, f.range)) return [];
    // Without a chosen version, only a name every version of the old one also knows is safe:
    // Redis 6.x refuses 'busy-reply-threshold' and '*-listpack-*'.
    const refuse = TARGETS.filter((t) => directiveVariant(line.name, t) !== undefined && directiveVariant(replacement, t) === undefined);
    const safe = refuse.length === 0 || a.targetSource !== 'default';
    const title = safe ? `Rename to '${replacement}'` : `Rename to '${replacement}' (${describeTargets(refuse)} refuse${refuse.length === 1 ? 's' : ''} it)`;
    return [fix(f.code, title, [replace(name.range, replacement)], safe, true)];
  },
  'unknown-directive'(a, f) {
    const name = lineAt(a, f.range.start.line)?.tokens[0];
    const suggestions = f.data?.suggestions ?? [];
    if (!name || !sameStart(name.range, f.range)) return [];
    return suggestions.filter((s) => !s.includes(' ')).map((s, i) => fix(f.code, `Change to '${s}'`, [replace(name.range, s)], false, i === 0));
  },
  'duplicate-directive'(a, f) {
    const line = lineAt(a, f.range.start.line);
    return line ? [fix(f.code, `Remove this overridden '${line.name}' line`, [replace(wholeLine(a.tree.index, line), '')], true, true)] : [];
  },
  'trailing-comment'(a, f) {
    const line = lineAt(a, f.range.start.line);
    // Where the server starts with the comment's words as arguments, moving them changes what
    // it does: a module gets other arguments; Redis 6.x ignores a `save` line of the wrong length.
    const startsToday = line?.name === 'loadmodule' || (line?.name === 'save' && !supports(a.settings.target, 'save-arity-checked'));
    const start = f.data?.commentStart;
    if (!line || start === undefined || start <= line.start || start > line.end) return [];
    const text = a.tree.index.text;
    const comment = text.slice(start, line.end);
    const keep = text.slice(line.start, start).trimEnd();
    const index = a.tree.index;
    return [
      fix(
        f.code,
        `Move the comment to its own line above${!startsToday ? '' : line.name === 'loadmodule' ? ' — the module no longer gets its words as arguments' : " — Redis 6.x then applies this 'save' line (ignored today)"}`,
        [insertAbove(a.tree.index, line, [comment]), replace({ start: index.positionAt(line.start + keep.length), end: index.positionAt(line.end) }, '')],
        !startsToday,
        true,
      ),
    ];
  },
};

export function configFixes(analysis: ConfigAnalysis, f: Finding): Fix[] {
  // The builder of f.code takes a finding of f.code: TypeScript cannot relate the two lookups.
  const build = BUILDERS[f.code] as Builder<typeof f.code> | undefined;
  return build?.(analysis, f) ?? [];
}
