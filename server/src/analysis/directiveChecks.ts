/**
 * Every line of a config file, checked the way redis-server dispatches it: the config
 * table (by name or alias), the names it ignores, the loader's own directives (include,
 * user, loadmodule, sentinel, ...), module settings, and finally "Bad directive".
 */
import { finding } from './findings';
import { buildRefusal, patchedSetting } from '../knowledge/builds';
import {
  aliasOf,
  argcAllows,
  clampOf,
  directiveNames,
  directiveVariant,
  isModuleConfigName,
  sentinelArgcAllows,
  sentinelDirectives,
  targetsOf,
} from '../knowledge/directives';
import { supports } from '../knowledge/features';
import { RULES } from '../knowledge/rules';
import type { DirectiveVariant, TargetId } from '../knowledge/types';
import { sameLine, type ConfigTree, type DirectiveLine, type Token } from '../syntax/configParser';
import { suggest } from './didYouMean';
import { messages } from './messages';
import type { DocumentKind, Finding, Range, Settings } from './types';
import { checkValues, type ValueContext, type ValueProblem } from './valueChecks';
import { cstr, string2ll } from './values';
import { asciiLower } from '../syntax/text';

const HASH_RULE = /^#[0-9a-f]{64}$/;

/** The checks of single lines. File-level checks (duplicates, ...) live beside them. */
export function directiveFindings(tree: ConfigTree, kind: DocumentKind, settings: Settings): Finding[] {
  return [...lineFindings(tree, kind, settings).findings];
}

/**
 * The findings of each directive line of a tree, in line order: those of line `i` are
 * `findings[ends[i - 1] .. ends[i])`. Kept with an analysis so that the next one reuses
 * them for the lines it shares with it.
 */
export interface LineFindings {
  readonly lines: readonly DirectiveLine[];
  /** What the checks depend on besides the line: the kind of file and the target. */
  readonly key: string;
  readonly findings: readonly Finding[];
  readonly ends: Int32Array;
}

/**
 * directiveFindings, line by line. A line's findings depend on the line, the lines before it
 * (proc-title-template), whether a module is loaded, and the target alone, so `previous` (of
 * an earlier version of the document, parsed incrementally) gives those of the lines both
 * versions start with, and of the lines they end with where these did not move, as the same
 * objects.
 */
export function lineFindings(tree: ConfigTree, kind: DocumentKind, settings: Settings, previous?: LineFindings): LineFindings {
  const out: Finding[] = [];
  const lines = tree.directives;
  const ends = new Int32Array(lines.length);
  // An unknown name's finding says whether a module may declare it: any `loadmodule` line counts.
  const key = `${kind}\0${settings.target}\0${lines.some((d) => d.name === 'loadmodule')}`;
  let i = 0;
  // Lines at the end that read and sit as lines at the end of `previous` (parsed from the same
  // end of the text): their findings are the same, except proc-title-template's, which depend on
  // the lines before.
  let tailFrom = lines.length;
  let shift = 0;
  // How many lines down the lines at the end moved.
  let moved = 0;
  if (previous && previous.key === key) {
    const shared = Math.min(lines.length, previous.lines.length);
    while (i < shared && lines[i] === previous.lines[i]) i++;
    const upTo = i > 0 ? (previous.ends[i - 1] as number) : 0;
    for (let f = 0; f < upTo; f++) out.push(previous.findings[f] as Finding);
    ends.set(previous.ends.subarray(0, i));
    shift = previous.lines.length - lines.length;
    const last = lines.at(-1);
    const lastBefore = previous.lines.at(-1);
    if (last && lastBefore) moved = last.redisLine - lastBefore.redisLine;
    while (tailFrom > i && tailFrom + shift > i && sameLine(lines[tailFrom - 1] as DirectiveLine, previous.lines[tailFrom - 1 + shift] as DirectiveLine, moved))
      tailFrom--;
  }
  // The same misspelling on many lines (a paste, a generated file) is looked up once.
  const near = new Map<string, string[]>();
  const nearNames = (name: string): string[] => {
    let hit = near.get(name);
    if (!hit) near.set(name, (hit = suggest(name, directiveNames(settings.target))));
    return hit;
  };
  for (; i < lines.length; i++) {
    const line = lines[i] as DirectiveLine;
    if (i >= tailFrom && previous && reusable(line, previous, i + shift, moved)) {
      const j = i + shift;
      for (let f = j > 0 ? (previous.ends[j - 1] as number) : 0; f < (previous.ends[j] as number); f++)
        out.push(movedDown(previous.findings[f] as Finding, moved));
    } else if (!line.broken) {
      const comment = trailingComment(line, settings.target);
      if (comment) out.push(comment);
      else checkLine(line, kind, settings, out, lines, nearNames);
    }
    ends[i] = out.length;
  }
  return { lines, key, findings: out, ends };
}

