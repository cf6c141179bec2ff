/**
 * test/oracle/exceptions.json: the oracle disagreements we tolerate, each with its reason and,
 * when it holds for some servers only, the versions it applies to (`versions`: oracle version
 * ids such as `redis-8.0.2`; absent means every version).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORACLE_VERSIONS, type OracleVersion } from './redisServer';

export interface OracleException {
  readonly text: string;
  readonly reason: string;
  readonly versions?: readonly OracleVersion[];
}

const FILE = join(__dirname, '..', 'oracle', 'exceptions.json');

export function allExceptions(): OracleException[] {
  const raw = JSON.parse(readFileSync(FILE, 'utf8')) as { exceptions?: OracleException[] };
  for (const e of raw.exceptions ?? []) {
    assert.ok(typeof e.text === 'string' && typeof e.reason === 'string' && e.reason.trim().length > 0, `bad exceptions.json entry: ${JSON.stringify(e)}`);
    for (const v of e.versions ?? []) assert.ok((ORACLE_VERSIONS as readonly string[]).includes(v), `exceptions.json names an unknown version ${v}`);
  }
  return raw.exceptions ?? [];
}

/** The exceptions that apply to `version`: exact text -> reason. */
export function exceptionsFor(version: OracleVersion): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of allExceptions()) if (!e.versions || e.versions.includes(version)) map.set(e.text, e.reason);
  return map;
}
