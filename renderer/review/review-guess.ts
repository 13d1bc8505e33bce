import { ATTRIBUTE_FIELDS, type AttributeField, type DecisionInput, type FieldReview, type ReviewItem } from '../../shared/model';

/** Rejected when every field is, accepted once none is pending (as electron/store/review-state.ts decides). */
function itemStatus(fields: Record<AttributeField, FieldReview>): ReviewItem['status'] {
  const states = ATTRIBUTE_FIELDS.map((field) => fields[field].state);
  if (states.every((state) => state === 'rejected')) return 'rejected';
  return states.includes('pending') ? 'pending' : 'accepted';
}

/**
 * The item as the engine will see it after these decisions, shown while the engine records
 * them so a keypress never waits on a round trip. The engine's answer replaces it.
 */
export function guessDecided(item: ReviewItem, decisions: readonly DecisionInput[], reviewer: string, at = Date.now()): ReviewItem {
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
  return { ...item, fields, status: itemStatus(fields) };
}
