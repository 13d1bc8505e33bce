import { ATTRIBUTE_FIELDS, itemReviewStatus, type DecisionInput, type ReviewItem } from '../../shared/model';

/**
 * The item as the engine will see it after these decisions, shown while the engine records
 * them so a keypress never waits on a round trip. The engine's answer replaces it.
 */
export function guessDecided(
  item: ReviewItem,
  decisions: readonly DecisionInput[],
  reviewer: string,
  at = Date.now(),
): ReviewItem {
  const fields = { ...item.fields };
  for (const decision of decisions) {
    const source = item.analyses.find((a) => a.modelId === (decision.modelId ?? item.modelId));
    const targets = decision.field === 'item' ? ATTRIBUTE_FIELDS : [decision.field];
    for (const field of targets) {
      const common = { modelId: source?.modelId ?? null, reviewer, at };
      if (decision.action === 'reject') fields[field] = { ...common, state: 'rejected', value: null };
      else if (decision.action === 'edit') fields[field] = { ...common, state: 'edited', value: decision.value };
      else fields[field] = { ...common, state: 'accepted', value: source?.attributes[field] ?? null };
    }
  }
  return { ...item, fields, status: itemReviewStatus(ATTRIBUTE_FIELDS.map((field) => fields[field])) };
}
