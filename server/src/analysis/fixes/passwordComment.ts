/**
 * For an editor that can show no notice: a fix that generates a password writes it in a
 * comment line of the document instead, above the first line the fix changes there, and
 * `generated-password-comment` warns until the user deletes it (generatedPasswords.ts).
 * In an ACL file, which has no comments, the line also stops Redis from loading the file:
 * the password cannot be forgotten there.
 */
import type { Analysis } from '../analyze';
import { generatedPasswordComment } from '../generatedPasswords';
import { eolOf } from './edits';
import type { Fix, TextEdit } from './types';

export function withPasswordComment(fix: Fix, a: Analysis): Fix {
  if (!fix.password) return fix;
  const { notice: _shownInTheFile, ...rest } = fix;
  const index = a.tree.index;
  const comment = generatedPasswordComment(fix.password.value, fix.password.owner) + eolOf(index.text);
  const own = fix.edits.find((e) => e.file === undefined);
  const others = fix.edits.filter((e) => e.file !== undefined);
  const edits: TextEdit[] = [...(own?.edits ?? [])];
  const line = edits.length ? Math.min(...edits.map((e) => e.range.start.line)) : 0;
  const lineStart = { line, character: 0 };
  // An edit that starts the line takes the comment in front of its text: two edits at one
  // position would leave their order to the editor.
  const first = edits.findIndex((e) => e.range.start.line === line && e.range.start.character === 0);
  const at = edits[first];
  if (at) edits[first] = { range: at.range, newText: comment + at.newText };
  else edits.push({ range: { start: lineStart, end: lineStart }, newText: comment });
  return { ...rest, title: `${fix.title}; password in a comment`, edits: [{ edits }, ...others] };
}
