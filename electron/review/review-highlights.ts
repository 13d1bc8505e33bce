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
/** Free text (a description, keywords) differs between any two models: only the vocabulary fields are compared. */
const COMPARED_FIELDS = ATTRIBUTE_FIELDS.filter((field) => field !== 'description' && field !== 'keywords');
const EXAMPLES = 12;

/** What one decided field of one item adds to the counts. */
interface Contribution {
  key: string;
  rejected: boolean;
  change: string | null;
}

/** Two models' answers for one field of one reviewed item: the same or not. */
interface Comparison {
  key: string;
  differ: boolean;
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
  private readonly comparedByItem = new Map<string, Comparison[]>();
  private readonly pairs = new Map<string, { items: number; differ: number }>();

  constructor(private readonly store: LibraryStore) {}

  /**
   * Counts what changed since the last look (everything, the first time), then reports; `trusted`
   * are the model fields whose answers count before review (Settings).
   */
  report(trusted: readonly { modelId: string; field: string }[] = []): ReviewHighlights {
    const { reviews } = this.store;
    const changed = this.version === null ? null : reviews.reviewChangedSince(this.version);
    this.version = reviews.reviewVersion();
    for (const hash of changed ?? reviews.reviewedHashes()) this.recount(hash);
    return this.summary(trusted);
  }

  private recount(hash: string): void {
    for (const old of this.byItem.get(hash) ?? []) this.add(hash, old, -1);
    const fresh = contributions(this.store, hash);
    if (fresh.length > 0) this.byItem.set(hash, fresh);
    else this.byItem.delete(hash);
    for (const contribution of fresh) this.add(hash, contribution, 1);
    for (const old of this.comparedByItem.get(hash) ?? []) this.compare(old, -1);
    const compared = fresh.length > 0 ? comparisons(this.store, hash) : [];
    if (compared.length > 0) this.comparedByItem.set(hash, compared);
    else this.comparedByItem.delete(hash);
    for (const comparison of compared) this.compare(comparison, 1);
  }

  private compare({ key, differ }: Comparison, sign: 1 | -1): void {
    const pair = this.pairs.get(key) ?? { items: 0, differ: 0 };
    pair.items += sign;
    if (differ) pair.differ += sign;
    if (pair.items > 0) this.pairs.set(key, pair);
    else this.pairs.delete(key);
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

  private summary(trusted: readonly { modelId: string; field: string }[]): ReviewHighlights {
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
    const disagreements = [...this.pairs]
      .map(([key, { items, differ }]) => {
        const [a, b, field] = key.split('\n');
        return { models: [a, b] as [string, string], field, items, differ };
      })
      .filter((pair) => pair.differ > 0)
      .sort((x, y) => y.differ / y.items - x.differ / x.items || y.items - x.items)
      .slice(0, TOP);
    const overturned = trusted.flatMap(({ modelId, field }) => {
      const tally = this.tallies.get(`${modelId}\n${field}`);
      if (!tally) return [];
      const edited = [...tally.changes.values()].reduce((sum, items) => sum + items.size, 0);
      return [{ modelId, field, overturned: edited + tally.rejected, reviewed: tally.reviewed }];
    });
    return {
      disagreements,
      overturned,
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

/** For an item two or more models answered: per field and pair of models, whether their answers differ. */
function comparisons(store: LibraryStore, hash: string): Comparison[] {
  const answers = store.analysis.listModelAnalyses(hash);
  const latest = new Map<string, Record<string, unknown>>();
  for (const answer of answers) latest.set(answer.modelId, answer.attributes as Record<string, unknown>);
  const models = [...latest.keys()].sort();
  const out: Comparison[] = [];
  for (let i = 0; i < models.length; i++)
    for (let j = i + 1; j < models.length; j++)
      for (const field of COMPARED_FIELDS) {
        const differ = canonical(latest.get(models[i])![field]) !== canonical(latest.get(models[j])![field]);
        out.push({ key: `${models[i]}\n${models[j]}\n${field}`, differ });
      }
  return out;
}

/** A value compared without regard to the order of a list's items or letter case. */
function canonical(value: unknown): string {
  if (Array.isArray(value))
    return JSON.stringify(
      value
        .map(label)
        .map((v) => v.toLowerCase())
        .sort(),
    );
  return JSON.stringify(typeof value === 'string' ? value.toLowerCase() : value);
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
