// Extracts what the live servers reported (../shared/reference/live/<server>.json: CONFIG GET *
// on an empty configuration, ACL CAT, COMMAND COUNT, COMMAND LIST) into
// test/fixtures/live/live-facts.json, so that test/unit/liveFacts.test.ts checks our tables
// against the real servers in a fresh clone too. `--check` fails when the extract is stale.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInput, writeOrCheck } from './writeGenerated.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reference = process.env.REDIS_REFERENCE_DIR ?? resolve(root, '../shared/reference');
const live = join(reference, 'live');
const out = join(root, 'test/fixtures/live/live-facts.json');

function main() {
  if (!existsSync(live)) {
    console.error(`live facts not found: ${live}`);
    process.exit(2);
  }
  const servers = {};
  for (const file of readdirSync(live)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const data = JSON.parse(readInput(join(live, file)));
    // Redis 6.0 has no COMMAND LIST: what came back is its error message, split into words.
    const listed = data.commands.some((c) => /^[a-z0-9_:|-]+$/i.test(c) && c.includes('|'));
    servers[data.server] = {
      how: data.how,
      config: Object.fromEntries(
        Object.keys(data.config_get)
          .sort()
          .map((k) => [k, data.config_get[k]]),
      ),
      aclCategories: data.acl_categories,
      commandCount: data.command_count,
      commands: listed ? data.commands.map((c) => c.toLowerCase()).sort() : null,
    };
  }
  // One server per line group: small diffs when a server is added.
  const body = `${JSON.stringify({ source: 'CONFIG GET *, ACL CAT, COMMAND COUNT and COMMAND LIST of live servers started with an empty configuration', servers }, null, 1)}\n`;
  writeOrCheck(root, out, body, 'node scripts/extract-live-facts.mjs', `${Object.keys(servers).length} servers`);
}

main();
