import type { AssetSummary } from '../../shared/model';
import { useTransport } from '../api';

/** Space-bar preview over the grid, Finder style: large image, name, size. */
export function QuickLook({ item, onClose }: { item: AssetSummary; onClose(): void }) {
  const transport = useTransport();
  return (
    <div
      className="quick-look"
      role="dialog"
      aria-modal="true"
      aria-label={`Quick look: ${item.name}`}
      data-testid="quick-look"
      onClick={onClose}
    >
      <img src={transport.mediaUrl('preview', item.hash)} alt={item.name} draggable={false} />
      <div className="quick-look-caption">
        {item.name} · {item.width}×{item.height} · {item.pattern}
      </div>
    </div>
  );
}
