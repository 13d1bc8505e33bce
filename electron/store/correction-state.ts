import type { CorrectionField, LabelCorrection } from '../../shared/model/correction';
import { UndoableLog } from './undoable-log';

/** The standing `set` record per corrected field of one asset (fields nobody corrected are absent). */
export type StandingCorrections = Partial<Record<CorrectionField, LabelCorrection>>;

const NONE: StandingCorrections = Object.freeze({});

/**
 * People's corrections of local labels and what they add up to per asset: per field, the latest
 * `set` that was not undone wins. Kept apart from the assets, so re-analysis (a new asset record
 * for the same bytes) never touches a person's decision.
 */
export class CorrectionState {
  private readonly log = new UndoableLog<LabelCorrection>();
  private readonly standingByHash = new Map<string, StandingCorrections>();

  get corrections(): LabelCorrection[] {
    return this.log.records;
  }

  /** Returns the hashes whose corrections changed. */
  append(corrections: readonly LabelCorrection[]): Set<string> {
    const hashes = this.log.append(corrections);
    for (const hash of hashes) this.standingByHash.delete(hash);
    return hashes;
  }

  /** The same corrections, in the order the log lists them (see UndoableLog.reorder). */
  reorder(corrections: LabelCorrection[]): void {
    this.log.reorder(corrections);
  }

  history(hash: string): readonly LabelCorrection[] {
    return this.log.history(hash);
  }

  correctedHashes(): IterableIterator<string> {
    return this.log.hashes();
  }

  standing(hash: string): StandingCorrections {
    if (!this.log.has(hash)) return NONE;
    let standing = this.standingByHash.get(hash);
    if (!standing) {
      const latest = this.log.standing(
        hash,
        (c) => c.field,
        (c) => c.action === 'set',
      );
      standing = Object.fromEntries(latest) as StandingCorrections;
      this.standingByHash.set(hash, standing);
    }
    return standing;
  }
}
