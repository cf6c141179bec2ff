/** An in-memory FileSource for tests: paths to texts, with glob over those paths. */
import { minimatch } from 'minimatch';
import type { FileSource } from '../../server/src/analysis/configModel';

export function memoryFiles(files: Readonly<Record<string, string>>): FileSource {
  return {
    read: (path) => files[path],
    glob: (pattern) =>
      Object.keys(files)
        .filter((p) => minimatch(p, pattern))
        .sort(),
  };
}
