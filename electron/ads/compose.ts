/**
 * The layout engine: product cut-out, headline, sub-line, call-to-action button, logo and
 * fine print placed on a background in one channel format. The product is fitted whole
 * (never cropped); every text gets the colour with the best WCAG contrast against the pixels
 * actually behind it, and a scrim where no allowed colour reaches AA (4.5:1).
 */
import sharp, { type OverlayOptions } from 'sharp';
import type { AdCopy, BrandRules } from '../../shared/model/ads';
import type { Box } from '../../shared/model/asset';
import { bestTextColour, contrastRatio, hexToRgb, luminanceRange, relativeLuminance, WCAG_AA } from './contrast';
import { fitInside, layoutFor, type AdLayout } from './layout';
import { renderText } from './text-render';

export interface ProductCutout {
  /** RGBA pixels: the product with the cut-out mask as alpha. */
  rgba: Buffer;
  width: number;
  height: number;
}

export interface ComposeInput {
  width: number;
  height: number;
  /** Raw RGB background of exactly width × height. */
  background: Buffer;
  product: ProductCutout;
  copy: AdCopy;
  brand: BrandRules;
  logo: ProductCutout | null;
  /** The button's fill when the brand allows any colour: e.g. the product's accent colour. */
  accent: string;
}

export interface ComposedAd {
  png: Buffer;
  productBox: Box;
  /** The lowest text contrast on the ad. */
  contrast: number;
  /** Colours used for text and the button (for the brand check). */
  colours: string[];
  /** Texts that did not fit legibly (e.g. a long sub-line on a 728×90 banner, which is then left out). */
  dropped: string[];
}

const MIN_LEGIBLE_PX = 11;
const MIN_FINE_PRINT_PX = 7;

/** What a layout must make room for, from the copy, the brand and whether there is a logo. */
export function layoutNeeds(copy: AdCopy, brand: BrandRules, hasLogo: boolean) {
  return { subline: Boolean(copy.subline), logo: hasLogo, disclaimer: Boolean(brand.requiredDisclaimer) };
}

export async function composeAd(input: ComposeInput): Promise<ComposedAd> {
  const { width, height, brand } = input;
  const layout = layoutFor(width, height, layoutNeeds(input.copy, brand, input.logo !== null));
  const productBox = fitInside(input.product.width, input.product.height, layout.product);
  const product = await placed(input.product, productBox);
  const logoBox = input.logo && layout.logo ? fitInside(input.logo.width, input.logo.height, layout.logo) : null;
  const under: OverlayOptions[] = [product, ...(input.logo && logoBox ? [await placed(input.logo, logoBox)] : [])];
  // What the text will sit on: background, product and logo, before any text.
  const base = await sharp(input.background, { raw: { width, height, channels: 3 } })
    .composite(under)
    .removeAlpha()
    .raw()
    .toBuffer();

  const textColours = brand.allowedColours.length ? brand.allowedColours : ['#ffffff', '#111111'];
  const overlays: OverlayOptions[] = [...under];
  const ratios: number[] = [];
  const colours: string[] = [];
  const dropped: string[] = [];
  const texts: [keyof AdLayout, string, number, number, boolean][] = [
    ['headline', input.copy.headline, 0.9, MIN_LEGIBLE_PX, true],
    ['subline', input.copy.subline, 0.6, MIN_LEGIBLE_PX, false],
    ['disclaimer', brand.requiredDisclaimer, 0.9, MIN_FINE_PRINT_PX, false],
  ];
  for (const [slot, text, maxShare, minPx, bold] of texts) {
    const box = layout[slot] as Box | null;
    if (!box || !text) continue;
    const placedText = await textOn(base, width, height, box, text, textColours, {
      maxPx: box.height * maxShare,
      bold,
      align: width / height < 1.5 ? 'centre' : 'left',
    });
    if (placedText.px < minPx) {
      dropped.push(`${slot} "${text.slice(0, 40)}" is too long for ${width}×${height}`);
      if (slot !== 'disclaimer') continue;
    }
    overlays.push(...placedText.overlays);
    ratios.push(placedText.ratio);
    colours.push(placedText.colour);
  }
  const button = await ctaButton(input.copy.cta, layout.cta, brand.allowedColours[0] ?? input.accent, textColours);
  overlays.push(...button.overlays);
  ratios.push(button.ratio);
  colours.push(button.fill, button.colour);
  const png = await sharp(input.background, { raw: { width, height, channels: 3 } })
    .composite(overlays)
    .png()
    .toBuffer();
  return { png, productBox, contrast: Math.round(Math.min(...ratios) * 100) / 100, colours, dropped };
}

