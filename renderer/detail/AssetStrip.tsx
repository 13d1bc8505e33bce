import type { AssetSummary } from '../../shared/model';
import { useTransport } from '../api';

interface AssetStripProps {
  title: string;
  testId: string;
  items: AssetSummary[] | undefined;
  loading: boolean;
  onOpen(hash: string): void;
}

/** A horizontal row of related thumbnails (near-duplicates, more like this). */
export function AssetStrip({ title, testId, items, loading, onOpen }: AssetStripProps) {
  const transport = useTransport();
  return (
    <section className="strip" data-testid={testId}>
      <h3>
        {title} {items && <span className="muted">({items.length})</span>}
      </h3>
      {loading && <p className="muted small">Loading…</p>}
      {items?.length === 0 && <p className="muted small">None</p>}
      <ul>
        {items?.map((item) => (
          <li key={item.hash}>
            <button type="button" title={item.name} onClick={() => onOpen(item.hash)} data-hash={item.hash}>
              <img src={transport.mediaUrl('thumb', item.hash)} alt={item.name} loading="lazy" draggable={false} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
