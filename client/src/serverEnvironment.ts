/**
 * The environment of the language server process the desktop client starts: the extension
 * host's own, plus one setting of the C library's allocator that only a process's creator can
 * give (it is read before any JavaScript runs).
 *
 * glibc's malloc raises its mmap threshold to the size of the largest block it has handed back
 * to the system, and lets each arena keep twice that in free memory. Early on, Node and V8
 * free blocks of hundreds of kilobytes (the bundle's text, compilation buffers), after which the
 * main arena and each compiler thread's arena keep 1–2 MB of free memory each: ≈ 8 MB of a
 * server that needs ≈ 60. A fixed threshold (glibc's default value) turns that adjustment off.
 * Other C libraries ignore the variable; a value the user set is kept.
 */
export const MMAP_THRESHOLD_VARIABLE = 'MALLOC_MMAP_THRESHOLD_';
const MMAP_THRESHOLD = String(128 * 1024);

export function serverEnvironment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return base[MMAP_THRESHOLD_VARIABLE] === undefined ? { ...base, [MMAP_THRESHOLD_VARIABLE]: MMAP_THRESHOLD } : { ...base };
}
