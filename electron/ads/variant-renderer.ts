/**
 * One ad variant from start to finish: a background (the compositor's, or a model's: painted
 * around the product where the model can, so the scene fits it, or painted alone), then the
 * layout engine lays the product cut-out, copy, button, logo and fine print over it. The
 * product always comes from the cut-out's own pixels, so it is never altered or cropped.
 */
import sharp from 'sharp';
import type { AdCopy, BrandRules, Concept } from '../../shared/model/ads';
import { composeAd, layoutNeeds, type ComposedAd, type ProductCutout } from './compose';
import type { TextFonts } from './text-render';
import type { GeneratedImage, ImageGenerator } from './generators/image-generator';
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
  fonts?: TextFonts;
  /** The product is the whole photo: framed, not cut out. */
  framed?: boolean;
}

export interface RenderedVariant extends ComposedAd {
  /** What the local compositor drew, or null when a model painted the background (its prompt says what). */
  recipe: string | null;
  backgroundAssets: string[];
}

export async function renderVariant(spec: VariantSpec, signal?: AbortSignal): Promise<RenderedVariant> {
  const background = await backgroundFor(spec, signal);
  const ad = await composeAd({
    width: spec.width,
    height: spec.height,
    background: background.rgb,
    product: spec.product,
    copy: spec.copy,
    brand: spec.brand,
    logo: spec.logo,
    accent: spec.accent,
    fonts: spec.fonts,
    shadow: background.floorShadow && !spec.framed,
    frame: spec.framed,
  });
  const recipe =
    background.recipe &&
    (ad.halo ? `${background.recipe}; a light halo behind the product so it stands out` : background.recipe);
  return { ...ad, recipe: recipe ?? null, backgroundAssets: background.assets ?? [] };
}

async function backgroundFor(spec: VariantSpec, signal?: AbortSignal): Promise<GeneratedImage> {
  const { generator, width, height } = spec;
  if (!generator.remote)
    return generator.generate({ concept: spec.concept, width, height, seed: spec.seed, product: null });
  const size = remoteSize(width, height);
  const aspectKept = Math.abs(Math.log(size.width / size.height / (width / height))) < 0.05;
  const product =
    generator.replacesBackground && aspectKept ? await productCanvas(spec, size.width, size.height) : null;
  const generated = await generator.generate({ concept: spec.concept, ...size, seed: spec.seed, product }, signal);
  // A banner wider than the model paints (728×90 is 8:1) takes the middle of a 4:1 scene.
  const rgb = await sharp(generated.rgb, { raw: { width: generated.width, height: generated.height, channels: 3 } })
    .resize(width, height, { fit: aspectKept ? 'fill' : 'cover' })
    .raw()
    .toBuffer();
  return { rgb, width, height };
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
