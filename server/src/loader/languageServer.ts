/**
 * `redis-config-language-server` for Node: starts the server bundle (dist/server.js, which
 * also runs in web workers) through the code cache.
 */
import { join } from 'node:path';
// Before the bundle is compiled: V8 accepts a code cache only under the flags it was made with.
import '../lsp/v8Settings';
import { startCached } from './codeCache';

// Written five seconds in, by when the first analysis has compiled what a start needs, or at exit.
startCached(join(__dirname, '..', 'server.js'), module, { writeAfterMs: 5000 });
