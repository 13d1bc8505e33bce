import type { IngestProgress } from '../../shared/model';

const RATE_WINDOW_MS = 10_000;

/** Counts finished work and derives rate (files/s over a sliding window) and ETA. */
export class ProgressMeter {
  private done = 0;
  private failed = 0;
  private total = 0;
  private currentFile: string | null = null;
  private finishTimes: number[] = [];
  private startedAt: number | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  addWork(count: number): void {
    if (this.total === this.done + this.failed) this.reset();
    this.total += count;
    this.startedAt ??= this.now();
  }

  started(filePath: string): void {
    this.currentFile = filePath;
  }

  finished(ok: boolean): void {
    if (ok) this.done += 1;
    else this.failed += 1;
    const now = this.now();
    this.finishTimes.push(now);
    while (this.finishTimes.length > 0 && this.finishTimes[0] < now - RATE_WINDOW_MS) this.finishTimes.shift();
    if (this.done + this.failed >= this.total) this.currentFile = null;
  }

  snapshot(): IngestProgress {
    const finished = this.done + this.failed;
    const rate = this.rate();
    const remaining = this.total - finished;
    return {
      done: this.done,
      failed: this.failed,
      total: this.total,
      rate,
      etaSeconds: remaining > 0 && rate > 0 ? remaining / rate : remaining === 0 ? 0 : null,
      currentFile: this.currentFile,
      running: remaining > 0,
      waitingFor: null,
    };
  }

  private rate(): number {
    if (this.startedAt === null || this.finishTimes.length === 0) return 0;
    const now = this.now();
    const windowStart = Math.max(this.startedAt, now - RATE_WINDOW_MS);
    const seconds = Math.max((now - windowStart) / 1000, 0.001);
    return this.finishTimes.filter((t) => t >= windowStart).length / seconds;
  }

  private reset(): void {
    this.done = 0;
    this.failed = 0;
    this.total = 0;
    this.finishTimes = [];
    this.startedAt = null;
  }
}
