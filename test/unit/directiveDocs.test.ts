/**
 * Checks on our own directive documentation (server/src/knowledge/directiveDocs.ts):
 * shape, cross-references, originality against the official default configuration files,
 * and coverage of every primary directive name of every target (from the committed table).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { directiveDocs } from '../../server/src/knowledge/directiveDocs';
import type { DirectiveDoc } from '../../server/src/knowledge/docTypes';
import { DIRECTIVES } from '../../server/src/knowledge/generated/directives';
import { PATCHED_SETTINGS } from '../../server/src/knowledge/builds';
import { TARGETS } from '../../server/src/knowledge/types';
import { groupDigits } from '../../server/src/analysis/values';

const repoRoot = path.resolve(__dirname, '..', '..');
const sharedDir = process.env.REDIS_CONFIG_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
const officialDir = path.join(sharedDir, 'corpus', 'official');

/** Longest run of characters an entry may share with an official file. */
const MAX_SHARED_RUN = 60;

const entries = Object.entries(directiveDocs) as [string, DirectiveDoc][];

function textFields(doc: DirectiveDoc): [string, string][] {
  const out: [string, string][] = [['summary', doc.summary]];
  if (doc.details !== undefined) out.push(['details', doc.details]);
  if (doc.unit !== undefined) out.push(['unit', doc.unit]);
  if (doc.risk !== undefined) out.push(['risk', doc.risk]);
  return out;
}

/** Lower-case, drop Markdown emphasis/code marks, collapse blanks: formatting must not hide a copied run. */
function normaliseEntryText(s: string): string {
  return s.toLowerCase().replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim();
}

/** Same normalisation for a config file, with the `#` of comment lines removed and lines joined. */
function normaliseOfficialText(s: string): string {
  const joined = s
    .split('\n')
    .map((line) => line.replace(/^\s*#+/, ''))
    .join(' ');
  return normaliseEntryText(joined);
}

test('the documentation is not empty', () => {
  assert.ok(entries.length > 0);
});

test('every entry has a non-empty one-line summary and well-formed optional fields', () => {
  for (const [name, doc] of entries) {
    assert.equal(typeof doc.summary, 'string', `${name}: summary`);
    assert.ok(doc.summary.trim().length > 0, `${name}: empty summary`);
    assert.ok(!doc.summary.includes('\n'), `${name}: summary spans several lines`);
    for (const field of ['details', 'unit', 'risk'] as const) {
      const value = doc[field];
      if (value !== undefined) {
        assert.equal(typeof value, 'string', `${name}: ${field}`);
        assert.ok(value.trim().length > 0, `${name}: empty ${field}`);
      }
    }
  }
});

test('keys are lower-case directive names', () => {
  for (const [name] of entries) {
    assert.equal(name, name.toLowerCase(), `${name} is not lower-case`);
    assert.match(name, /^[a-z0-9][a-z0-9_-]*$/, `${name} is not a plain directive name`);
  }
});

test('related names are themselves documented, not the entry itself, and not repeated', () => {
  for (const [name, doc] of entries) {
    if (doc.related === undefined) continue;
    assert.ok(doc.related.length > 0, `${name}: empty related list`);
    assert.equal(new Set(doc.related).size, doc.related.length, `${name}: duplicate in related`);
    for (const other of doc.related) {
      assert.notEqual(other, name, `${name}: relates to itself`);
      assert.ok(Object.hasOwn(directiveDocs, other), `${name}: related '${other}' has no entry`);
    }
  }
});

test('no entry repeats a long run of text from the official configuration files', (t) => {
  if (!fs.existsSync(officialDir)) {
    t.skip(`${officialDir} is absent`);
    return;
  }
  const windows = new Set<string>();
  for (const file of fs.readdirSync(officialDir)) {
    const full = path.join(officialDir, file);
    if (!fs.statSync(full).isFile()) continue;
    const text = normaliseOfficialText(fs.readFileSync(full, 'utf8'));
    for (let i = 0; i + MAX_SHARED_RUN <= text.length; i++) windows.add(text.slice(i, i + MAX_SHARED_RUN));
  }
  assert.ok(windows.size > 0, 'the official corpus is empty');
  const hits: string[] = [];
  for (const [name, doc] of entries) {
    for (const [field, raw] of textFields(doc)) {
      const text = normaliseEntryText(raw);
      for (let i = 0; i + MAX_SHARED_RUN <= text.length; i++) {
        const run = text.slice(i, i + MAX_SHARED_RUN);
        if (windows.has(run)) {
          hits.push(`${name}.${field}: "${run}"`);
          break;
        }
      }
    }
  }
  assert.deepEqual(hits, [], `text shared with the official files:\n${hits.join('\n')}`);
});

/**
 * Primary names per target (everything a target accepts except aliases), from the committed
 * table, plus the settings that security updates of a release line added: no shared folder needed.
 */
function primaryNamesByTarget(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const d of DIRECTIVES) {
    for (const v of d.variants) {
      if (v.aliasOf) continue;
      for (const t of v.targets) {
        const names = out.get(t) ?? new Set<string>();
        names.add(d.name);
        out.set(t, names);
      }
    }
  }
  for (const p of PATCHED_SETTINGS) for (const t of p.targets) out.get(t)?.add(p.name);
  return out;
}

test('every primary directive name of every target is documented', () => {
  const byTarget = primaryNamesByTarget();
  assert.equal(byTarget.size, TARGETS.length);
  for (const [target, names] of byTarget) {
    const gaps = [...names].filter((n) => !Object.hasOwn(directiveDocs, n)).sort();
    assert.deepEqual(gaps, [], `${target}: undocumented primary names`);
  }
});

test('every documented key is a name some target accepts as a primary name', () => {
  const known = new Set<string>();
  for (const names of primaryNamesByTarget().values()) for (const n of names) known.add(n);
  const unknown = entries.map(([n]) => n).filter((n) => !known.has(n));
  assert.deepEqual(unknown, [], 'entries for names no version accepts as a primary name');
});

test('a default the prose states is the default of the tables', () => {
  // Entries whose table default is not written as a value: dir's is a placeholder for the
  // working directory, client-output-buffer-limit's is in bytes per class, written here in units.
  const WRITTEN_OTHERWISE = new Set(['dir', 'client-output-buffer-limit']);
  let checked = 0;
  for (const [name, doc] of entries) {
    const at = doc.details?.indexOf('Default: ') ?? -1;
    if (at < 0 || WRITTEN_OTHERWISE.has(name)) continue;
    const prose = (doc.details as string).slice(at).split('\n')[0] as string;
    const defaults = new Set(DIRECTIVES.find((d) => d.name === name)?.variants.flatMap((v) => (v.default === undefined ? [] : [v.default])) ?? []);
    if (defaults.size === 0) continue;
    const forms = [...defaults].flatMap((d) => (/^\d{4,}$/.test(d) ? [d, groupDigits(BigInt(d))] : [d]));
    assert.ok(
      forms.some((f) => prose.includes(f)),
      `${name}: "${prose.slice(0, 100)}" names none of the tables' defaults (${[...defaults].join(', ')})`,
    );
    checked++;
  }
  assert.ok(checked > 150, `${checked} stated defaults checked`);
});
