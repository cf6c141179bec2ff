/** The diagnostic codes about ACL rules and ACL files. */
import type { RuleInfo } from './ruleTypes';

export const ACL_RULES = {
  'invalid-acl-line': {
    code: 'invalid-acl-line',
    severity: 'error',
    appliesTo: 'acl',
    title: 'A line of an ACL file that is not `user <name> [rule ...]`: Redis refuses the whole file.',
  },
} as const satisfies Record<string, RuleInfo>;
