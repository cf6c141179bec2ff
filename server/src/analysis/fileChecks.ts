/**
 * Checks that need the whole file: lines overridden by later ones, module settings with
 * no module, and combinations redis-server refuses once it has read everything.
 */
import { directiveVariant, isModuleConfigName } from '../knowledge/directives';
import { RULES } from '../knowledge/rules';
import type { ConfigTree, DirectiveLine, Token } from '../syntax/configParser';
import { messages } from './messages';
import type { Finding, Settings } from './types';
import { asciiLower } from '../syntax/text';

/** Directives where each line adds to the previous ones instead of replacing them. */
const ADDITIVE = new Set(['save', 'client-output-buffer-limit', 'include', 'loadmodule', 'rename-command', 'user', 'sentinel', 'dir']);

/** The name under which a line stores its value, or undefined when lines add up. */
function storageKey(line: DirectiveLine, settings: Settings): string | undefined {
  if (isModuleConfigName(line.name)) return line.name;
  const variant = directiveVariant(line.name, settings.target);
  if (!variant || variant.kind === 'ignored') return undefined;
  const key = variant.aliasOf ?? (line.name === 'slaveof' ? 'replicaof' : line.name);
  return ADDITIVE.has(key) ? undefined : key;
}

export function duplicateFindings(tree: ConfigTree, settings: Settings): Finding[] {
  const last = new Map<string, DirectiveLine>();
  for (const line of tree.directives) {
    if (line.broken || line.tokens.length === 0) continue;
    const key = storageKey(line, settings);
    if (key) last.set(key, line);
  }
  const out: Finding[] = [];
  for (const line of tree.directives) {
    if (line.broken || line.tokens.length === 0) continue;
    const key = storageKey(line, settings);
    const winner = key ? last.get(key) : undefined;
    if (!winner || winner === line) continue;
    out.push({
      code: 'duplicate-directive',
      severity: RULES['duplicate-directive'].severity,
      message: messages.duplicateDirective(line.name, winner.range.start.line + 1),
      range: line.range,
      tags: ['unnecessary'],
      related: [{ message: `'${winner.name}' is set here, and this value is the one Redis uses`, range: winner.range }],
      data: { name: line.name, key, winnerLine: winner.range.start.line },
    });
  }
  return out;
}

export function moduleConfigFindings(tree: ConfigTree): Finding[] {
  if (tree.directives.some((d) => d.name === 'loadmodule' && !d.broken)) return [];
  const first = tree.directives.find((d) => !d.broken && isModuleConfigName(d.name) && d.tokens.length > 1);
  if (!first) return [];
  return [
    {
      code: 'module-config-without-loadmodule',
      severity: RULES['module-config-without-loadmodule'].severity,
      message: messages.moduleConfigWithoutModule(first.name),
      range: (first.tokens[0] as Token).range,
      data: { name: first.name },
    },
  ];
}

function lastValue(tree: ConfigTree, names: readonly string[]): DirectiveLine | undefined {
  for (let i = tree.directives.length - 1; i >= 0; i--) {
    const d = tree.directives[i] as DirectiveLine;
    if (!d.broken && names.includes(d.name)) return d;
  }
  return undefined;
}

export function replicaofInClusterFindings(tree: ConfigTree): Finding[] {
  const cluster = lastValue(tree, ['cluster-enabled']);
  if (!cluster || asciiLower(cluster.tokens[1]?.value ?? '') !== 'yes') return [];
  const replicaof = lastValue(tree, ['replicaof', 'slaveof']);
  if (!replicaof || replicaof.tokens.length !== 3) return [];
  if (asciiLower(replicaof.tokens[1]?.value ?? '') === 'no' && asciiLower(replicaof.tokens[2]?.value ?? '') === 'one') return [];
  return [
    {
      code: 'replicaof-in-cluster',
      severity: RULES['replicaof-in-cluster'].severity,
      message: messages.replicaofInCluster(),
      range: replicaof.range,
      related: [{ message: 'cluster mode is turned on here', range: cluster.range }],
    },
  ];
}
