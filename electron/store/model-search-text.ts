import { ATTRIBUTE_FIELDS, type AttributeField } from '../../shared/model/attributes';
import type { ModelAnalysis } from '../../shared/model/ai';
import type { FieldReview } from '../../shared/model/review';

/**
 * The words of model answers that free-text search matches: reviewed values always (accepted
 * or the reviewer's edit), unreviewed answers only when the team lets them count, rejected
 * fields never.
 */
export function modelSearchText(analyses: readonly ModelAnalysis[], fields: Record<AttributeField, FieldReview>, searchUnreviewed: boolean): string {
  const words: string[] = [];
  for (const field of ATTRIBUTE_FIELDS) {
    const review = fields[field];
    if (review.state === 'accepted' || review.state === 'edited') words.push(...fieldWords(review.value));
    else if (review.state === 'pending' && searchUnreviewed) for (const a of analyses) words.push(...fieldWords(a.attributes[field]));
  }
  return words.join('\n').toLowerCase();
}

/** Strings anywhere in a field's value (lists, colour objects), numbers left out. */
function fieldWords(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(fieldWords);
  if (value && typeof value === 'object') return Object.values(value).flatMap(fieldWords);
  return [];
}
