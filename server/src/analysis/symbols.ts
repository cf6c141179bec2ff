/**
 * The outline: the sections of the official layout (a banner comment such as
 * `#### NETWORK ####`) with their directives, and the users of an ACL file; and folding
 * ranges for sections and comment blocks.
 */
import type { Analysis } from './analyze';
import type { CommentLine, DirectiveLine } from '../syntax/configParser';
import { redactedLine } from './secrets';
import type { Range } from './types';

export interface OutlineSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: 'section' | 'directive' | 'user' | 'sentinel';
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: OutlineSymbol[];
}

export interface Fold {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: 'comment' | 'region';
}

const BANNER = /^#{3,}\s*([^#]*?)\s*#{3,}\s*$/;

function sectionTitle(a: Analysis, c: CommentLine): string | undefined {
  const m = BANNER.exec(a.tree.index.text.slice(c.start, c.end));
  const title = m?.[1]?.trim();
  return title ? title : undefined;
}

export function documentSymbols(a: Analysis): OutlineSymbol[] {
  if (a.kind === 'acl') {
    return a.tree.lines
      .filter((l) => l.valid && l.user)
      .map((l) => ({
        name: l.user?.value ?? '',
        detail: l.rules.some((r) => r.value.toLowerCase() === 'off') ? 'user (off)' : 'user',
        kind: 'user',
        range: l.range,
        selectionRange: l.user?.range ?? l.range,
        children: [],
      }));
  }
  const top: OutlineSymbol[] = [];
  let section: OutlineSymbol | undefined;
  for (const line of a.tree.lines) {
    if (line.kind === 'comment') {
      const title = sectionTitle(a, line);
      if (title) {
        section = { name: title, detail: '', kind: 'section', range: line.range, selectionRange: line.range, children: [] };
        top.push(section);
      }
      continue;
    }
    const sym = directiveSymbol(a, line);
    if (!sym) continue;
    if (section) {
      section.children.push(sym);
      (section as { range: Range }).range = { start: section.range.start, end: line.range.end };
    } else {
      top.push(sym);
    }
  }
  return top;
}

function directiveSymbol(a: Analysis, line: DirectiveLine): OutlineSymbol | undefined {
  const name = line.tokens[0];
  if (!name || line.name === '') return undefined;
  const shown = redactedLine(line, a.settings.target);
  const detail = shown.slice(shown.indexOf(' ') + 1 || shown.length);
  const isUser = line.name === 'user' && line.tokens[1];
  return {
    name: isUser ? `user ${line.tokens[1]?.value}` : line.name === 'sentinel' && line.tokens[1] ? `sentinel ${line.tokens[1].value}` : line.name,
    detail: isUser ? '' : detail.length > 60 ? `${detail.slice(0, 57)}...` : detail,
    kind: isUser ? 'user' : line.name === 'sentinel' ? 'sentinel' : 'directive',
    range: line.range,
    selectionRange: name.range,
    children: [],
  };
}

export function foldingRanges(a: Analysis): Fold[] {
  if (a.kind === 'acl') return [];
  const folds: Fold[] = [];
  const lines = a.tree.lines;
  // Comment blocks: consecutive comment lines.
  let blockStart = -1;
  let prevLine = -2;
  const closeBlock = (): void => {
    if (blockStart >= 0 && prevLine > blockStart) folds.push({ startLine: blockStart, endLine: prevLine, kind: 'comment' });
    blockStart = -1;
  };
  for (const line of lines) {
    const n = line.range.start.line;
    if (line.kind === 'comment' && !sectionTitle(a, line)) {
      if (n !== prevLine + 1) closeBlock();
      if (blockStart < 0) blockStart = n;
      prevLine = n;
    } else {
      closeBlock();
      prevLine = -2;
    }
  }
  closeBlock();
  // Sections: from a banner to the line before the next banner (or the end).
  const banners = lines.filter((l): l is CommentLine => l.kind === 'comment' && sectionTitle(a, l) !== undefined).map((l) => l.range.start.line);
  const lastLine = Math.max(0, a.tree.index.lineCount - 1);
  const textLines = banners.length ? a.tree.index.text.split(/\r\n|\r|\n/) : [];
  banners.forEach((start, i) => {
    let end = (banners[i + 1] ?? lastLine + 1) - 1;
    while (end > start && textLines[end]?.trim() === '') end--;
    if (end > start) folds.push({ startLine: start, endLine: end, kind: 'region' });
  });
  return folds.sort((x, y) => x.startLine - y.startLine);
}
