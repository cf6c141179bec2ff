import type { AclSyntaxProblem } from '../syntax/aclParser';
import { RULES } from '../knowledge/rules';
import type { Finding } from './types';

export function aclSyntaxFindings(errors: readonly AclSyntaxProblem[]): Finding[] {
  return errors.map((e) => ({ code: e.code, severity: RULES[e.code].severity, message: e.message, range: e.range, data: { detail: e.detail } }));
}
