import { AD_FORMATS, type AdFormatId, type Theme } from '../../shared/model';

export const THEME_LABELS: Record<Theme, string> = {
  studio: 'Studio',
  seasonal: 'Seasonal',
  lifestyle: 'Lifestyle',
  pattern: 'Library pattern',
};

/** "Studio #2": a variant as its card and the viewer name it. */
export function variantTitle(theme: Theme | undefined, index: number): string {
  return `${theme ? THEME_LABELS[theme] : 'Concept'} #${index}`;
}

function adFormat(id: AdFormatId): (typeof AD_FORMATS)[number] {
  return AD_FORMATS.find((format) => format.id === id)!;
}

/** "Square 1:1 · 1080×1080": the channel name marketers use, then its shape and pixels. */
export function formatLabel(id: AdFormatId): string {
  const format = adFormat(id);
  const name = id.replace(/-/g, ' ');
  // IAB formats are named by their pixels already.
  const shape = format.label.includes('×') ? format.label : `${format.label} · ${format.width}×${format.height}`;
  return `${name[0].toUpperCase()}${name.slice(1)} ${shape}`;
}

/** WCAG 2 asks 4.5:1 for body text; large text gets by with 3:1. */
export const CONTRAST_AA = 4.5;
