/**
 * Semantic tokens, for what the TextMate grammar cannot know: whether a directive exists in
 * the targeted version (known names are properties; old names and ignored ones are marked
 * deprecated) and which words are user names.
 */
import { aliasOf, directiveVariant } from '../knowledge/directives';
import type { Analysis } from './analyze';
import type { Range } from './types';

export const TOKEN_TYPES = ['property', 'variable'] as const;
export const TOKEN_MODIFIERS = ['deprecated', 'declaration'] as const;

export interface SemanticToken {
  readonly range: Range;
  readonly type: (typeof TOKEN_TYPES)[number];
  readonly modifiers: readonly (typeof TOKEN_MODIFIERS)[number][];
}

export function semanticTokens(a: Analysis): SemanticToken[] {
  const out: SemanticToken[] = [];
  if (a.kind === 'acl') {
    // A name that runs over an editor's line break (a lone \r, which Redis does not split on) cannot be a token.
    for (const line of a.tree.lines)
      if (line.valid && line.user && line.user.range.start.line === line.user.range.end.line)
        out.push({ range: line.user.range, type: 'variable', modifiers: ['declaration'] });
    return out;
  }
  for (const line of a.tree.directives) {
    const name = line.tokens[0];
    if (!name || line.broken || name.range.start.line !== name.range.end.line) continue;
    const v = directiveVariant(line.name, a.settings.target);
    if (v)
      out.push({
        range: name.range,
        type: 'property',
        modifiers: aliasOf(line.name, a.settings.target) !== undefined || v.kind === 'ignored' ? ['deprecated'] : [],
      });
    const user = line.name === 'user' ? line.tokens[1] : undefined;
    if (user && user.range.start.line === user.range.end.line) out.push({ range: user.range, type: 'variable', modifiers: ['declaration'] });
  }
  return out;
}

/** LSP's relative encoding: line delta, start delta, length, type index, modifier bits. */
export function encodeSemanticTokens(tokens: readonly SemanticToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let char = 0;
  const sorted = [...tokens].sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
  for (const t of sorted) {
    const dl = t.range.start.line - line;
    const dc = dl === 0 ? t.range.start.character - char : t.range.start.character;
    const bits = t.modifiers.reduce((b, m) => b | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
    data.push(dl, dc, t.range.end.character - t.range.start.character, TOKEN_TYPES.indexOf(t.type), bits);
    line = t.range.start.line;
    char = t.range.start.character;
  }
  return data;
}