/**
 * Whether the findings of line `j` of `previous` are those of `line`, a line that reads and
 * sits alike (maybe `moved` lines further down): not for proc-title-template (it depends on
 * the lines before), nor for a trailing comment that moved (its data holds offsets in the
 * text), nor, when lines moved, for a finding that points at another place.
 */
function reusable(line: DirectiveLine, previous: LineFindings, j: number, moved: number): boolean {
  if (line.name === 'proc-title-template') return false;
  if (line.start === (previous.lines[j] as DirectiveLine).start) return true;
  for (let f = j > 0 ? (previous.ends[j - 1] as number) : 0; f < (previous.ends[j] as number); f++) {
    const finding = previous.findings[f] as Finding;
    if (finding.code === 'trailing-comment' || (moved !== 0 && finding.related !== undefined)) return false;
  }
  return true;
}

/** A finding of a line that moved `lines` lines down (see reusable: it names no other line). */
function movedDown(f: Finding, lines: number): Finding {
  if (lines === 0) return f;
  const down = (r: Range): Range => ({
    start: { line: r.start.line + lines, character: r.start.character },
    end: { line: r.end.line + lines, character: r.end.character },
  });
  return { ...f, range: down(f.range) };
}

/** What the lines before this one set, for proc-title-template's variables. */
function earlierState(line: DirectiveLine, all: readonly DirectiveLine[], kind: DocumentKind): NonNullable<ValueContext['earlier']> {
  let unixsocket = false;
  let clusterEnabled = false;
  for (const d of all) {
    if (d === line) break;
    if (d.broken || d.tokens.length !== 2) continue;
    if (d.name === 'unixsocket') unixsocket = (d.tokens[1] as Token).value !== '';
    if (d.name === 'cluster-enabled') clusterEnabled = asciiLower((d.tokens[1] as Token).value) === 'yes';
  }
  return { unixsocket, clusterEnabled, sentinel: kind === 'sentinel' };
}

