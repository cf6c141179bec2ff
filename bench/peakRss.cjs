// Preloaded (`node -r`) into a process the benchmark runs as it is (the CLI): reports the
// process's peak resident memory on stderr when it exits.
'use strict';
process.on('exit', () => {
  process.stderr.write(`\n@@peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
