/**
 * The client's side of the file requests of server/src/lsp/protocol.ts: the language server
 * asks for the files a document includes, and this reads them through VS Code's file system
 * API, which serves every scheme a file system provider is registered for (the disk, a
 * remote machine, a repository on github.dev, a git revision, a pull request's files).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  FILE_SYSTEM_REQUEST,
  READ_DIRECTORY_REQUEST,
  READ_FILE_REQUEST,
  type ClientReadFailure,
  type FileSystemParams,
  type FileSystemResult,
  type ReadDirectoryParams,
  type ReadDirectoryResult,
  type ReadFileParams,
  type ReadFileResult,
} from '../../server/src/lsp/protocol';

/** What went wrong, in the protocol's terms: a missing file is not the editor failing to reach one. */
function failureOf(err: unknown): { failure: ClientReadFailure; detail?: string } {
  // workspace.fs throws FileSystemErrors; their code names the case.
  const code =
    err instanceof vscode.FileSystemError || (typeof err === 'object' && err !== null && 'code' in err) ? String((err as { code: unknown }).code) : undefined;
  if (code === 'FileNotFound' || code === 'FileNotADirectory') return { failure: 'missing' };
  if (code === 'FileIsADirectory') return { failure: 'directory' };
  if (code === 'NoPermissions') return { failure: 'permission' };
  return { failure: 'unreachable', detail: err instanceof Error ? err.message : String(err) };
}

function base64Of(bytes: Uint8Array): string {
  // btoa takes one character per byte; in slices, so that a large file does not overflow the call stack.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function readFile(params: ReadFileParams): Promise<ReadFileResult> {
  try {
    const uri = vscode.Uri.parse(params.uri, true);
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { failure: 'directory' };
    if (stat.size > params.maxBytes) return { failure: 'too-large' };
    return { base64: base64Of(await vscode.workspace.fs.readFile(uri)) };
  } catch (err) {
    return failureOf(err);
  }
}

async function readDirectory(params: ReadDirectoryParams): Promise<ReadDirectoryResult> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(params.uri, true));
    return { entries: entries.map(([name, type]) => ({ name, directory: (type & vscode.FileType.Directory) !== 0 })) };
  } catch (err) {
    return failureOf(err);
  }
}

function fileSystem(params: FileSystemParams): FileSystemResult {
  const writable = vscode.workspace.fs.isWritableFileSystem(params.scheme);
  return writable === undefined ? {} : { writable };
}

export function registerFileBridge(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(READ_FILE_REQUEST, readFile),
    client.onRequest(READ_DIRECTORY_REQUEST, readDirectory),
    client.onRequest(FILE_SYSTEM_REQUEST, fileSystem),
  ];
}
