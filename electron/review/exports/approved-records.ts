/**
 * What reviewers approved, one record per image: each field's accepted or edited value
 * (fields still pending or rejected are left out), with the file's path relative to the
 * library folder it is in.
 */
import path from 'node:path';
import { ATTRIBUTE_FIELDS, type AttributeField, type ModelAttributes } from '../../../shared/model/attributes';
import type { LibraryStore } from '../../store';
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
}

export function approvedRecords(store: LibraryStore): ApprovedRecord[] {
  const folders = store.listFolders().map((f) => f.path);
  const trusted = store.analysis.getAiSettings()?.trustedFields ?? [];
  const records: ApprovedRecord[] = [];
  for (const hash of store.reviews.analysedHashes()) {
    const asset = store.getAsset(hash);
    if (!asset) continue;
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
    if (Object.keys(attributes).length === 0) continue;
    const location = asset.locations[0]?.path ?? '';
    const root = folders.find((f) => isUnder(location, f)) ?? path.dirname(location);
    records.push({
      path: path.relative(root, location).split(path.sep).join('/'),
      library: path.basename(root),
      hash,
      status: store.reviews.reviewStatus(hash),
      attributes: attributes as ApprovedValues,
      provenance,
    });
  }
  return records.sort((a, b) => a.library.localeCompare(b.library) || a.path.localeCompare(b.path));
}
