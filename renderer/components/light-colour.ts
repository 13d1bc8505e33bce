/** WCAG relative luminance of a `#rrggbb` colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * Colours that vanish on a white panel (contrast with white under 1.25:1: white, cream, pale
 * greys and pastels) and so need an edge drawn around them.
 */
export function isLightColour(hex: string): boolean {
  return 1.05 / (relativeLuminance(hex) + 0.05) < 1.25;
}
