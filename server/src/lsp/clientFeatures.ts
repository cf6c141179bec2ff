/**
 * What the client can do for us, read once at `initialize`: how a fix's one-time notice (a
 * generated password) reaches the user, and whether the client has our extension's
 * commands, so that hovers may name them.
 *
 * | client                                                    | the notice                                        |
 * |-----------------------------------------------------------|---------------------------------------------------|
 * | ours (`initializationOptions.showsNotices`)               | its command `redisConfig.showNotice`, after the edit |
 * | advertises `window.showMessage` (Neovim, VS Code clients) | the server's command: a `window/showMessageRequest` |
 * | neither (eglot, Helix)                                    | a comment in the file, and a warning until it goes |
 */
import type { Command, Connection, InitializeParams } from 'vscode-languageserver';
import type { FixContext } from '../analysis/fixes';
import { EXTENSION_COMMANDS_OPTION, SHOW_NOTICE_COMMAND, SHOW_NOTICE_SERVER_COMMAND } from './protocol';

export type NoticeDelivery = 'client' | 'message' | 'comment';

export interface ClientFeatures {
  readonly notices: NoticeDelivery;
  /** The client is our extension: hovers may name its commands (*Redis Config: …*). */
  readonly extensionCommands: boolean;
}

export function clientFeatures(params: InitializeParams): ClientFeatures {
  const options = (params.initializationOptions ?? {}) as Record<string, unknown>;
  const notices: NoticeDelivery = options.showsNotices === true ? 'client' : params.capabilities.window?.showMessage !== undefined ? 'message' : 'comment';
  return { notices, extensionCommands: options[EXTENSION_COMMANDS_OPTION] === true };
}

/** What the fixes may do to hand a generated password over. */
export function noticeFixContext(features: ClientFeatures): Pick<FixContext, 'showsNotices' | 'passwordComments'> {
  return features.notices === 'comment' ? { showsNotices: false, passwordComments: true } : { showsNotices: true };
}

/** The command a code action runs after its edit, to show the notice. */
export function noticeCommand(features: ClientFeatures, notice: string): Command {
  const command = features.notices === 'client' ? SHOW_NOTICE_COMMAND : SHOW_NOTICE_SERVER_COMMAND;
  return { title: 'Show the new password', command, arguments: [notice] };
}

/**
 * Shows a notice as a message the user has to answer, so that it does not vanish before
 * the password is copied. A client that fails the request has nothing more to lose.
 */
export async function showNoticeMessage(connection: Connection, notice: unknown): Promise<void> {
  if (typeof notice !== 'string' || notice === '') return;
  await connection.window.showInformationMessage(notice, { title: 'I have copied it' }).catch(() => undefined);
}
