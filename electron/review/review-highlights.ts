/**
 * "What reviewers change": per model and field, the corrections people make most often, as
 * sentences ("calls paisley “floral”"), and how often they reject a field outright. Kept as counts
 * that each item adds to: when decisions arrive, only the items they changed are counted again
 * (the store says which), so a refresh costs what changed, not the whole log.
 */
import type { ModelAnalysis } from '../../shared/model/ai';
import { ATTRIBUTE_FIELDS, type AttributeField } from '../../shared/model/attributes';
import type { ReviewHighlights } from '../../shared/model/review';
import type { LibraryStore } from '../store';

const TOP = 20;
const EXAMPLES = 12;

/** What one decided field of one item adds to the counts. */
interface Contribution {
  key: string;
  rejected: boolean;
  change: string | null;
}

interface Tally {
  modelId: string;
  field: string;
  reviewed: number;
  rejected: number;
  changes: Map<string, Set<string>>;
}

export class ReviewHighlightsTally {
  private version: number | null = null;
  private readonly byItem = new Map<string, Contribution[]>();
  private readonly tallies = new Map<string, Tally>();

  constructor(private readonly store: LibraryStore) {}

  /** Counts what changed since the last look (everything, the first time), then reports. */
  report(): ReviewHighlights {
    const { reviews } = this.store;
    const changed = this.version === null ? null : reviews.reviewChangedSince(this.version);
    this.version = reviews.reviewVersion();
    for (const hash of changed ?? reviews.reviewedHashes()) this.recount(hash);
    return this.summary();
  }

  private recount(hash: string): void {
    for (const old of this.byItem.get(hash) ?? []) this.add(hash, old, -1);
    const fresh = contributions(this.store, hash);
    if (fresh.length > 0) this.byItem.set(hash, fresh);
    else this.byItem.delete(hash);
    for (const contribution of fresh) this.add(hash, contribution, 1);
  }

  private add(hash: string, contribution: Contribution, sign: 1 | -1): void {
    const [modelId, field] = contribution.key.split('\n');
    const tally = this.tallies.get(contribution.key) ?? {
      modelId,
      field,
      reviewed: 0,
      rejected: 0,
      changes: new Map<string, Set<string>>(),
    };
    tally.reviewed += sign;
    if (contribution.rejected) tally.rejected += sign;
    if (contribution.change) {
      const items = tally.changes.get(contribution.change) ?? new Set<string>();
      if (sign > 0) items.add(hash);
      else items.delete(hash);
      if (items.size > 0) tally.changes.set(contribution.change, items);
      else tally.changes.delete(contribution.change);
    }
    if (tally.reviewed > 0) this.tallies.set(contribution.key, tally);
    else this.tallies.delete(contribution.key);
  }

  private summary(): ReviewHighlights {
    const corrections: ReviewHighlights['corrections'] = [];
    const rejections: ReviewHighlights['rejections'] = [];
    for (const tally of this.tallies.values()) {
      const { modelId, field, reviewed, rejected } = tally;
      if (rejected > 0) rejections.push({ modelId, field, rejected, reviewed });
      for (const [change, items] of tally.changes)
        corrections.push({
          modelId,
          field,
          change,
          count: items.size,
          reviewed,
          examples: [...items].slice(0, EXAMPLES),
        });
    }
    const byCount = (a: { count: number; change: string }, b: { count: number; change: string }) =>
      b.count - a.count || a.change.localeCompare(b.change);
    return {
      corrections: corrections.sort(byCount).slice(0, TOP),
      rejections: rejections.sort((a, b) => b.rejected / b.reviewed - a.rejected / a.reviewed).slice(0, TOP),
      items: this.byItem.size,
    };
  }
}

/** Each decided field of the item: rejected, or edited from what its model said (as a change), or accepted. */
function contributions(store: LibraryStore, hash: string): Contribution[] {
  const fields = store.reviews.fieldReviews(hash);
  let analyses: ModelAnalysis[] | null = null;
  const modelValue = (modelId: string, field: AttributeField) => {
    analyses ??= store.analysis.listModelAnalyses(hash);
    return (analyses.find((a) => a.modelId === modelId)?.attributes as Record<string, unknown> | undefined)?.[field];
  };
  const out: Contribution[] = [];
  for (const field of ATTRIBUTE_FIELDS) {
    const { state, modelId, value } = fields[field];
    if (state === 'pending' || !modelId) continue;
    const change = state === 'edited' ? describeChange(modelValue(modelId, field), value) : null;
    out.push({ key: `${modelId}\n${field}`, rejected: state === 'rejected', change });
  }
  return out;
}

/** A reviewer's edit of a model's value as a short phrase, grouping like edits together. */
export function describeChange(model: unknown, reviewer: unknown): string {
  if (typeof model === 'string' && typeof reviewer === 'string') return `calls ${reviewer} “${model}”`;
  if (Array.isArray(model) && Array.isArray(reviewer)) {
    const said = model.map(label);
    const meant = reviewer.map(label);
    const wrong = said.filter((v) => !meant.includes(v));
    const missed = meant.filter((v) => !said.includes(v));
    if (wrong.length === 1 && missed.length === 1) return `calls ${missed[0]} “${wrong[0]}”`;
    if (wrong.length === 0 && missed.length > 0) return `misses ${missed.join(', ')}`;
    if (missed.length === 0 && wrong.length > 0) return `adds “${wrong.join('”, “')}” that is not there`;
    return `says “${said.join(', ')}” for ${meant.join(', ')}`;
  }
  return `says “${label(model)}” for ${label(reviewer)}`;
}

/** A value as people read it: a colour by its name, anything else as text. */
function label(value: unknown): string {
  if (value && typeof value === 'object' && 'name' in value) return String((value as { name: unknown }).name);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
