/**
 * One message builder per diagnostic code. Tests call these instead of copying strings.
 */
import { targetLabel, describeTargets } from '../knowledge/targets';
import type { TargetId } from '../knowledge/types';
import { placeAmongTables, versionLabel } from '../knowledge/versions';
import type { GlobLimit, ReadFailure } from './configModel';
import { MODULE_QUEUE_TEXT, type ValueProblem } from './valueChecks';
import { groupDigits } from './values';

/** How the server refuses a name it does not know: at the line, or (Redis 8.0) once the file is read. */
function refusalOfUnknown(target: TargetId, deferred: boolean, moduleLoaded: boolean): string {
  if (!deferred) return `${targetLabel(target)} does not know it and refuses to start ("Bad directive or wrong number of arguments").`;
  if (moduleLoaded)
    return `${targetLabel(target)} does not know it and leaves it to the loaded modules: unless one of them declares this name, the server reads the file, then exits ("${MODULE_QUEUE_TEXT}").`;
  return `${targetLabel(target)} does not know it: it reads the file, then exits ("${MODULE_QUEUE_TEXT}").`;
}

export const messages = {
  unknownDirective(
    name: string,
    target: TargetId,
    knownIn: readonly TargetId[],
    suggestions: readonly string[],
    deferred = false,
    moduleLoaded = false,
  ): string {
    let text = `Unknown directive '${name}': ${refusalOfUnknown(target, deferred, moduleLoaded)}`;
    if (name.startsWith('\ufeff')) text += ' The file starts with a byte-order mark (BOM): save it as UTF-8 without BOM.';
    if (knownIn.length > 0) text += ` It exists in ${describeTargets(knownIn)}.`;
    if (suggestions.length === 1) text += ` Did you mean '${suggestions[0]}'?`;
    else if (suggestions.length > 1) text += ` Did you mean one of: ${suggestions.map((s) => `'${s}'`).join(', ')}?`;
    return text;
  },
  valueProblem(p: ValueProblem): string {
    return p.afterLoad
      ? `${p.hint} redis-server reads the file, then exits ("${p.redisText}").`
      : `${p.hint} redis-server refuses this line ("${p.redisText}").`;
  },
  buildRefusal(name: string, builds: string, redisText: string, hint: string): string {
    return `Some builds refuse this value and exit: ${builds} ("${redisText}"). ${hint} Check the server you deploy to before you rely on '${name}'.`;
  },
  unknownIgnoredBySentinel(name: string, target: TargetId): string {
    return `Unknown directive '${name}': ${targetLabel(target)} keeps it for the modules, but Sentinel loads none and never looks at it again, so the line does nothing. Remove it, or fix the name.`;
  },
  patchedSetting(name: string, target: TargetId, builds: string, deferred = false): string {
    const refusal = deferred ? `reads the file, then exits ("${MODULE_QUEUE_TEXT}")` : 'refuses to start ("Bad directive or wrong number of arguments")';
    return `'${name}' is not in the release the ${targetLabel(target)} table comes from, but ${builds} accept it. A server without those updates ${refusal}: update the server, or remove the line.`;
  },
  listensNowhereBind(): string {
    return '\'bind ""\' gives the TCP and TLS ports no address to listen on, and there is no \'unixsocket\': redis-server reads the file, then exits ("Configured to not listen anywhere, exiting."). Name the addresses, or remove the line to use the default.';
  },
  listensNowhere(): string {
    return "'port 0' turns the TCP port off, and neither 'tls-port' nor 'unixsocket' opens another way in: redis-server reads the file, then exits (\"Configured to not listen anywhere, exiting.\"). Set a port, a TLS port or a Unix socket.";
  },
  unsupportedInVersion(name: string, target: TargetId, knownIn: readonly TargetId[], deferred = false, moduleLoaded = false): string {
    const refusal = !deferred
      ? 'which refuses to start ("Bad directive or wrong number of arguments")'
      : moduleLoaded
        ? `which leaves it to the loaded modules: unless one of them declares this name, the server reads the file, then exits ("${MODULE_QUEUE_TEXT}")`
        : `which reads the file, then exits ("${MODULE_QUEUE_TEXT}")`;
    return `'${name}' does not exist in ${targetLabel(target)}, ${refusal}. It exists in ${describeTargets(knownIn)}: remove it, or target one of those versions.`;
  },
  deprecatedDirective(name: string, replacement: string): string {
    return `'${name}' is an old name of '${replacement}'. It still works, but write '${replacement}': newer tools and documentation only use that name.`;
  },
  ignoredDirective(name: string, target: TargetId): string {
    return `'${name}' no longer does anything: ${targetLabel(target)} accepts the line and ignores it. Remove it.`;
  },
  valueClamped(name: string, written: string, used: string, [min, max]: readonly [bigint, bigint]): string {
    return `'${name} ${written}' is outside ${min}..${max}: Redis silently uses ${used} instead.`;
  },
  sentinelOutside(): string {
    return `'sentinel' lines only work in a Sentinel: redis-server refuses them ("sentinel directive while not in sentinel mode"). Move them to sentinel.conf, or start this file with redis-sentinel.`;
  },
  unknownSentinelDirective(sub: string, target: TargetId, suggestions: readonly string[]): string {
    const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `'sentinel ${s}'`).join(', ')}?` : '';
    return `'sentinel ${sub}' is not a Sentinel setting in ${targetLabel(target)}: Sentinel refuses the file ("Unrecognized sentinel configuration statement").${hint}`;
  },
  sentinelValue(hint: string, redisText: string): string {
    return `${hint} Sentinel refuses the file ("${redisText}").`;
  },
  sentinelArity(sub: string, rule: string): string {
    const counts = rule.split('||').map((alt) => Number(/==\s*(\d+)/.exec(alt)?.[1]) - 2);
    return `'sentinel ${sub}' takes ${counts.join(' or ')} argument${counts.length === 1 && counts[0] === 1 ? '' : 's'}: Sentinel refuses the file otherwise.`;
  },
  duplicateDirective(name: string, where: string): string {
    return `'${name}' is set again at ${where}, which wins: this line has no effect. Remove one of them.`;
  },
  includeNotFound(written: string, resolved: string): string {
    return `'${written}' does not exist (looked for ${resolved}): redis-server stops ("Fatal error, can't open config file"). Relative paths are resolved from the folder of this file, or from the redisConfig.includeBaseDirectory setting; redis-server itself resolves them from its working directory.`;
  },
  aclfileNotFound(written: string, resolved: string): string {
    return `The ACL file '${written}' does not exist (looked for ${resolved}): redis-server reads the config, then stops ("Error loading ACLs, opening file"). Relative paths are resolved like includes: from this file's folder or redisConfig.includeBaseDirectory here, from the working directory for redis-server.`;
  },
  includeCycle(written: string, chain: readonly string[]): string {
    return `'${written}' leads to a file that includes itself again (${chain.join(' → ')}): Redis has no guard against this and recurses until it crashes (redis-server 7.0 dies with a segmentation fault at startup, without logging why). Break the loop.`;
  },
  includeUnreadable(written: string, resolved: string, reason: ReadFailure): string {
    switch (reason) {
      case 'directory':
        return `'${written}' (${resolved}) is a directory: Redis cannot read it as a config. redis-server opens it, reads nothing and starts without it; to include the files in it, write '${written.replace(/\/+$/, '')}/*.conf' (Redis 7.0 and later).`;
      case 'device':
        return `'${written}' (${resolved}) is a device: Redis cannot read it as a config. redis-server reads it like a file that never ends (/dev/zero) or waits on it, and does not start.`;
      case 'fifo':
        return `'${written}' (${resolved}) is a FIFO: Redis cannot read it as a config. redis-server waits at startup until another process writes to it.`;
      case 'socket':
        return `'${written}' (${resolved}) is a socket: Redis cannot read it as a config. redis-server stops ("Fatal error, can't open config file").`;
      case 'permission':
        return `'${written}' (${resolved}) cannot be read: permission denied. If redis-server cannot read it either, it stops ("Fatal error, can't open config file").`;
      case 'undecodable-name':
        return `'${written}' holds bytes that are not UTF-8, which the editor could not decode: this tool cannot open the file, so what it sets is not checked.`;
      default:
        return `'${written}' (${resolved}) cannot be read, so what it sets is not checked.`;
    }
  },
  includeGlobLimit(written: string, where: string, limit: GlobLimit, found: number): string {
    if (limit === 'untrusted')
      return `The pattern '${written}' (${where}) matches files outside the workspace, and the workspace is not trusted: this tool does not read them, so what they set is not checked.`;
    if (limit === 'unreachable')
      return `The pattern '${written}' (${where}) names folders this editor cannot list (it shows a repository or a pull request, not the machine redis-server runs on): what the matching files set is not checked.`;
    const why = {
      matches: `matches more than ${found} files`,
      folders: 'lists too many folders',
      wildcards: 'has too many components with wildcards',
      time: 'took too long to list',
    }[limit];
    return `The pattern '${written}' (${where}) ${why}: this tool stopped there${found > 0 ? ` after ${found} files` : ''} and does not check the rest. redis-server reads every file it matches.`;
  },
  includeDepthLimit(written: string, depth: number): string {
    return `The includes under '${written}' nest more than ${depth} files deep: this tool stops following them there and does not check the rest. redis-server follows them (Redis 7.0 reads a chain of 2,000 files).`;
  },
  includeFilesLimit(written: string, which: string, files: number): string {
    const what = which === 'files' ? `more than ${files} files` : 'more text than this tool reads';
    return `The includes under '${written}' reach ${what}: this tool stopped reading there and does not check the rest.`;
  },
  includeTooLarge(written: string, resolved: string): string {
    return `'${written}' (${resolved}) is larger than 4 MB: this tool does not read it, so what it sets is not checked.`;
  },
  includeUnreachable(written: string, resolved: string): string {
    return `'${written}' (${resolved}) cannot be read from this editor (it shows a repository or a pull request, not the machine redis-server runs on): what it sets is not checked.`;
  },
  aclfileUnreachable(written: string, resolved: string): string {
    return `The ACL file '${written}' (${resolved}) cannot be read from this editor (it shows a repository or a pull request, not the machine redis-server runs on): its users are not checked. Open it on its own to check it.`;
  },
  aclfileUntrusted(written: string, resolved: string): string {
    return `The ACL file '${written}' (${resolved}) is outside the workspace, and the workspace is not trusted: this tool does not read it, so its users are not checked.`;
  },
  includeUntrusted(written: string, resolved: string): string {
    return `'${written}' (${resolved}) is outside the workspace, and the workspace is not trusted: this tool does not read it, so what it sets is not checked.`;
  },
  documentTooLarge(size: number, limit: number, lines: number): string {
    const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
    return `This file is ${mb(size)}, more than the ${mb(limit)} this tool reads: only its first ${groupDigits(lines)} lines are checked. No real config is this large; if this one is, raise redisConfig.maxFileSizeMB.`;
  },
  documentTooLong(lineLimit: number, limit: number, linesPerMegabyte: number): string {
    return `This file has more than the ${groupDigits(lineLimit)} lines this tool reads with a limit of ${(limit / (1024 * 1024)).toFixed(1)} MB: only its first ${groupDigits(lineLimit)} lines are checked. No real config is this long; if this one is, raise redisConfig.maxFileSizeMB (each megabyte allows ${groupDigits(linesPerMegabyte)} lines).`;
  },
  tooManyFindings(shown: number, total: number): string {
    return `This file has ${groupDigits(total)} findings: the editor is shown the first ${groupDigits(shown)}, in file order. The command line (redis-config-lint) reports them all.`;
  },
  unknownTarget(value: string, targets: readonly string[]): string {
    return `'${value}' is not a Redis or Valkey version (such as redis-7.0 or valkey-9.1); using the configured one instead. Versions with their own tables: ${targets.join(', ')}.`;
  },
  approximatedTarget(requested: string, target: TargetId): string {
    const asked = versionLabel(requested);
    const used = targetLabel(target);
    switch (placeAmongTables(requested)) {
      case 'newer':
        return `There is no table for ${asked} here: our tables stop at ${used}, so this file is checked as ${used}. Names ${used} does not know are reported as warnings (${asked} may accept them), and what ${asked} changed is not checked.`;
      case 'older':
        return `There is no table for ${asked} here: our tables start at ${used}, so this file is checked as ${used}. ${asked} may refuse names and values that ${used} accepts.`;
      default:
        return `There is no table for ${asked} here: this file is checked as ${used}, the nearest older version we have. Names ${used} does not know are reported as warnings (${asked} may accept them).`;
    }
  },
  approximatedVerdict(requested: string, target: TargetId): string {
    return `(Checked as ${targetLabel(target)}, the nearest version with a table: ${versionLabel(requested)} may differ.)`;
  },
  moduleConfigWithoutModule(name: string): string {
    return `'${name}' is a module setting, but no 'loadmodule' line loads a module: redis-server reads the file, then stops ("Module Configuration detected without loadmodule directive").`;
  },
  replicaofInCluster(): string {
    return `A cluster node cannot be configured as a replica with 'replicaof': redis-server refuses to start ("replicaof directive not allowed in cluster mode"). Use CLUSTER REPLICATE instead.`;
  },
  emptyDirective(deferred = false): string {
    return deferred
      ? `An empty directive name (""): redis-server reads the file, then exits ("${MODULE_QUEUE_TEXT}").`
      : 'An empty directive name ("" alone): redis-server refuses this line ("Bad directive or wrong number of arguments").';
  },
  trailingComment(directive: string, effect: 'refused' | 'module' | 'ignored', target?: TargetId): string {
    if (effect === 'module')
      return `Redis has no trailing comments: the words from '#' on are passed to the module as extra arguments. Move the comment to its own line above '${directive}'.`;
    if (effect === 'ignored') {
      return `Redis has no trailing comments: the words from '#' on become extra arguments of '${directive}', and ${target ? targetLabel(target) : 'Redis 6.x'} silently ignores a '${directive}' line with that many words, so the line does nothing. Move the comment to its own line above.`;
    }
    return `Redis has no trailing comments: the words from '#' on become extra arguments of '${directive}' and redis-server refuses the line. Move the comment to its own line above.`;
  },
  ignoredSaveLine(count: number, target: TargetId): string {
    return `'save' with ${count} argument${count === 1 ? '' : 's'}: ${targetLabel(target)} silently ignores the line, so it sets no snapshot point. Write 'save <seconds> <changes>', one pair per line, or 'save ""' to turn snapshots off.`;
  },
  duplicateDirectiveWinner(name: string): string {
    return `'${name}' is set here, and this value is the one Redis uses`;
  },
  replicaofInClusterCause(): string {
    return 'cluster mode is turned on here';
  },
  /** rename-command lines redis-server refuses; `redisText` is its own refusal. */
  renameSubcommand(from: string): string {
    return `'${from}' is a subcommand: rename-command only renames whole commands, and this form crashes redis-server 7.0 at startup.`;
  },
  renameUnknownCommand(from: string, target: TargetId): string {
    return `'${from}' is not a command of ${target} under that name (it may have been renamed or removed by an earlier line).`;
  },
  renameTargetTaken(to: string): string {
    return `'${to}' is already the name of a command.`;
  },
  renameRefused(message: string, redisText: string): string {
    return `${message} redis-server refuses this line ("${redisText}").`;
  },
} as const;
