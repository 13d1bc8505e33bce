import type { AiSettings, AnalysisJob, Invocation, ModelAnalysis } from '../../shared/model';
import type { TeamBudget } from '../../shared/model/team';
import type { ReviewSummary } from '../../shared/model/review';
import type { BatchJob } from '../../shared/model/batch';
import { ATTRIBUTE_FIELDS } from '../../shared/model/attributes';
import type { AnalysisOp } from './library-ops';
import { searchPolicyOf } from './model-search-text';
import { AnswerTable, type AnswerHead } from './answer-table';
import { StoredAnswer } from './stored-answer';
import type { RecordSpan, WrittenAnswer } from './record-spans';

export type AnalysisJobPatch = Partial<Omit<AnalysisJob, 'id' | 'hash' | 'batchId'>>;

/** Told when a hash's model answers change, so its searchable words can be recomputed. */
export type AnalysesChanged = (hash: string) => void;

/**
 * Model analyses (kept by hash even after the file goes, so the same bytes are never paid
 * for twice), the remote-analysis job queue, the invocation log and the AI settings.
 * Like LibraryState, records are replaced, never mutated in place.
 */
export class AnalysisState {
  settings: AiSettings | null = null;
  /** In a copy of a team library, the budget its admin set (null: none set, or not a team library). */
  teamBudget: TeamBudget | null = null;
  /** The AI-written paragraph about the review highlights (null: never asked for). */
  reviewSummary: ReviewSummary | null = null;
  /**
   * Per hash, the rows of its answers in `answers`, oldest first. Most images have one answer,
   * kept without a list around it (~14 MB at 250,000).
   */
  private readonly analyses = new Map<string, number | number[]>();
  private readonly answers = new AnswerTable();
  readonly jobs = new Map<string, AnalysisJob>();
  /** Bedrock batch inference jobs, each replaced whole as it moves on. */
  readonly batchJobs = new Map<string, BatchJob>();
  invocations: Invocation[] = [];
  /** Counts answers put in, so readers can tell cheaply that their view of the answers is stale. */
  answersVersion = 0;

  constructor(private readonly onAnalysesChanged: AnalysesChanged) {}

  /** The settings, job queue and invocation log as read (answers come per shard, see loadAnswers). */
  load(doc: {
    aiSettings: AiSettings | null;
    teamBudget?: TeamBudget;
    reviewSummary?: ReviewSummary;
    analysisJobs: AnalysisJob[];
    batchJobs?: BatchJob[];
    invocations: Invocation[];
  }): void {
    this.settings = doc.aiSettings;
    this.teamBudget = doc.teamBudget ?? null;
    this.reviewSummary = doc.reviewSummary ?? null;
    for (const job of doc.analysisJobs) this.jobs.set(job.id, job);
    for (const job of doc.batchJobs ?? []) this.batchJobs.set(job.id, job);
    this.invocations = [...doc.invocations];
  }

  /** Its part of library.json: settings, the job queues and the invocation log (answers go to their shards). */
  toHead() {
    return {
      aiSettings: this.settings,
      ...(this.teamBudget && { teamBudget: this.teamBudget }),
      ...(this.reviewSummary && { reviewSummary: this.reviewSummary }),
      analysisJobs: [...this.jobs.values()],
      ...(this.batchJobs.size > 0 && { batchJobs: [...this.batchJobs.values()] }),
      invocations: this.invocations,
    };
  }

  /**
   * Answers as read, with where their file holds them; not told per answer (the library works
   * out each hash's words itself, then releases them).
   */
  loadAnswers(
    answers: readonly ModelAnalysis[],
    spans?: readonly RecordSpan[],
    same: (hash: string) => string = (hash) => hash,
  ): void {
    answers.forEach((analysis, i) => this.putAnalysis(analysis, spans?.[i], same(analysis.hash)));
  }

  apply(op: AnalysisOp): unknown {
    switch (op.type) {
      case 'setAiSettings': {
        const before = policyKey(this.settings);
        this.settings = op.settings;
        // Which unreviewed answers count changes every analysed asset's words.
        if (policyKey(op.settings) !== before) for (const hash of this.hashes()) this.onAnalysesChanged(hash);
        return;
      }
      case 'setTeamBudget':
        this.teamBudget = op.budget;
        return;
      case 'setReviewSummary':
        this.reviewSummary = op.summary;
        return;
      case 'recordModelAnalysis':
        return this.recordAnalysis(op.analysis);
      case 'putAnalysisJobs':
        for (const job of op.jobs) this.jobs.set(job.id, job);
        return;
      case 'updateAnalysisJob': {
        const job = this.jobs.get(op.id);
        if (job) this.jobs.set(op.id, { ...job, ...op.patch });
        return;
      }
      case 'removeAnalysisJobs':
        for (const id of op.ids) this.jobs.delete(id);
        return;
      case 'recordInvocation':
        // Appending to a fresh array keeps a snapshot in progress serialising the old one intact.
        this.invocations = [...this.invocations, op.invocation];
        return;
      case 'putBatchJob':
        this.batchJobs.set(op.job.id, op.job);
        return;
    }
  }

