import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { composeAd, type ProductCutout } from '../../../electron/ads/compose';
import { busyness } from '../../../electron/ads/legibility';
import { layoutFor } from '../../../electron/ads/layout';
import type { BrandRules } from '../../../shared/model/ads';

const brand: BrandRules = {
  forbiddenWords: [],
  requiredDisclaimer: '',
  allowedColours: [],
  guardrailId: '',
  guardrailVersion: '',
};
const copy = { headline: 'Pinstripe season is here', subline: 'Tailored cotton shirts', cta: 'Shop now' };

function square(size: number, rgba: readonly number[]): ProductCutout {
  const data = Buffer.alloc(size * size * 4);
  for (let i = 0; i < size * size; i++) data.set(rgba, i * 4);
  return { rgba: data, width: size, height: size };
}

/** Thin dark lines on cream, 8 px apart: a pinstripe print whose lines run through any text laid on it. */
function pinstripes(width: number, height: number): Buffer {
  const out = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) out.set(x % 8 < 2 ? [30, 34, 60] : [246, 240, 226], (y * width + x) * 3);
  return out;
}

function region(png: { data: Buffer; width: number }, box: { x: number; y: number; width: number; height: number }) {
  const out = Buffer.alloc(box.width * box.height * 3);
  for (let y = 0; y < box.height; y++)
    png.data.copy(
      out,
      y * box.width * 3,
      ((box.y + y) * png.width + box.x) * 3,
      ((box.y + y) * png.width + box.x + box.width) * 3,
    );
  return out;
}

describe('text a person can read', () => {
  it('softens pinstripes under the headline, keeps AA contrast, and reports the fix', async () => {
    const [width, height] = [1080, 1080];
    const background = pinstripes(width, height);
    const ad = await composeAd({
      width,
      height,
      background,
      product: square(300, [200, 60, 40, 255]),
      copy,
      brand,
      logo: null,
      accent: '#1b2a4a',
    });
    const headline = ad.legibility.find((l) => l.slot === 'headline')!;
    expect(headline.busyness).toBeGreaterThan(0.05);
    expect(headline.fixes[0]).toBe('blur');
    expect(headline.contrast).toBeGreaterThanOrEqual(4.5);
    expect(ad.problems).toEqual([]);
    // The pixels behind the headline are calm in the finished ad's background layer under the text.
    const box = layoutFor(width, height, { subline: true, logo: false, disclaimer: false }).headline;
    const behindBefore = region({ data: background, width }, box);
    expect(busyness(behindBefore, box.width, box.height)).toBeGreaterThan(0.05);
    const textLayer = await sharp(ad.layers.text, { raw: { width, height, channels: 4 } })
      .removeAlpha()
      .raw()
      .toBuffer();
    const patch = region({ data: textLayer, width }, { ...box, height: 4 });
    // The softened patch is drawn in the text layer: its top rows are the blurred stripes, no longer two-tone.
    const values = new Set<number>();
    for (let i = 0; i < patch.length; i += 3) values.add(patch[i]);
    expect(values.size).toBeGreaterThan(2);
  });

  it('leaves text on a calm backdrop alone', async () => {
    const [width, height] = [1080, 1080];
    const background = Buffer.alloc(width * height * 3, 236);
    const ad = await composeAd({
      width,
      height,
      background,
      product: square(300, [200, 60, 40, 255]),
      copy,
      brand,
      logo: null,
      accent: '#1b2a4a',
    });
    expect(ad.legibility.filter((l) => l.fixes.length)).toEqual([]);
    expect(ad.problems).toEqual([]);
  });

  it('never passes an ad whose product is not in it', async () => {
    const ad = await composeAd({
      width: 1080,
      height: 1080,
      background: Buffer.alloc(1080 * 1080 * 3, 236),
      product: square(300, [0, 0, 0, 0]),
      copy,
      brand,
      logo: null,
      accent: '#1b2a4a',
    });
    expect(ad.problems.join(' ')).toMatch(/product is missing/);
  });
});

describe('a product that stands out', () => {
  /** A burgundy disc with a feathered edge, like a cut-out. */
  function apple(size: number): ProductCutout {
    const rgba = Buffer.alloc(size * size * 4);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        const d = Math.hypot(x - size / 2, y - size / 2) - size * 0.45;
        rgba.set([123, 30, 43, Math.round(255 * Math.min(1, Math.max(0, 0.5 - d / 3)))], (y * size + x) * 4);
      }
    return { rgba, width: size, height: size };
  }

  function stripes(width: number, height: number, period: number): Buffer {
    const out = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        out.set(x % period < period / 2 ? [109, 26, 54] : [232, 180, 188], (y * width + x) * 3);
    return out;
  }

  it('gets a light halo where it would blend into a background of its own colour, and not on a contrasting one', async () => {
    const input = { width: 1080, height: 1080, product: apple(400), copy, brand, logo: null, accent: '#1b2a4a' };
    const onWine = await composeAd({ ...input, background: stripes(1080, 1080, 180) });
    expect(onWine.halo).toBe(true);
    const onCream = await composeAd({ ...input, background: Buffer.alloc(1080 * 1080 * 3, 240) });
    expect(onCream.halo).toBe(false);
  });
});
