/**
 * The project file `.redis-config.json`: the settings of a repository, read alike by the
 * editor, the CLI and CI. The nearest one upwards from a checked file wins (no merging of
 * several files, as in ruff); the search stops at the filesystem root or at a VCS root (a
 * folder holding `.git`, `.hg`, `.svn` or `.jj`), after looking in it.
 *
 * ```json
 * { "targetVersion": "redis-7.2", "rules": { "unbounded-memory": "off" },
 *   "overrides": [{ "files": ["dev/**"], "profile": "development" }] }
 * ```
 *
 * `overrides` apply in order to the files their globs match; a glob is relative to the
 * folder of the project file, and one without a slash matches a file name anywhere below
 * it (as in .gitignore). Pure: reading goes through `ProjectFs`.
 */
import { minimatch } from 'minimatch';
import { PROJECT_FILE_NAME } from './names';
import { readSettings, type UserSettings } from './schema';

export { PROJECT_FILE_NAME } from './names';

export interface ProjectOverride {
  readonly files: readonly string[];
  readonly settings: UserSettings;
}

export interface ProjectFile {
  /** Absolute path of the `.redis-config.json`. */
  readonly path: string;
  /** Its folder, where globs and a relative includeBaseDirectory start. */
  readonly dir: string;
  readonly settings: UserSettings;
  readonly overrides: readonly ProjectOverride[];
  /** Invalid JSON, unknown keys, invalid values: each one line, naming the file. */
  readonly problems: readonly string[];
}

/** What the search needs from the file system. */
export interface ProjectFs {
  /** The text of a file, or undefined when it is missing or unreadable. */
  read(path: string): string | undefined;
  /** True when the folder is the root of a repository (it holds .git, .hg, ...). */
  isVcsRoot(dir: string): boolean;
}

export const VCS_MARKERS = ['.git', '.hg', '.svn', '.jj'] as const;

const slashed = (p: string): string => p.replace(/\\/g, '/');

function parentOf(dir: string): string | undefined {
  const s = slashed(dir).replace(/\/+$/, '');
  const i = s.lastIndexOf('/');
  if (i < 0) return undefined;
  const parent = i === 0 ? '/' : s.slice(0, i);
  // A Windows drive root ("C:") keeps its slash.
  return /^[A-Za-z]:$/.test(parent) ? `${parent}/` : parent;
}

function joinPath(dir: string, name: string): string {
  const d = slashed(dir);
  return d.endsWith('/') ? `${d}${name}` : `${d}/${name}`;
}

function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/** `a/b/../c` → `a/c`; keeps a leading slash or drive. */
function normalise(p: string): string {
  const s = slashed(p);
  const lead = /^([A-Za-z]:)?\//.exec(s)?.[0] ?? '';
  const out: string[] = [];
  for (const part of s.slice(lead.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return lead + out.join('/');
}

/** The nearest project file at or above `dir`, with its text. */
export function findProjectFile(dir: string, fs: ProjectFs): { path: string; text: string } | undefined {
  for (let current: string | undefined = dir; current !== undefined; current = parentOf(current)) {
    const path = joinPath(current, PROJECT_FILE_NAME);
    const text = fs.read(path);
    if (text !== undefined) return { path, text };
    if (fs.isVcsRoot(current)) return undefined;
  }
  return undefined;
}

/** The folder of a file path. */
export function folderOf(path: string): string {
  return parentOf(path) ?? '.';
}

/** Reads a project file's text; never throws: what is wrong goes to `problems`. */
export function parseProjectFile(text: string, path: string): ProjectFile {
  const dir = folderOf(path);
  const problems: string[] = [];
  const empty = { path, dir, settings: {}, overrides: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ...empty, problems: [`${path}: not valid JSON: ${err instanceof Error ? err.message : String(err)}`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...empty, problems: [`${path}: expected a JSON object`] };
  const { overrides: rawOverrides, $schema: _schema, ...rest } = raw as Record<string, unknown>;
  const base = readSettings(rest, (k) => `'${k}' in ${path}`);
  problems.push(...base.problems);
  const overrides: ProjectOverride[] = [];
  if (rawOverrides !== undefined) {
    if (!Array.isArray(rawOverrides)) problems.push(`'overrides' in ${path}: expected an array of { "files": [...], ...settings }`);
    else {
      rawOverrides.forEach((entry: unknown, i) => {
        const where = `overrides[${i}] in ${path}`;
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
          problems.push(`${where}: expected an object with "files"`);
          return;
        }
        const { files, ...settings } = entry as Record<string, unknown>;
        const globs = typeof files === 'string' ? [files] : files;
        if (!Array.isArray(globs) || globs.length === 0 || !globs.every((g) => typeof g === 'string' && g.trim() !== '')) {
          problems.push(`${where}: "files" must be a non-empty list of globs`);
          return;
        }
        const read = readSettings(settings, (k) => `'${k}' in ${where}`);
        problems.push(...read.problems);
        overrides.push({ files: globs as string[], settings: withBase(read.settings, dir) });
      });
    }
  }
  return { path, dir, settings: withBase(base.settings, dir), overrides, problems };
}

/** A relative includeBaseDirectory starts from the project file's folder. */
function withBase(settings: UserSettings, dir: string): UserSettings {
  const base = settings.includeBaseDirectory;
  if (base === undefined || isAbsolutePath(base)) return settings;
  return { ...settings, includeBaseDirectory: normalise(joinPath(dir, base)) };
}

/** The path of `file` relative to the project folder, or undefined when outside it. */
function relativeTo(project: ProjectFile, file: string): string | undefined {
  const dir = slashed(project.dir).replace(/\/+$/, '');
  const f = normalise(file);
  if (dir === '') return f;
  if (!f.startsWith(`${dir}/`)) return undefined;
  return f.slice(dir.length + 1);
}

function matches(project: ProjectFile, override: ProjectOverride, file: string): boolean {
  const rel = relativeTo(project, file);
  if (rel === undefined) return false;
  return override.files.some((g) => minimatch(rel, g.replace(/^\.\//, ''), { dot: true, matchBase: !g.includes('/') }));
}

/** The project's settings for one file: the top level, then each override that matches, in order. */
export function projectSettingsFor(project: ProjectFile, file: string): UserSettings {
  let out: UserSettings = project.settings;
  for (const o of project.overrides) {
    if (!matches(project, o, file)) continue;
    out = { ...out, ...o.settings, ...(out.rules || o.settings.rules ? { rules: { ...out.rules, ...o.settings.rules } } : {}) };
  }
  return out;
}

/** True when an override names the file: the CLI then checks it whatever its name. */
export function namedByOverride(project: ProjectFile, file: string): boolean {
  return project.overrides.some((o) => matches(project, o, file));
}
