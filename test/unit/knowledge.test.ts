/**
 * The knowledge base: no duplicates or gaps, and — where the reference facts extracted
 * from the Redis and Valkey sources are present — the committed table matches them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIRECTIVES } from '../../server/src/knowledge/generated/directives';
import { directiveNames, lookupDirective } from '../../server/src/knowledge/directives';
import { RULES, RULE_LIST } from '../../server/src/knowledge/rules';
import { TARGETS } from '../../server/src/knowledge/types';
import { sharedPath, SHARED_DIR } from '../support/shared';
import REFERENCE_FILES from '../../scripts/data/reference-files.json';

const ROOT = join(__dirname, '../..');

test('directive names are unique and lower-case; every variant names its targets once', () => {
  const names = DIRECTIVES.map((d) => d.name);
  assert.equal(new Set(names).size, names.length);
  for (const d of DIRECTIVES) {
    assert.equal(d.name, d.name.toLowerCase());
    const targets = d.variants.flatMap((v) => v.targets);
    assert.equal(new Set(targets).size, targets.length, d.name);
    for (const v of d.variants) if (v.aliasOf) assert.ok(lookupDirective(v.aliasOf, v.targets[0] ?? 'redis-8.0')?.variant, `${d.name} -> ${v.aliasOf}`);
  }
});

test('every target knows the core directives', () => {
  for (const t of TARGETS) {
    const names = new Set(directiveNames(t));
    for (const n of ['port', 'bind', 'maxmemory', 'save', 'include', 'user', 'rename-command', 'requirepass']) assert.ok(names.has(n), `${t} ${n}`);
  }
});

test('every rule has a documentation page and a title', () => {
  for (const rule of RULE_LIST) {
    const page = readFileSync(join(ROOT, 'docs/rules', `${rule.code}.md`), 'utf8');
    assert.ok(page.startsWith(`# ${rule.code}\n`), rule.code);
    assert.ok(rule.title.length > 10);
  }
  assert.equal(Object.keys(RULES).length, RULE_LIST.length);
});

test('the committed directive table is the one the reference facts generate', { skip: sharedPath('reference') ? false : `no ${SHARED_DIR}/reference` }, () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/generate-knowledge.mjs'), '--check'], {
    encoding: 'utf8',
    env: { ...process.env, REDIS_REFERENCE_DIR: sharedPath('reference') },
  });
  assert.equal(r.status, 0, r.stderr);
});

test(
  'every accepted name of every released reference table is known to the same target',
  { skip: sharedPath('reference', 'ga') ? false : 'no reference/ga' },
  () => {
    for (const t of TARGETS) {
      const ref = JSON.parse(readFileSync(join(sharedPath('reference', 'ga') as string, REFERENCE_FILES.configTables[t]), 'utf8')) as {
        accepted_names: Record<string, unknown>;
        directives: { name: string; alias?: string | null; compile_condition?: string }[];
      };
      // Compiled into developer builds only (LOG_REQ_RES): every released server refuses them.
      const developerOnly = new Set(
        ref.directives.filter((d) => d.compile_condition === 'defined(LOG_REQ_RES)').flatMap((d) => [d.name, ...(d.alias ? [d.alias] : [])]),
      );
      const ours = new Set(directiveNames(t));
      const theirs = Object.keys(ref.accepted_names).filter((n) => !n.includes('<') && !developerOnly.has(n));
      assert.deepEqual(
        theirs.filter((n) => !ours.has(n)),
        [],
        `${t}: names we do not know`,
      );
      assert.deepEqual(
        [...ours].filter((n) => !theirs.includes(n)),
        [],
        `${t}: names the reference does not list`,
      );
    }
  },
);

test('names of developer builds only are refused by every target', () => {
  for (const t of TARGETS) for (const n of ['client-default-resp', 'req-res-logfile']) assert.ok(!directiveNames(t).includes(n), `${t} ${n}`);
});

test('accepted-and-ignored names of the released servers', () => {
  const ignored = (t: (typeof TARGETS)[number]): string[] => directiveNames(t).filter((n) => lookupDirective(n, t)?.variant?.kind === 'ignored');
  assert.ok(ignored('redis-8.0').includes('io-threads-do-reads'));
  assert.ok(!ignored('redis-7.4').includes('io-threads-do-reads'));
  assert.ok(ignored('valkey-8.1').includes('io-threads-do-reads') && ignored('valkey-8.1').includes('dynamic-hz'));
  for (const n of ['events-per-io-thread', 'sanitize-dump-payload', 'dynamic-hz']) assert.ok(ignored('valkey-9.1').includes(n), n);
});

test('the README lists every rule with a link to its page', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const rule of RULE_LIST) assert.ok(readme.includes(`[\`${rule.code}\`](docs/rules/${rule.code}.md)`), rule.code);
});
