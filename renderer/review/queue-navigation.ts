import type { ReviewQueueEntry } from '../../shared/model';

/**
 * The first pending item after `current` that no other reviewer has open, wrapping round to those
 * skipped before it; null when none is left.
 */
export function nextPendingHash(items: readonly ReviewQueueEntry[], current: string | null): string | null {
  const start = items.findIndex((item) => item.hash === current);
  for (let step = 1; step <= items.length; step++) {
    const item = items[(start + step) % items.length];
    if (item.status === 'pending' && item.heldBy === null && item.hash !== current) return item.hash;
  }
  return null;
}

/** The item `offset` places from `current` in the list, or null past either end. */
export function hashAt(items: readonly ReviewQueueEntry[], current: string | null, offset: number): string | null {
  const index = items.findIndex((item) => item.hash === current);
  return items[index + offset]?.hash ?? null;
}

/** What the reviewer is likely to open next: the following items, the next pending ones, the one before. */
export function likelyNext(items: readonly ReviewQueueEntry[], current: string | null, ahead: number): string[] {
  const index = items.findIndex((item) => item.hash === current);
  const hashes = new Set<string>();
  for (let i = index + 1; i <= index + ahead && i < items.length; i++) hashes.add(items[i].hash);
  for (let i = index + 1, found = 0; i < items.length && found < ahead; i++) {
    if (items[i].status === 'pending') {
      hashes.add(items[i].hash);
      found++;
    }
  }
  if (index > 0) hashes.add(items[index - 1].hash);
  hashes.delete(current ?? '');
  return [...hashes];
}
