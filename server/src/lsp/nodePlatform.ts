/** The server in Node: `file:` URIs as node:url writes them, and the disk read directly. */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diskFileSource, fileMode, realPath } from '../io/fileSource';
import { diskProjectFs } from '../io/projectFs';
import type { ServerPlatform } from './server';

const vcs = diskProjectFs({ read: () => undefined, glob: () => [] });

export const nodePlatform: ServerPlatform = {
  fileUris: {
    toPath(uri) {
      if (!uri.startsWith('file:')) return undefined;
      try {
        return fileURLToPath(uri);
      } catch {
        return undefined;
      }
    },
    toUri: (path) => pathToFileURL(path).href,
  },
  disk: {
    source: (openText) => diskFileSource(openText),
    mode: fileMode,
    realPath,
    isVcsRoot: (dir) => vcs.isVcsRoot(dir),
  },
};
