/**
 * The TextMate grammar copies some facts of the knowledge tables to colour them: the
 * values of enum directives and the Sentinel sub-directives that name a master. These
 * tests keep the copies true to the tables of every target.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { directiveVariant, sentinelArgcAllows, sentinelDirectives } from '../../server/src/knowledge/directives';
import { TARGETS } from '../../server/src/knowledge/types';

interface Pattern {
  readonly begin?: string;
  readonly match?: string;
  readonly patterns?: readonly Pattern[];
}

const grammar = JSON.parse(readFileSync(join(__dirname, '..', '..', 'syntaxes', 'redis-conf.tmLanguage.json'), 'utf8')) as {
  repository: Record<string, Pattern>;
};

/** The words of the first `(?i:a|b|c)` group of a pattern. */
function alternatives(source: string): string[] {
  return /\(\?i:([^)]*)\)/.exec(source)?.[1]?.split('|') ?? [];
}

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

test('Sentinel: the grammar names exactly the sub-directives whose first argument is a master', () => {
  const begin = grammar.repository['sentinel-line']?.patterns?.[0]?.begin ?? '';
  const inGrammar = alternatives(begin.slice(begin.indexOf('\\s+')));
  // A sub-directive names a master when a line of two words (sentinel <sub>) is too short for it.
  const withMaster = TARGETS.flatMap((t) =>
    sentinelDirectives(t)
      .filter((s) => !sentinelArgcAllows(s.argc, 2))
      .map((s) => s.name),
  );
  assert.ok(inGrammar.length > 10, 'the sentinel pattern was found');
  assert.deepEqual(sorted(inGrammar), sorted(withMaster));
});

test('enum directives: the grammar colours every value a target accepts, and no other', () => {
  const lines = grammar.repository['enum-lines']?.patterns ?? [];
  assert.ok(lines.length > 10, 'the enum patterns were found');
  // yes and no are coloured as booleans on every line; the class names of
  // client-output-buffer-limit are part of its syntax, not values of the table.
  const BOOLEANS = ['yes', 'no'];
  for (const line of lines) {
    const names = alternatives(line.begin ?? '');
    const values = alternatives(line.patterns?.[0]?.match ?? '');
    if (names.includes('client-output-buffer-limit')) continue;
    const accepted = names.flatMap((n) => TARGETS.flatMap((t) => directiveVariant(n, t)?.values ?? []));
    assert.ok(accepted.length > 0, `${names.join(', ')} is an enum in some target`);
    assert.deepEqual(sorted(values), sorted(accepted.filter((v) => !BOOLEANS.includes(v) || values.includes(v))), names.join(', '));
  }
});
