/** Restricting commands: rename-command and the switches that enable dangerous commands. */
import type { Finding } from '../types';
import { at } from './common';
import type { SecurityFacts } from './facts';
import { securityMessages as msg } from './securityMessages';

const SWITCHES = ['enable-debug-command', 'enable-module-command', 'enable-protected-configs'];

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
  return out;
}
