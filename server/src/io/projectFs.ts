/** The project-file search on the local disk: files read through a FileSource, VCS roots by their marker folders. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FileSource } from '../analysis/configModel';
import { VCS_MARKERS, type ProjectFs } from '../settings/projectFile';

export function diskProjectFs(source: FileSource): ProjectFs {
  return {
    read: (path) => source.read(path),
    isVcsRoot: (dir) => VCS_MARKERS.some((m) => existsSync(join(dir, m))),
  };
}
