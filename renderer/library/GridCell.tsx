import { memo, useState, type MouseEvent } from 'react';
import type { AssetSummary } from '../../shared/model';
import type { ClickModifiers } from './use-selection';

interface GridCellProps {
  index: number;
  column: number;
  item: AssetSummary | undefined;
  thumbUrl: string | undefined;
  selected: boolean;
  focused: boolean;
  width: number;
  onSelect(index: number, hash: string, modifiers: ClickModifiers): void;
  onOpen(hash: string): void;
}

export const GridCell = memo(function GridCell({
  index,
  column,
  item,
  thumbUrl,
  selected,
  focused,
  width,
  onSelect,
  onOpen,
}: GridCellProps) {
  // Cells are keyed by position and reused for other items as pages arrive, so remember which src loaded.
  const [loadedSrc, setLoadedSrc] = useState<string | undefined>();
  if (!item) {
    return (
      <div
        role="gridcell"
        aria-colindex={column + 1}
        aria-busy="true"
        className="grid-cell is-loading"
        style={{ width }}
        data-index={index}
        tabIndex={focused ? 0 : -1}
      />
    );
  }
  const onClick = (event: MouseEvent) => {
    onSelect(index, item.hash, { toggle: event.metaKey || event.ctrlKey, range: event.shiftKey });
  };
  // The dominant colour stands in for the thumbnail until it has loaded.
  const background = loadedSrc === thumbUrl ? undefined : item.palette[0]?.hex;
  return (
    <div
      role="gridcell"
      aria-colindex={column + 1}
      aria-selected={selected}
      aria-label={item.name}
      title={`${item.name}\n${item.width}×${item.height} ${item.format.toUpperCase()} · ${item.pattern}`}
      className="grid-cell"
      style={{ width }}
      tabIndex={focused ? 0 : -1}
      data-testid="grid-cell"
      data-hash={item.hash}
      data-index={index}
      onClick={onClick}
      onDoubleClick={() => onOpen(item.hash)}
      // Keep Shift-click from selecting the captions' text.
      onMouseDown={(event) => event.shiftKey && event.preventDefault()}
    >
      <div className="grid-thumb" style={{ backgroundColor: background }}>
        {thumbUrl && (
          <img
            src={thumbUrl}
            alt=""
            loading="lazy"
            decoding="async"
            draggable={false}
            onLoad={() => setLoadedSrc(thumbUrl)}
          />
        )}
      </div>
      <div className="grid-caption">{item.name}</div>
    </div>
  );
});
