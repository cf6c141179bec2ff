/**
 * Lookups over the generated directive table: which names a target accepts and what
 * Redis knows about them.
 */
import { DIRECTIVES, SENTINEL_DIRECTIVES } from './generated/directives';
import { TARGETS, type ArgcRule, type DirectiveEntry, type DirectiveVariant, type SentinelEntry, type TargetId } from './types';
import { supports } from './features';

const byName = new Map<string, DirectiveEntry>(DIRECTIVES.map((d) => [d.name, d]));
/**
 * A per-target table built on first use for that target: a server checks files of one or two
 * versions, and building every target's tables at load is most of the start-up time.
 */
function perTarget<T>(build: (target: TargetId) => T): (target: TargetId) => T {
  const built = new Map<TargetId, T>();
  return (target) => {
    let table = built.get(target);
    if (table === undefined) built.set(target, (table = build(target)));
    return table;
  };
}

/** Per target, each name's facts: the lookup done for every line of every analysis. */
const variantsOf = perTarget(
  (t) => new Map<string, DirectiveVariant>(DIRECTIVES.flatMap((d) => d.variants.filter((v) => v.targets.includes(t)).map((v) => [d.name, v] as const))),
);
const acceptedNames = perTarget((t): readonly string[] => DIRECTIVES.filter((d) => d.variants.some((v) => v.targets.includes(t))).map((d) => d.name));

export interface DirectiveInfo {
  readonly entry: DirectiveEntry;
  /** The facts for the requested target; undefined when the target does not know the name. */
  readonly variant: DirectiveVariant | undefined;
}

/** Looks up a lower-case directive name for a target. Undefined when no version knows it. */
export function lookupDirective(name: string, target: TargetId): DirectiveInfo | undefined {
  const entry = byName.get(name);
  if (!entry) return undefined;
  return { entry, variant: variantsOf(target).get(name) };
}

/** The facts of a name for a target, or undefined when the target does not accept it. */
export function directiveVariant(name: string, target: TargetId): DirectiveVariant | undefined {
  return variantsOf(target).get(name);
}

/** Every name (primary names, aliases, loader and ignored names) that the target accepts. */
export function directiveNames(target: TargetId): readonly string[] {
  return acceptedNames(target);
}

/** The targets that accept the name, in our version order. */
export function targetsOf(name: string): readonly TargetId[] {
  const entry = byName.get(name);
  if (!entry) return [];
  return TARGETS.filter((t) => entry.variants.some((v) => v.targets.includes(t)));
}

/** From 7.0, Redis hands every name with a dot to the modules (`mymodule.option value`). */
export function isModuleConfigName(name: string, target: TargetId): boolean {
  return name.includes('.') && supports(target, 'module-settings');
}

export function sentinelDirectives(target: TargetId): readonly SentinelEntry[] {
  return SENTINEL_DIRECTIVES.filter((s) => s.targets.includes(target));
}

/**
 * Old names the config table does not list as aliases but redis-server reads as another
 * directive: `slaveof` is parsed by the same code as `replicaof`.
 */
const LOADER_ALIASES: Readonly<Record<string, string>> = { slaveof: 'replicaof' };

/** The primary name an old name stands for, or undefined when the name is not an old name. */
export function aliasOf(name: string, target: TargetId): string | undefined {
  return directiveVariant(name, target)?.aliasOf ?? LOADER_ALIASES[name];
}

/** The primary name of an alias, or the name itself: the key under which lines of either name store one value. */
export function primaryName(name: string, target: TargetId): string {
  return aliasOf(name, target) ?? name;
}

/** Every name the target reads as `primary`: itself and its old names. */
export function namesOf(primary: string, target: TargetId): readonly string[] {
  return [
    primary,
    ...directiveNames(target).filter((n) => n !== primary && aliasOf(n, target) === primary),
    ...Object.keys(LOADER_ALIASES).filter((n) => LOADER_ALIASES[n] === primary && !directiveVariant(n, target)),
  ];
}

/**
 * How a repeated directive behaves. Most keep the last line's value; these do not:
 * `adds`: each line adds to the earlier ones (a save point, a module, a user);
 * `acts-when-read`: each line takes effect as the file is read (`dir` changes the working
 * folder for the relative paths after it), so an earlier line is not overridden.
 */
const REPEATED: Readonly<Record<string, 'adds' | 'acts-when-read'>> = {
  save: 'adds',
  'client-output-buffer-limit': 'adds',
  include: 'adds',
  loadmodule: 'adds',
  'rename-command': 'adds',
  user: 'adds',
  sentinel: 'adds',
  dir: 'acts-when-read',
};

/** Whether each line of the directive adds to the earlier ones instead of replacing them. */
export function linesAddUp(primary: string): boolean {
  return REPEATED[primary] === 'adds';
}

/** Whether a later line of the directive replaces the value of an earlier one. */
export function lastLineWins(primary: string): boolean {
  return REPEATED[primary] === undefined;
}

/** Directives whose first argument names a file redis-server reads when it starts. */
const FILE_VALUED = new Set([
  'include',
  'aclfile',
  'loadmodule',
  'tls-cert-file',
  'tls-key-file',
  'tls-client-cert-file',
  'tls-client-key-file',
  'tls-ca-cert-file',
  'tls-dh-params-file',
]);

/** Whether the directive's first argument is a file the server reads (and the editor may open). */
export function namesAFile(name: string): boolean {
  return FILE_VALUED.has(name);
}

/**
 * Values redis-server reads as any integer but keeps within bounds without a word: `hz`
 * outside 1..500 becomes the nearer bound.
 */
const CLAMPED: Readonly<Record<string, readonly [min: bigint, max: bigint]>> = { hz: [1n, 500n] };

/** The bounds a directive's value is silently kept within, if any. */
export function clampOf(name: string): readonly [min: bigint, max: bigint] | undefined {
  return CLAMPED[name];
}

const memoryOf = perTarget(
  (t): ReadonlySet<string> => new Set(DIRECTIVES.filter((d) => variantsOf(t).get(d.name)?.numeric?.includes('memory')).map((d) => d.name)),
);

/** The names whose value is a memory size (`100mb`) in the target, aliases aside. */
export function memoryDirectives(target: TargetId): ReadonlySet<string> {
  return memoryOf(target);
}

/** Whether `argc` words (the directive name counted, as Redis counts) satisfy every argument-count rule. */
export function argcAllows(rule: ArgcRule, argc: number): boolean {
  return rule.every(([op, n]) => (op === '==' ? argc === n : op === '>=' ? argc >= n : op === '<=' ? argc <= n : true));
}

/** A Sentinel argument-count rule (`argc == 4 || argc == 5`, the sub-directive counted) against a count. */
export function sentinelArgcAllows(rule: string, argc: number): boolean {
  return rule.split('||').some((alt) => Number(/==\s*(\d+)/.exec(alt)?.[1]) === argc);
}
