/**
 * One message builder per diagnostic code. Tests call these instead of copying strings.
 */
import { targetLabel, describeTargets } from '../knowledge/targets';
import type { TargetId } from '../knowledge/types';
import type { ValueProblem } from './valueChecks';

export const messages = {
  unknownDirective(name: string, target: TargetId, knownIn: readonly TargetId[], suggestions: readonly string[]): string {
    let text = `Unknown directive '${name}': ${targetLabel(target)} does not know it and refuses to start ("Bad directive or wrong number of arguments").`;
    if (name.startsWith('\ufeff')) text += ' The file starts with a byte-order mark (BOM): save it as UTF-8 without BOM.';
    if (knownIn.length > 0) text += ` It exists in ${describeTargets(knownIn)}.`;
    if (suggestions.length === 1) text += ` Did you mean '${suggestions[0]}'?`;
    else if (suggestions.length > 1) text += ` Did you mean one of: ${suggestions.map((s) => `'${s}'`).join(', ')}?`;
    return text;
  },
  valueProblem(p: ValueProblem): string {
    return `${p.hint} redis-server refuses this line ("${p.redisText}").`;
  },
  unsupportedInVersion(name: string, target: TargetId, knownIn: readonly TargetId[]): string {
    return `'${name}' does not exist in ${targetLabel(target)}, which refuses to start ("Bad directive or wrong number of arguments"). It exists in ${describeTargets(knownIn)}: remove it, or target one of those versions.`;
  },
  deprecatedDirective(name: string, replacement: string): string {
    return `'${name}' is an old name of '${replacement}'. It still works, but write '${replacement}': newer tools and documentation only use that name.`;
  },
  ignoredDirective(name: string, target: TargetId): string {
    return `'${name}' no longer does anything: ${targetLabel(target)} accepts the line and ignores it. Remove it.`;
  },
  valueClamped(name: string, written: string, used: string): string {
    return `'${name} ${written}' is outside 1..500: Redis silently uses ${used} instead.`;
  },
  sentinelOutside(): string {
    return `'sentinel' lines only work in a Sentinel: redis-server refuses them ("sentinel directive while not in sentinel mode"). Move them to sentinel.conf, or start this file with redis-sentinel.`;
  },
  unknownSentinelDirective(sub: string, target: TargetId, suggestions: readonly string[]): string {
    const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `'sentinel ${s}'`).join(', ')}?` : '';
    return `'sentinel ${sub}' is not a Sentinel setting in ${targetLabel(target)}: Sentinel refuses the file ("Unrecognized sentinel configuration statement").${hint}`;
  },
  sentinelArity(sub: string, rule: string): string {
    const counts = rule.split('||').map((alt) => Number(/==\s*(\d+)/.exec(alt)?.[1]) - 2);
    return `'sentinel ${sub}' takes ${counts.join(' or ')} argument${counts.length === 1 && counts[0] === 1 ? '' : 's'}: Sentinel refuses the file otherwise.`;
  },
  duplicateDirective(name: string, where: string): string {
    return `'${name}' is set again at ${where}, which wins: this line has no effect. Remove one of them.`;
  },
  includeNotFound(written: string, resolved: string): string {
    return `'${written}' does not exist (looked for ${resolved}): redis-server stops ("Fatal error, can't open config file"). Relative paths are resolved from the folder of this file, or from the redisConfig.includeBaseDirectory setting; redis-server itself resolves them from its working directory.`;
  },
  aclfileNotFound(written: string, resolved: string): string {
    return `The ACL file '${written}' does not exist (looked for ${resolved}): redis-server reads the config, then stops ("Error loading ACLs, opening file"). Relative paths are resolved like includes: from this file's folder or redisConfig.includeBaseDirectory here, from the working directory for redis-server.`;
  },
  includeCycle(written: string, chain: readonly string[]): string {
    return `'${written}' includes a file that is already being read (${chain.join(' → ')}): Redis has no guard against this and never finishes loading. Break the loop.`;
  },
  unknownTarget(value: string, targets: readonly string[]): string {
    return `'${value}' is not a version this tool knows; using the configured one instead. Known: ${targets.join(', ')}.`;
  },
  moduleConfigWithoutModule(name: string): string {
    return `'${name}' is a module setting, but no 'loadmodule' line loads a module: redis-server reads the file, then stops ("Module Configuration detected without loadmodule directive").`;
  },
  replicaofInCluster(): string {
    return `A cluster node cannot be configured as a replica with 'replicaof': redis-server refuses to start ("replicaof directive not allowed in cluster mode"). Use CLUSTER REPLICATE instead.`;
  },
  emptyDirective(): string {
    return 'An empty directive name ("" alone): redis-server refuses this line ("Bad directive or wrong number of arguments").';
  },
  trailingComment(directive: string, passedToModule: boolean): string {
    return passedToModule
      ? `Redis has no trailing comments: the words from '#' on are passed to the module as extra arguments. Move the comment to its own line above '${directive}'.`
      : `Redis has no trailing comments: the words from '#' on become extra arguments of '${directive}' and redis-server refuses the line. Move the comment to its own line above.`;
  },
} as const;
