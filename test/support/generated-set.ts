/** The labelled generated set: one entry per (pattern class × variant), with the expected label. */
import type { PatternLabel } from '../../shared/vocabulary/pattern-labels';
import type { Raster } from '../../electron/pixels/raster';
import {
  checksRaster,
  dotsRaster,
  geometricRaster,
  gradientRaster,
  organicRaster,
  photoLikeRaster,
  solidRaster,
  stripesRaster,
  textureRaster,
} from './images';

export interface LabelledRaster {
  name: string;
  label: PatternLabel;
  raster: Raster;
}

export function generatedSet(): LabelledRaster[] {
  const s = { width: 640, height: 480 };
  const out: LabelledRaster[] = [];
  const add = (name: string, label: PatternLabel, raster: Raster) => out.push({ name, label, raster });
  for (const colour of ['#1b2a4a', '#d21f1f', '#f7e11e'])
    add(`solid ${colour}`, 'solid', solidRaster({ ...s, colour }));
  for (const [period, orientation] of [
    [32, 'horizontal'],
    [48, 'vertical'],
    [40, 'diagonal'],
    [20, 'vertical'],
  ] as const) {
    add(
      `stripes ${orientation} ${period}`,
      'stripes',
      stripesRaster({ ...s, period, orientation, colours: ['#1b2a4a', '#ffffff'] }),
    );
  }
  for (const period of [40, 64, 96])
    add(`checks ${period}`, 'checks', checksRaster({ ...s, period, colours: ['#d21f1f', '#ffffff'] }));
  add('dots square', 'dots', dotsRaster({ ...s, spacing: 40, radius: 10, colours: ['#d21f1f', '#ffffff'] }));
  add(
    'dots half-drop',
    'dots',
    dotsRaster({ ...s, spacing: 48, radius: 9, colours: ['#ffffff', '#1b2a4a'], halfDrop: true }),
  );
  add('dots equal luma', 'dots', dotsRaster({ ...s, spacing: 36, radius: 8, colours: ['#d21f1f', '#1f4d2b'] }));
  add('gradient h', 'gradient', gradientRaster({ ...s, colours: ['#1b2a4a', '#87ceeb'] }));
  add('gradient v', 'gradient', gradientRaster({ ...s, colours: ['#ff7f50', '#fffdd0'], direction: 'vertical' }));
  for (const seed of [1, 2, 3]) add(`photo ${seed}`, 'photo/other', photoLikeRaster({ ...s, seed }));
  for (const seed of [3, 4, 5]) add(`organic ${seed}`, 'floral/organic', organicRaster({ ...s, seed }));
  for (const cell of [48, 80]) add(`geometric ${cell}`, 'geometric', geometricRaster({ ...s, cell }));
  for (const seed of [5, 6]) add(`texture ${seed}`, 'texture', textureRaster({ ...s, seed }));
  return out;
}
