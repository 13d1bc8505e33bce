/**
 * Copy rendered with sharp's text input (Pango): the largest size at which the text fits its box,
 * capped so a short headline does not shout, wrapped by word. In the brand's font when a font file
 * is given (its family read from the file), else the system's sans-serif.
 */
import sharp from 'sharp';
import type { Box } from '../../shared/model/asset';
import { fontFamilyOf } from './font-family';

/** Brand font files (TTF/OTF paths) for headline and button, and for body text. */
export interface TextFonts {
  headline?: string;
  body?: string;
}

/** Pango's nominal size in the font description; the resolution (dpi) scales it to pixels. */
const NOMINAL_PT = 12;

export interface RenderedText {
  png: Buffer;
  width: number;
  height: number;
  /** The font size used, in pixels. */
  px: number;
}

export interface TextStyle {
  colour: string;
  bold?: boolean;
  align?: 'left' | 'centre';
  /** Largest font size in pixels. */
  maxPx: number;
  /** A TTF/OTF file to draw with. */
  fontFile?: string;
}

export async function renderText(text: string, box: Box, style: TextStyle): Promise<RenderedText> {
  const markup = `<span foreground="${style.colour}">${escapeMarkup(text)}</span>`;
  const family = style.fontFile ? await fontFamilyOf(style.fontFile) : 'sans';
  const font = `${family}${style.bold ? ' bold' : ''} ${NOMINAL_PT}`;
  const base = {
    text: markup,
    font,
    ...(style.fontFile && { fontfile: style.fontFile }),
    width: box.width,
    rgba: true,
    wrap: 'word' as const,
    align: style.align === 'centre' ? ('centre' as const) : ('left' as const),
  };
  let { data, info } = await sharp({ text: { ...base, height: box.height } })
    .png()
    .toBuffer({ resolveWithObject: true });
  let px = ((info.textAutofitDpi ?? 72) * NOMINAL_PT) / 72;
  if (px > style.maxPx) {
    px = style.maxPx;
    ({ data, info } = await sharp({ text: { ...base, dpi: Math.max(1, Math.round((px * 72) / NOMINAL_PT)) } })
      .png()
      .toBuffer({ resolveWithObject: true }));
  }
  return { png: data, width: Math.min(info.width, box.width), height: Math.min(info.height, box.height), px };
}

/** Copy is data: Pango markup characters are escaped, never interpreted. */
function escapeMarkup(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
