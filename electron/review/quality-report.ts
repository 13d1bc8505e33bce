/**
 * How trustworthy each model is, from the review log: acceptance per model and per field,
 * edits per field, acceptances per dollar (what routing should prefer), reviewer throughput
 * and agreement between reviewers who decided the same field of the same item; and how often people
 * corrected the local analyzer, with its pattern confusion as they see it.
 */
import type { ModelAnalysis } from '../../shared/model/ai';
import { ATTRIBUTE_FIELDS, type AttributeField } from '../../shared/model/attributes';
import type { FieldReview, QualityReport, QualityRow, ReviewDecision } from '../../shared/model/review';
import { ReviewState } from '../store/review-state';
import { CorrectionState } from '../store';
import type { LabelCorrection } from '../../shared/model/correction';

/** A pause longer than this ends a reviewing session (for items per hour). */
const SESSION_GAP_MS = 10 * 60_000;
/** A session of one decision still took some time. */
const MIN_SESSION_MS = 60_000;

type Outcome = Exclude<FieldReview['state'], 'pending'>;
type Counts = Record<Outcome, number>;

interface DecidedField {
  hash: string;
  field: AttributeField;
  modelId: string;
  outcome: Outcome;
}

export function qualityReport(
  decisions: readonly ReviewDecision[],
  analysesOf: (hash: string) => ModelAnalysis[],
  corrections: readonly LabelCorrection[] = [],
): Omit<QualityReport, 'highlights' | 'highlightsSummary'> {
  const decided = decidedFields(decisions);
  const byModel = new Map<string, Counts>();
  const byField = new Map<string, Counts>();
  for (const d of decided) {
    count(byModel, d.modelId, d.outcome);
    count(byField, d.field, d.outcome);
  }
  return {
    byModel: rows(byModel),
    byField: rows(byField),
    acceptedPerDollar: acceptedPerDollar(decided, analysesOf),
    reviewers: throughput(decisions),
    agreement: agreement(decisions),
    ...localFigures(corrections),
  };
}

/**
 * Standing corrections only (undone ones left out), per field; and for pattern labels, the
 * dominant label the local analyzer gave (as the person saw it when correcting) against theirs.
 */
function localFigures(
  corrections: readonly LabelCorrection[],
): Pick<QualityReport, 'localCorrections' | 'localConfusion'> {
  const log = new CorrectionState();
  log.append(corrections);
  const perField = new Map<string, number>();
  const pairs = new Map<string, { local: string; corrected: string; count: number }>();
  for (const hash of log.correctedHashes()) {
    for (const record of Object.values(log.standing(hash))) {
      perField.set(record.field, (perField.get(record.field) ?? 0) + 1);
      if (record.field !== 'pattern') continue;
      const local = (record.localValue as string[])[0];
      const corrected = (record.value as string[])[0];
      const pair = pairs.get(`${local}\n${corrected}`) ?? { local, corrected, count: 0 };
      pair.count++;
      pairs.set(`${local}\n${corrected}`, pair);
    }
  }
  return {
    localCorrections: [...perField]
      .map(([field, count]) => ({ field, count }))
      .sort((a, b) => a.field.localeCompare(b.field)),
    localConfusion: [...pairs.values()].sort(
      (a, b) => b.count - a.count || a.local.localeCompare(b.local) || a.corrected.localeCompare(b.corrected),
    ),
  };
}

/**
 * Where each field of each item stands now, worked out by the same ReviewState the library
 * uses, so the figures count exactly what reviewers see (undone decisions left out, a whole-item
 * reject covering the fields not decided after it).
 */
function decidedFields(decisions: readonly ReviewDecision[]): DecidedField[] {
  const log = new ReviewState();
  log.load(decisions);
  const decided: DecidedField[] = [];
  for (const hash of log.reviewedHashes()) {
    const fields = log.fields(hash);
    for (const field of ATTRIBUTE_FIELDS) {
      const { state, modelId } = fields[field];
      if (state !== 'pending') decided.push({ hash, field, modelId: modelId ?? '', outcome: state });
    }
  }
  return decided;
}

function count(map: Map<string, Counts>, key: string, outcome: Outcome): void {
  const c = map.get(key) ?? { accepted: 0, edited: 0, rejected: 0 };
  c[outcome]++;
  map.set(key, c);
}

