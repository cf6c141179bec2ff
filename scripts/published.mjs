// Where a published version's files live: the npm package of this version on jsDelivr.
// The same base as server/src/settings/docsLinks.ts (a test checks they agree).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function publishedBase(root) {
  const { name, version } = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8'));
  return `https://cdn.jsdelivr.net/npm/${name}@${version}/`;
}
