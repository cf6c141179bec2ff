// Captures the top-level command table of a live server (`COMMAND`: name, arity, flags and
// ACL categories) into scripts/data/command-table-<target>.json, for a target whose source
// tables we do not have in the shape of the later ones. Redis 6.0 is the one: its commands
// carry categories that 7.0 moved to subcommands (CONFIG is @admin @dangerous itself), it
// has STRALGO and the POST and HOST: guards, and QUIT is not in its table at all.
//
//   REDIS_SERVER=<6.0 server or wrapper> node scripts/capture-command-table.mjs --target redis-6.0
//
// scripts/generate-commands.mjs reads the output.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withCaptureServer } from './captureServer.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const targetFlag = process.argv.indexOf('--target');
const target = targetFlag > 0 ? process.argv[targetFlag + 1] : undefined;
if (!target) {
  console.error('usage: node scripts/capture-command-table.mjs --target ID');
  process.exit(2);
}
const out = join(root, `scripts/data/command-table-${target}.json`);

async function main() {
  await withCaptureServer('capture-table-', async ({ ask, cli, valkey, redis }) => {
    const version = valkey ?? redis;
    const r = ask(['--json', 'COMMAND']);
    if (r.status !== 0) throw new Error(`${cli} failed: ${r.stderr}`);
    const commands = {};
    for (const [name, arity, flags, , , , categories] of JSON.parse(r.stdout)) {
      commands[name.toLowerCase()] = { arity, flags: [...flags].sort(), categories: categories.map((c) => c.replace(/^@/, '')).sort() };
    }
    const names = Object.keys(commands).sort();
    const lines = names.map((n) => `    ${JSON.stringify(n)}: ${JSON.stringify(commands[n])}`);
    const text = [
      '{',
      `  "source": ${JSON.stringify(`COMMAND of a live server ${version} (top-level commands only)`)},`,
      '  "commands": {',
      lines.join(',\n'),
      '  }',
      '}',
      '',
    ].join('\n');
    JSON.parse(text);
    writeFileSync(out, text);
    console.log(`wrote ${out}: ${names.length} commands from ${version}`);
  });
}

main().catch((e) => {
  console.error(String(e?.message ?? e));
  process.exit(1);
});
