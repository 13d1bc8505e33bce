import type { ReactNode } from 'react';
import type { Asset } from '../../shared/model';
import { formatBytes, percent } from '../components/format';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** What else the engine knows about the asset, as plain text (pattern, colours and repeat size are in LabelCorrections). */
export function AssetAttributes({ asset }: { asset: Asset }) {
  const { pattern } = asset.analysis;
  const { metadata } = asset;
  const traits = [pattern.solid && 'solid', pattern.checks && 'checks', pattern.dots && 'dots']
    .filter(Boolean)
    .join(', ');
  return (
    <dl className="attributes" data-testid="attributes">
      {pattern.repeat && (
        <Row label="Repeat fit">
          {pattern.repeat.offsetX ? `offset ${pattern.repeat.offsetX}px, ` : ''}
          <span className="muted">{percent(pattern.repeat.score)}</span>
        </Row>
      )}
      {pattern.stripeOrientation && <Row label="Stripes">{pattern.stripeOrientation}</Row>}
      {traits && <Row label="Traits">{traits}</Row>}
      <Row label="Colourfulness">{asset.analysis.colourfulness.toFixed(2)}</Row>
      <Row label="Source">
        {asset.analysis.source} <span className="muted">{asset.analysis.version}</span>
      </Row>
      <Row label="Size">
        {metadata.width}×{metadata.height}px{metadata.pages > 1 ? `, ${metadata.pages} pages` : ''}
      </Row>
      <Row label="Format">{metadata.format.toUpperCase()}</Row>
      <Row label="Colour space">{metadata.space}</Row>
      <Row label="DPI">{metadata.dpi ?? '–'}</Row>
      <Row label="Alpha">{metadata.hasAlpha ? 'yes' : 'no'}</Row>
      <Row label="Status">{asset.status}</Row>
      <Row label="Added">{new Date(asset.addedAt).toLocaleString()}</Row>
      <Row label={asset.locations.length > 1 ? `Locations (${asset.locations.length})` : 'Location'}>
        <ul className="locations">
          {asset.locations.map((location) => (
            <li key={location.path} title={location.path}>
              <span className="path">{location.path}</span>{' '}
              <span className="muted">{formatBytes(location.fileSize)}</span>
            </li>
          ))}
        </ul>
      </Row>
    </dl>
  );
}
