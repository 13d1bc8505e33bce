/**
 * The layout engine: product cut-out, headline, sub-line, call-to-action button, logo and
 * fine print placed on a background in one channel format. The product is fitted whole
 * (never cropped); every text gets the colour with the best WCAG contrast against the pixels
 * actually behind it, with the background softened under busy text and a scrim or panel where
 * no allowed colour reaches AA (4.5:1). The ad comes with its layers (for live loops) and the
 * checks it failed: a product missing or covered, text that stayed hard to read.
 */
import sharp, { type OverlayOptions } from 'sharp';
import type { AdCopy, BrandRules, TextFix, TextLegibility } from '../../shared/model/ads';
import type { Box } from '../../shared/model/asset';
import { bestTextColour, contrastRatio, hexToRgb, luminanceRange, relativeLuminance, WCAG_AA } from './contrast';
import { fitInside, layoutFor, type AdLayout } from './layout';
import { BUSY_EDGES, busyness, panel, softenedRegion } from './legibility';
import { needsHalo, outlineBlending, productProblems, type PlacedProduct } from './product-check';
import { renderText, type TextFonts } from './text-render';

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
  /** Brand font files for the headline and body (system sans when absent). */
  fonts?: TextFonts;
  /** A soft floor shadow under the product (the studio look). */
  shadow?: boolean;
  /** The product is a whole photo: framed with a white mat and a soft shadow, like a print. */
  frame?: boolean;
}

/** The ad as separate layers of its full size: what a live loop moves, fades or keeps still. */
export interface AdLayers {
  width: number;
  height: number;
  /** Raw RGB: the background alone. */
  background: Buffer;
  /** Raw RGBA: product (and logo, and its shadow), transparent elsewhere. */
  product: Buffer;
  /** Raw RGBA: softened patches, scrims, panels, text, button, fine print. */
  text: Buffer;
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
  legibility: TextLegibility[];
  /** Checks the ad failed, in plain words: it needs attention, it is not ready. */
  problems: string[];
  /** A light halo was laid behind the product because it shared its background's colour. */
  halo: boolean;
  layers: AdLayers;
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
  // A product the same colour as what is behind it gets a soft light halo, so it stands out.
  const halo = needsHalo(outlineBlending(product, input.background, width));
  const logoBox = input.logo && layout.logo ? fitInside(input.logo.width, input.logo.height, layout.logo) : null;
  const under: OverlayOptions[] = [
    ...(input.shadow ? [floorShadow(productBox, width, height)] : []),
    ...(input.frame ? [photoFrame(productBox, width, height)] : []),
    ...(halo && !input.frame ? [productHalo(productBox, width, height)] : []),
    overlayOf(product),
    ...(input.logo && logoBox ? [overlayOf(await placed(input.logo, logoBox))] : []),
  ];
  // What the text will sit on: background, product and logo, before any text.
  const base = await sharp(input.background, { raw: { width, height, channels: 3 } })
    .composite(under)
    .removeAlpha()
    .raw()
    .toBuffer();

  const textColours = brand.allowedColours.length ? brand.allowedColours : ['#ffffff', '#111111'];
  const textLayer: OverlayOptions[] = [];
  const legibility: TextLegibility[] = [];
  const colours: string[] = [];
  const dropped: string[] = [];
  const texts: [TextLegibility['slot'], string, number, number, boolean][] = [
    ['headline', input.copy.headline, 0.9, MIN_LEGIBLE_PX, true],
    ['subline', input.copy.subline, 0.6, MIN_LEGIBLE_PX, false],
    ['disclaimer', brand.requiredDisclaimer, 0.9, MIN_FINE_PRINT_PX, false],
  ];
  for (const [slot, text, maxShare, minPx, bold] of texts) {
    const box = layout[slot as keyof AdLayout] as Box | null;
    if (!box || !text) continue;
    const placedText = await textOn(base, width, height, box, text, textColours, {
      maxPx: box.height * maxShare,
      bold,
      align: width / height < 1.5 ? 'centre' : 'left',
      font: bold ? input.fonts?.headline : input.fonts?.body,
    });
    if (placedText.px < minPx) {
      dropped.push(`${slot} "${text.slice(0, 40)}" is too long for ${width}×${height}`);
      if (slot !== 'disclaimer') continue;
    }
    textLayer.push(...placedText.overlays);
    legibility.push({ slot, ...placedText.legibility });
    colours.push(placedText.colour);
  }
  const fill = brand.allowedColours[0] ?? input.accent;
  const button = await ctaButton(input.copy.cta, layout.cta, fill, textColours, input.fonts?.headline);
  textLayer.push(...button.overlays);
  legibility.push({ slot: 'cta', contrast: round2(button.ratio), busyness: 0, fixes: [] });
  colours.push(button.fill, button.colour);

