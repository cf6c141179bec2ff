/** The version of this build (set by the bundler) and the npm package it ships in. */
declare const __VERSION__: string | undefined;

export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

/** The npm package holding the CLI and the language server (packages/cli/package.json). */
export const NPM_PACKAGE = '@redis-config-tools/redis-config-lint';
