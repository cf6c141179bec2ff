/**
 * Where a rule's documentation page lives. The pages ship in the npm package (and the
 * .vsix) as `docs/rules/<code>.md`; the default base is that folder of the published
 * package of this very version on jsDelivr, so a link exists as long as the version is
 * published. `redisConfig.docsBaseUrl` / `--docs-base-url` point elsewhere (a mirror, a
 * repository); the VS Code client points it at the pages bundled in the extension.
 */
import { NPM_PACKAGE, VERSION } from '../version';

export const DEFAULT_DOCS_BASE_URL = `https://cdn.jsdelivr.net/npm/${NPM_PACKAGE}@${VERSION}/docs/rules/`;

/** The page of one code under a base URL (a trailing slash is added when missing). */
export function docsUrl(code: string, base: string = DEFAULT_DOCS_BASE_URL): string {
  return `${base.endsWith('/') ? base : `${base}/`}${code}.md`;
}

/** The project's home page, for SARIF's informationUri. */
export const HOME_URL = `https://www.npmjs.com/package/${NPM_PACKAGE}`;
