/**
 * Hover text for a position: the directive under the cursor, explained in our words,
 * with the facts Redis holds about it for the targeted version.
 */
import { contains } from './ranges';
import { directiveDocs } from '../knowledge/directiveDocs';
import { directiveNames, directiveVariant, lookupDirective, isModuleConfigName, targetsOf } from '../knowledge/directives';
import { suggest } from './didYouMean';
import { describeTargets, targetLabel } from '../knowledge/targets';
import { versionLabel } from '../knowledge/versions';
import type { DirectiveVariant } from '../knowledge/types';

import { aclHover } from './acl/aclHover';
import { connectionFacts, connectionSnippet } from './connection';
import type { Analysis } from './analyze';
import { globPaths, includeBase, pathScope, resolvePath, type FileSource, type ReadFailure } from './configModel';
import type { DirectiveLine, Token } from '../syntax/configParser';
import { asciiLower } from '../syntax/text';
import { EVICTION_POLICIES, SENTINEL_SUBDIRECTIVES, TLS_PROTOCOLS } from '../knowledge/valueDocs';
import { isSecretToken } from './secrets';
import { formatBytes, groupDigits, memtoull } from './values';
import type { Position, Range, Settings } from './types';

export interface HoverResult {
  readonly markdown: string;
  readonly range: Range;
}

/** What the hover may know of other files: where relative paths start, and which exist. */
export interface HoverFiles {
  readonly path?: string;
  readonly source?: FileSource;
  /** The editor has our extension's commands: hovers may point at them. */
  readonly extensionCommands?: boolean;
}

export function hoverAt(analysis: Analysis, position: Position, files: HoverFiles = {}): HoverResult | undefined {
  const settings = analysis.settings;
  // ACL files, and the rules of `user` lines in a config, are explained by the ACL model.
  const acl =
    analysis.kind === 'acl'
      ? aclHover({ kind: 'acl', tree: analysis.tree }, position, settings)
      : aclHover({ kind: analysis.kind, tree: analysis.tree }, position, settings);
  if (acl) {
    // On a user name, also show how an application logs in as that user.
    const user = userNameAt(analysis, position);
    return user ? { ...acl, markdown: `${acl.markdown}\n\n${clientHowTo(analysis, user, files.extensionCommands === true)}` } : acl;
  }
  if (analysis.kind === 'acl') return undefined;
  for (const line of analysis.tree.directives) {
    if (position.line < line.range.start.line || position.line > line.range.end.line) continue;
    const name = line.tokens[0];
    if (name && contains(name.range, position)) {
      const markdown = directiveHover(line.name, settings);
      return markdown === undefined ? undefined : { markdown, range: name.range };
    }
    const index = line.tokens.findIndex((t, i) => i > 0 && contains(t.range, position));
    const token = line.tokens[index];
    if (!token || line.broken) continue;
    const markdown = valueHover(line, index, settings, analysis, files);
    return markdown === undefined ? undefined : { markdown, range: token.range };
  }
  return undefined;
}

