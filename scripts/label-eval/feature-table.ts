/** The classifier's inputs for the evaluation set and the generated set, computed as ingest would. */
import { measure } from '../../electron/pixels';
import { patternFeatureVector } from '../../electron/pixels/pattern-features';
import type { PatternLabel } from '../../shared/vocabulary/pattern-labels';
import { generatedSet } from '../../test/support/generated-set';
import { augmentations } from './augment';
import type { EvalImage } from './eval-set';
import { ingestRaster } from './ingest-raster';

export interface FeatureRow {
  name: string;
  labels: PatternLabel[];
  features: number[];
}

/** One row per image, plus rows for its augmentations when asked (training only). */
export async function evalSetRows(images: EvalImage[], augment: boolean, onProgress?: (done: number) => void) {
  const rows: FeatureRow[] = [];
  for (const [done, img] of images.entries()) {
    const { raster } = await ingestRaster(img.file);
    const name = `${img.package} ${img.member}`;
    rows.push({ name, labels: img.labels, features: patternFeatureVector(measure(raster)) });
    if (augment)
      for (const variant of augmentations(raster))
        rows.push({
          name: `${name} (augmented)`,
          labels: img.labels,
          features: patternFeatureVector(measure(variant)),
        });
    onProgress?.(done + 1);
  }
  return rows;
}

export function generatedRows(): FeatureRow[] {
  return generatedSet().map((item) => ({
    name: `generated ${item.name}`,
    labels: [item.label],
    features: patternFeatureVector(measure(item.raster)),
  }));
}