function checkLine(
  line: DirectiveLine,
  kind: DocumentKind,
  settings: Settings,
  out: Finding[],
  all: readonly DirectiveLine[],
  nearNames: (name: string) => string[],
): void {
  const nameToken = line.tokens[0] as Token;
  const target = settings.target;
  // Redis 6 matches names as C strings, so `"maxmemory\x00"` is maxmemory there.
  const name = !supports(target, 'binary-safe-names') ? cstr(line.name) : line.name;
  const args = line.tokens.slice(1);
  if (name === '') {
    const deferred = supports(target, 'deferred-unknown-names') && args.length > 0;
    out.push(finding('unknown-directive', messages.emptyDirective(deferred), nameToken.range, { data: { name, ...(deferred ? { afterLoad: true } : {}) } }));
    return;
  }
  const variant = directiveVariant(name, target);
  if (!variant) {
    if (isModuleConfigName(name, target)) {
      if (args.length === 0)
        out.push(
          finding(
            'wrong-arity',
            messages.valueProblem({
              code: 'wrong-arity',
              arg: -1,
              redisText: 'Module config specified without value',
              hint: 'Give the module setting a value.',
            }),
            nameToken.range,
          ),
        );
      return;
    }
    // Redis 8.0 keeps such a line for the modules and refuses once the file is read; with a
    // module loaded, the module may declare the name, which only the running server knows.
    const deferred = supports(target, 'deferred-unknown-names') && args.length > 0;
    // Sentinel loads no module and never looks at what it kept for them: the line is ignored.
    if (deferred && kind === 'sentinel') {
      out.push(finding('unknown-directive', messages.unknownIgnoredBySentinel(name, target), nameToken.range, { severity: 'warning', data: { name } }));
      return;
    }
    const moduleLoaded = deferred && all.some((d) => d.name === 'loadmodule');
    const later = deferred ? { afterLoad: true, ...(moduleLoaded ? { moduleMayDeclare: true } : {}) } : {};
    const severity = moduleLoaded ? { severity: 'warning' as const } : {};
    const patched = patchedSetting(name, target);
    if (patched) {
      out.push(finding('build-dependent', messages.patchedSetting(name, target, patched.builds, deferred), nameToken.range, { data: { name } }));
      const p = checkValues({
        name,
        target,
        variant: { targets: [target], kind: 'table', type: patched.type, default: patched.default },
        args: args.map((t) => t.value),
      });
      if (p) out.push(finding(p.code, messages.valueProblem(p), problemRange(line, p), { data: { name, redisText: p.redisText } }));
      return;
    }
    const knownIn = targetsOf(name);
    if (knownIn.length > 0) {
      out.push(
        finding('unsupported-in-version', messages.unsupportedInVersion(name, target, knownIn, deferred, moduleLoaded), nameToken.range, {
          ...severity,
          data: { name, knownIn, ...later },
        }),
      );
      return;
    }
    const suggestions = nearNames(name.replace(/^\ufeff/, ''));
    out.push(
      finding('unknown-directive', messages.unknownDirective(name, target, [], suggestions, deferred, moduleLoaded), nameToken.range, {
        ...severity,
        data: { name, suggestions, ...later },
      }),
    );
    return;
  }
  if (name === 'sentinel') {
    checkSentinel(line, kind, target, out);
    return;
  }
  // An old name shares the value of its primary name: check the value with the primary's rules.
  const primary = aliasOf(name, target);
  const facts: DirectiveVariant | undefined = variant.aliasOf ? directiveVariant(variant.aliasOf, target) : variant;
  if (primary) {
    out.push(
      finding('deprecated-directive', messages.deprecatedDirective(name, primary), nameToken.range, {
        tags: ['deprecated'],
        data: { name, replacement: primary },
      }),
    );
  }
  if (!facts) return;
  const p = checkValues({
    name: variant.aliasOf ?? name,
    target,
    variant: facts,
    args: args.map((t) => t.value),
    ...(name === 'proc-title-template' ? { earlier: earlierState(line, all, kind) } : {}),
  });
  if (p) {
    out.push(
      finding(p.code, messages.valueProblem(p), problemRange(line, p), {
        data: { name, redisText: p.redisText, ...(p.afterLoad ? { afterLoad: true } : {}), ...(p.socket ? { socket: true } : {}) },
      }),
    );
    return;
  }
  if (variant.kind === 'ignored') {
    out.push(finding('ignored-directive', messages.ignoredDirective(name, target), nameToken.range, { tags: ['unnecessary'], data: { name } }));
  }
  if (name === 'save' && !supports(target, 'save-arity-checked') && args.length !== 2 && !(args.length === 1 && args[0]?.value === '')) {
    out.push(
      finding(
        'ignored-directive',
        messages.ignoredSaveLine(args.length, target),
        { start: nameToken.range.start, end: line.range.end },
        { tags: ['unnecessary'], data: { name } },
      ),
    );
  }
  const refusal = buildRefusal(variant.aliasOf ?? name);
  if (refusal && refusal.refuses(args[0]?.value ?? '')) {
    out.push(
      finding('build-dependent', messages.buildRefusal(name, refusal.builds, refusal.redisText, refusal.hint), (args[0] as Token).range, {
        data: { name, redisText: refusal.redisText },
      }),
    );
  }
  const clamp = clampedValue(variant.aliasOf ?? name, args);
  if (clamp)
    out.push(
      finding('value-clamped', messages.valueClamped(name, clamp.written, clamp.used, clamp.bounds), (args[0] as Token).range, {
        data: { name, used: clamp.used },
      }),
    );
}

/** The range of the argument a problem names: the name itself, one value, or from a value to the end. */
function problemRange(line: DirectiveLine, p: ValueProblem): Range {
  const name = line.tokens[0] as Token;
  if (p.arg < 0) return name.range;
  const token = line.tokens[p.arg + 1] ?? line.tokens[line.tokens.length - 1] ?? name;
  if (p.code === 'wrong-arity') return { start: token.range.start, end: line.range.end };
  return token.range;
}

/** A value read as any integer but kept within bounds (`hz`): what was written and what is used. */
function clampedValue(name: string, args: readonly Token[]): { written: string; used: string; bounds: readonly [bigint, bigint] } | undefined {
  const bounds = clampOf(name);
  if (!bounds) return undefined;
  const v = string2ll(args[0]?.value ?? '');
  if (v === undefined) return undefined;
  if (v < bounds[0]) return { written: String(v), used: String(bounds[0]), bounds };
  if (v > bounds[1]) return { written: String(v), used: String(bounds[1]), bounds };
  return undefined;
}