/** A value under the cursor: what it means for this directive. Secrets are never shown. */
function valueHover(line: DirectiveLine, index: number, settings: Settings, analysis: Analysis, files: HoverFiles): string | undefined {
  const token = line.tokens[index] as Token;
  if ((line.name === 'include' || line.name === 'aclfile') && index === 1 && analysis.kind !== 'acl') return fileHover(line.name, token.value, settings, files);
  if (isSecretToken(line, index, settings.target)) return '**(a secret)** — its value is never shown here.';
  const variant = directiveVariant(line.name, settings.target);
  const primary = variant?.aliasOf ?? line.name;
  const facts = variant?.aliasOf ? directiveVariant(variant.aliasOf, settings.target) : variant;
  const value = asciiLower(token.value);
  if (primary === 'maxmemory-policy' && EVICTION_POLICIES[value]) return `**${value}** — ${EVICTION_POLICIES[value]}`;
  const sub = primary === 'sentinel' && index === 1 ? SENTINEL_SUBDIRECTIVES[value] : undefined;
  if (sub) return `**sentinel ${value}** \`${sub.args}\`\n\n${sub.doc}`;
  if (primary === 'tls-protocols') {
    const parts = value.split(/\s+/).filter((p) => TLS_PROTOCOLS[p]);
    if (parts.length) return parts.map((p) => `**${p}** — ${TLS_PROTOCOLS[p]}`).join('\n\n');
  }
  if (facts?.type === 'bool' && (value === 'yes' || value === 'no')) {
    const doc = directiveDocs[primary];
    const isDefault = facts.default === value ? ' This is the default.' : '';
    return `**${primary} ${value}**\n\n${value === 'yes' ? 'Turns this on' : 'Turns this off'}: ${doc ? lowerFirst(doc.summary) : primary}.${isDefault}`;
  }
  if (facts?.numeric?.includes('memory') || (line.name === 'client-output-buffer-limit' && (index % 4 === 2 || index % 4 === 3))) {
    const mem = memtoull(token.value);
    if (mem) return memoryHover(token.value, mem.bytes, mem.unit);
  }
  if (facts?.values?.includes(value)) {
    const isDefault = facts.default === value ? ' (the default)' : '';
    return `**${value}**${isDefault} — one of the values of \`${primary}\`: ${facts.values.map((v) => `\`${v}\``).join(', ')}.`;
  }
  return undefined;
}

/** Why a file cannot be read, for its hover. */
const UNREADABLE: Readonly<Record<ReadFailure, string>> = {
  missing: 'it does not exist',
  directory: 'it is a directory',
  device: 'it is a device',
  fifo: 'it is a FIFO',
  socket: 'it is a socket',
  permission: 'permission denied',
  'too-large': 'it is larger than 4 MB',
  'undecodable-name': 'its name holds bytes the editor could not decode',
  untrusted: 'it is outside the workspace, which is not trusted',
  unreachable: 'this editor cannot reach it (it shows a repository or a pull request, not the machine redis-server runs on)',
  other: 'it cannot be read',
};

/** A glob's hover lists this many matches, then counts the rest. */
const HOVER_MATCHES = 10;

function fileHover(directive: string, written: string, settings: Settings, files: HoverFiles): string {
  const base = includeBase(pathScope(files.path, settings.includeBaseDirectory));
  if (base === undefined) return `**${written}** — a relative path: redis-server resolves it from its working directory.`;
  const resolved = resolvePath(base, written);
  if (/[*?[]/.test(written)) {
    const found = files.source ? globPaths(files.source.glob(resolved)) : { paths: [] };
    const matches = found.paths;
    const count = `${matches.length}${found.limit ? ' or more' : ''} file${matches.length === 1 && !found.limit ? '' : 's'}`;
    const shown = matches
      .slice(0, HOVER_MATCHES)
      .map((m) => `\`${m}\``)
      .join(', ');
    const more = found.limit ? ', and more' : matches.length > HOVER_MATCHES ? `, and ${matches.length - HOVER_MATCHES} more` : '';
    return `**${written}** — a pattern (${resolved}): ${matches.length ? `${count}: ${shown}${more}` : 'no file matches, and Redis skips it silently'}.`;
  }
  const why = files.source?.read(resolved) === undefined ? (files.source?.failure?.(resolved) ?? 'missing') : undefined;
  const what = directive === 'include' ? 'Included here, in place' : 'The ACL file, read after the whole config';
  return `**${written}** → \`${resolved}\`\n\n${what}. ${why === undefined ? 'The file exists.' : why === 'missing' ? 'The file does not exist on this machine.' : `The file cannot be read here: ${UNREADABLE[why]}.`}${written.startsWith('/') ? '' : ' redis-server resolves relative paths from its working directory; this editor uses the folder of this file or `redisConfig.includeBaseDirectory`.'}`;
}

function lowerFirst(s: string): string {
  return s.length ? s[0]?.toLowerCase() + s.slice(1).replace(/\.$/, '') : s;
}

function memoryHover(written: string, bytes: bigint, unit: string): string {
  const lines = [`**${written}** = ${groupDigits(bytes)} bytes (${formatBytes(bytes)})`];
  if (['k', 'm', 'g'].includes(unit)) {
    const binary = memtoull(`${written}b`)?.bytes ?? 0n;
    lines.push(
      `\`${unit}\` is a decimal unit (powers of 1000). \`${written}b\` would be ${groupDigits(binary)} bytes (${formatBytes(binary)}): the binary units \`kb\`, \`mb\`, \`gb\` are powers of 1024.`,
    );
  }
  return lines.join('\n\n');
}

function userNameAt(analysis: Analysis, position: Position): string | undefined {
  if (analysis.kind === 'acl') {
    const line = analysis.tree.lines.find((l) => l.user && contains(l.user.range, position));
    return line?.user?.value;
  }
  const line = analysis.tree.directives.find((d) => d.name === 'user' && d.tokens[1] && contains(d.tokens[1].range, position));
  return line?.tokens[1]?.value;
}

/** How a client connects as a user, in redis-py (the password comes from the environment). */
function clientHowTo(analysis: Analysis, user: string, extensionCommands: boolean): string {
  const snippet = connectionSnippet(connectionFacts(analysis), user, 'redis-py');
  const more = extensionCommands ? '; the command *Redis Config: Copy connection snippet* also writes node-redis and ioredis' : '';
  return `**Connecting as \`${user}\`** (redis-py${more}):\n\n\`\`\`python\n${snippet}\`\`\``;
}

/**
 * A directive's hover: its name and summary first (one or two lines), then the facts that
 * decide how to write it (default, values, range, unit, runtime changes), then the details
 * and risks, and last where it exists and what to read next. Long lists (each eviction
 * policy, each Sentinel sub-directive) live in the hovers of those values.
 */
