/**
 * Rate-limits a stream of snapshots (progress): leading and trailing edge, so the first and
 * the latest value always get through and nothing in between piles up.
 */
export class LatestOnly<T> {
  private lastAt = 0;
  private pending: T | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly deliver: (value: T) => void,
  ) {}

  push(value: T): void {
    this.pending = value;
    if (this.timer) return;
    const wait = this.lastAt + this.intervalMs - Date.now();
    if (wait <= 0) return this.flush();
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Delivers `value` now, with anything pending before it (a value that must not be replaced, e.g. the end of a run). */
  pushNow(value: T): void {
    if (this.timer) clearTimeout(this.timer);
    this.pending = value;
    this.flush();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  private flush(): void {
    this.timer = null;
    if (this.pending === null) return;
    this.lastAt = Date.now();
    const value = this.pending;
    this.pending = null;
    this.deliver(value);
  }
}
