/**
 * Findings about what redis-server reads from a config file: lines it cannot split,
 * names it does not know, comments that are not comments.
 */
import type { ConfigTree, DirectiveLine, SyntaxProblem } from '../syntax/configParser';
import { directiveNames, directiveVariant, isModuleConfigName, targetsOf } from '../knowledge/directives';
import { RULES } from '../knowledge/rules';
import { suggest } from './didYouMean';
import { messages } from './messages';
import type { Finding, Settings } from './types';

export function syntaxFindings(errors: readonly SyntaxProblem[]): Finding[] {
  return errors.map((e) => ({ code: e.code, severity: RULES[e.code].severity, message: e.message, range: e.range, data: { detail: e.detail } }));
}

export function unknownDirectiveFindings(tree: ConfigTree, settings: Settings): Finding[] {
  const findings: Finding[] = [];
  for (const line of tree.directives) {
    if (line.broken) continue;
    const nameToken = line.tokens[0];
    if (!nameToken) continue;
    const name = line.name;
    if (name === '') {
      findings.push({ code: 'unknown-directive', severity: RULES['unknown-directive'].severity, message: messages.emptyDirective(), range: nameToken.range, data: { name } });
      continue;
    }
    if (isModuleConfigName(name)) continue;
    if (directiveVariant(name, settings.target)) continue;
    const knownIn = targetsOf(name);
    const suggestions = knownIn.length > 0 ? [] : suggest(name.replace(/^\ufeff/, ''), directiveNames(settings.target));
    findings.push({
      code: 'unknown-directive',
      severity: RULES['unknown-directive'].severity,
      message: messages.unknownDirective(name, settings.target, knownIn, suggestions),
      range: nameToken.range,
      data: { name, suggestions, knownIn },
    });
  }
  return findings;
}

const HASH_RULE = /^#[0-9a-f]{64}$/;

/**
 * A word starting with `#` after the directive name is a comment the author meant,
 * except where `#` is meaningful: the value of a one-value directive (`requirepass #x`)
 * and a password hash in a `user` line.
 */
export function trailingCommentFindings(tree: ConfigTree, settings: Settings): Finding[] {
  const findings: Finding[] = [];
  for (const line of tree.directives) {
    if (line.broken) continue;
    const index = trailingCommentIndex(line, settings);
    if (index < 0) continue;
    const token = line.tokens[index];
    if (!token) continue;
    const passedToModule = line.name === 'loadmodule';
    findings.push({
      code: 'trailing-comment',
      severity: passedToModule ? 'warning' : RULES['trailing-comment'].severity,
      message: messages.trailingComment(line.name, passedToModule),
      range: { start: token.range.start, end: line.range.end },
      data: { commentStart: token.start, lineStart: line.start, lineEnd: line.end },
    });
  }
  return findings;
}

function trailingCommentIndex(line: DirectiveLine, settings: Settings): number {
  const variant = directiveVariant(line.name, settings.target);
  const singleValue = variant !== undefined && (variant.kind === 'table' || variant.kind === 'special') && !variant.multiArg;
  for (let i = 1; i < line.tokens.length; i++) {
    const t = line.tokens[i];
    if (!t || t.quoted || !t.value.startsWith('#')) continue;
    if (i === 1 && singleValue && line.tokens.length === 2) continue; // the value itself, e.g. a password
    if (line.name === 'user' && HASH_RULE.test(t.value)) continue;
    return i;
  }
  return -1;
}
