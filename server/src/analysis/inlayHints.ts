/**
 * Inlay hints: the size in bytes of memory values, "overridden at line N" on lines a later
 * one replaces, and "default" where a line repeats the built-in value.
 */
import { isSecretToken } from './secrets';
import { directiveVariant, memoryDirectives } from '../knowledge/directives';
import type { Analysis } from './analyze';
import { formatBytes, memtoull } from './values';
import type { Position } from './types';
import { asciiLower } from '../syntax/text';

export interface InlayHint {
  readonly position: Position;
  readonly label: string;
  readonly tooltip?: string;
}

export function inlayHints(a: Analysis, fromLine = 0, toLine = Number.MAX_SAFE_INTEGER): InlayHint[] {
  if (a.kind === 'acl') return [];
  const hints: InlayHint[] = [];
  const memory = memoryDirectives(a.settings.target);
  const overridden = new Map<number, string>();
  for (const f of a.findings) {
    if (f.code === 'duplicate-directive' && f.related?.[0]) {
      const r = f.related[0];
      overridden.set(f.range.start.line, r.file ? `${r.file.split('/').pop()}:${r.range.start.line + 1}` : `line ${r.range.start.line + 1}`);
    }
  }
  for (const line of a.tree.directives) {
    const n = line.range.start.line;
    if (n < fromLine || n > toLine || line.broken) continue;
    const value = line.tokens[1];
    const variant = directiveVariant(line.name, a.settings.target);
    const primary = variant?.aliasOf ?? line.name;
    if (value && memory.has(primary) && line.tokens.length === 2) {
      const mem = memtoull(value.value);
      if (mem && mem.unit !== '' && mem.bytes > 0n)
        hints.push({ position: value.range.end, label: ` = ${formatBytes(mem.bytes)}`, tooltip: `${mem.bytes} bytes` });
    }
    const where = overridden.get(n);
    if (where) hints.push({ position: line.range.end, label: `  overridden at ${where}` });
    const facts = variant?.aliasOf ? directiveVariant(variant.aliasOf, a.settings.target) : variant;
    if (value && line.tokens.length === 2 && facts?.default !== undefined && facts.kind === 'table' && !isSecretToken(line, 1)) {
      const same =
        facts.type === 'bool' || facts.type === 'enum'
          ? asciiLower(value.value) === facts.default
          : value.value === facts.default || (memory.has(primary) && memtoull(value.value)?.bytes.toString() === facts.default);
      if (same) hints.push({ position: line.range.end, label: '  (default)', tooltip: `Redis uses ${facts.default} when this line is absent.` });
    }
  }
  return hints;
}
