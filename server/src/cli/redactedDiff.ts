/**
 * `--fix-dry-run`'s unified diff with every clear-text secret hidden, in the lines around a
 * change as in the changed lines: CI logs are read by many and kept long.
 */
import { createTwoFilesPatch } from 'diff';
import { redactText } from '../analysis/secrets';

export function redactedPatch(file: string, before: string, after: string, acl: boolean): string {
  const patch = createTwoFilesPatch(file, file, before, after, undefined, undefined, { context: 3 });
  const lines = patch.split('\n');
  // After the two file headers, each hunk line starts with ' ', '-' or '+'.
  let body = false;
  return lines
    .map((line) => {
      if (line.startsWith('@@')) body = true;
      if (!body || !/^[ +-]/.test(line)) return line;
      return line[0] + redactText(line.slice(1).replace(/\r$/, ''), acl) + (line.endsWith('\r') ? '\r' : '');
    })
    .join('\n');
}
