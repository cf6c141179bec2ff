/**
 * Our tables against what live servers reported (test/fixtures/live/live-facts.json,
 * extracted from ../shared/reference/live by scripts/extract-live-facts.mjs): every name
 * `CONFIG GET *` lists is accepted by the matching target with the same default and a value
 * we accept, the ACL categories are the same, and so are the commands of `COMMAND LIST`.
 * The extract is committed, so these checks run in a fresh clone; when the shared folder is
 * there, a first test checks the extract is not stale.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { directiveNames, directiveVariant } from '../../server/src/knowledge/directives';
import { ACL_CATEGORIES, commandNames, topLevelCommands } from '../../server/src/knowledge/commands';
import type { TargetId } from '../../server/src/knowledge/types';
import { LIVE_SERVERS } from '../../server/src/knowledge/versions';
import { checkValues } from '../../server/src/analysis/valueChecks';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { RULES, type RuleCode } from '../../server/src/knowledge/rules';
import { sharedPath, SHARED_DIR } from '../support/shared';

const ROOT = join(__dirname, '../..');

interface ServerFacts {
  readonly config: Record<string, string>;
  readonly aclCategories: readonly string[];
  readonly commandCount: number;
  readonly commands: readonly string[] | null;
}

const FACTS = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/live/live-facts.json'), 'utf8')) as { servers: Record<string, ServerFacts> };

/**
 * Names a server lists that its configuration file may not set, and defaults that cannot
 * match: the harness that captured them chose `port` and `save`, and `dir` is wherever the
 * server was started. Every other difference fails the test.
 */
const NOT_IN_A_FILE: Readonly<Record<string, readonly string[]>> = {
  // Redis 6.0 lists watchdog-period, but only CONFIG SET takes it: a file with it does not start.
  'redis-6.0.16': ['watchdog-period'],
};
const DEFAULTS_SET_BY_THE_CAPTURE = new Set(['port', 'save', 'dir']);

const live = sharedPath('reference', 'live');

/**
 * A server's CONFIG GET written as a configuration file, as we started each live server with
 * it: one line per name, multi-value settings as words, one line per buffer-limit class, no
 * line for an empty replicaof or (6.0) bind, and a real folder for `dir`.
 */
function ownDefaults(server: string, facts: ServerFacts): string {
  const lines: string[] = [];
  const words = new Set([
    'save',
    'bind',
    'oom-score-adj-values',
    'latency-tracking-info-percentiles',
    'shutdown-on-sigint',
    'shutdown-on-sigterm',
    'rdma-bind',
  ]);
  for (const [name, value] of Object.entries(facts.config)) {
    if ((NOT_IN_A_FILE[server] ?? []).includes(name)) continue;
    if (name === 'dir') lines.push('dir /var/lib/redis');
    else if (name === 'client-output-buffer-limit') for (const args of writtenBack(name, value, true)) lines.push(`${name} ${args.join(' ')}`);
    else if (value === '' && (name === 'replicaof' || name === 'slaveof' || name === 'bind')) continue;
    else if (value === '') lines.push(`${name} ""`);
    else if (words.has(name)) lines.push(`${name} ${value}`);
    else lines.push(/[\s"'#\\]/.test(value) ? `${name} "${value.replace(/[\\"]/g, (c) => `\\${c}`)}"` : `${name} ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The lines CONFIG REWRITE would write for a value CONFIG GET prints: none for an empty
 * `replicaof` or `bind`, one per class of `client-output-buffer-limit`, the words of a multi-value
 * directive, and the value itself otherwise.
 */
function writtenBack(name: string, value: string, words: boolean): string[][] {
  if ((name === 'replicaof' || name === 'slaveof' || name === 'bind') && value === '') return [];
  const parts = value.split(' ').filter((w) => w !== '');
  if (name === 'client-output-buffer-limit') return Array.from({ length: parts.length / 4 }, (_, i) => parts.slice(i * 4, i * 4 + 4));
  if (!words) return [[value]];
  return [parts.length ? parts : ['']];
}

test(
  'the committed extract is the one the live facts give',
  { skip: live ? false : `no ${SHARED_DIR}/reference/live: checking the committed extract only` },
  () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/extract-live-facts.mjs'), '--check'], {
      encoding: 'utf8',
      env: { ...process.env, REDIS_REFERENCE_DIR: sharedPath('reference') },
    });
    assert.equal(r.status, 0, r.stderr);
  },
);

test('every target verified live has its facts in the extract', () => {
  const servers = Object.values(LIVE_SERVERS);
  assert.deepEqual([...servers].sort(), Object.keys(FACTS.servers).sort());
});

for (const [target, server] of Object.entries(LIVE_SERVERS) as [TargetId, string][]) {
  const facts = FACTS.servers[server] as ServerFacts;

  test(`${server}: every CONFIG GET name is accepted by ${target}, with the server's default`, () => {
    const names = new Set(directiveNames(target));
    const runtimeOnly = NOT_IN_A_FILE[server] ?? [];
    const unknown = Object.keys(facts.config).filter((n) => !names.has(n) && !runtimeOnly.includes(n));
    assert.deepEqual(unknown, [], 'names the server lists that we would call unknown');
    for (const n of runtimeOnly) assert.ok(!names.has(n), `${n} is refused in a file`);
    const wrong: string[] = [];
    for (const [name, value] of Object.entries(facts.config)) {
      const variant = directiveVariant(name, target);
      const primary = variant?.aliasOf ? directiveVariant(variant.aliasOf, target) : variant;
      if (!primary || DEFAULTS_SET_BY_THE_CAPTURE.has(name)) continue;
      if (primary.default !== value) wrong.push(`${name}: ours '${primary.default}', the server's '${value}'`);
    }
    assert.deepEqual(wrong, [], 'defaults');
  });

  test(`${server}: every default the server prints is a value ${target} accepts`, () => {
    const refused: string[] = [];
    for (const [name, value] of Object.entries(facts.config)) {
      const variant = directiveVariant(name, target);
      if (!variant || variant.aliasOf || DEFAULTS_SET_BY_THE_CAPTURE.has(name)) continue;
      for (const args of writtenBack(name, value, variant.multiArg === true || variant.kind !== 'table')) {
        const p = checkValues({ name, target, variant, args });
        if (p) refused.push(`${name} ${args.join(' ')}: ${p.redisText}`);
      }
    }
    assert.deepEqual(refused, []);
  });

  test(`${server}: its own defaults, written as a config it starts with, raise no correctness error as ${target}`, () => {
    const text = ownDefaults(server, facts);
    const errors = analyzeDocument(text, 'config', { target, profile: 'production' }).findings.filter(
      (f) => f.severity === 'error' && !(RULES[f.code as RuleCode] as { security?: boolean }).security,
    );
    assert.deepEqual(
      errors.map((f) => `${f.range.start.line + 1}: ${f.code} ${f.message}`),
      [],
    );
  });

  test(`${server}: ACL categories and commands are the server's`, () => {
    assert.deepEqual([...ACL_CATEGORIES], [...facts.aclCategories]);
    assert.equal(topLevelCommands(target).length, facts.commandCount, 'COMMAND COUNT');
    if (facts.commands) assert.deepEqual([...commandNames(target)].sort(), [...facts.commands], 'COMMAND LIST');
  });
}
