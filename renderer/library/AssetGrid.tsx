import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTransport } from '../api';
import { useElementSize } from '../components/use-element-size';
import { CELL_PADDING, cellImageKind, tilesInCell } from './cell-image';
import { GridCell } from './GridCell';
import { nextGridIndex } from './grid-keys';
import type { IndexRange, PagedSearch } from './use-paged-search';
import type { Selection } from './use-selection';

const GAP = 8;
const PADDING = 12;
const CAPTION = 22;

interface AssetGridProps {
  search: PagedSearch;
  thumbSize: number;
  selection: Selection;
  focusIndex: number;
  onFocusIndex(index: number): void;
  onVisibleRange(range: IndexRange): void;
  onOpen(hash: string): void;
  onQuickLook(): void;
}

/** A virtualized grid: only the rows on screen exist in the DOM, whatever the library size. */
export function AssetGrid({
  search,
  thumbSize,
  selection,
  focusIndex,
  onFocusIndex,
  onVisibleRange,
  onOpen,
  onQuickLook,
}: AssetGridProps) {
  const transport = useTransport();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(scrollRef);
  const inner = Math.max(0, width - PADDING * 2);
  const columns = Math.max(1, Math.floor((inner + GAP) / (thumbSize + GAP)));
  const cellWidth = Math.floor((inner - GAP * (columns - 1)) / columns);
  const rowHeight = cellWidth + CAPTION + GAP;
  const box = cellWidth - CELL_PADDING * 2;
  const pixelRatio = window.devicePixelRatio || 1;
  const rowCount = Math.ceil(search.total / columns);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 3,
    paddingStart: PADDING,
    paddingEnd: PADDING,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows[rows.length - 1]?.index ?? 0;
  const focusRow = Math.floor(focusIndex / columns);
  // If the focused cell is scrolled out of the DOM, the grid itself takes Tab focus.
  const focusRendered = search.total > 0 && focusRow >= firstRow && focusRow <= lastRow;
  useEffect(
    () => onVisibleRange({ start: firstRow * columns, end: (lastRow + 1) * columns - 1 }),
    [firstRow, lastRow, columns, onVisibleRange],
  );

  // After keyboard navigation, move DOM focus once the target row has been rendered.
  const pendingFocus = useRef(false);
  useEffect(() => {
    if (!pendingFocus.current) return;
    const cell = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"]`);
    if (cell) {
      cell.focus({ preventScroll: true });
      pendingFocus.current = false;
    }
  });

  const moveFocus = useCallback(
    (index: number, extend: boolean) => {
      onFocusIndex(index);
      const item = search.itemAt(index);
      if (item) selection.select(index, item.hash, { toggle: false, range: extend });
      pendingFocus.current = true;
      virtualizer.scrollToIndex(Math.floor(index / columns), { align: 'auto' });
    },
    [columns, onFocusIndex, search, selection, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (search.total === 0) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight));
    const next = nextGridIndex(event.key, focusIndex, columns, search.total, pageRows);
    if (next !== null) {
      event.preventDefault();
      moveFocus(next, event.shiftKey);
      return;
    }
    const focused = search.itemAt(focusIndex);
    if (event.key === 'Enter' && focused) {
      event.preventDefault();
      onOpen(focused.hash);
    } else if (event.key === ' ') {
      event.preventDefault();
      onQuickLook();
    } else if (event.key.toLowerCase() === 'a' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      selection.selectAll();
    }
  };

  const onSelect = useCallback(
    (index: number, hash: string, modifiers: { toggle: boolean; range: boolean }) => {
      onFocusIndex(index);
      selection.select(index, hash, modifiers);
    },
    [onFocusIndex, selection],
  );

  return (
    <div
      ref={scrollRef}
      className="grid-scroll"
      role="grid"
      aria-label="Assets"
      aria-multiselectable="true"
      aria-rowcount={rowCount}
      aria-colcount={columns}
      data-testid="grid"
      data-total={search.total}
      tabIndex={focusRendered ? -1 : 0}
      onKeyDown={onKeyDown}
    >
      <div className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => (
          <div
            key={row.key}
            role="row"
            aria-rowindex={row.index + 1}
            className="grid-row"
            style={{ transform: `translateY(${row.start}px)`, height: rowHeight - GAP, left: PADDING, gap: GAP }}
          >
            {Array.from({ length: Math.min(columns, search.total - row.index * columns) }, (_, column) => {
              const index = row.index * columns + column;
              const item = search.itemAt(index);
              const tiled = item ? tilesInCell(item, box) : false;
              const kind = item && !tiled ? cellImageKind(item, box, pixelRatio) : 'thumb';
              return (
                <GridCell
                  key={index}
                  index={index}
                  column={column}
                  item={item}
                  thumbUrl={item && transport.mediaUrl(kind, item.hash)}
                  tiled={tiled}
                  selected={item ? selection.selected.has(item.hash) : false}
                  focused={index === focusIndex}
                  width={cellWidth}
                  onSelect={onSelect}
                  onOpen={onOpen}
                />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
