import { describe, expect, it } from 'vitest';
import type { ReviewQueueEntry } from '../../../../shared/model';
import { nextPendingHash } from '../../../../renderer/review/queue-navigation';

const entry = (hash: string, status: ReviewQueueEntry['status'], heldBy: string | null = null): ReviewQueueEntry => ({
  hash,
  name: `${hash}.png`,
  status,
  modelId: 'm',
  confidence: 0.9,
  at: 0,
  heldBy,
});

describe('the next pending item', () => {
  it('skips decided items and items another reviewer has open, wrapping round', () => {
    const items = [entry('a', 'pending'), entry('b', 'accepted'), entry('c', 'pending', 'Ben'), entry('d', 'pending')];
    expect(nextPendingHash(items, null)).toBe('a');
    expect(nextPendingHash(items, 'a')).toBe('d');
    expect(nextPendingHash(items, 'd')).toBe('a');
    expect(nextPendingHash([entry('c', 'pending', 'Ben')], null)).toBeNull();
  });
});
