/**
 * The region a variant edit may change, as a mask over the variant's pixels (255 = change): brushed
 * strokes, the background (all but the product, the copy, button, logo and fine print), or all but the
 * product. The product's own pixels are always taken out, so no edit can reach them.
 */
import type { AdCopy, BrandRules, VariantEditRequest } from '../../shared/model/ads';
import type { Box } from '../../shared/model/asset';
import { layoutNeeds, placed, type ProductCutout } from './compose';
import { layoutFor } from './layout';
import { applyStrokes } from './mask-edit';

/** Where a rendered variant put things: its size, its product, and what its layout reserved for text. */
export interface VariantFrame {
  width: number;
  height: number;
  productBox: Box;
  product: ProductCutout;
  copy: AdCopy;
  brand: BrandRules;
  hasLogo: boolean;
}

/** 255 wherever the product covers the variant at all (its soft edge included), 0 elsewhere. */
export async function productMask(frame: VariantFrame): Promise<Buffer> {
  const { rgba, box } = await placed(frame.product, frame.productBox);
  const mask = Buffer.alloc(frame.width * frame.height);
  for (let y = 0; y < box.height; y++)
    for (let x = 0; x < box.width; x++)
      if (rgba[(y * box.width + x) * 4 + 3] > 0) mask[(box.y + y) * frame.width + box.x + x] = 255;
  return mask;
}

export function editRegion(region: VariantEditRequest['region'], frame: VariantFrame, product: Buffer): Buffer {
  const { width, height } = frame;
  let mask: Buffer;
  if (typeof region === 'object') mask = applyStrokes(Buffer.alloc(width * height), width, height, region.strokes);
  else {
    mask = Buffer.alloc(width * height, 255);
    if (region === 'background') for (const box of textBoxes(frame)) fillBox(mask, width, box, 0);
  }
  for (let i = 0; i < mask.length; i++) if (product[i]) mask[i] = 0;
  return mask;
}

/** Where the layout puts the headline, sub-line, button, logo and fine print for this campaign and size. */
function textBoxes(frame: VariantFrame): Box[] {
  const layout = layoutFor(frame.width, frame.height, layoutNeeds(frame.copy, frame.brand, frame.hasLogo));
  return [layout.headline, layout.subline, layout.cta, layout.logo, layout.disclaimer].filter((b) => b !== null);
}

function fillBox(mask: Buffer, width: number, box: Box, value: number): void {
  const height = mask.length / width;
  const left = Math.max(0, box.x),
    right = Math.min(width, box.x + box.width);
  for (let y = Math.max(0, box.y); y < Math.min(height, box.y + box.height); y++)
    mask.fill(value, y * width + left, y * width + Math.max(left, right));
}

/** Whether the region reaches where the copy, button, logo or fine print are. */
export function touchesText(region: Buffer, frame: VariantFrame): boolean {
  return textBoxes(frame).some((box) => {
    for (let y = Math.max(0, box.y); y < Math.min(frame.height, box.y + box.height); y++)
      for (let x = Math.max(0, box.x); x < Math.min(frame.width, box.x + box.width); x++)
        if (region[y * frame.width + x]) return true;
    return false;
  });
}

/** Share of the picture a mask covers (0–1). */
export function coverage(mask: Buffer): number {
  let count = 0;
  for (const value of mask) if (value) count++;
  return count / mask.length;
}
