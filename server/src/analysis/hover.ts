/**
 * Hover text for a position: the directive under the cursor, explained in our words,
 * with the facts Redis holds about it for the targeted version.
 */
import { directiveDocs } from '../knowledge/directiveDocs';
import { lookupDirective, isModuleConfigName, targetsOf } from '../knowledge/directives';
import { describeTargets, targetLabel } from '../knowledge/targets';
import type { DirectiveVariant } from '../knowledge/types';

import type { Analysis } from './analyze';
import type { Position, Range, Settings } from './types';

export interface HoverResult {
  readonly markdown: string;
  readonly range: Range;
}

function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

export function hoverAt(analysis: Analysis, position: Position): HoverResult | undefined {
  const settings = analysis.settings;
  if (analysis.kind === 'acl') return undefined;
  for (const line of analysis.tree.directives) {
    if (position.line < line.range.start.line || position.line > line.range.end.line) continue;
    const name = line.tokens[0];
    if (name && contains(name.range, position)) {
      const markdown = directiveHover(line.name, settings);
      return markdown === undefined ? undefined : { markdown, range: name.range };
    }
  }
  return undefined;
}

export function directiveHover(name: string, settings: Settings): string | undefined {
  if (name === '') return undefined;
  if (isModuleConfigName(name)) {
    return `**${name}**\n\nA module setting: Redis passes names with a dot to the module that registered them. The module must be loaded with \`loadmodule\`, or the server stops after reading the file.`;
  }
  const info = lookupDirective(name, settings.target);
  if (!info) return undefined;
  const primary = info.variant?.aliasOf ?? name;
  const doc = directiveDocs[primary] ?? directiveDocs[name];
  const parts: string[] = [`**${name}**`];
  if (primary !== name) parts[0] += ` — an older name of \`${primary}\`; both set the same value.`;
  if (doc) {
    parts.push(doc.summary);
    if (doc.details) parts.push(doc.details);
    if (doc.risk) parts.push(`**Risk:** ${doc.risk}`);
  }
  const variant = primary !== name ? lookupDirective(primary, settings.target)?.variant : info.variant;
  const facts = factLines(variant, doc?.unit);
  const known = targetsOf(name);
  if (!info.variant) facts.push(`Not available in ${targetLabel(settings.target)}; known in ${describeTargets(known)}.`);
  else facts.push(`Known in ${describeTargets(known)}.`);
  parts.push(facts.map((f) => `- ${f}`).join('\n'));
  if (doc?.related?.length) parts.push(`See also: ${doc.related.map((r) => `\`${r}\``).join(', ')}.`);
  return parts.join('\n\n');
}

function factLines(variant: DirectiveVariant | undefined, unit: string | undefined): string[] {
  const facts: string[] = [];
  if (!variant) return facts;
  if (variant.kind === 'ignored') facts.push('Accepted and ignored: this name no longer has any effect.');
  if (variant.values) facts.push(`Values: ${variant.values.map((v) => `\`${v}\``).join(', ')}`);
  else if (variant.type === 'bool') facts.push('Values: `yes`, `no`');
  if (variant.default !== undefined && variant.kind !== 'special') facts.push(`Default: ${variant.default === '' ? 'empty' : `\`${variant.default}\``}`);
  if (variant.min !== undefined && variant.max !== undefined) facts.push(`Range: ${variant.min} to ${variant.max}`);
  if (unit) facts.push(`Unit: ${unit}`);
  const flags = variant.flags ?? [];
  if (flags.includes('immutable')) facts.push('Read at startup only: `CONFIG SET` cannot change it.');
  if (flags.includes('sensitive')) facts.push('Sensitive: Redis hides its value in logs.');
  if (flags.includes('protected')) facts.push('Protected: `CONFIG SET` refuses it unless `enable-protected-configs` allows it.');
  return facts;
}

