/**
 * Which open documents include which files, so that an included file is checked against the
 * version of a file that includes it. The answer for a file does not depend on the order the
 * documents were opened or analysed: when several open documents include it, the one with the
 * smallest URI decides. A closed document includes nothing.
 */
import type { TargetId } from '../knowledge/types';

export interface Includer {
  readonly includer: string;
  readonly target: TargetId;
}

export class IncludedBy {
  /** Per includer (a document URI): its target and the files it includes (URIs). */
  private readonly byIncluder = new Map<string, { readonly target: TargetId; readonly files: ReadonlySet<string> }>();

  /** The document whose version an included file is checked against, if any open document includes it. */
  of(file: string): Includer | undefined {
    let best: Includer | undefined;
    for (const [includer, entry] of this.byIncluder) {
      if (entry.files.has(file) && (best === undefined || includer < best.includer)) best = { includer, target: entry.target };
    }
    return best;
  }

  /** Records what a document includes now; returns the files whose includer or target changed. */
  set(includer: string, target: TargetId, files: ReadonlySet<string>): string[] {
    const old = this.byIncluder.get(includer);
    // The usual case on an edit: the document includes what it included before (often nothing).
    if (old ? old.target === target && sameSet(old.files, files) : files.size === 0) return [];
    const touched = new Set([...(old?.files ?? []), ...files]);
    const before = new Map([...touched].map((f) => [f, this.of(f)]));
    if (files.size === 0) this.byIncluder.delete(includer);
    else this.byIncluder.set(includer, { target, files });
    return changed(before, (f) => this.of(f));
  }

  /** Forgets a closed document; returns the files whose includer or target changed. */
  delete(includer: string): string[] {
    const old = this.byIncluder.get(includer);
    if (!old) return [];
    const before = new Map([...old.files].map((f) => [f, this.of(f)]));
    this.byIncluder.delete(includer);
    return changed(before, (f) => this.of(f));
  }
}

function changed(before: ReadonlyMap<string, Includer | undefined>, now: (file: string) => Includer | undefined): string[] {
  return [...before]
    .filter(([file, was]) => {
      const is = now(file);
      return was?.includer !== is?.includer || was?.target !== is?.target;
    })
    .map(([file]) => file);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