export function directiveHover(name: string, settings: Settings): string | undefined {
  if (name === '') return undefined;
  if (isModuleConfigName(name, settings.target)) {
    return `**${name}** — a module setting: Redis passes names with a dot to the module that registered them.\n\nThe module must be loaded with \`loadmodule\`, or the server stops after reading the file.`;
  }
  const info = lookupDirective(name, settings.target);
  if (!info) return unknownDirectiveHover(name, settings);
  const primary = info.variant?.aliasOf ?? name;
  const doc = directiveDocs[primary] ?? directiveDocs[name];
  const parts: string[] = [];
  if (primary !== name) parts.push(`**${name}** — an older name of \`${primary}\`; both set the same value.${doc ? ` ${doc.summary}` : ''}`);
  else parts.push(doc ? `**${name}** — ${doc.summary}` : `**${name}**`);
  const variant = primary !== name ? lookupDirective(primary, settings.target)?.variant : info.variant;
  const facts = factLines(variant, doc?.unit);
  if (!info.variant) facts.unshift(`**Not available in ${targetLabel(settings.target)}**; known in ${describeTargets(targetsOf(name))}.`);
  if (facts.length) parts.push(facts.join(' · '));
  if (doc?.details) parts.push(doc.details);
  if (doc?.risk) parts.push(riskSection(doc.risk));
  if (primary === 'tls-port' || primary === 'tls-auth-clients' || primary === 'tls-ca-cert-file') {
    parts.push(
      "**Client side** (redis-py): `redis.Redis(host, port, ssl=True, ssl_cert_reqs='required', ssl_ca_certs='ca.crt')`, plus `ssl_certfile` and `ssl_keyfile` when the server requires client certificates (`tls-auth-clients yes`).",
    );
  }
  if (primary === 'requirepass') {
    parts.push(
      "**Client side** (redis-py): `redis.Redis(host, port, password=os.environ['REDIS_PASSWORD'])` — read the password from the environment or a secret store, never from source code.",
    );
  }
  const tail: string[] = [];
  if (info.variant) tail.push(`Known in ${describeTargets(targetsOf(name))}.`);
  if (doc?.related?.length) tail.push(`See also: ${doc.related.map((r) => `\`${r}\``).join(', ')}.`);
  if (tail.length) parts.push(tail.join(' '));
  if (settings.requestedTarget) {
    parts.push(
      `_There is no table for ${versionLabel(settings.requestedTarget)} here: these are the facts of ${targetLabel(settings.target)}, the nearest version with one._`,
    );
  }
  return parts.join('\n\n');
}

/** `**Risk:**` with its text, a list starting on a line of its own (after a label, `- ` would not start one). */
function riskSection(risk: string): string {
  return risk.trimStart().startsWith('- ') ? `**Risk:**\n\n${risk}` : `**Risk:** ${risk}`;
}

/** A name the target does not know: say so, and offer the near names it knows. */
function unknownDirectiveHover(name: string, settings: Settings): string {
  const near = suggest(asciiLower(name), directiveNames(settings.target));
  const head = `**${name}** — not a directive of ${targetLabel(settings.target)}: redis-server refuses to start on this line.`;
  if (!near.length) return head;
  const lines = near.map((n) => {
    const doc = directiveDocs[directiveVariant(n, settings.target)?.aliasOf ?? n];
    return `- \`${n}\`${doc ? ` — ${doc.summary}` : ''}`;
  });
  return `${head}\n\nDid you mean:\n\n${lines.join('\n')}`;
}

/** `Range: 1 to 64`; a bound that is only the limit of the C type (2^31 - 1, 2^64 - 1) is not worth a line. */
function rangeFact(variant: DirectiveVariant): string | undefined {
  if (variant.min === undefined || variant.max === undefined) return undefined;
  const lo = BigInt(variant.min);
  const hi = BigInt(variant.max);
  if (hi - lo <= 1_000_000_000n) return `Range: ${lo} to ${hi}`;
  return lo > 0n ? `Minimum: ${lo}` : undefined;
}

function factLines(variant: DirectiveVariant | undefined, unit: string | undefined): string[] {
  const facts: string[] = [];
  if (!variant) return facts;
  if (variant.kind === 'ignored') facts.push('**Accepted and ignored**: this name no longer has any effect');
  if (variant.default !== undefined && variant.kind !== 'special') facts.push(`Default: ${variant.default === '' ? 'empty' : `\`${variant.default}\``}`);
  if (variant.values) facts.push(`Values: ${variant.values.map((v) => `\`${v}\``).join(', ')}`);
  else if (variant.type === 'bool') facts.push('Values: `yes`, `no`');
  const range = rangeFact(variant);
  if (range) facts.push(range);
  if (unit) facts.push(`Unit: ${unit}`);
  const flags = variant.flags ?? [];
  if (flags.includes('immutable')) facts.push('Read at startup only: `CONFIG SET` cannot change it');
  if (flags.includes('sensitive')) facts.push('Sensitive: Redis hides its value in logs');
  if (flags.includes('protected')) facts.push('Protected: `CONFIG SET` refuses it unless `enable-protected-configs` allows it');
  return facts;
}
