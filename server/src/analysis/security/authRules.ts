/** Authentication: who can connect without a password, and how passwords are chosen and kept. */
import { parseAcl } from '../../syntax/aclParser';
import { DEFAULT_MIN_PASSWORD_LENGTH } from '../../knowledge/secrets';
import { passwordWeakness } from '../acl/userSecurity';
import { aclFileUsers } from '../acl/users';
import { aclMessages } from '../acl/aclMessages';
import type { UserGrade } from '../acl/userSecurity';
import type { Finding } from '../types';
import { at, missing } from '../findings';
import { exposureSeverity, remoteSentence } from './exposure';
import { sentinelIgnoresUsers, type SecurityFacts } from './facts';
import { securityMessages as msg, type PasswordOwner } from './securityMessages';

export function noAuthFindings(facts: SecurityFacts): Finding[] {
  if (facts.kind === 'sentinel') return [];
  const e = facts.exposure;
  const { state, decidedBy, line } = facts.defaultUser;
  if (state !== 'open') return [];
  const severity = exposureSeverity(e);
  const message = msg.noAuth(e, decidedBy);
  const data = { decidedBy, remote: e.remote };
  if (decidedBy === 'aclfile' && facts.aclFile)
    return [{ ...at('no-auth', facts.aclFile.line, message, facts.aclFile.line.line.tokens[1], { data }), severity }];
  if (line) return [{ ...at('no-auth', line, message, undefined, { data }), severity }];
  const bind = facts.last('bind');
  if (bind && bind.file === undefined) return [{ ...at('no-auth', bind, message, undefined, { data }), severity }];
  return missing('no-auth', facts.model, message, { severity, data });
}

/**
 * Users other than default with `nopass`, in the ACL file the config loads (the `user` lines
 * of the config are judged with the other ACL findings, graded by `userExposure`).
 */
export function aclFileNopassFindings(facts: SecurityFacts): Finding[] {
  const inFile = facts.nopassUsers.filter((u) => u.line === undefined).map((u) => u.name);
  if (inFile.length === 0 || !facts.aclFile) return [];
  const e = facts.exposure;
  return [
    {
      ...at('user-nopass', facts.aclFile.line, msg.userNopass(inFile, e), facts.aclFile.line.line.tokens[1], { data: { users: inFile } }),
      severity: exposureSeverity(e),
    },
  ];
}

/**
 * The severity and message of the password-less user findings of `user` lines
 * (default-user-nopass, user-nopass), as the exposure of the whole config decides them.
 */
export function userExposure(facts: SecurityFacts): UserGrade {
  const e = facts.exposure;
  return (code, user) => {
    if (code === 'user-nopass') return { severity: exposureSeverity(e), message: msg.userNopass([user], e) };
    if (code === 'default-user-nopass') return { severity: exposureSeverity(e), message: `${aclMessages.defaultUserNopass()} ${remoteSentence(e)}` };
    return undefined;
  };
}

export function requirepassFindings(facts: SecurityFacts): Finding[] {
  const line = facts.last('requirepass');
  const secret = line?.line.tokens[1];
  if (!line || !secret || secret.value === '') return [];
  const out: Finding[] = [];
  if (facts.aclFile && !sentinelIgnoresUsers(facts.kind, facts.target)) {
    const hasDefault =
      facts.aclFile.text === undefined ? undefined : aclFileUsers(parseAcl(facts.aclFile.text).tree, facts.target).users.some((u) => u.name === 'default');
    out.push(at('requirepass-ignored-with-aclfile', line, msg.requirepassIgnored(hasDefault), line.line.tokens[0]));
    return out;
  }
  if (facts.defaultUser.decidedBy === 'requirepass' && facts.kind !== 'sentinel')
    out.push(at('requirepass-prefer-acl', line, msg.requirepassPreferAcl(), line.line.tokens[0]));
  return out;
}

/** Passwords written in the config itself: requirepass, masterauth (primaryauth), sentinel auth-pass. */
export function configPasswordFindings(facts: SecurityFacts): Finding[] {
  const out: Finding[] = [];
  const secrets: { what: string; m: (typeof facts.model.lines)[number]; index: number }[] = [];
  for (const name of ['requirepass', 'masterauth', 'primaryauth']) {
    const m = facts.last(name);
    if (m && m.file === undefined && (m.line.tokens[1]?.value ?? '') !== '') secrets.push({ what: `'${m.line.name}'`, m, index: 1 });
  }
  if (facts.kind === 'sentinel') {
    for (const m of facts.all('sentinel')) {
      const sub = m.line.tokens[1]?.value.toLowerCase();
      if (m.file === undefined && (sub === 'auth-pass' || sub === 'sentinel-pass') && m.line.tokens.length >= 3)
        secrets.push({ what: `'sentinel ${sub}'`, m, index: m.line.tokens.length - 1 });
    }
  }
  for (const { what, m, index } of secrets) {
    const token = m.line.tokens[index];
    if (!token) continue;
    const weakness = passwordWeakness(token.value, 'default', facts.settings.minPasswordLength);
    const owner: PasswordOwner =
      m.line.name === 'sentinel' ? { kind: 'sentinel', what, sentTo: /sentinel-pass/i.test(what) ? 'sentinels' : 'servers' } : { kind: 'directive', what };
    if (weakness)
      out.push(
        at(
          'weak-password',
          m,
          msg.weakPassword(owner, weakness, facts.settings.minPasswordLength ?? DEFAULT_MIN_PASSWORD_LENGTH, [...token.value].length),
          token,
          {
            data: { weakness },
          },
        ),
      );
    out.push(at('plaintext-password', m, msg.plaintextPassword(owner), token));
  }
  return out;
}
