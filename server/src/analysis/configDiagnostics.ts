/** Findings of the reader itself: lines redis-server cannot split. */
import type { SyntaxProblem } from '../syntax/configParser';
import { RULES } from '../knowledge/rules';
import type { Finding } from './types';

export function syntaxFindings(errors: readonly SyntaxProblem[]): Finding[] {
  return errors.map((e) => ({ code: e.code, severity: RULES[e.code].severity, message: e.message, range: e.range, data: { detail: e.detail } }));
}
