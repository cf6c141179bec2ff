/**
 * V8 settings the Node server gives itself at start-up, so that every editor gets them,
 * however it starts the server (`node server.js --stdio` leaves no room for command-line flags).
 *
 * Only flags that V8 reads while running belong here: most are read once, when the isolate
 * is created, and changing them later silently does nothing (`--max-semi-space-size` and
 * `--no-concurrent-recompilation` are such; each flag here has a test that it takes effect).
 */
import { setFlagsFromString } from 'node:v8';

/**
 * The young generation stays at its initial size (two 1 MB semi-spaces) instead of doubling
 * whenever many objects survive a scavenge. Each edit's analysis leaves its results alive
 * until the next edit, so the default let the young generation grow to 2 × 4 MB within a few
 * hundred edits: ≈ 6 MB of resident memory that a server idling between keystrokes does not
 * need. Scavenges of 1 MB stay short; survivors are promoted to the old generation as usual.
 */
export const V8_FLAGS: readonly string[] = ['--semi-space-growth-factor=1'];

for (const flag of V8_FLAGS) setFlagsFromString(flag);
