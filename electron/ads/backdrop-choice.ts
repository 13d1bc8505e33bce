/**
 * Which of the user's own library images a concept is drawn on: a pattern in colour harmony with the
 * product and the brand colours (a burgundy apple on a wine or rose print, not a black-and-white stripe),
 * and a calm photo in the product's colour mood for the lifestyle theme. Harmony here is closeness in
 * OKLab between the image's main colours (weighted by their share) and the product's and brand's, with a
 * penalty for a grey image behind a coloured product and for dark or busy photos.
 */
import path from 'node:path';
import type { Asset, PaletteColour } from '../../shared/model/asset';
import type { PatternLabel } from '../../shared/vocabulary/pattern-labels';
import { hexToOklab } from '../pixels';
import type { LibraryStore } from '../store';

/** Labels of designs that read as a pattern behind a product (not plain, photographic or a gradient). */
const BACKDROP_PATTERNS: PatternLabel[] = ['stripes', 'checks', 'dots', 'geometric', 'floral/organic'];
const CANDIDATES = 400;
/** OKLab chroma below which a colour reads as grey. */
const GREY_CHROMA = 0.04;

export interface ChosenImage {
  hash: string;
  label: string;
  colourNames: string[];
  palette: string[];
}

type Lab = readonly [number, number, number];

/** The library pattern in best harmony with these colours (product first, then brand), or null. */
export function choosePattern(store: LibraryStore, exclude: string, colours: readonly string[]): ChosenImage | null {
  const items = store.search({ patterns: BACKDROP_PATTERNS, limit: CANDIDATES }).items;
  return best(store, items, exclude, colours, () => 0);
}

/** A calm, light-enough library photo in the product's colour mood, or null when the library has none. */
export function chooseLifestylePhoto(
  store: LibraryStore,
  exclude: string,
  colours: readonly string[],
): ChosenImage | null {
  const items = store.search({ patterns: ['photo/other'], limit: CANDIDATES }).items;
  return best(store, items, exclude, colours, (asset) => {
    const lightness = asset.analysis.palette.reduce((sum, c) => sum + c.lab[0] * c.share, 0);
    // A dark photo behind a product reads as night, not a calm interior.
    return lightness < 0.45 ? 0.25 : 0;
  });
}

/** The name a recipe shows for a library image. */
export function imageName(asset: Asset): string {
  return path.basename(asset.locations[0]?.path ?? asset.hash.slice(0, 12));
}

function best(
  store: LibraryStore,
  items: readonly { hash: string }[],
  exclude: string,
  colours: readonly string[],
  penalty: (asset: Asset) => number,
): ChosenImage | null {
  const targets = colours.map(hexToOklab);
  let chosen: { asset: Asset; score: number } | null = null;
  for (const item of items) {
    if (item.hash === exclude) continue;
    const asset = store.getAsset(item.hash);
    if (!asset?.analysis.palette.length) continue;
    const score = disharmony(asset.analysis.palette, targets) + penalty(asset);
    if (!chosen || score < chosen.score) chosen = { asset, score };
  }
  if (!chosen) return null;
  const { asset } = chosen;
  return {
    hash: asset.hash,
    label: asset.analysis.pattern.label,
    colourNames: asset.analysis.palette.map((c) => c.name),
    palette: asset.analysis.palette.map((c) => c.hex),
  };
}

/** Lower is better: how far the image's main colours are from the wanted ones, and grey against colour. */
export function disharmony(palette: readonly PaletteColour[], targets: readonly Lab[]): number {
  if (!targets.length) return 0;
  const main = palette.slice(0, 4);
  const total = main.reduce((sum, c) => sum + c.share, 0) || 1;
  let distance = 0;
  for (const colour of main) {
    const nearest = Math.min(
      ...targets.map((t) => Math.hypot(colour.lab[0] - t[0], colour.lab[1] - t[1], colour.lab[2] - t[2])),
    );
    distance += (nearest * colour.share) / total;
  }
  const chromaOf = (lab: Lab) => Math.hypot(lab[1], lab[2]);
  const productChroma = chromaOf(targets[0]);
  const imageChroma = main.reduce((sum, c) => sum + (chromaOf(c.lab) * c.share) / total, 0);
  const greyBehindColour = productChroma > GREY_CHROMA * 1.5 && imageChroma < GREY_CHROMA ? 0.2 : 0;
  return distance + greyBehindColour;
}
