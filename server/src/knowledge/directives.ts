/**
 * Lookups over the generated directive table: which names a target accepts and what
 * Redis knows about them.
 */
import { DIRECTIVES, SENTINEL_DIRECTIVES } from './generated/directives';
import { TARGETS, type DirectiveEntry, type DirectiveVariant, type SentinelEntry, type TargetId } from './types';
import { hasModuleSettings } from './versions';

const byName = new Map<string, DirectiveEntry>(DIRECTIVES.map((d) => [d.name, d]));
/** Per target, each name's facts: the lookup done for every line of every analysis. */
const variantsByTarget = new Map<TargetId, Map<string, DirectiveVariant>>(
  TARGETS.map((t) => [t, new Map(DIRECTIVES.flatMap((d) => d.variants.filter((v) => v.targets.includes(t)).map((v) => [d.name, v] as const)))]),
);
const namesByTarget = new Map<TargetId, readonly string[]>(
  TARGETS.map((t) => [t, DIRECTIVES.filter((d) => d.variants.some((v) => v.targets.includes(t))).map((d) => d.name)]),
);

export interface DirectiveInfo {
  readonly entry: DirectiveEntry;
  /** The facts for the requested target; undefined when the target does not know the name. */
  readonly variant: DirectiveVariant | undefined;
}

/** Looks up a lower-case directive name for a target. Undefined when no version knows it. */
export function lookupDirective(name: string, target: TargetId): DirectiveInfo | undefined {
  const entry = byName.get(name);
  if (!entry) return undefined;
  return { entry, variant: variantsByTarget.get(target)?.get(name) };
}

/** The facts of a name for a target, or undefined when the target does not accept it. */
export function directiveVariant(name: string, target: TargetId): DirectiveVariant | undefined {
  return variantsByTarget.get(target)?.get(name);
}

/** Every name (primary names, aliases, loader and ignored names) that the target accepts. */
export function directiveNames(target: TargetId): readonly string[] {
  return namesByTarget.get(target) ?? [];
}

/** The targets that accept the name, in our version order. */
export function targetsOf(name: string): readonly TargetId[] {
  const entry = byName.get(name);
  if (!entry) return [];
  return TARGETS.filter((t) => entry.variants.some((v) => v.targets.includes(t)));
}

/** From 7.0, Redis hands every name with a dot to the modules (`mymodule.option value`). */
export function isModuleConfigName(name: string, target: TargetId): boolean {
  return name.includes('.') && hasModuleSettings(target);
}

export function sentinelDirectives(target: TargetId): readonly SentinelEntry[] {
  return SENTINEL_DIRECTIVES.filter((s) => s.targets.includes(target));
}

/** The primary name of an alias, or the name itself. */
export function primaryName(name: string, target: TargetId): string {
  return lookupDirective(name, target)?.variant?.aliasOf ?? name;
}

const memoryByTarget = new Map<TargetId, ReadonlySet<string>>(
  TARGETS.map((t) => [t, new Set(DIRECTIVES.filter((d) => variantsByTarget.get(t)?.get(d.name)?.numeric?.includes('memory')).map((d) => d.name))]),
);

/** The names whose value is a memory size (`100mb`) in the target, aliases aside. */
export function memoryDirectives(target: TargetId): ReadonlySet<string> {
  return memoryByTarget.get(target) ?? new Set();
}
