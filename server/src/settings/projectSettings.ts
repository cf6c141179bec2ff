/**
 * Project files as a front end uses them: each found once per folder and cached, until
 * `forget()` (a watched-file event in the editor). Shared by the language server and the
 * CLI, so both read `.redis-config.json` the same way.
 */
import { findProjectFile, folderOf, parseProjectFile, projectSettingsFor, type ProjectFile, type ProjectFs } from './projectFile';
import type { UserSettings } from './schema';

export class ProjectFiles {
  private readonly byFolder = new Map<string, ProjectFile | null>();

  /** `onProblems` hears of each project file's problems once per reading of it. */
  constructor(
    private readonly fs: ProjectFs,
    private readonly onProblems: (project: ProjectFile) => void = () => undefined,
  ) {}

  /** The project file that governs a file, if any. */
  projectOf(file: string): ProjectFile | undefined {
    const dir = folderOf(file);
    let found = this.byFolder.get(dir);
    if (found === undefined) {
      const hit = findProjectFile(dir, this.fs);
      // Several folders share one project file: parse it once.
      const known = hit ? [...this.byFolder.values()].find((p) => p?.path === hit.path) : undefined;
      found = hit ? (known ?? parseProjectFile(hit.text, hit.path)) : null;
      if (found && !known && found.problems.length) this.onProblems(found);
      this.byFolder.set(dir, found);
    }
    return found ?? undefined;
  }

  /** The project's settings for a file (empty when no project file governs it). */
  settingsFor(file: string): UserSettings {
    const project = this.projectOf(file);
    return project ? projectSettingsFor(project, file) : {};
  }

  forget(): void {
    this.byFolder.clear();
  }
}
