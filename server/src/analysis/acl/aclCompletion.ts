/**
 * Completion inside ACL rules, in an ACL file or on a redis.conf `user` line: rule
 * keywords, categories after `+@`/`-@`, commands after `+`/`-`, subcommands after
 * `+container|`, and user names for the word after `user`. Only what the target has.
 */
import { ACL_KEYWORDS, type AclKeywordDoc } from '../../knowledge/aclKeywords';
import { ACL_CATEGORIES, CATEGORY_DOCS, commandInfo, subcommandsOf, topLevelCommands } from '../../knowledge/commands';
import type { TargetId } from '../../knowledge/types';
import type { LineIndex } from '../../syntax/text';
import type { Position, Range, Settings } from '../types';
import { aclFeatures } from './permissions';
import { userDocument, type AclHoverDocument } from './aclHover';

export interface AclCompletionItem {
  readonly label: string;
  readonly kind: 'keyword' | 'category' | 'command' | 'user';
  readonly detail: string;
  readonly documentation: string;
  /** The text to insert when it differs from the label (snippet syntax: `$1` is the cursor). */
  readonly insertText?: string;
  /** The word the item replaces (the part already typed). */
  readonly range: Range;
}

export type AclCompletionDocument = AclHoverDocument;

function indexOf(doc: AclCompletionDocument): LineIndex {
  return doc.tree.index;
}

/** The text of the position's line up to the cursor. */
function lineBefore(index: LineIndex, position: Position): string {
  const start = index.offsetAt({ line: position.line, character: 0 });
  const at = index.offsetAt(position);
  return index.text.slice(start, at);
}

function keywordAllowed(doc: AclKeywordDoc, target: TargetId, inSelector: boolean): boolean {
  const f = aclFeatures(target);
  if (inSelector && doc.scope === 'user') return false;
  if (doc.since === 'Redis 7.0' && !f.selectors) return false;
  if (doc.since === 'Redis 6.2' && !f.channels) return false;
  return true;
}

function categoryItems(sign: '+' | '-', range: Range): AclCompletionItem[] {
  return ['all', ...ACL_CATEGORIES].map((c) => ({
    label: `${sign}@${c}`,
    kind: 'category' as const,
    detail: `${sign === '+' ? 'allow' : 'deny'} @${c}`,
    documentation: c === 'all' ? 'Every command, including those modules add later.' : `The category of ${CATEGORY_DOCS[c] ?? c}.`,
    range,
  }));
}

function commandDoc(name: string, target: TargetId): string {
  const info = commandInfo(name, target);
  if (!info) return '';
  const cats = info.variant.categories.map((c) => `@${c}`).join(' ');
  const subs = info.subcommands ? ` ${info.subcommands.length} subcommands.` : '';
  return `Categories: ${cats}.${subs}`;
}

function commandItems(sign: '+' | '-', prefix: string, target: TargetId, range: Range): AclCompletionItem[] {
  const bar = prefix.indexOf('|');
  if (bar >= 0) {
    const container = prefix.slice(0, bar).toLowerCase();
    return subcommandsOf(container, target).map((sub) => ({
      label: `${sign}${sub}`,
      kind: 'command' as const,
      detail: `${sign === '+' ? 'allow' : 'deny'} ${sub.toUpperCase().replace('|', ' ')}`,
      documentation: commandDoc(sub, target),
      range,
    }));
  }
  return topLevelCommands(target).map((c) => ({
    label: `${sign}${c}`,
    kind: 'command' as const,
    detail: `${sign === '+' ? 'allow' : 'deny'} ${c.toUpperCase()}${commandInfo(c, target)?.subcommands ? ' and all its subcommands' : ''}`,
    documentation: commandDoc(c, target),
    range,
  }));
}

function keywordItems(target: TargetId, inSelector: boolean, range: Range): AclCompletionItem[] {
  const out: AclCompletionItem[] = [];
  for (const [key, doc] of Object.entries(ACL_KEYWORDS)) {
    if (!keywordAllowed(doc, target, inSelector)) continue;
    const plain = /^[a-z-]+$/.test(key);
    out.push({
      label: plain ? key : doc.label,
      kind: 'keyword',
      detail: doc.since ? `ACL rule (${doc.since})` : 'ACL rule',
      documentation: doc.summary,
      ...(plain ? {} : { insertText: doc.insert }),
      range,
    });
  }
  return out;
}

/** True when a selector is open at the end of `words` (a `(` word not yet closed by a `)` word). */
function insideSelector(words: readonly string[]): boolean {
  let open = false;
  for (const w of words) {
    if (w.startsWith('(') && !w.endsWith(')')) open = true;
    else if (open && w.endsWith(')')) open = false;
  }
  return open;
}

export function aclCompletions(doc: AclCompletionDocument, position: Position, settings: Settings): AclCompletionItem[] {
  const index = indexOf(doc);
  const before = lineBefore(index, position);
  const trimmed = before.replace(/^[ \t]+/, '');
  // ACL files split on spaces only; redis.conf lines on any blank.
  const words = doc.kind === 'acl' ? trimmed.split(' ') : trimmed.split(/[ \t]+/);
  const current = words[words.length - 1] ?? '';
  const range: Range = { start: { line: position.line, character: position.character - current.length }, end: position };
  const target = settings.target;
  if (words.length === 1) {
    // The first word: only ACL files are ours (in redis.conf it is a directive name).
    if (doc.kind !== 'acl') return [];
    return [
      {
        label: 'user',
        kind: 'keyword',
        detail: 'user <name> [rule ...]',
        documentation: 'Every line of an ACL file defines one user: `user`, its name, then its rules, separated by single spaces.',
        range,
      },
    ];
  }
  if ((words[0] ?? '').toLowerCase() !== 'user' || (doc.kind === 'acl' && words[0] !== 'user')) return [];
  if (words.length === 2) {
    const names = new Set(['default', ...userDocument(doc, target).users.map((u) => u.name)]);
    return [...names].map((name) => ({
      label: name,
      kind: 'user' as const,
      detail: 'user',
      documentation: name === 'default' ? 'The user every new connection starts as.' : `A user defined in this file.`,
      range,
    }));
  }
  const inSelector = insideSelector(words.slice(2, -1)) || current.startsWith('(');
  const word = current.startsWith('(') ? current.slice(1) : current;
  const wordRange: Range = { start: { line: position.line, character: position.character - word.length }, end: position };
  if (word.startsWith('+@') || word.startsWith('-@')) return categoryItems(word[0] as '+' | '-', wordRange);
  if (word.startsWith('+') || word.startsWith('-')) {
    const sign = word[0] as '+' | '-';
    const items = commandItems(sign, word.slice(1), target, wordRange);
    return word.includes('|') ? items : [...items, ...categoryItems(sign, wordRange)];
  }
  if (/^[~%&><#!]/.test(word)) return [];
  const items = keywordItems(target, inSelector, wordRange);
  return aclFeatures(target).selectors || !inSelector ? items : [];
}
