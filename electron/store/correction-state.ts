import type { CorrectionField, LabelCorrection } from '../../shared/model/correction';

/** The standing `set` record per corrected field of one asset (fields nobody corrected are absent). */
export type StandingCorrections = Partial<Record<CorrectionField, LabelCorrection>>;

const NONE: StandingCorrections = Object.freeze({});

/**
 * The append-only log of people's corrections of local labels and what it adds up to per asset:
 * per field, the latest `set` that was not undone wins (by time, then by order of arrival), as
 * review decisions do. Kept apart from the assets, so re-analysis (a new asset record for the same
 * bytes) never touches a person's decision.
 */
export class CorrectionState {
  corrections: LabelCorrection[] = [];
  private readonly byHash = new Map<string, LabelCorrection[]>();
  private readonly undone = new Set<string>();
  private readonly standingByHash = new Map<string, StandingCorrections>();

  /** Returns the hashes whose corrections changed. */
  append(corrections: readonly LabelCorrection[]): Set<string> {
    // A fresh array keeps a snapshot in progress serialising the old one intact.
    this.corrections = [...this.corrections, ...corrections];
    const hashes = new Set<string>();
    for (const correction of corrections) {
      hashes.add(correction.hash);
      const list = this.byHash.get(correction.hash);
      if (list) list.push(correction);
      else this.byHash.set(correction.hash, [correction]);
      for (const id of correction.undoes) this.undone.add(id);
    }
    for (const hash of hashes) this.standingByHash.delete(hash);
    return hashes;
  }

  history(hash: string): readonly LabelCorrection[] {
    return this.byHash.get(hash) ?? [];
  }

  correctedHashes(): IterableIterator<string> {
    return this.byHash.keys();
  }

  isUndone(id: string): boolean {
    return this.undone.has(id);
  }

  standing(hash: string): StandingCorrections {
    const list = this.byHash.get(hash);
    if (!list) return NONE;
    let standing = this.standingByHash.get(hash);
    if (!standing) {
      standing = {};
      for (const c of list) {
        if (c.action !== 'set' || this.undone.has(c.id)) continue;
        const current = standing[c.field];
        if (!current || c.at >= current.at) standing[c.field] = c;
      }
      this.standingByHash.set(hash, standing);
    }
    return standing;
  }
}
