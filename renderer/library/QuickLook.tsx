import { useState } from 'react';
import type { AssetSummary } from '../../shared/model';
import { useTransport } from '../api';
import { tiledBackground } from './cell-image';

/** Formats every browser draws: quick look shows their originals, sharper than the 512 px preview. */
const DRAWN_BY_BROWSERS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'svg']);
/** Room for the padding and the caption under the image. */
const CHROME_PX = 104;

/**
 * Space-bar preview over the grid, Finder style: the image as large as the window allows (never
 * above its own size), name and size. Focus stays on the grid, so its arrows move on to the next
 * image; Space or Esc closes. The preview shows at once and the original replaces it once loaded.
 */
export function QuickLook({ item, tiled, onClose }: { item: AssetSummary; tiled: boolean; onClose(): void }) {
  const transport = useTransport();
  const [loaded, setLoaded] = useState<string | null>(null);
  const original = DRAWN_BY_BROWSERS.has(item.format) ? transport.mediaUrl('original', item.hash) : null;
  if (tiled)
    return <TiledLook item={item} src={original ?? transport.mediaUrl('preview', item.hash)} onClose={onClose} />;
  const size = {
    width: `min(${item.width}px, 100%, calc((100vh - ${CHROME_PX}px) * ${item.width / Math.max(1, item.height)}))`,
    aspectRatio: `${item.width} / ${Math.max(1, item.height)}`,
  };
  return (
    <div
      className="quick-look"
      role="dialog"
      aria-label={`Quick look: ${item.name}`}
      data-testid="quick-look"
      data-hash={item.hash}
      onClick={onClose}
    >
      <div className="quick-look-image" style={size}>
        <img src={transport.mediaUrl('preview', item.hash)} alt={item.name} draggable={false} />
        {original && (
          <img
            key={original}
            src={original}
            alt=""
            draggable={false}
            className={loaded === original ? 'loaded' : undefined}
            onLoad={() => setLoaded(original)}
          />
        )}
      </div>
      <Caption item={item} tiled={false} />
    </div>
  );
}

function Caption({ item, tiled }: { item: AssetSummary; tiled: boolean }) {
  return (
    <div className="quick-look-caption">
      {item.name} · {item.width}×{item.height} · {item.pattern} ·{' '}
      <span className="muted">{tiled ? 'tiled: T shows it once' : 'T tiles it'}</span>
    </div>
  );
}

/**
 * The image repeated over the window at its own pixel size, or at a third of the window's width
 * when larger, so a designer sees how it repeats (seams, rhythm) without opening the detail panel.
 */
function TiledLook({ item, src, onClose }: { item: AssetSummary; src: string; onClose(): void }) {
  return (
    <div
      className="quick-look"
      role="dialog"
      aria-label={`Quick look, tiled: ${item.name}`}
      data-testid="quick-look"
      data-hash={item.hash}
      onClick={onClose}
    >
      <div
        className="quick-look-tiled"
        data-testid="quick-look-tiled"
        style={tiledBackground(item, src, `min(${item.width}px, 33vw) auto`)}
      />
      <Caption item={item} tiled />
    </div>
  );
}
