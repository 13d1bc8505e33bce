/** A poll loop's pause that something can cut short (a Stop pressed, so the answer shows at once). */
export class Waker {
  private wakeNow: (() => void) | null = null;

  /** Resolves after `ms` or at wake(); rejects when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', aborted);
        this.wakeNow = null;
      };
      const aborted = () => {
        done();
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        done();
        resolve();
      }, ms);
      this.wakeNow = () => {
        done();
        resolve();
      };
      signal.addEventListener('abort', aborted, { once: true });
    });
  }

  wake(): void {
    this.wakeNow?.();
  }
}
