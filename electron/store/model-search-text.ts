import { ATTRIBUTE_FIELDS, type AttributeField } from '../../shared/model/attributes';
import type { AiSettings, ModelAnalysis } from '../../shared/model/ai';
import type { FieldReview } from '../../shared/model/review';

export interface SearchPolicy {
  /** Unreviewed answers are searchable. */
  searchUnreviewed: boolean;
  /** Models trusted for a field: their unreviewed answers for it always count. */
  trustedFields: readonly { modelId: string; field: AttributeField }[];
}

/** The team's search policy, with the defaults that hold until AI settings are first saved. */
export function searchPolicyOf(settings: AiSettings | null): SearchPolicy {
  return { searchUnreviewed: settings?.searchUnreviewed ?? true, trustedFields: settings?.trustedFields ?? [] };
}

/**
 * The words of model answers that free-text search matches: reviewed values always (accepted
 * or the reviewer's edit), unreviewed answers of a trusted model for that field, other
 * unreviewed answers only when the team lets them count, rejected fields never.
 */
export function modelSearchText(
  analyses: readonly ModelAnalysis[],
  fields: Record<AttributeField, FieldReview>,
  policy: SearchPolicy,
): string {
  const words: string[] = [];
  for (const field of ATTRIBUTE_FIELDS) {
    const review = fields[field];
    if (review.state === 'accepted' || review.state === 'edited') addFieldWords(review.value, words);
    if (review.state !== 'pending') continue;
    for (const a of analyses) {
      if (policy.searchUnreviewed || isTrusted(policy, a.modelId, field)) addFieldWords(a.attributes[field], words);
    }
  }
  return words.join('\n').toLowerCase();
}

export function isTrusted(
  policy: Pick<SearchPolicy, 'trustedFields'>,
  modelId: string,
  field: AttributeField,
): boolean {
  return policy.trustedFields.some((t) => t.modelId === modelId && t.field === field);
}

/** Strings anywhere in a field's value (lists, colour objects), numbers left out; into one list, as a library loads. */
function addFieldWords(value: unknown, words: string[]): void {
  if (typeof value === 'string') words.push(value);
  else if (Array.isArray(value)) for (const item of value) addFieldWords(item, words);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) addFieldWords(item, words);
}
