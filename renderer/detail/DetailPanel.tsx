import { useAsset, useMoreLikeThis, useNearDuplicates, useTransport } from '../api';
import { basename } from '../components/format';
import { AssetAttributes } from './AssetAttributes';
import { AssetStrip } from './AssetStrip';
import { AssetTags } from './AssetTags';
import { LabelCorrections } from '../labels/LabelCorrections';
import { ModelAnalyses } from './ModelAnalyses';
import { PaletteSwatches } from './PaletteSwatches';
import { RepeatPreview } from './RepeatPreview';
import { ZoomablePreview } from './ZoomablePreview';

interface DetailPanelProps {
  hash: string;
  onClose(): void;
  onOpen(hash: string): void;
  onMoreLikeThis(hash: string): void;
  onColour(hex: string): void;
}

/** Everything about one asset: zoomable preview, palette, attributes, AI attributes, tags and relatives. */
export function DetailPanel({ hash, onClose, onOpen, onMoreLikeThis, onColour }: DetailPanelProps) {
  const transport = useTransport();
  const asset = useAsset(hash);
  const similar = useMoreLikeThis(hash);
  const duplicates = useNearDuplicates(hash);
  const data = asset.data;
  const path = data?.locations[0]?.path;
  const name = path ? basename(path) : hash.slice(0, 12);
  const others = (items: typeof similar.data) => items?.filter((item) => item.hash !== hash);

  return (
    <aside className="detail-panel" aria-label="Asset details" data-testid="detail-panel" data-hash={hash}>
      <header className="detail-header">
        <h2 title={path} data-testid="detail-name">
          {name}
        </h2>
        <button type="button" className="icon-button" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
      {asset.isLoading && <p className="muted pad">Loading…</p>}
      {asset.error && <p className="error-text pad">{asset.error.message}</p>}
      {asset.data === null && <p className="muted pad">This asset is no longer in the library.</p>}
      {data && (
        <div className="detail-body">
          <ZoomablePreview
            key={hash}
            src={transport.mediaUrl('preview', hash)}
            width={data.metadata.width}
            height={data.metadata.height}
            segments={data.segments}
            alt={name}
          />
          <div className="detail-actions">
            <button type="button" onClick={() => onMoreLikeThis(hash)} data-testid="more-like-this">
              More like this
            </button>
            {transport.desktop && path && (
              <button type="button" onClick={() => void transport.desktop?.showInFolder(path)}>
                Show in folder
              </button>
            )}
            <a className="button-link" href={transport.mediaUrl('original', hash)} target="_blank" rel="noreferrer">
              Original
            </a>
          </div>
          <RepeatPreview
            key={hash}
            src={transport.mediaUrl('preview', hash)}
            width={data.metadata.width}
            height={data.metadata.height}
            repeat={data.analysis.pattern.repeat}
          />
          <PaletteSwatches palette={data.analysis.palette} onPick={onColour} />
          <AssetTags hash={hash} tags={data.tags} />
          <LabelCorrections hash={hash} />
          <AssetAttributes asset={data} />
          <ModelAnalyses hash={hash} />
          <AssetStrip
            title="Near-duplicates"
            testId="near-duplicates"
            items={others(duplicates.data)}
            loading={duplicates.isLoading}
            onOpen={onOpen}
          />
          <AssetStrip
            title="More like this"
            testId="more-like-this-strip"
            items={others(similar.data)}
            loading={similar.isLoading}
            onOpen={onOpen}
          />
        </div>
      )}
    </aside>
  );
}
