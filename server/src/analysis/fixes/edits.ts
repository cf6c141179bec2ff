/**
 * The text edits fixes are made of: edits grouped by file, inserting, replacing and deleting
 * spans and lines, and the indentation and line breaks a new line takes from its neighbours.
 */
import type { DirectiveLine } from '../../syntax/configParser';
import type { LineIndex } from '../../syntax/text';
import type { Range } from '../types';
import type { FileEdit, TextEdit } from './types';

/** Edits grouped by file (undefined: the document), the document first. */
export class EditSet {
  private readonly byFile = new Map<string | undefined, TextEdit[]>();

  add(file: string | undefined, edit: TextEdit): void {
    const list = this.byFile.get(file) ?? [];
    list.push(edit);
    this.byFile.set(file, list);
  }

  /** The other files edited, in the order they were first edited. */
  otherFiles(): string[] {
    return [...this.byFile.keys()].filter((f): f is string => f !== undefined);
  }

  toFileEdits(): FileEdit[] {
    const out: FileEdit[] = [];
    const own = this.byFile.get(undefined);
    if (own) out.push({ edits: own });
    for (const file of this.otherFiles()) out.push({ file, edits: this.byFile.get(file) as TextEdit[] });
    return out;
  }
}

/** The line break a text uses: `\r\n` when it has one, else `\n`. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function insertAt(index: LineIndex, offset: number, newText: string): TextEdit {
  return { range: index.rangeAt(offset, offset), newText };
}

export function replaceSpan(index: LineIndex, start: number, end: number, newText: string): TextEdit {
  return { range: index.rangeAt(start, end), newText };
}

/** Deletes a whole line with its line break (the last line: its text only). */
export function deleteLine(index: LineIndex, line: number): TextEdit {
  const start = index.offsetAt({ line, character: 0 });
  const end = line + 1 < index.lineCount ? index.offsetAt({ line: line + 1, character: 0 }) : index.text.length;
  return { range: index.rangeAt(start, end), newText: '' };
}

/** The indentation of a config line. */
export function indentOf(index: LineIndex, line: DirectiveLine): string {
  return index.text.slice(index.offsetAt({ line: line.range.start.line, character: 0 }), line.start);
}

/** Adds a line at the end of a file, keeping its line breaks. */
export function appendLine(index: LineIndex, line: string): TextEdit {
  const text = index.text;
  const eol = eolOf(text);
  if (text.length === 0) return insertAt(index, 0, `${line}${eol}`);
  return insertAt(index, text.length, text.endsWith('\n') ? `${line}${eol}` : `${eol}${line}`);
}

/** The line break after LSP line `line`: its own, or the file's usual one for the last line. */
export function eolAt(index: LineIndex, line: number): string {
  const text = index.text;
  if (line + 1 < index.lineCount) {
    const next = index.offsetAt({ line: line + 1, character: 0 });
    if (text.charCodeAt(next - 1) === 10) return text.charCodeAt(next - 2) === 13 ? '\r\n' : '\n';
  }
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The range of a whole line including its line break, for deleting it. */
export function wholeLine(index: LineIndex, line: DirectiveLine): Range {
  const start = { line: line.range.start.line, character: 0 };
  const next = line.range.end.line + 1;
  return next < index.lineCount ? { start, end: { line: next, character: 0 } } : { start, end: line.range.end };
}

/** Inserts whole lines before a directive line, with its indentation and its line break. */
export function insertAbove(index: LineIndex, line: DirectiveLine, newLines: readonly string[]): TextEdit {
  const indent = indentOf(index, line);
  const eol = eolAt(index, line.range.end.line);
  const pos = { line: line.range.start.line, character: 0 };
  return { range: { start: pos, end: pos }, newText: newLines.map((l) => `${indent}${l}${eol}`).join('') };
}

/** Inserts whole lines after a directive line, with its indentation and its line break. */
export function insertBelow(index: LineIndex, line: DirectiveLine, newLines: readonly string[]): TextEdit {
  const indent = indentOf(index, line);
  const eol = eolAt(index, line.range.end.line);
  const next = line.range.end.line + 1;
  if (next < index.lineCount) {
    const pos = { line: next, character: 0 };
    return { range: { start: pos, end: pos }, newText: newLines.map((l) => `${indent}${l}${eol}`).join('') };
  }
  return { range: { start: line.range.end, end: line.range.end }, newText: newLines.map((l) => `${eol}${indent}${l}`).join('') };
}
