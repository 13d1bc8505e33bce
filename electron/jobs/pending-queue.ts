/**
 * Job ids waiting to run, highest priority first and first come first served within a priority.
 * In memory, so picking the next job costs O(1) however many are persisted (a 250,000-file ingest).
 */
export class PendingQueue {
  /** One FIFO per priority, with a read position so shifting never copies the array. */
  private readonly lanes = new Map<number, { ids: string[]; head: number }>();
  private readonly priorityOf = new Map<string, number>();
  private priorities: number[] = [];

  get size(): number {
    return this.priorityOf.size;
  }

  has(id: string): boolean {
    return this.priorityOf.has(id);
  }

  push(id: string, priority: number): void {
    if (this.priorityOf.has(id)) return;
    this.priorityOf.set(id, priority);
    let lane = this.lanes.get(priority);
    if (!lane) {
      lane = { ids: [], head: 0 };
      this.lanes.set(priority, lane);
      this.priorities = [...this.lanes.keys()].sort((a, b) => b - a);
    }
    lane.ids.push(id);
  }

  /** Puts an id back in front of its lane (a retry keeps its place in line). */
  unshift(id: string, priority: number): void {
    this.push(id, priority);
    const lane = this.lanes.get(priority)!;
    lane.ids.splice(lane.ids.lastIndexOf(id), 1);
    if (lane.head > 0) lane.ids[--lane.head] = id;
    else lane.ids.unshift(id);
  }

  /** Removes and returns up to `count` ids in running order. */
  take(count: number): string[] {
    const out: string[] = [];
    for (const priority of this.priorities) {
      const lane = this.lanes.get(priority)!;
      while (out.length < count && lane.head < lane.ids.length) {
        const id = lane.ids[lane.head++];
        // A removed or re-prioritised id is left in its old lane and skipped here.
        if (this.priorityOf.get(id) !== priority) continue;
        this.priorityOf.delete(id);
        out.push(id);
      }
      if (lane.head === lane.ids.length) this.lanes.set(priority, { ids: [], head: 0 });
      if (out.length === count) break;
    }
    return out;
  }

  remove(id: string): boolean {
    return this.priorityOf.delete(id);
  }

  setPriority(id: string, priority: number): void {
    if (!this.priorityOf.has(id) || this.priorityOf.get(id) === priority) return;
    this.priorityOf.delete(id);
    this.push(id, priority);
  }

  ids(): string[] {
    return [...this.priorityOf.keys()];
  }
}
