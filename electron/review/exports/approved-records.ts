/**
 * What reviewers approved, one record per image: each field's accepted or edited value
 * (fields still pending or rejected are left out), and the local analyzer's labels as people
 * corrected them, with the file's path relative to the library folder it is in. An image with
 * a correction but no model answer is exported too.
 */
import path from 'node:path';
import { ATTRIBUTE_FIELDS, type AttributeField, type ModelAttributes } from '../../../shared/model/attributes';
import { CORRECTION_FIELDS, type CorrectionField, type LocalLabels } from '../../../shared/model/correction';
import { effectiveLabels, type LibraryStore } from '../../store';
import { isUnder } from '../../store/paths';
import { isTrusted } from '../../store/model-search-text';

export type ApprovedValues = Partial<Omit<ModelAttributes, 'confidence'>>;

export interface ApprovedRecord {
  /** Relative to `library`, with forward slashes. */
  path: string;
  /** The library folder's name. */
  library: string;
  hash: string;
  status: 'pending' | 'accepted' | 'rejected';
  attributes: ApprovedValues;
  /** Per approved field: who decided, on whose answer, whether they edited it; or the trusted model it came from unreviewed. */
  provenance: Partial<
    Record<AttributeField, { reviewer: string | null; modelId: string; edited: boolean; trusted: boolean }>
  >;
  /** Pattern labels, colour names and repeat size: a person's correction where there is one, else the local analyzer's. */
  labels: LocalLabels;
  /** Per corrected label: who corrected it, when, and what the local analyzer had said. */
  corrections: Partial<Record<CorrectionField, { reviewer: string; at: number; localValue: unknown }>>;
}

export function approvedRecords(store: LibraryStore): ApprovedRecord[] {
  const folders = store.listFolders().map((f) => f.path);
  const trusted = store.analysis.getAiSettings()?.trustedFields ?? [];
  const records: ApprovedRecord[] = [];
  const hashes = new Set([...store.reviews.analysedHashes(), ...store.corrections.correctedHashes()]);
  for (const hash of hashes) {
    const asset = store.getAsset(hash);
    if (!asset) continue;
    const standing = store.corrections.standingCorrections(hash);
    const corrections: ApprovedRecord['corrections'] = {};
    for (const field of CORRECTION_FIELDS) {
      const record = standing[field];
      if (record) corrections[field] = { reviewer: record.reviewer, at: record.at, localValue: record.localValue };
    }
    const fields = store.reviews.fieldReviews(hash);
    const attributes: Record<string, unknown> = {};
    const provenance: ApprovedRecord['provenance'] = {};
    const analyses = trusted.length ? store.analysis.listModelAnalyses(hash) : [];
    for (const field of ATTRIBUTE_FIELDS) {
      const review = fields[field];
      if (review.state === 'accepted' || review.state === 'edited') {
        attributes[field] = review.value;
        provenance[field] = {
          reviewer: review.reviewer,
          modelId: review.modelId ?? '',
          edited: review.state === 'edited',
          trusted: false,
        };
        continue;
      }
      // A field nobody decided still counts when the team trusts the model that answered it.
      const answer =
        review.state === 'pending'
          ? analyses.findLast((a) => isTrusted({ trustedFields: trusted }, a.modelId, field))
          : undefined;
      if (!answer) continue;
      attributes[field] = answer.attributes[field];
      provenance[field] = { reviewer: null, modelId: answer.modelId, edited: false, trusted: true };
    }
    if (Object.keys(attributes).length === 0 && Object.keys(corrections).length === 0) continue;
    const location = asset.locations[0]?.path ?? '';
    const root = folders.find((f) => isUnder(location, f)) ?? path.dirname(location);
    records.push({
      path: path.relative(root, location).split(path.sep).join('/'),
      library: path.basename(root),
      hash,
      status: store.reviews.reviewStatus(hash),
      attributes: attributes as ApprovedValues,
      provenance,
      labels: effectiveLabels(asset.analysis, standing),
      corrections,
    });
  }
  return records.sort((a, b) => a.library.localeCompare(b.library) || a.path.localeCompare(b.path));
}
