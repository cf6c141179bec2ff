/**
 * `--explain CODE`: a rule's documentation page, read from the `docs/rules/` folder that
 * ships beside the bundle (in the npm package and the .vsix), with its address online.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suggest } from '../analysis/didYouMean';
import { RULES, RULE_LIST } from '../knowledge/rules';
import { docsUrl } from '../settings/docsLinks';

/** The rule pages: beside the bundle (dist/../docs/rules), or in the source tree when run unbundled. */
export function docsFolder(): string | undefined {
  const candidates = [join(__dirname, '..', 'docs', 'rules'), join(__dirname, '..', '..', '..', 'docs', 'rules')];
  return candidates.find((dir) => existsSync(join(dir, 'no-auth.md')));
}

export function explain(code: string, docsBase?: string): { ok: true; text: string } | { ok: false; message: string } {
  if (!(code in RULES)) {
    const codes = RULE_LIST.map((r) => r.code);
    const near = [...new Set([...codes.filter((c) => code.length >= 3 && c.startsWith(code)), ...suggest(code, codes)])].slice(0, 3);
    return {
      ok: false,
      message: `unknown rule code '${code}'${near.length ? `; did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : ''} (redis-config-lint --statistics lists the codes a run found; the README lists them all)`,
    };
  }
  const dir = docsFolder();
  const url = docsUrl(code, docsBase);
  const page = dir ? readFileSync(join(dir, `${code}.md`), 'utf8') : undefined;
  if (page === undefined) return { ok: true, text: `${RULES[code as keyof typeof RULES].title}\n\nThe page is not installed here; read it at ${url}\n` };
  return { ok: true, text: `${page.trimEnd()}\n\n${url}\n` };
}
