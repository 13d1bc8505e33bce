/** A library with a product shot on a plain studio background, a logo and a stripe pattern. */
import sharp from 'sharp';
import type { BrandRules, Campaign } from '../../../shared/model/ads';
import { DEFAULT_BRAND } from '../../../electron/ads';
import { makeStripes } from '../../support/images';
import { openGeneratedLibrary, type GeneratedLibrary } from '../../support/generated-library';

export interface AdsFixture extends GeneratedLibrary {
  productHash: string;
  logoHash: string;
}

/** A coral "bottle" (rounded rectangle with a neck) on light grey: a clean cut-out case. */
export async function productShot(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><rect width="800" height="800" fill="#eeeeee"/>
    <rect x="300" y="260" width="200" height="420" rx="40" fill="#ff7f50"/><rect x="360" y="150" width="80" height="130" rx="12" fill="#1b2a4a"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function logo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><rect width="300" height="300" fill="#ffffff"/><circle cx="150" cy="150" r="100" fill="#0b3d2e"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function openAdsFixture(): Promise<AdsFixture> {
  const fixture = await openGeneratedLibrary(
    {
      'bottle.png': productShot(),
      'logo.png': logo(),
      'stripes.png': makeStripes({
        width: 600,
        height: 400,
        period: 30,
        orientation: 'vertical',
        colours: ['#1b2a4a', '#f7f3e9'],
      }),
    },
    { prefix: 'ads' },
  );
  return Object.assign(fixture, { productHash: fixture.hashOf('bottle.png'), logoHash: fixture.hashOf('logo.png') });
}

export const COPY = { headline: 'Cold for 24 hours', subline: 'Steel bottle, leak-proof lid', cta: 'Shop now' };

/** The campaign most ad tests start from: the bottle, the fixture's copy, one square studio concept. */
export function bottleCampaign(
  fixture: AdsFixture,
  brand: Partial<BrandRules> = {},
  name = 'Bottle',
): Promise<Campaign> {
  return fixture.engine.ads.createCampaign({
    name,
    productHash: fixture.productHash,
    productName: 'Steel bottle',
    notes: '',
    copy: COPY,
    formats: ['square'],
    themes: ['studio'],
    brand: { ...DEFAULT_BRAND, ...brand },
  });
}

/** Noise a model "paints" (base64 PNG): if any of it reached the product, the product could not match its cut-out. */
export async function noisyImage(width: number, height: number): Promise<string> {
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
  const png = await sharp(data, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
  return png.toString('base64');
}
