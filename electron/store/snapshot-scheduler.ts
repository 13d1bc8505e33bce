/**
 * Coalesces snapshot writes: many mutations mark the library dirty, one write follows.
 * Writes never overlap, and the gap between them grows with their cost (10× the last
 * write), so a huge library spends at most ~10% of its time serialising. Durability
 * does not depend on this: every mutation is already in the journal.
 */
export class SnapshotScheduler {
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private lastDurationMs = 0;
  private lastError: unknown = null;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly minIntervalMs: number,
  ) {}

  markDirty(): void {
    this.dirty = true;
    if (!this.timer) this.arm();
  }

  /** Writes now if anything is pending; rejects if the latest write attempt failed. */
  async flush(): Promise<void> {
    this.disarm();
    await this.enqueue();
    if (this.lastError) throw this.lastError;
  }

  private arm(): void {
    const delay = Math.max(this.minIntervalMs, 10 * this.lastDurationMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue().then(() => {
        if (this.dirty && !this.timer) this.arm();
      });
    }, delay);
    // A pending snapshot must not keep a CLI alive; the journal already holds the data.
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private enqueue(): Promise<void> {
    this.chain = this.chain.then(() => this.writeIfDirty());
    return this.chain;
  }

  private async writeIfDirty(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const started = performance.now();
    try {
      await this.write();
      this.lastError = null;
    } catch (error) {
      this.lastError = error;
      this.dirty = true;
    } finally {
      this.lastDurationMs = performance.now() - started;
    }
  }
}