function rows(map: Map<string, Counts>): QualityRow[] {
  return [...map]
    .map(([key, c]) => {
      const total = c.accepted + c.edited + c.rejected;
      return { key, ...c, acceptanceRate: total ? c.accepted / total : null };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

function acceptedPerDollar(
  decided: readonly DecidedField[],
  analysesOf: (hash: string) => ModelAnalysis[],
): QualityReport['acceptedPerDollar'] {
  // One lookup per item, not per decided field: analysesOf copies every answer it returns.
  const analyses = new Map<string, ModelAnalysis[]>();
  const costOf = (hash: string, modelId: string) => {
    let list = analyses.get(hash);
    if (!list) analyses.set(hash, (list = analysesOf(hash)));
    return list.find((a) => a.modelId === modelId)?.costUsd ?? 0;
  };
  const totals = new Map<string, { accepted: number; costUsd: number }>();
  for (const d of decided) {
    const key = `${d.field}\n${d.modelId}`;
    const total = totals.get(key) ?? { accepted: 0, costUsd: 0 };
    if (d.outcome === 'accepted') total.accepted++;
    total.costUsd += costOf(d.hash, d.modelId);
    totals.set(key, total);
  }
  const out: QualityReport['acceptedPerDollar'] = [];
  const models = new Set(decided.map((d) => d.modelId));
  for (const field of ATTRIBUTE_FIELDS) {
    for (const modelId of models) {
      const total = totals.get(`${field}\n${modelId}`);
      if (total)
        out.push({ field, modelId, ...total, perDollar: total.costUsd > 0 ? total.accepted / total.costUsd : null });
    }
  }
  return out;
}

function throughput(decisions: readonly ReviewDecision[]): QualityReport['reviewers'] {
  const byReviewer = new Map<string, ReviewDecision[]>();
  for (const d of decisions) {
    const list = byReviewer.get(d.reviewer);
    if (list) list.push(d);
    else byReviewer.set(d.reviewer, [d]);
  }
  return [...byReviewer].map(([reviewer, list]) => {
    const times = list.map((d) => d.at).sort((a, b) => a - b);
    let ms = 0;
    let start = times[0];
    for (let i = 1; i <= times.length; i++) {
      if (i === times.length || times[i] - times[i - 1] > SESSION_GAP_MS) {
        ms += Math.max(MIN_SESSION_MS, times[i - 1] - start);
        start = times[i];
      }
    }
    const items = new Set(list.map((d) => d.hash)).size;
    const hours = ms / 3_600_000;
    return {
      reviewer,
      items,
      decisions: list.length,
      hours: Math.round(hours * 1000) / 1000,
      itemsPerHour: hours > 0 ? Math.round((items / hours) * 10) / 10 : null,
    };
  });
}

/** Per pair of reviewers: fields both decided (each reviewer's own latest standing decision), and how many agree. */
function agreement(decisions: readonly ReviewDecision[]): QualityReport['agreement'] {
  const undone = new Set(decisions.flatMap((d) => d.undoes));
  const own = new Map<string, Map<string, ReviewDecision>>();
  for (const d of decisions) {
    if (d.action === 'undo' || undone.has(d.id) || d.field === 'item') continue;
    const key = `${d.hash}\n${d.field}`;
    const byReviewer = own.get(key) ?? new Map<string, ReviewDecision>();
    const previous = byReviewer.get(d.reviewer);
    if (!previous || d.at >= previous.at) byReviewer.set(d.reviewer, d);
    own.set(key, byReviewer);
  }
  const pairs = new Map<string, { reviewers: [string, string]; fields: number; agreed: number }>();
  for (const byReviewer of own.values()) {
    const names = [...byReviewer.keys()].sort();
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const key = `${names[i]}\n${names[j]}`;
        const pair = pairs.get(key) ?? { reviewers: [names[i], names[j]] as [string, string], fields: 0, agreed: 0 };
        pair.fields++;
        if (sameDecision(byReviewer.get(names[i])!, byReviewer.get(names[j])!)) pair.agreed++;
        pairs.set(key, pair);
      }
    }
  }
  return [...pairs.values()].map((p) => ({ ...p, rate: p.fields ? p.agreed / p.fields : null }));
}

/** Two decisions agree when they end in the same value (an edit to what the other accepted agrees). */
function sameDecision(a: ReviewDecision, b: ReviewDecision): boolean {
  if (a.action === 'reject' || b.action === 'reject') return a.action === b.action;
  return JSON.stringify(a.value) === JSON.stringify(b.value);
}
