/**
 * Checks that need the whole effective configuration: lines overridden by later ones,
 * module settings with no module, and combinations redis-server refuses once it has read
 * everything.
 */
import { supports } from '../knowledge/features';
import { topLevelCommandSet } from '../knowledge/commands';
import { directiveVariant, isModuleConfigName, lastLineWins, namesOf, primaryName } from '../knowledge/directives';
import type { DirectiveLine, Token } from '../syntax/configParser';
import { asciiLower } from '../syntax/text';
import { aclfileOf, lastSet, pathScope, type ConfigModel, type FileSource, type ModelLine } from './configModel';
import { at, finding, inFile, placeOf } from './findings';
import { messages } from './messages';
import { string2ll } from './values';
import type { TargetId } from '../knowledge/types';
import type { Finding, Settings } from './types';

/** The name under which a line stores its value, or undefined when lines add up. */
function storageKey(line: DirectiveLine, settings: Settings): string | undefined {
  if (isModuleConfigName(line.name, settings.target)) return line.name;
  const variant = directiveVariant(line.name, settings.target);
  if (!variant || variant.kind === 'ignored') return undefined;
  const key = primaryName(line.name, settings.target);
  return lastLineWins(key) ? key : undefined;
}

/** Lines of this document whose value a later line replaces, in this file or an included one. */
export function duplicateFindings(model: ConfigModel, settings: Settings): Finding[] {
  const last = new Map<string, ModelLine>();
  const keys = model.lines.map((m) => storageKey(m.line, settings));
  model.lines.forEach((m, i) => {
    const key = keys[i];
    if (key) last.set(key, m);
  });
  const out: Finding[] = [];
  model.lines.forEach((m, i) => {
    const key = keys[i];
    const winner = key ? last.get(key) : undefined;
    if (m.file !== undefined || !winner || winner === m) return;
    const where = winner.file === undefined ? `line ${winner.line.range.start.line + 1}` : `${winner.file}:${winner.line.range.start.line + 1}`;
    out.push(
      finding('duplicate-directive', messages.duplicateDirective(m.line.name, where), m.line.range, {
        tags: ['unnecessary'],
        related: [
          {
            message: messages.duplicateDirectiveWinner(winner.line.name),
            range: winner.line.range,
            ...(winner.file !== undefined ? { file: winner.file } : {}),
          },
        ],
        data: { name: m.line.name, key },
      }),
    );
  });
  return out;
}

export function moduleConfigFindings(model: ConfigModel, target: TargetId): Finding[] {
  if (model.lines.some((m) => m.line.name === 'loadmodule')) return [];
  const first = model.lines.find((m) => isModuleConfigName(m.line.name, target) && m.line.tokens.length > 1);
  if (!first) return [];
  return [
    at('module-config-without-loadmodule', first, messages.moduleConfigWithoutModule(first.line.name), first.line.tokens[0], {
      data: { name: first.line.name, afterLoad: true },
    }),
  ];
}

/**
 * `port 0` closes the TCP port; with no TLS port and no Unix socket the server has no
 * listener left and exits after reading the configuration. Read from the effective
 * configuration, so a socket set in an included file counts. An RDMA port may be a
 * listener, depending on the build: then nothing is said.
 */
export function listensNowhereFindings(model: ConfigModel, target: TargetId): Finding[] {
  const opened = (name: string, isOpen: (v: string) => boolean): boolean => {
    const m = lastSet(model, [name]);
    return m !== undefined && m.line.tokens.length === 2 && isOpen(m.line.tokens[1]?.value ?? '');
  };
  const nonZero = (v: string): boolean => string2ll(v) !== 0n;
  if (opened('unixsocket', (v) => v !== '') || opened('rdma-port', nonZero)) return [];
  // `bind ""` (from 6.2) gives the TCP and TLS ports no address at all.
  const bind = lastSet(model, ['bind']);
  // (Redis 6.0 instead fails to resolve the empty name: an invalid-value of the bind line.)
  const noAddress = supports(target, 'bind-no-address') && bind !== undefined && bind.line.tokens.length === 2 && bind.line.tokens[1]?.value === '';
  const port = lastSet(model, ['port']);
  const portClosed = port !== undefined && string2ll(port.line.tokens[1]?.value ?? '') === 0n;
  if (!noAddress && (!portClosed || opened('tls-port', nonZero))) return [];
  const on = noAddress ? (bind as ModelLine) : (port as ModelLine);
  // Decided when the server opens its sockets, after reading every file.
  return [
    finding('listens-nowhere', inFile(on, noAddress ? messages.listensNowhereBind() : messages.listensNowhere()), placeOf(on, on.line.range), {
      data: { afterLoad: true, socket: true },
    }),
  ];
}

