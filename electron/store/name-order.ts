/**
 * Slots sorted by name key, kept up to date incrementally (binary search + splice) once
 * built, so sorting a search by name is a walk down this list instead of a string sort
 * of every match. Built lazily on first use, because loading 100,000 assets one insert
 * at a time would cost more than one sort.
 */
export class NameOrder {
  private order: number[] | null = null;

  constructor(private readonly keyOf: (slot: number) => string) {}

  /** Whether the order exists yet (until then, keys need not be worked out for it). */
  get built(): boolean {
    return this.order !== null;
  }

  /** Call before a slot's key changes or the slot is freed, with its current key. */
  remove(slot: number, key: string): void {
    if (!this.order) return;
    const at = this.position(slot, key);
    if (this.order[at] === slot) this.order.splice(at, 1);
  }

  /** Call after a slot got its (new) key. */
  insert(slot: number, key: string): void {
    if (this.order) this.order.splice(this.position(slot, key), 0, slot);
  }

  slots(liveSlots: () => number[]): readonly number[] {
    this.order ??= liveSlots().sort((a, b) => this.compare(a, this.keyOf(a), b));
    return this.order;
  }

  private position(slot: number, key: string): number {
    const order = this.order!;
    let low = 0;
    let high = order.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.compare(order[mid], this.keyOf(order[mid]), slot, key) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private compare(a: number, aKey: string, b: number, bKey = this.keyOf(b)): number {
    return aKey < bKey ? -1 : aKey > bKey ? 1 : a - b;
  }
}
