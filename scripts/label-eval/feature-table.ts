/** The classifier's inputs for the evaluation set and the generated set, computed as ingest would. */
import { measure, type RasterFeatures } from '../../electron/pixels';
import { patternFeatureVector } from '../../electron/pixels/pattern-features';
import type { PatternLabel } from '../../shared/vocabulary/pattern-labels';
import { generatedSet } from '../../test/support/generated-set';
import type { EvalImage } from './eval-set';
import { ingestRaster } from './ingest-raster';

export interface FeatureRow {
  name: string;
  labels: PatternLabel[];
  split: 'train' | 'test' | 'generated';
  features: number[];
}

export async function evalSetRows(images: EvalImage[], onProgress?: (done: number) => void): Promise<FeatureRow[]> {
  const rows: FeatureRow[] = [];
  for (const img of images) {
    const { raster } = await ingestRaster(img.file);
    rows.push({ name: `${img.package} ${img.member}`, labels: img.labels, split: img.split, features: vectorOf(measure(raster)) });
    onProgress?.(rows.length);
  }
  return rows;
}

export function generatedRows(): FeatureRow[] {
  return generatedSet().map((item) => ({
    name: `generated ${item.name}`,
    labels: [item.label],
    split: 'generated' as const,
    features: vectorOf(measure(item.raster)),
  }));
}

function vectorOf(f: RasterFeatures): number[] {
  return patternFeatureVector(f);
}
