import { memo, type MouseEvent } from 'react';
import type { AssetSummary } from '../../shared/model';
import { GridThumb } from './GridThumb';
import type { ClickModifiers } from './use-selection';

interface GridCellProps {
  index: number;
  column: number;
  item: AssetSummary | undefined;
  thumbUrl: string | undefined;
  /** Repeat the image at its natural size instead of fitting it (see tilesInCell). */
  tiled: boolean;
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
  tiled,
  selected,
  focused,
  width,
  onSelect,
  onOpen,
}: GridCellProps) {
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
      data-tiled={tiled}
      onClick={onClick}
      onDoubleClick={() => onOpen(item.hash)}
      // Keep Shift-click from selecting the captions' text.
      onMouseDown={(event) => event.shiftKey && event.preventDefault()}
    >
      <GridThumb item={item} src={thumbUrl} tiled={tiled} />
      <div className="grid-caption">{item.name}</div>
    </div>
  );
});
