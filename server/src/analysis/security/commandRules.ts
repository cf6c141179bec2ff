/** Restricting commands: rename-command and the switches that enable dangerous commands. */
import { patchedSetting } from '../../knowledge/builds';
import { directiveVariant } from '../../knowledge/directives';
import { asciiLower } from '../../syntax/text';
import type { Finding } from '../types';
import { at, missing } from '../findings';
import { exposureSeverity } from './exposure';
import type { SecurityFacts } from './facts';
import { securityMessages as msg } from './securityMessages';

const SWITCHES = ['enable-debug-command', 'enable-module-command', 'enable-protected-configs'];
/** Valkey 9.1's switch (and its old name, also in security updates of 7.0, 8.0 and Valkey 8.1) for the Lua functions the sandbox withholds. */
const LUA_SWITCHES = ['lua-enable-insecure-api', 'lua-enable-deprecated-api'];

/** The commands those switches guard, as ACL names. */
const GUARDED = ['debug', 'module|load', 'config|set'];

export function commandFindings(facts: SecurityFacts): Finding[] {
  const out: Finding[] = [];
  const renames = facts.all('rename-command').filter((m) => m.line.tokens.length === 3);
  for (const m of renames) {
    if (m.file !== undefined) continue;
    const command = m.line.tokens[1]?.value ?? '';
    const removed = m.line.tokens[2]?.value === '';
    out.push(
      at('rename-command-deprecated', m, msg.renameCommandDeprecated(command, removed), undefined, { tags: ['deprecated'], data: { command, removed } }),
    );
  }
  if (renames.length > 0 && facts.value('appendonly', true) === 'yes') {
    const first = renames.find((m) => m.file === undefined) ?? renames[0];
    if (first) out.push(at('rename-command-with-aof', first, msg.renameWithAof()));
  }
  out.push(...dangerousCommandFindings(facts), ...luaFindings(facts));
  return out;
}

function dangerousCommandFindings(facts: SecurityFacts): Finding[] {
  const e = facts.exposure;
  if (facts.kind === 'sentinel') return [];
  const severity = exposureSeverity(e);
  // Before 7.0 there are no switches: the commands are open to whoever may run them by ACL.
  if (!directiveVariant('enable-debug-command', facts.target)) {
    const def = facts.defaultUser;
    if (def.state !== 'open' && def.state !== 'password') return [];
    const user = def.user;
    const mayRun = user === undefined || GUARDED.some((c) => [user.root, ...user.selectors].some((s) => s.allowed.has(c)));
    return mayRun
      ? missing('dangerous-commands-enabled', facts.model, msg.dangerousCommandsOldVersion(e), {
          severity: def.state === 'open' ? severity : 'warning',
          data: { missing: true },
        })
      : [];
  }
  const out: Finding[] = [];
  for (const name of SWITCHES) {
    const m = facts.last(name);
    if (m && facts.value(name, true) === 'yes')
      out.push({ ...at('dangerous-commands-enabled', m, msg.dangerousCommandsEnabled(name, e), m.line.tokens[1], { data: { name } }), severity });
  }
  return out;
}

function luaFindings(facts: SecurityFacts): Finding[] {
  const out: Finding[] = [];
  // In 9.1 the two names are one setting (facts group aliases); elsewhere each is its own line.
  const accepted = (name: string): boolean => directiveVariant(name, facts.target) !== undefined || patchedSetting(name, facts.target) !== undefined;
  const lua = new Set(
    LUA_SWITCHES.filter(accepted)
      .map((name) => facts.last(name))
      .filter((m) => m !== undefined),
  );
  for (const m of lua) {
    if (asciiLower(m.line.tokens[1]?.value ?? '') === 'yes' && m.line.tokens.length === 2)
      out.push(at('lua-insecure-api', m, msg.luaInsecureApi(m.line.name), m.line.tokens[1], { data: { name: m.line.name } }));
  }
  return out;
}
