/**
 * How trustworthy each model is, from the review log: acceptance per model and per field,
 * edits per field, acceptances per dollar (what routing should prefer), reviewer throughput
 * and agreement between reviewers who decided the same field of the same item.
 */
import type { ModelAnalysis } from '../../shared/model/ai';
import { ATTRIBUTE_FIELDS } from '../../shared/model/attributes';
import type { QualityReport, QualityRow, ReviewDecision } from '../../shared/model/review';

/** A pause longer than this ends a reviewing session (for items per hour). */
const SESSION_GAP_MS = 10 * 60_000;
/** A session of one decision still took some time. */
const MIN_SESSION_MS = 60_000;

type Counts = { accepted: number; edited: number; rejected: number };

export function qualityReport(decisions: readonly ReviewDecision[], analysesOf: (hash: string) => ModelAnalysis[]): QualityReport {
  const standing = standingFieldDecisions(decisions);
  const byModel = new Map<string, Counts>();
  const byField = new Map<string, Counts>();
  for (const d of standing) {
    count(byModel, d.modelId, d.action);
    count(byField, d.field, d.action);
  }
  return {
    byModel: rows(byModel),
    byField: rows(byField),
    acceptedPerDollar: acceptedPerDollar(standing, analysesOf),
    reviewers: throughput(decisions),
    agreement: agreement(decisions),
  };
}

/**
 * The latest decision per item and field (what counts now), undone ones and undo records left
 * out. Rejecting a whole item rejects each field it covers, as the review state does: a field
 * decided after the item reject keeps its own decision.
 */
function standingFieldDecisions(decisions: readonly ReviewDecision[]): ReviewDecision[] {
  const undone = new Set(decisions.flatMap((d) => d.undoes));
  const latest = new Map<string, ReviewDecision>();
  for (const d of decisions) {
    if (d.action === 'undo' || undone.has(d.id)) continue;
    const key = `${d.hash}\n${d.field}`;
    const current = latest.get(key);
    if (!current || d.at >= current.at) latest.set(key, d);
  }
  const standing: ReviewDecision[] = [];
  for (const d of latest.values()) {
    if (d.field !== 'item') {
      const itemReject = latest.get(`${d.hash}\nitem`);
      if (!itemReject || itemReject.action !== 'reject' || d.at > itemReject.at) standing.push(d);
      continue;
    }
    if (d.action !== 'reject') continue;
    for (const field of ATTRIBUTE_FIELDS) {
      const own = latest.get(`${d.hash}\n${field}`);
      if (!own || own.at <= d.at) standing.push({ ...d, field });
    }
  }
  return standing;
}

function count(map: Map<string, Counts>, key: string, action: ReviewDecision['action']): void {
  const c = map.get(key) ?? { accepted: 0, edited: 0, rejected: 0 };
  if (action === 'accept') c.accepted++;
  else if (action === 'edit') c.edited++;
  else if (action === 'reject') c.rejected++;
  map.set(key, c);
}

function rows(map: Map<string, Counts>): QualityRow[] {
  return [...map].map(([key, c]) => {
    const total = c.accepted + c.edited + c.rejected;
    return { key, ...c, acceptanceRate: total ? c.accepted / total : null };
  }).sort((a, b) => a.key.localeCompare(b.key));
}

function acceptedPerDollar(standing: readonly ReviewDecision[], analysesOf: (hash: string) => ModelAnalysis[]): QualityReport['acceptedPerDollar'] {
  const out: QualityReport['acceptedPerDollar'] = [];
  const models = new Set(standing.map((d) => d.modelId));
  for (const field of ATTRIBUTE_FIELDS) {
    for (const modelId of models) {
      const decided = standing.filter((d) => d.field === field && d.modelId === modelId);
      if (decided.length === 0) continue;
      const accepted = decided.filter((d) => d.action === 'accept').length;
      const costUsd = decided.reduce((sum, d) => sum + (analysesOf(d.hash).find((a) => a.modelId === modelId)?.costUsd ?? 0), 0);
      out.push({ field, modelId, accepted, costUsd, perDollar: costUsd > 0 ? accepted / costUsd : null });
    }
  }
  return out;
}

function throughput(decisions: readonly ReviewDecision[]): QualityReport['reviewers'] {
  const byReviewer = new Map<string, ReviewDecision[]>();
  for (const d of decisions) byReviewer.set(d.reviewer, [...(byReviewer.get(d.reviewer) ?? []), d]);
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
    return { reviewer, items, decisions: list.length, hours: Math.round(hours * 1000) / 1000, itemsPerHour: hours > 0 ? Math.round((items / hours) * 10) / 10 : null };
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
