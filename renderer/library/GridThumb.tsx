import { useState } from 'react';
import type { AssetSummary } from '../../shared/model';
import { tiledBackground } from './cell-image';

interface GridThumbProps {
  item: AssetSummary;
  src: string | undefined;
  tiled: boolean;
}

/** A small tile repeated at its natural size over the whole cell; the one tile is outlined on hover. */
function TiledThumb({ item, src }: { item: AssetSummary; src: string }) {
  return (
    <div
      className="grid-thumb tiled"
      data-testid="tiled-thumb"
      style={tiledBackground(item, src, `${item.width}px ${item.height}px`)}
    >
      <span className="tile-outline" style={{ width: item.width, height: item.height }} />
    </div>
  );
}

/** The cell's image fitted to the cell, over its dominant colour until it has loaded. */
export function GridThumb({ item, src, tiled }: GridThumbProps) {
  // Cells are keyed by position and reused for other items as pages arrive, so remember which src loaded.
  const [loadedSrc, setLoadedSrc] = useState<string | undefined>();
  if (tiled && src) return <TiledThumb item={item} src={src} />;
  const background = loadedSrc === src ? undefined : item.palette[0]?.hex;
  return (
    <div className="grid-thumb" style={{ backgroundColor: background }}>
      {src && (
        <img src={src} alt="" loading="lazy" decoding="async" draggable={false} onLoad={() => setLoadedSrc(src)} />
      )}
    </div>
  );
}
