import type { Asset, AssetSummary } from '../../shared/model';
import { baseName } from './paths';

/** What a grid cell needs; the first location names the asset. */
export function toSummary(asset: Asset, distance?: number): AssetSummary {
  const path = asset.locations[0]?.path ?? '';
  const summary: AssetSummary = {
    hash: asset.hash,
    path,
    name: baseName(path),
    width: asset.metadata.width,
    height: asset.metadata.height,
    format: asset.metadata.format,
    pattern: asset.analysis.pattern.label,
    palette: asset.analysis.palette.map(({ hex, name, share }) => ({ hex, name, share })),
    status: asset.status,
    tags: [...asset.tags],
    addedAt: asset.addedAt,
  };
  if (distance !== undefined) summary.distance = distance;
  return summary;
}
