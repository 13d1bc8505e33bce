/** Work reported as done of total, in stages (reading, then indexing…), each counting from zero. */
export interface StagedProgress {
  stage: string;
  unit: string;
  done: number;
  total: number;
}

/**
 * Rate and time left for staged progress. A stage is timed from the report that ended the one
 * before (or from the start), so its rate is right whenever a listener starts to show it.
 */
export class StageRate {
  private stage: { key: string; since: number } | null = null;
  private lastReportAt: number | null = null;
  private readonly startedAt: number;

  constructor(private readonly now: () => number = Date.now) {
    this.startedAt = now();
  }

  measure(progress: StagedProgress): { rate: number; etaSeconds: number | null } {
    const now = this.now();
    const key = `${progress.stage}/${progress.unit}`;
    if (this.stage?.key !== key) this.stage = { key, since: this.lastReportAt ?? this.startedAt };
    this.lastReportAt = now;
    const seconds = (now - this.stage.since) / 1000;
    const rate = seconds > 0 ? progress.done / seconds : 0;
    const remaining = Math.max(progress.total - progress.done, 0);
    return { rate, etaSeconds: remaining === 0 ? 0 : rate > 0 ? remaining / rate : null };
  }
}