  /** Every answer, by hash; a plain loop (flat() over 250,000 lists is several times slower). */
  allAnalyses(): ModelAnalysis[] {
    const all: ModelAnalysis[] = [];
    for (const [, stored] of this.entries()) all.push(stored.answer);
    return all;
  }

  /** Hashes with at least one answer. */
  hashes(): IterableIterator<string> {
    return this.analyses.keys();
  }

  /** Every answer as stored, with its hash, oldest first per hash. */
  *entries(): IterableIterator<[string, StoredAnswer]> {
    for (const [hash, rows] of this.analyses) {
      if (Array.isArray(rows)) for (const row of rows) yield [hash, new StoredAnswer(this.answers, row)];
      else yield [hash, new StoredAnswer(this.answers, rows)];
    }
  }

  /** Every answer's hash, model and confidence, from the heads in memory: no record read, no object per answer. */
  forEachHead(visit: (hash: string, modelId: string, confidence: number) => void): void {
    const { answers } = this;
    for (const [hash, rows] of this.analyses) {
      if (!Array.isArray(rows)) visit(hash, answers.name(rows, 0)!, answers.number(rows, 0));
      else for (const row of rows) visit(hash, answers.name(row, 0)!, answers.number(row, 0));
    }
  }

  /** This hash's answers as stored, oldest first. */
  stored(hash: string): readonly StoredAnswer[] {
    return this.rowsOf(hash).map((row) => new StoredAnswer(this.answers, row));
  }

  /** Room for this many answers in all (before restoring them). */
  reserve(answers: number): void {
    this.answers.reserve(answers);
  }

  /** An answer as the open index holds it (head, field confidences, place), after this hash's others. */
  restore(hash: string, head: AnswerHead, fieldConfidences: ArrayLike<number>, span: RecordSpan): void {
    const row = this.answers.add(head, fieldConfidences, null, span);
    const rows = this.analyses.get(hash);
    this.analyses.set(hash, rows === undefined ? row : [...this.rowsOf(hash), row]);
  }

  /** This hash's whole answers, oldest first. */
  list(hash: string): ModelAnalysis[] {
    return this.stored(hash).map((stored) => stored.answer);
  }

  /** Cache lookup: the answer this model (as requested) gave these bytes under this prompt. */
  find(hash: string, requestedModelId: string, promptVersion: string): ModelAnalysis | undefined {
    return this.stored(hash).find((stored) => stored.sameKey({ requestedModelId, promptVersion }))?.answer;
  }

  /** A snapshot wrote these answers: each is read back from its file from now on (see StoredAnswer.settle). */
  written(answers: readonly WrittenAnswer<ModelAnalysis>[]): void {
    for (const { hash, source, span, ...key } of answers) {
      this.stored(hash)
        .find((stored) => stored.sameKey(key))
        ?.settle(source, span);
    }
  }

  /** These hashes' answers read from a shard file are dropped from memory (once the library has used them). */
  settleLoaded(hashes: Iterable<string>): void {
    for (const hash of hashes) for (const stored of this.stored(hash)) stored.release();
  }

  private recordAnalysis(analysis: ModelAnalysis): void {
    this.putAnalysis(analysis);
    this.onAnalysesChanged(analysis.hash);
  }

  /** A newer answer from the same model and prompt replaces the older one. */
  private putAnalysis(analysis: ModelAnalysis, span?: RecordSpan, hash = analysis.hash): void {
    const rows: number[] = [];
    for (const row of this.rowsOf(hash)) {
      if (new StoredAnswer(this.answers, row).sameKey(analysis)) this.answers.forget(row);
      else rows.push(row);
    }
    const fields = ATTRIBUTE_FIELDS.map((field) => analysis.attributes.confidence[field]);
    rows.push(this.answers.add(analysis, fields, analysis, span ?? null));
    this.analyses.set(hash, rows.length === 1 ? rows[0] : rows);
    this.answersVersion++;
  }

  private rowsOf(hash: string): readonly number[] {
    const rows = this.analyses.get(hash);
    return rows === undefined ? [] : Array.isArray(rows) ? rows : [rows];
  }
}

function policyKey(settings: AiSettings | null): string {
  return JSON.stringify(searchPolicyOf(settings));
}
