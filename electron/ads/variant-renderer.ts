/**
 * One ad variant from start to finish: a background (the compositor's, or a model's: painted
 * around the product where the model can, so the scene fits it, or painted alone), then the
 * layout engine lays the product cut-out, copy, button, logo and fine print over it. The
 * product always comes from the cut-out's own pixels, so it is never altered or cropped.
 */
import sharp from 'sharp';
import type { AdCopy, BrandRules, Concept } from '../../shared/model/ads';
import { composeAd, layoutNeeds, type ComposedAd, type ProductCutout } from './compose';
import type { ImageGenerator } from './generators/image-generator';
import { remoteSize } from './generators/image-generator';
import { fitInside, layoutFor } from './layout';

export interface VariantSpec {
  generator: ImageGenerator;
  concept: Concept;
  width: number;
  height: number;
  seed: number;
  product: ProductCutout;
  logo: ProductCutout | null;
  copy: AdCopy;
  brand: BrandRules;
  accent: string;
}

export async function renderVariant(spec: VariantSpec, signal?: AbortSignal): Promise<ComposedAd> {
  const background = await backgroundFor(spec, signal);
  return composeAd({
    width: spec.width,
    height: spec.height,
    background,
    product: spec.product,
    copy: spec.copy,
    brand: spec.brand,
    logo: spec.logo,
    accent: spec.accent,
  });
}

async function backgroundFor(spec: VariantSpec, signal?: AbortSignal): Promise<Buffer> {
  const { generator, width, height } = spec;
  if (!generator.remote)
    return (await generator.generate({ concept: spec.concept, width, height, seed: spec.seed, product: null })).rgb;
  const size = remoteSize(width, height);
  const aspectKept = Math.abs(Math.log(size.width / size.height / (width / height))) < 0.05;
  const product =
    generator.replacesBackground && aspectKept ? await productCanvas(spec, size.width, size.height) : null;
  const generated = await generator.generate({ concept: spec.concept, ...size, seed: spec.seed, product }, signal);
  // A banner wider than the model paints (728×90 is 8:1) takes the middle of a 4:1 scene.
  return sharp(generated.rgb, { raw: { width: generated.width, height: generated.height, channels: 3 } })
    .resize(width, height, { fit: aspectKept ? 'fill' : 'cover' })
    .raw()
    .toBuffer();
}

/** The product where the layout will put it, on white, at the model's size, and its mask. */
async function productCanvas(
  spec: VariantSpec,
  width: number,
  height: number,
): Promise<{ canvas: Buffer; mask: Buffer }> {
  const layout = layoutFor(spec.width, spec.height, layoutNeeds(spec.copy, spec.brand, spec.logo !== null));
  const box = fitInside(spec.product.width, spec.product.height, layout.product);
  const sx = width / spec.width,
    sy = height / spec.height;
  const scaled = {
    left: Math.round(box.x * sx),
    top: Math.round(box.y * sy),
    width: Math.max(1, Math.round(box.width * sx)),
    height: Math.max(1, Math.round(box.height * sy)),
  };
  const resized = await sharp(spec.product.rgba, {
    raw: { width: spec.product.width, height: spec.product.height, channels: 4 },
  })
    .resize(scaled.width, scaled.height, { fit: 'fill' })
    .png()
    .toBuffer();
  const canvas = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite([{ input: resized, left: scaled.left, top: scaled.top }])
    .removeAlpha()
    .raw()
    .toBuffer();
  const alpha = await sharp(resized).extractChannel(3).png().toBuffer();
  const mask = await sharp({ create: { width, height, channels: 3, background: '#000000' } })
    .composite([{ input: alpha, left: scaled.left, top: scaled.top }])
    .extractChannel(0)
    .raw()
    .toBuffer();
  return { canvas, mask };
}