async function placed(cutout: ProductCutout, box: Box): Promise<OverlayOptions> {
  const input = await sharp(cutout.rgba, { raw: { width: cutout.width, height: cutout.height, channels: 4 } })
    .resize(box.width, box.height, { fit: 'fill' })
    .png()
    .toBuffer();
  return { input, left: box.x, top: box.y };
}

/** Picks the text colour for the pixels behind `box`; below AA it lays a scrim first. */
async function textOn(
  base: Buffer,
  width: number,
  height: number,
  box: Box,
  text: string,
  candidates: readonly string[],
  style: { maxPx: number; bold: boolean; align: 'left' | 'centre' },
) {
  const behind = await sharp(base, { raw: { width, height, channels: 3 } })
    .extract({ left: box.x, top: box.y, width: box.width, height: box.height })
    .raw()
    .toBuffer();
  let range = luminanceRange(behind, 3);
  const best = bestTextColour(candidates, range);
  const colour = best.colour;
  let ratio = best.ratio;
  const overlays: OverlayOptions[] = [];
  if (ratio < WCAG_AA) {
    // A scrim opposite to the text colour: dark under light text, light under dark text.
    const light = relativeLuminance(hexToRgb(colour)) > 0.5;
    const scrim = light ? { r: 0, g: 0, b: 0, alpha: 0.62 } : { r: 255, g: 255, b: 255, alpha: 0.78 };
    overlays.push({
      input: { create: { width: box.width, height: box.height, channels: 4, background: scrim } },
      left: box.x,
      top: box.y,
    });
    range = scrimmed(range, scrim);
    ratio = Math.min(
      contrastRatio(relativeLuminance(hexToRgb(colour)), range.dark),
      contrastRatio(relativeLuminance(hexToRgb(colour)), range.light),
    );
  }
  const rendered = await renderText(text, box, { colour, bold: style.bold, align: style.align, maxPx: style.maxPx });
  const left = style.align === 'centre' ? box.x + Math.floor((box.width - rendered.width) / 2) : box.x;
  overlays.push({ input: rendered.png, left, top: box.y + Math.floor((box.height - rendered.height) / 2) });
  return { overlays, ratio, colour, px: rendered.px };
}

/** Luminance range after a uniform scrim is blended over it (in linear light). */
function scrimmed(
  range: { dark: number; light: number },
  scrim: { r: number; alpha: number },
): { dark: number; light: number } {
  const s = relativeLuminance([scrim.r, scrim.r, scrim.r]);
  return {
    dark: range.dark * (1 - scrim.alpha) + s * scrim.alpha,
    light: range.light * (1 - scrim.alpha) + s * scrim.alpha,
  };
}

async function ctaButton(label: string, box: Box, fill: string, candidates: readonly string[]) {
  const fillLuminance = relativeLuminance(hexToRgb(fill));
  const others = candidates.filter((c) => c.toLowerCase() !== fill.toLowerCase());
  const { colour, ratio } = bestTextColour(others.length ? others : candidates, {
    dark: fillLuminance,
    light: fillLuminance,
  });
  const radius = Math.round(box.height * 0.3);
  const shape = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}"><rect ` +
      `width="${box.width}" height="${box.height}" rx="${radius}" fill="${fill}"/></svg>`,
  );
  const inner = {
    x: 0,
    y: 0,
    width: Math.max(1, Math.round(box.width * 0.84)),
    height: Math.max(1, Math.round(box.height * 0.6)),
  };
  const rendered = await renderText(label, inner, { colour, bold: true, align: 'centre', maxPx: inner.height });
  return {
    fill,
    colour,
    ratio,
    overlays: [
      { input: shape, left: box.x, top: box.y },
      {
        input: rendered.png,
        left: box.x + Math.floor((box.width - rendered.width) / 2),
        top: box.y + Math.floor((box.height - rendered.height) / 2),
      },
    ] as OverlayOptions[],
  };
}