  const layers = await separateLayers(input.background, width, height, under, textLayer);
  // Composited once: checked as raw pixels, then encoded.
  const finished = await sharp(input.background, { raw: { width, height, channels: 3 } })
    .composite([...under, ...textLayer])
    .removeAlpha()
    .raw()
    .toBuffer();
  const png = await sharp(finished, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
  const problems = [
    ...productProblems(finished, product, width, height),
    ...legibility
      .filter((l) => l.contrast < WCAG_AA)
      .map((l) => `the ${l.slot} is hard to read: contrast ${l.contrast.toFixed(1)}:1 (AA needs 4.5:1)`),
  ];
  const contrast = round2(Math.min(...legibility.map((l) => l.contrast)));
  return { png, productBox, contrast, colours, dropped, legibility, problems, layers, halo };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** The background alone, then what sits on it (product, logo, shadow) and what is drawn over it (text), each full size. */
async function separateLayers(
  background: Buffer,
  width: number,
  height: number,
  under: OverlayOptions[],
  over: OverlayOptions[],
): Promise<AdLayers> {
  const layer = (overlays: OverlayOptions[]) =>
    sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite(overlays)
      .raw()
      .toBuffer();
  return { width, height, background, product: await layer(under), text: await layer(over) };
}

/** A soft light glow behind the product: figure and ground apart when they share a colour. */
function productHalo(box: Box, width: number, height: number): OverlayOptions {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const blur = Math.max(4, Math.min(box.width, box.height) * 0.08);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><filter id="h" x="-50%" y="-50%" ` +
    `width="200%" height="200%"><feGaussianBlur stdDeviation="${blur.toFixed(1)}"/></filter></defs><ellipse ` +
    `cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" rx="${(box.width * 0.56).toFixed(1)}" ry="${(box.height * 0.56).toFixed(1)}" ` +
    `fill="#ffffff" fill-opacity="0.82" filter="url(#h)"/></svg>`;
  return { input: Buffer.from(svg), left: 0, top: 0 };
}

/** A white mat with a soft drop shadow around a whole photo, inside the canvas. */
function photoFrame(box: Box, width: number, height: number): OverlayOptions {
  const pad = Math.max(2, Math.round(Math.min(box.width, box.height) * 0.025));
  const x = Math.max(0, box.x - pad);
  const y = Math.max(0, box.y - pad);
  const w = Math.min(width - x, box.width + 2 * pad);
  const h = Math.min(height - y, box.height + 2 * pad);
  const blur = Math.max(1.5, pad * 0.8);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><filter id="f" x="-10%" y="-10%" ` +
    `width="120%" height="120%"><feGaussianBlur stdDeviation="${blur.toFixed(1)}"/></filter></defs>` +
    `<rect x="${x + pad * 0.4}" y="${y + pad * 0.6}" width="${w}" height="${h}" fill="#000" fill-opacity="0.22" filter="url(#f)"/>` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#ffffff"/></svg>`;
  return { input: Buffer.from(svg), left: 0, top: 0 };
}

/** A soft elliptical shadow on the floor under the product: it stands on the sweep rather than floats. */
function floorShadow(box: Box, width: number, height: number): OverlayOptions {
  const rx = box.width * 0.42;
  const ry = Math.max(4, box.height * 0.05);
  const cx = box.x + box.width / 2;
  const cy = Math.min(height - ry, box.y + box.height - ry * 0.4);
  const blur = Math.max(2, ry * 0.8);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><filter id="s">` +
    `<feGaussianBlur stdDeviation="${blur.toFixed(1)}"/></filter></defs><ellipse cx="${cx.toFixed(1)}" ` +
    `cy="${cy.toFixed(1)}" rx="${rx.toFixed(1)}" ry="${ry.toFixed(1)}" fill="#000" fill-opacity="0.28" filter="url(#s)"/></svg>`;
  return { input: Buffer.from(svg), left: 0, top: 0 };
}

/** A cut-out resized to its box, as raw RGBA: composited as it is and checked without decoding anything. */
export async function placed(cutout: ProductCutout, box: Box): Promise<PlacedProduct> {
  const rgba = await sharp(cutout.rgba, { raw: { width: cutout.width, height: cutout.height, channels: 4 } })
    .resize(box.width, box.height, { fit: 'fill' })
    .raw()
    .toBuffer();
  return { rgba, box };
}

function overlayOf({ rgba, box }: PlacedProduct): OverlayOptions {
  return { input: rgba, raw: { width: box.width, height: box.height, channels: 4 }, left: box.x, top: box.y };
}

/**
 * Picks the text colour for the pixels behind `box`: a busy region is softened first, then a scrim
 * goes under text still below AA, and a region too busy to soften gets a panel instead.
 */
async function textOn(
  base: Buffer,
  width: number,
  height: number,
  box: Box,
  text: string,
  candidates: readonly string[],
  style: { maxPx: number; bold: boolean; align: 'left' | 'centre'; font?: string },
) {
  let behind: Buffer = await sharp(base, { raw: { width, height, channels: 3 } })
    .extract({ left: box.x, top: box.y, width: box.width, height: box.height })
    .raw()
    .toBuffer();
  const busy = busyness(behind, box.width, box.height);
  const overlays: OverlayOptions[] = [];
  const fixes: TextFix[] = [];
  if (busy > BUSY_EDGES) {
    const softened = await softenedRegion(base, width, height, box);
    overlays.push(softened.overlay);
    behind = softened.pixels;
    fixes.push('blur');
  }
  let range = luminanceRange(behind, 3);
  const best = bestTextColour(candidates, range);
  const colour = best.colour;
  let ratio = best.ratio;
  const light = relativeLuminance(hexToRgb(colour)) > 0.5;
  const scrim = light ? { r: 0, g: 0, b: 0, alpha: 0.62 } : { r: 255, g: 255, b: 255, alpha: 0.78 };
  const stillBusy = busyness(behind, box.width, box.height) > BUSY_EDGES;
  // A scrim opposite to the text colour (dark under light text) where it is enough; a panel where it is not.
  if (!stillBusy && ratio < WCAG_AA && worstOf(colour, scrimmed(range, scrim)) >= WCAG_AA) {
    overlays.push({
      input: { create: { width: box.width, height: box.height, channels: 4, background: scrim } },
      left: box.x,
      top: box.y,
    });
    range = scrimmed(range, scrim);
    ratio = worstOf(colour, range);
    fixes.push('scrim');
  } else if (stillBusy || ratio < WCAG_AA) {
    const solid = panel(box, !light);
    overlays.push(solid.overlay);
    range = scrimmed(range, { r: solid.rgb[0], alpha: 0.92 });
    ratio = worstOf(colour, range);
    fixes.push('panel');
  }
  const rendered = await renderText(text, box, {
    colour,
    bold: style.bold,
    align: style.align,
    maxPx: style.maxPx,
    fontFile: style.font,
  });
  const left = style.align === 'centre' ? box.x + Math.floor((box.width - rendered.width) / 2) : box.x;
  overlays.push({ input: rendered.png, left, top: box.y + Math.floor((box.height - rendered.height) / 2) });
  return {
    overlays,
    colour,
    px: rendered.px,
    legibility: { contrast: round2(ratio), busyness: Math.round(busy * 1000) / 1000, fixes },
  };
}

function worstOf(colour: string, range: { dark: number; light: number }): number {
  const l = relativeLuminance(hexToRgb(colour));
  return Math.min(contrastRatio(l, range.dark), contrastRatio(l, range.light));
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

async function ctaButton(label: string, box: Box, fill: string, candidates: readonly string[], fontFile?: string) {
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
  const rendered = await renderText(label, inner, {
    colour,
    bold: true,
    align: 'centre',
    maxPx: inner.height,
    fontFile,
  });
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
