/** `redis-config-lint`: starts the CLI bundle (dist/cli.js) through the code cache, written at exit. */
import { join } from 'node:path';
import { startCached } from './codeCache';

startCached(join(__dirname, '..', 'cli.js'), module);
