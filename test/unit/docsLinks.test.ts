/**
 * Every documentation link leads somewhere: each rule's page under any base, every relative
 * link of the README and the docs, and the published base the packaging scripts use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RULE_LIST } from '../../server/src/knowledge/rules';
import { DEFAULT_DOCS_BASE_URL, docsUrl } from '../../server/src/settings/docsLinks';
import { NPM_PACKAGE, VERSION } from '../../server/src/version';

const ROOT = resolve(__dirname, '../..');

test('every rule links to an existing page, with or without a trailing slash on the base', () => {
  const base = pathToFileURL(join(ROOT, 'docs/rules')).href;
  for (const rule of RULE_LIST) {
    for (const b of [base, `${base}/`]) assert.ok(existsSync(fileURLToPath(docsUrl(rule.code, b))), rule.code);
    assert.equal(docsUrl(rule.code), `${DEFAULT_DOCS_BASE_URL}${rule.code}.md`);
  }
  const pages = readdirSync(join(ROOT, 'docs/rules')).filter((f) => f.endsWith('.md'));
  assert.deepEqual(pages.sort(), RULE_LIST.map((r) => `${r.code}.md`).sort(), 'no page without a rule');
});

test('the default base is this version of the npm package, as the packaging scripts publish it', async () => {
  assert.equal(DEFAULT_DOCS_BASE_URL, `https://cdn.jsdelivr.net/npm/${NPM_PACKAGE}@${VERSION}/docs/rules/`);
  const { publishedBase } = (await import(pathToFileURL(join(ROOT, 'scripts/published.mjs')).href)) as { publishedBase: (root: string) => string };
  const { version } = JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string };
  assert.equal(publishedBase(ROOT), `https://cdn.jsdelivr.net/npm/${NPM_PACKAGE}@${version}/`);
});

test('every relative link in the README and the docs names an existing file', () => {
  const files = [
    'README.md',
    'CHANGELOG.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
    ...RULE_LIST.map((r) => `docs/rules/${r.code}.md`),
  ];
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = (m[1] ?? '').split('#')[0] ?? '';
      if (target === '' || /^[a-z][a-z+.-]*:/i.test(target)) continue;
      assert.ok(existsSync(join(ROOT, dirname(file), target)), `${file}: ${target}`);
    }
  }
});
