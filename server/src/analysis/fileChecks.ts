/**
 * Checks that need the whole effective configuration: lines overridden by later ones,
 * module settings with no module, and combinations redis-server refuses once it has read
 * everything.
 */
import { directiveVariant, isModuleConfigName } from '../knowledge/directives';
import { RULES } from '../knowledge/rules';
import type { DirectiveLine, Token } from '../syntax/configParser';
import { asciiLower } from '../syntax/text';
import { lastSet, type ConfigModel, type ModelLine } from './configModel';
import { messages } from './messages';
import { inFile, placeOf } from './networkRules';
import type { Finding, Settings } from './types';

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

/** Lines of this document whose value a later line replaces, in this file or an included one. */
export function duplicateFindings(model: ConfigModel, settings: Settings): Finding[] {
  const last = new Map<string, ModelLine>();
  const keys = model.lines.map((m) => storageKey(m.line, settings));
  model.lines.forEach((m, i) => {
    const key = keys[i];
    if (key) last.set(key, m);
  });
  const out: Finding[] = [];
  model.lines.forEach((m, i) => {
    const key = keys[i];
    const winner = key ? last.get(key) : undefined;
    if (m.file !== undefined || !winner || winner === m) return;
    const where = winner.file === undefined ? `line ${winner.line.range.start.line + 1}` : `${winner.file}:${winner.line.range.start.line + 1}`;
    out.push({
      code: 'duplicate-directive',
      severity: RULES['duplicate-directive'].severity,
      message: messages.duplicateDirective(m.line.name, where),
      range: m.line.range,
      tags: ['unnecessary'],
      related: [{ message: `'${winner.line.name}' is set here, and this value is the one Redis uses`, range: winner.line.range, ...(winner.file !== undefined ? { file: winner.file } : {}) }],
      data: { name: m.line.name, key },
    });
  });
  return out;
}

export function moduleConfigFindings(model: ConfigModel): Finding[] {
  if (model.lines.some((m) => m.line.name === 'loadmodule')) return [];
  const first = model.lines.find((m) => isModuleConfigName(m.line.name) && m.line.tokens.length > 1);
  if (!first) return [];
  return [
    {
      code: 'module-config-without-loadmodule',
      severity: RULES['module-config-without-loadmodule'].severity,
      message: inFile(first, messages.moduleConfigWithoutModule(first.line.name)),
      range: placeOf(first, (first.line.tokens[0] as Token).range),
      data: { name: first.line.name },
    },
  ];
}

export function replicaofInClusterFindings(model: ConfigModel): Finding[] {
  const cluster = lastSet(model, ['cluster-enabled']);
  if (!cluster || asciiLower(cluster.line.tokens[1]?.value ?? '') !== 'yes') return [];
  const replicaof = lastSet(model, ['replicaof', 'slaveof']);
  if (!replicaof || replicaof.line.tokens.length !== 3) return [];
  if (asciiLower(replicaof.line.tokens[1]?.value ?? '') === 'no' && asciiLower(replicaof.line.tokens[2]?.value ?? '') === 'one') return [];
  return [
    {
      code: 'replicaof-in-cluster',
      severity: RULES['replicaof-in-cluster'].severity,
      message: inFile(replicaof, messages.replicaofInCluster()),
      range: placeOf(replicaof, replicaof.line.range),
      related: [{ message: 'cluster mode is turned on here', range: cluster.line.range, ...(cluster.file !== undefined ? { file: cluster.file } : {}) }],
    },
  ];
}