/**
 * Sentinel lines are errors in a server config (except a bare `sentinel`); in a
 * sentinel.conf each sub-directive has its own arity.
 */
function checkSentinel(line: DirectiveLine, kind: DocumentKind, target: TargetId, out: Finding[]): void {
  const name = line.tokens[0] as Token;
  if (line.tokens.length === 1) return;
  if (kind !== 'sentinel') {
    out.push(finding('sentinel-directive-outside-sentinel', messages.sentinelOutside(), name.range, { data: { name: 'sentinel' } }));
    return;
  }
  const sub = line.tokens[1] as Token;
  const subName = asciiLower(sub.value);
  // From 7.0 Sentinel reads its lines once the file is read (sentinelChecks.ts); 6.x where they stand.
  const later = supports(target, 'sentinel-lines-after-file') ? { afterLoad: true } : {};
  const entry = sentinelDirectives(target).find((s) => s.name === subName);
  if (!entry) {
    const suggestions = suggest(
      subName,
      sentinelDirectives(target).map((s) => s.name),
    );
    out.push(
      finding('unknown-directive', messages.unknownSentinelDirective(sub.value, target, suggestions), sub.range, {
        data: { name: `sentinel ${subName}`, suggestions: suggestions.map((s) => `sentinel ${s}`), ...later },
      }),
    );
    return;
  }
  if (!sentinelArgcAllows(entry.argc, line.tokens.length - 1)) {
    out.push(
      finding(
        'wrong-arity',
        messages.sentinelArity(subName, entry.argc),
        { start: sub.range.start, end: line.range.end },
        { data: { name: `sentinel ${subName}`, ...later } },
      ),
    );
  }
}

/**
 * A word starting with `#` after the directive name is a comment the author meant,
 * except where `#` is meaningful: the value of a one-value directive (`requirepass #x`)
 * and a password hash in a `user` line.
 */
function trailingComment(line: DirectiveLine, target: TargetId): Finding | undefined {
  const variant = directiveVariant(line.name, target);
  const facts = variant?.aliasOf ? directiveVariant(variant.aliasOf, target) : variant;
  const allows = (argc: number): boolean => argcAllows(facts?.argc ?? [], argc);
  const exactlyOneValue = (facts?.argc?.length ?? 0) > 0 && allows(2) && !allows(1) && !allows(3);
  const singleValue = facts !== undefined && (((facts.kind === 'table' || facts.kind === 'special') && !facts.multiArg) || exactlyOneValue);
  // A `#` word that a Sentinel line needs to have its word count is its value (`auth-pass m #x`).
  if (line.name === 'sentinel' && line.tokens.length > 1) {
    const entry = sentinelDirectives(target).find((s) => s.name === asciiLower((line.tokens[1] as Token).value));
    if (entry && sentinelArgcAllows(entry.argc, line.tokens.length - 1)) return undefined;
  }
  for (let i = 1; i < line.tokens.length; i++) {
    const t = line.tokens[i] as Token;
    if (t.quoted || !t.value.startsWith('#')) continue;
    if (i === 1 && singleValue && line.tokens.length === 2) continue; // the value itself, e.g. a password
    if (line.name === 'user' && HASH_RULE.test(t.value)) continue;
    // 6.x ignores a save line of any other length than one pair or "": no refusal, no effect.
    const effect = line.name === 'loadmodule' ? 'module' : line.name === 'save' && !supports(target, 'save-arity-checked') ? 'ignored' : 'refused';
    // Redis 8.0 keeps a line it cannot place for the modules and refuses after the whole file.
    // So does Sentinel (7.0 on) with its own lines, which it reads after the file.
    const deferred =
      effect === 'refused' &&
      ((supports(target, 'deferred-unknown-names') &&
        (!variant || ((variant.kind === 'loader' || variant.kind === 'ignored') && !argcAllows(variant.argc ?? [], line.tokens.length)))) ||
        (line.name === 'sentinel' && supports(target, 'sentinel-lines-after-file')));
    return {
      code: 'trailing-comment',
      severity: effect === 'refused' ? RULES['trailing-comment'].severity : 'warning',
      message: messages.trailingComment(line.name, effect, target),
      range: { start: t.range.start, end: line.range.end },
      data: { commentStart: t.start, lineStart: line.start, lineEnd: line.end, ...(deferred ? { afterLoad: true } : {}) },
    };
  }
  return undefined;
}
