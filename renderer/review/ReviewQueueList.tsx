import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ReviewQueueEntry } from '../../shared/model';
import { percent } from '../components/format';
import { modelLabel } from './model-label';

const ROW_HEIGHT = 40;

interface ReviewQueueListProps {
  items: readonly ReviewQueueEntry[];
  current: string | null;
  onOpen(hash: string): void;
}

/** The queue, oldest answer first; only the rows in view are rendered, so 20,000 items scroll as lightly as 20. */
export function ReviewQueueList({ items, current, onOpen }: ReviewQueueListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const currentIndex = items.findIndex((item) => item.hash === current);

  useEffect(() => {
    if (currentIndex >= 0) virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
  }, [currentIndex, virtualizer]);

  return (
    <div ref={scrollRef} className="review-queue" role="list" aria-label="Review queue" data-testid="review-queue">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          return (
            <div
              key={item.hash}
              role="listitem"
              className="review-queue-row-holder"
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
            >
              <button
                type="button"
                className={`review-queue-row${item.hash === current ? ' current' : ''}`}
                aria-current={item.hash === current ? 'true' : undefined}
                data-testid="review-queue-row"
                data-hash={item.hash}
                data-status={item.status}
                title={item.modelId}
                onClick={() => onOpen(item.hash)}
              >
                <span className={`status-dot ${item.status}`} aria-label={item.status} />
                <span className="review-queue-name">{item.name}</span>
                <span className="small muted">
                  {item.heldBy ? (
                    <span className="held-by" data-testid="review-held-by">
                      {item.heldBy} is reviewing
                    </span>
                  ) : (
                    `${modelLabel(item.modelId)} · ${percent(item.confidence)}`
                  )}
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