export function replicaofInClusterFindings(model: ConfigModel, target: TargetId): Finding[] {
  const cluster = lastSet(model, ['cluster-enabled']);
  if (!cluster || asciiLower(cluster.line.tokens[1]?.value ?? '') !== 'yes') return [];
  const replicaof = lastSet(model, namesOf('replicaof', target));
  if (!replicaof) return [];
  // `replicaof "host port"` is re-split by Redis like any multi-value directive.
  const values = replicaof.line.tokens.slice(1).map((t) => t.value);
  const args = values.length === 1 && values[0] !== '' ? (values[0] as string).split(/\s+/).filter((v) => v !== '') : values;
  if (args.length !== 2) return [];
  if (asciiLower(args[0] ?? '') === 'no' && asciiLower(args[1] ?? '') === 'one') return [];
  return [
    finding('replicaof-in-cluster', inFile(replicaof, messages.replicaofInCluster()), placeOf(replicaof, replicaof.line.range), {
      related: [{ message: messages.replicaofInClusterCause(), range: cluster.line.range, ...(cluster.file !== undefined ? { file: cluster.file } : {}) }],
      data: { afterLoad: true },
    }),
  ];
}

/**
 * The top-level command names as the rename-command lines read so far leave them: the
 * target's table with the renames on top, so that the table is not copied for each run.
 */
class CommandNames {
  private readonly removed = new Set<string>();
  private readonly added = new Set<string>();
  private readonly base: ReadonlySet<string>;

  constructor(target: TargetId) {
    this.base = topLevelCommandSet(target);
  }

  has(name: string): boolean {
    return this.added.has(name) || (!this.removed.has(name) && this.base.has(name));
  }

  delete(name: string): void {
    this.added.delete(name);
    this.removed.add(name);
  }

  add(name: string): void {
    this.added.add(name);
  }
}

/**
 * rename-command, replayed in load order over the command table of the target: the
 * command must still exist under that name, and the new name must be free.
 */
export function renameCommandFindings(model: ConfigModel, settings: Settings): Finding[] {
  let names: CommandNames | undefined;
  const out: Finding[] = [];
  for (const m of model.lines) {
    if (m.line.name !== 'rename-command' || m.line.tokens.length !== 3) continue;
    names ??= new CommandNames(settings.target);
    const from = m.line.tokens[1] as Token;
    const to = m.line.tokens[2] as Token;
    const oldName = asciiLower(from.value);
    const newName = asciiLower(to.value);
    const report = (message: string, token: Token, redisText: string): void => {
      if (m.file === undefined)
        out.push(finding('invalid-value', messages.renameRefused(message, redisText), token.range, { data: { name: 'rename-command', redisText } }));
    };
    if (oldName.includes('|')) {
      report(messages.renameSubcommand(from.value), from, 'No such command in rename-command');
      continue;
    }
    if (!names.has(oldName)) {
      report(messages.renameUnknownCommand(from.value, settings.target), from, 'No such command in rename-command');
      continue;
    }
    names.delete(oldName);
    if (newName !== '' && names.has(newName)) {
      report(messages.renameTargetTaken(to.value), to, 'Target command name already exists');
      continue;
    }
    if (newName !== '') names.add(newName);
  }
  return out;
}

/** An aclfile that cannot be read: Redis stops after loading the config. */
export function aclfileFindings(model: ConfigModel, settings: Settings, ctx: { path?: string; source?: FileSource }): Finding[] {
  const acl = aclfileOf(model, pathScope(ctx.path, settings.includeBaseDirectory));
  if (!acl || acl.path === undefined || !ctx.source) return [];
  const { line: m, path } = acl;
  const value = m.line.tokens[1] as Token;
  if (ctx.source.read(path) !== undefined) return [];
  // A file this tool may not or cannot read is not said to be missing.
  const failure = ctx.source.failure?.(path);
  if (failure === 'untrusted' || failure === 'unreachable') {
    const message = failure === 'untrusted' ? messages.aclfileUntrusted(value.value, path) : messages.aclfileUnreachable(value.value, path);
    return [at('aclfile-not-read', m, message, value, { data: { path, reason: failure } })];
  }
  return [at('aclfile-not-found', m, messages.aclfileNotFound(value.value, path), value, { data: { path, afterLoad: true } })];
}
