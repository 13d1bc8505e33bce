/**
 * Where things go on each channel format: the product region, headline, sub-line, button,
 * logo and fine print, inside safe margins. Arrangements follow the shape: a banner runs in
 * one row, a wide card puts the product beside the copy, a square stacks them, and tall
 * formats keep clear of the bands that stories cover with their own interface.
 */
import type { Box } from '../../shared/model/asset';

export interface AdLayout {
  width: number;
  height: number;
  /** Where the product is fitted (scaled to fit whole, never cropped). */
  product: Box;
  headline: Box;
  subline: Box | null;
  cta: Box;
  logo: Box | null;
  disclaimer: Box | null;
}

export interface LayoutNeeds {
  subline: boolean;
  logo: boolean;
  disclaimer: boolean;
}

const box = (x: number, y: number, width: number, height: number): Box => ({
  x: Math.round(x),
  y: Math.round(y),
  width: Math.max(1, Math.round(width)),
  height: Math.max(1, Math.round(height)),
});

export function layoutFor(width: number, height: number, needs: LayoutNeeds): AdLayout {
  const aspect = width / height;
  if (aspect >= 3) return banner(width, height, needs);
  if (aspect >= 1.5) return sideBySide(width, height, needs);
  if (aspect >= 0.9) return stacked(width, height, needs);
  return tall(width, height, needs);
}

/** 728×90: logo · product · copy · button in one row, fine print under the copy. */
function banner(w: number, h: number, n: LayoutNeeds): AdLayout {
  const m = Math.round(h * 0.1);
  const inner = h - 2 * m;
  const logo = n.logo ? box(m, m, inner, inner) : null;
  const productX = (logo ? logo.x + logo.width : 0) + m;
  const product = box(productX, m, inner * 1.4, inner);
  const ctaWidth = w * 0.2;
  const cta = box(w - m - ctaWidth, h * 0.25, ctaWidth, h * 0.5);
  const copyX = product.x + product.width + m;
  const copyWidth = cta.x - m - copyX;
  const fine = n.disclaimer ? inner * 0.2 : 0;
  const headline = box(copyX, m, copyWidth, (inner - fine) * (n.subline ? 0.6 : 1));
  const subline = n.subline ? box(copyX, headline.y + headline.height, copyWidth, (inner - fine) * 0.4) : null;
  return {
    width: w,
    height: h,
    product,
    headline,
    subline,
    cta,
    logo,
    disclaimer: n.disclaimer ? box(copyX, h - m - fine, copyWidth, fine) : null,
  };
}

/** 1200×628: product on the left half, copy and button on the right. */
function sideBySide(w: number, h: number, n: LayoutNeeds): AdLayout {
  const m = Math.round(Math.min(w, h) * 0.06);
  const fine = n.disclaimer ? h * 0.05 : 0;
  const logo = n.logo ? box(m, m, h * 0.14, h * 0.14) : null;
  const productTop = logo ? logo.y + logo.height + m / 2 : m;
  const product = box(m, productTop, w / 2 - 1.5 * m, h - productTop - m - fine);
  const copyX = w / 2 + m / 2;
  const copyWidth = w / 2 - 1.5 * m;
  const headline = box(copyX, h * 0.16, copyWidth, h * 0.3);
  const subline = n.subline ? box(copyX, headline.y + headline.height + m / 2, copyWidth, h * 0.18) : null;
  const cta = box(copyX, h * 0.68, Math.min(copyWidth, w * 0.24), h * 0.12);
  return {
    width: w,
    height: h,
    product,
    headline,
    subline,
    cta,
    logo,
    disclaimer: n.disclaimer ? box(m, h - m / 2 - fine, w - 2 * m, fine) : null,
  };
}

/** 1080×1080 and 300×250: product above, then headline, sub-line, button and fine print in bands. */
function stacked(w: number, h: number, n: LayoutNeeds): AdLayout {
  const m = Math.round(Math.min(w, h) * 0.05);
  const logo = n.logo ? box(m, m, w * 0.12, w * 0.12) : null;
  // Beside the logo, not under it: the product keeps the centre and narrows symmetrically.
  const productX = Math.max(w * 0.15, logo ? logo.x + logo.width + m / 2 : 0);
  const product = box(productX, m, w - 2 * productX, h * 0.54 - m);
  const headline = box(m, h * 0.56, w - 2 * m, h * 0.12);
  const subline = n.subline ? box(m, h * 0.69, w - 2 * m, h * 0.08) : null;
  const ctaWidth = w * 0.42;
  const cta = box((w - ctaWidth) / 2, h * 0.79, ctaWidth, h * 0.09);
  return {
    width: w,
    height: h,
    product,
    headline,
    subline,
    cta,
    logo,
    disclaimer: n.disclaimer ? box(m, h * 0.91, w - 2 * m, h * 0.045) : null,
  };
}

/** 4:5 and 9:16: headline on top, product in the middle, button low — clear of story overlays (top 14 %, bottom 20 %). */
function tall(w: number, h: number, n: LayoutNeeds): AdLayout {
  const m = Math.round(w * 0.06);
  const isStory = h / w > 1.6;
  const top = isStory ? h * 0.14 : m;
  const usable = (isStory ? h * 0.8 : h - m) - top;
  const band = (from: number, size: number, x = m, width = w - 2 * m) =>
    box(x, top + usable * from, width, usable * size);
  const logo = n.logo ? box(m, top, w * 0.14, w * 0.14) : null;
  const headlineX = logo ? m + logo.width + m / 2 : m;
  const headline = band(0, 0.14, headlineX, w - m - headlineX);
  const product = band(0.17, 0.5);
  const subline = n.subline ? band(0.69, 0.09) : null;
  const ctaWidth = w * 0.5;
  const cta = band(0.81, 0.09, (w - ctaWidth) / 2, ctaWidth);
  return {
    width: w,
    height: h,
    product,
    headline,
    subline,
    cta,
    logo,
    disclaimer: n.disclaimer ? band(0.93, 0.04) : null,
  };
}

/** The largest box with the product's aspect ratio inside `region`, centred: the product is never cropped. */
export function fitInside(productWidth: number, productHeight: number, region: Box): Box {
  const scale = Math.min(region.width / productWidth, region.height / productHeight);
  const width = Math.max(1, Math.floor(productWidth * scale));
  const height = Math.max(1, Math.floor(productHeight * scale));
  return {
    x: region.x + Math.floor((region.width - width) / 2),
    y: region.y + Math.floor((region.height - height) / 2),
    width,
    height,
  };
}
