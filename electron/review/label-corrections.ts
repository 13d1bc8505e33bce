/**
 * People's corrections of what the local analyzer said (pattern labels, colour names, repeat
 * size): append-only records with the reviewer's name and time, undone by new records, as review
 * decisions are. The store applies them to search and facets at once and keeps them over any
 * later local answer for the same bytes.
 */
import { randomUUID } from 'node:crypto';
import type { Asset } from '../../shared/model/asset';
import {
  CORRECTION_FIELDS,
  type AssetLabels,
  type CorrectionField,
  type CorrectionInput,
  type LabelCorrection,
  type LocalLabels,
} from '../../shared/model/correction';
import { InvalidRequestError, NotFoundError } from '../../shared/errors';
import { effectiveLabels, localLabels, type LibraryStore } from '../store';

export class CorrectionInputError extends InvalidRequestError {}

/** The part of an asset's labels each correctable field sets. */
const LABEL_OF = { pattern: 'patterns', colours: 'colours', repeat: 'repeat' } as const satisfies Record<
  CorrectionField,
  keyof LocalLabels
>;

export type UndoTarget = { reviewer: string; hash: string } | { reviewer: string; batch: string };

export class LabelCorrectionService {
  constructor(
    private readonly store: LibraryStore,
    private readonly now: () => number = Date.now,
  ) {}

  labels(hash: string): AssetLabels {
    const asset = this.asset(hash);
    const standing = this.store.corrections.standingCorrections(hash);
    const corrected = Object.fromEntries(
      CORRECTION_FIELDS.map((field) => {
        const record = standing[field];
        return [field, record ? { reviewer: record.reviewer, at: record.at, batch: record.batch } : null];
      }),
    ) as AssetLabels['corrected'];
    return {
      hash,
      local: {
        ...localLabels(asset.analysis),
        confidence: asset.analysis.pattern.confidence,
        version: asset.analysis.version,
      },
      effective: effectiveLabels(asset.analysis, standing),
      corrected,
      history: this.store.corrections.correctionHistory(hash),
    };
  }

  /**
   * Records every change for every image as one batch (one write, one undo). A value equal to
   * what already counts for an image is not recorded: it corrects nothing.
   */
  correct(
    hashes: readonly string[],
    reviewer: string,
    inputs: readonly CorrectionInput[],
  ): { batch: string | null; changed: number } {
    const batch = randomUUID();
    const at = this.now();
    const records: LabelCorrection[] = [];
    for (const hash of new Set(hashes)) {
      const asset = this.asset(hash);
      const local = localLabels(asset.analysis);
      const effective = effectiveLabels(asset.analysis, this.store.corrections.standingCorrections(hash));
      for (const { field, value } of inputs) {
        const previous = effective[LABEL_OF[field]];
        if (JSON.stringify(previous) === JSON.stringify(value)) continue;
        const localValue = local[LABEL_OF[field]];
        const base = { id: randomUUID(), batch, at, reviewer, hash, field, undoes: [] };
        records.push({ ...base, action: 'set', value, localValue, localVersion: asset.analysis.version, previous });
      }
    }
    if (records.length) this.store.corrections.recordLabelCorrections(records);
    return { batch: records.length ? batch : null, changed: new Set(records.map((r) => r.hash)).size };
  }

  /**
   * Takes back a whole batch (a bulk label for a selection), or this reviewer's latest standing
   * correction on one image (with the rest of its batch on that image), as new undo records.
   */
  undo(target: UndoTarget): { undone: number } {
    const taken = 'batch' in target ? this.standingBatch(target.batch) : this.latestOn(target.hash, target.reviewer);
    if (taken.length === 0) throw new CorrectionInputError('nothing of yours to undo here');
    if (taken.some((c) => c.reviewer !== target.reviewer))
      throw new CorrectionInputError('those corrections were made by someone else');
    const batch = randomUUID();
    const at = this.now();
    this.store.corrections.recordLabelCorrections(
      taken.map((c) => ({
        id: randomUUID(),
        batch,
        at,
        reviewer: target.reviewer,
        hash: c.hash,
        field: c.field,
        action: 'undo',
        value: null,
        localValue: c.localValue,
        localVersion: c.localVersion,
        previous: c.value,
        undoes: [c.id],
      })),
    );
    return { undone: taken.length };
  }

  private standingBatch(batch: string): LabelCorrection[] {
    const all = this.store.corrections.listLabelCorrections();
    const undone = new Set(all.flatMap((c) => c.undoes));
    return all.filter((c) => c.batch === batch && c.action === 'set' && !undone.has(c.id));
  }

  private latestOn(hash: string, reviewer: string): LabelCorrection[] {
    const history = this.store.corrections.correctionHistory(hash);
    const undone = new Set(history.flatMap((c) => c.undoes));
    const standing = history.filter((c) => c.action === 'set' && !undone.has(c.id) && c.reviewer === reviewer);
    const last = standing.reduce<LabelCorrection | null>((a, c) => (!a || c.at >= a.at ? c : a), null);
    return last ? standing.filter((c) => c.batch === last.batch) : [];
  }

  private asset(hash: string): Asset {
    const asset = this.store.getAsset(hash);
    if (!asset) throw new NotFoundError(`no image ${hash.slice(0, 12)}… in the library`);
    return asset;
  }
}
