// Captures where each command of a live redis-server keeps its key names (its "key specs",
// as `COMMAND INFO` reports them) into scripts/data/command-keys.json. The reference facts
// in ../shared/reference list commands and categories but not key positions; the
// permission model needs them to check key patterns the way ACL DRYRUN does.
//
// The base is Debian's redis-server 7.0.15 (the server the oracle tests use):
//   node scripts/capture-command-keys.mjs
// A released server of another target adds what differs from that base (new commands,
// flags that changed) under `byTarget`; the rest of the file is kept:
//   REDIS_SERVER=<server or wrapper> node scripts/capture-command-keys.mjs --target redis-8.0
// Commands of versions we cannot run (the hash-field-expiry commands of 7.4) are added
// from SUPPLEMENT below. scripts/generate-commands.mjs reads the output.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withCaptureServer } from './captureServer.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'scripts/data/command-keys.json');
const targetFlag = process.argv.indexOf('--target');
const target = targetFlag > 0 ? process.argv[targetFlag + 1] : undefined;

/**
 * Key positions of commands newer than the captured server. Each one takes its key as the
 * first argument: the ones that change a field's expiry update the key, the ones that
 * only report it read it.
 */
const SUPPLEMENT = {
  since: 'Redis 7.4 (hash field expiry); not in 7.0, so not captured',
  commands: Object.fromEntries([
    ...['hexpire', 'hexpireat', 'hpexpire', 'hpexpireat', 'hpersist'].map((n) => [
      n,
      [{ flags: ['RW', 'update'], begin: { index: 1 }, find: { range: [0, 1, 0] } }],
    ]),
    ...['hexpiretime', 'hpexpiretime', 'httl', 'hpttl'].map((n) => [n, [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: [0, 1, 0] } }]]),
  ]),
};

function compactSpec(ks) {
  const spec = { flags: ks.flags.map((f) => (f === f.toUpperCase() ? f : f.toLowerCase())) };
  const b = ks.begin_search;
  if (b.type === 'index') spec.begin = { index: b.spec.index };
  else if (b.type === 'keyword') spec.begin = { keyword: b.spec.keyword, startfrom: b.spec.startfrom };
  else spec.begin = 'unknown';
  const f = ks.find_keys;
  if (f.type === 'range') spec.find = { range: [f.spec.lastkey, f.spec.keystep, f.spec.limit] };
  else if (f.type === 'keynum') spec.find = { keynum: [f.spec.keynumidx, f.spec.firstkey, f.spec.keystep] };
  else spec.find = 'unknown';
  return spec;
}

async function main() {
  await withCaptureServer('capture-keys-', async ({ ask, valkey, redis }) => {
    // Valkey also reports the Redis version it is compatible with: its own comes first.
    const version = valkey ? `valkey-server ${valkey}` : `redis-server ${redis}`;
    const r = ask(['--json', 'COMMAND', 'INFO']);
    if (r.status !== 0) throw new Error(`redis-cli failed: ${r.stderr}`);
    const commands = {};
    const walk = (info) => {
      const [name, , , , , , , , specs, subs] = info;
      if (specs.length) commands[name.toLowerCase()] = specs.map(compactSpec);
      for (const s of subs ?? []) walk(s);
    };
    for (const info of JSON.parse(r.stdout)) walk(info);
    const sorted = Object.fromEntries(
      Object.keys(commands)
        .sort()
        .map((k) => [k, commands[k]]),
    );
    const previous = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
    let data;
    if (target) {
      if (!previous) throw new Error(`capture the base first (without --target): ${out} is missing`);
      const base = { ...previous.captured, ...previous.supplement.commands };
      const differs = Object.fromEntries(Object.entries(sorted).filter(([k, v]) => JSON.stringify(base[k]) !== JSON.stringify(v)));
      const byTarget = { ...(previous.byTarget ?? {}), [target]: { source: `COMMAND INFO of ${version}`, commands: differs } };
      data = {
        ...previous,
        byTarget: Object.fromEntries(
          Object.keys(byTarget)
            .sort()
            .map((k) => [k, byTarget[k]]),
        ),
      };
      console.log(`${target}: ${Object.keys(differs).length} commands whose keys differ from the base, from ${version}`);
    } else {
      data = {
        source: `COMMAND INFO of ${version}: key specs (flags, begin_search, find_keys) of every command that has keys`,
        format:
          'begin: {index} | {keyword, startfrom} | "unknown"; find: {range: [lastkey, keystep, limit]} | {keynum: [keynumidx, firstkey, keystep]} | "unknown"',
        captured: sorted,
        supplement: SUPPLEMENT,
        ...(previous?.byTarget ? { byTarget: previous.byTarget } : {}),
      };
      console.log(`base: ${Object.keys(sorted).length} commands with keys from ${version}`);
    }
    // One command per line: small diffs when a release moves a key.
    const block = (obj, indent = '  ') =>
      `{\n${Object.entries(obj)
        .map(([k, v]) => `${indent}  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
        .join(',\n')}\n${indent}}`;
    const section = (obj) => `{\n    "source": ${JSON.stringify(obj.source)},\n    "commands": ${block(obj.commands, '    ')}\n  }`;
    const lines = [
      '{',
      `  "source": ${JSON.stringify(data.source)},`,
      `  "format": ${JSON.stringify(data.format)},`,
      `  "captured": ${block(data.captured)},`,
      `  "supplement": {\n    "since": ${JSON.stringify(SUPPLEMENT.since)},\n    "commands": ${block(SUPPLEMENT.commands, '    ')}\n  }${data.byTarget ? ',' : ''}`,
    ];
    if (data.byTarget) {
      const entries = Object.entries(data.byTarget).map(([t, v]) => `    ${JSON.stringify(t)}: ${section(v).replace(/\n/g, '\n  ')}`);
      lines.push(`  "byTarget": {\n${entries.join(',\n')}\n  }`);
    }
    const text = [...lines, '}', ''].join('\n');
    JSON.parse(text);
    writeFileSync(out, text);
    console.log(`wrote ${out}`);
  });
}

main().catch((e) => {
  console.error(String(e?.message ?? e));
  process.exit(1);
});
