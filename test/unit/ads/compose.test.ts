import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { composeAd, type ProductCutout } from '../../../electron/ads/compose';
import { contrastRatio, relativeLuminance, WCAG_AA } from '../../../electron/ads/contrast';
import { localBackground } from '../../../electron/ads/local-background';
import { AD_FORMATS, type BrandRules } from '../../../shared/model/ads';

const brand: BrandRules = {
  forbiddenWords: [],
  requiredDisclaimer: 'Offer ends 31 Dec.',
  allowedColours: [],
  guardrailId: '',
  guardrailVersion: '',
};
const copy = {
  headline: 'Summer linen, made to last',
  subline: 'Breathable, washable, 20% off this week',
  cta: 'Shop now',
};

/** A coral disc on transparent: a product cut-out with a known shape. */
function discProduct(size = 400): ProductCutout {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const inside = (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size * 0.45) ** 2;
      rgba.set(inside ? [255, 127, 80, 255] : [0, 0, 0, 0], i);
    }
  return { rgba, width: size, height: size };
}

function checkerboard(width: number, height: number): Buffer {
  const out = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      out.fill((Math.floor(x / 6) + Math.floor(y / 6)) % 2 ? 255 : 0, (y * width + x) * 3, (y * width + x) * 3 + 3);
  return out;
}

describe('the layout engine, in every channel format', () => {
  it.each(AD_FORMATS.map((f) => [f.id, f.width, f.height] as const))(
    '%s (%i×%i): exact size, product whole and inside, text at AA contrast',
    async (_id, width, height) => {
      const concept = {
        id: 'c',
        theme: 'studio' as const,
        prompt: 'p',
        negativePrompt: '',
        palette: ['#1b2a4a', '#e1ad01'],
        patternHash: null,
      };
      const { rgb: background } = await localBackground(concept, width, height, 7, null);
      const ad = await composeAd({
        width,
        height,
        background,
        product: discProduct(),
        copy,
        brand,
        logo: discProduct(100),
        accent: '#1b2a4a',
      });

      const meta = await sharp(ad.png).metadata();
      expect([meta.width, meta.height]).toEqual([width, height]);
      const b = ad.productBox;
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(width);
      expect(b.y + b.height).toBeLessThanOrEqual(height);
      expect(b.width).toBe(b.height); // the product's own aspect: scaled, never cropped
      expect(ad.contrast).toBeGreaterThanOrEqual(WCAG_AA);
      expect(ad.dropped.filter((d) => d.startsWith('headline'))).toEqual([]);
    },
  );

  it('keeps AA contrast on a background that defeats any single text colour, with a scrim', async () => {
    const [width, height] = [1080, 1080];
    const ad = await composeAd({
      width,
      height,
      background: checkerboard(width, height),
      product: discProduct(),
      copy,
      brand,
      logo: null,
      accent: '#1b2a4a',
    });
    expect(ad.contrast).toBeGreaterThanOrEqual(WCAG_AA);
    // Without a scrim, white or black text on black and white squares is 1:1 somewhere.
    expect(contrastRatio(relativeLuminance([255, 255, 255]), relativeLuminance([255, 255, 255]))).toBe(1);
  });

  it('uses only the brand colours for text and button when the brand has a palette', async () => {
    const branded = { ...brand, allowedColours: ['#0b3d2e', '#f7f3e9'] };
    const concept = {
      id: 'c',
      theme: 'studio' as const,
      prompt: 'p',
      negativePrompt: '',
      palette: ['#f7f3e9'],
      patternHash: null,
    };
    const ad = await composeAd({
      width: 1080,
      height: 1350,
      background: (await localBackground(concept, 1080, 1350, 1, null)).rgb,
      product: discProduct(),
      copy,
      brand: branded,
      logo: null,
      accent: '#ff0000',
    });
    expect(new Set(ad.colours)).toEqual(new Set(['#0b3d2e', '#f7f3e9']));
    expect(ad.contrast).toBeGreaterThanOrEqual(WCAG_AA);
  });

  it('leaves out a sub-line too long to be legible on a banner, and says so', async () => {
    const long = {
      ...copy,
      subline:
        'An unreasonably long sub-line that explains every single feature of the product in great detail, twice over, for good measure',
    };
    const concept = {
      id: 'c',
      theme: 'studio' as const,
      prompt: 'p',
      negativePrompt: '',
      palette: ['#ffffff'],
      patternHash: null,
    };
    const ad = await composeAd({
      width: 728,
      height: 90,
      background: (await localBackground(concept, 728, 90, 1, null)).rgb,
      product: discProduct(),
      copy: long,
      brand,
      logo: null,
      accent: '#1b2a4a',
    });
    expect(ad.dropped).toEqual([expect.stringMatching(/^subline .* too long for 728×90/)]);
  });
});
