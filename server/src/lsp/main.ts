/**
 * `redis-config-language-server`, one bundle for every platform: in Node (the desktop
 * extension over IPC, other editors over stdio) it is nodeMain.ts; in a web worker (VS Code
 * in the browser) browserMain.ts. Each is loaded only where it runs, so neither's platform
 * API is touched on the other (and the extension ships the analysis once).
 */
declare const WorkerGlobalScope: unknown;

if (typeof WorkerGlobalScope !== 'undefined') void import('./browserMain.js');
else void import('./nodeMain.js');
