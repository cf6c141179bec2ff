/**
 * The messages our client and server add to LSP, in one place for both sides. Nothing here
 * imports either side's library: the VS Code client bundles this file as it is.
 *
 * Files the server cannot read itself — every file in the browser, and on the desktop those
 * of any scheme but `file:` (a pull request's files, a git revision, a remote repository) —
 * are read by the client through VS Code's file system API (`workspace.fs`), which reaches
 * every scheme a file system provider serves.
 */

/** The `source` of our diagnostics, in the editor and in the CLI's LSP-shaped output. */
export const DIAGNOSTIC_SOURCE = 'redis-config';

/** Server → client: which version a document is checked against, and why. */
export const TARGET_NOTIFICATION = 'redisConfig/target';

/** Client → server: the user now trusts the workspace. */
export const TRUST_NOTIFICATION = 'redisConfig/workspaceTrusted';

/** The server command behind the client's "Copy connection snippet". */
export const CONNECTION_COMMAND = 'redisConfig.server.connectionSnippet';

/** The client command that shows a fix's notice (a generated password) once, after the edit. */
export const SHOW_NOTICE_COMMAND = 'redisConfig.showNotice';

/**
 * The server command that shows it with `window/showMessageRequest`, for clients that are not
 * ours but show messages (clientFeatures.ts).
 */
export const SHOW_NOTICE_SERVER_COMMAND = 'redisConfig.server.showNotice';

/**
 * The client command that picks a version and writes it where the user chooses (a pragma, or
 * `redisConfig.targetVersion`); the status bar's version runs it.
 */
export const CHOOSE_TARGET_COMMAND = 'redisConfig.chooseTarget';

/** The client command that copies a connection snippet (it asks the server's CONNECTION_COMMAND). */
export const COPY_CONNECTION_COMMAND = 'redisConfig.copyConnectionSnippet';

/** The client command that opens a rule's page (a code, or the diagnostic under the cursor). */
export const SHOW_RULE_COMMAND = 'redisConfig.showRuleDocumentation';

/** The client command that switches the active file to the redis-conf (or redis-acl) language. */
export const TREAT_AS_REDIS_COMMAND = 'redisConfig.treatAsRedisConfig';

/** Whether the client is our extension, whose commands hovers may name (`initializationOptions`). */
export const EXTENSION_COMMANDS_OPTION = 'extensionCommands';

/** Server → client: the bytes of a file (base64), or why they cannot be had. */
export const READ_FILE_REQUEST = 'redisConfig/readFile';

/** Server → client: the entries of a folder, for `include` globs. */
export const READ_DIRECTORY_REQUEST = 'redisConfig/readDirectory';

/** Server → client: whether files of a scheme can be written (where quick fixes may edit). */
export const FILE_SYSTEM_REQUEST = 'redisConfig/fileSystem';

/**
 * Why the client could not read a path. `unreachable` covers what the editor itself cannot
 * reach: no file system for the scheme, a provider that failed, a revision that is not there.
 */
export type ClientReadFailure = 'missing' | 'directory' | 'permission' | 'too-large' | 'unreachable';

export interface ReadFileParams {
  readonly uri: string;
  /** Larger files are refused (`too-large`) without being read. */
  readonly maxBytes: number;
}

export type ReadFileResult = { readonly base64: string } | { readonly failure: ClientReadFailure; readonly detail?: string };

export interface ReadDirectoryParams {
  readonly uri: string;
}

/** A folder's entries: each name with whether it is a folder itself. */
export type ReadDirectoryResult =
  { readonly entries: readonly { readonly name: string; readonly directory: boolean }[] } | { readonly failure: ClientReadFailure; readonly detail?: string };

export interface FileSystemParams {
  readonly scheme: string;
}

/** `writable` is undefined when no file system serves the scheme. */
export interface FileSystemResult {
  readonly writable?: boolean;
}

/** Whether the client offers the requests above (`initializationOptions.clientFiles`). */
export const CLIENT_FILES_OPTION = 'clientFiles';
