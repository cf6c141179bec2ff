/** Restricting commands: rename-command and the switches that enable dangerous commands. */
import { patchedSetting } from '../../knowledge/builds';
import { directiveVariant } from '../../knowledge/directives';
import { asciiLower } from '../../syntax/text';
import type { Finding } from '../types';
import { at } from './common';
import type { SecurityFacts } from './facts';
import { securityMessages as msg } from './securityMessages';

const SWITCHES = ['enable-debug-command', 'enable-module-command', 'enable-protected-configs'];
/** Valkey 9.1's switch (and its old name, also in security updates of 7.0, 8.0 and Valkey 8.1) for the Lua functions the sandbox withholds. */
const LUA_SWITCHES = ['lua-enable-insecure-api', 'lua-enable-deprecated-api'];

export function commandFindings(facts: SecurityFacts): Finding[] {
  const out: Finding[] = [];
  const renames = facts.all('rename-command').filter((m) => m.line.tokens.length === 3);
  for (const m of renames) {
    if (m.file !== undefined) continue;
    const command = m.line.tokens[1]?.value ?? '';
    const removed = m.line.tokens[2]?.value === '';
    out.push(at('rename-command-deprecated', m, msg.renameCommandDeprecated(command, removed), undefined, { tags: ['deprecated'], data: { command, removed } }));
  }
  if (renames.length > 0 && facts.value('appendonly', true) === 'yes') {
    const first = renames.find((m) => m.file === undefined) ?? renames[0];
    if (first) out.push(at('rename-command-with-aof', first, msg.renameWithAof()));
  }
  for (const name of SWITCHES) {
    const m = facts.last(name);
    if (m && facts.value(name, true) === 'yes') out.push(at('dangerous-commands-enabled', m, msg.dangerousCommandsEnabled(name), m.line.tokens[1], { data: { name } }));
  }
  // In 9.1 the two names are one setting (facts group aliases); elsewhere each is its own line.
  const accepted = (name: string): boolean => directiveVariant(name, facts.target) !== undefined || patchedSetting(name, facts.target) !== undefined;
  const lua = new Set(LUA_SWITCHES.filter(accepted).map((name) => facts.last(name)).filter((m) => m !== undefined));
  for (const m of lua) {
    if (asciiLower(m.line.tokens[1]?.value ?? '') === 'yes' && m.line.tokens.length === 2) out.push(at('lua-insecure-api', m, msg.luaInsecureApi(m.line.name), m.line.tokens[1], { data: { name: m.line.name } }));
  }
  return out;
}
