/**
 * Concepts: a theme turned into a text-to-image prompt (and a negative prompt) from the
 * product's salient features, the campaign notes and the library's own palettes and patterns.
 * Prompts are editable afterwards; these are starting points a marketer would write.
 */
import { randomUUID } from 'node:crypto';
import type { Concept, SalientFeatures, Season, Theme } from '../../shared/model/ads';

export const NEGATIVE_PROMPT =
  'text, letters, words, watermark, logo, signature, people, hands, extra ' +
  'products, duplicate product, cropped product, blurry, distorted, low quality';

const SEASON_OF_MONTH: readonly Season[] = [
  'winter',
  'winter',
  'spring',
  'spring',
  'spring',
  'summer',
  'summer',
  'summer',
  'autumn',
  'autumn',
  'autumn',
  'winter',
];
const SEASON_SCENES: Record<Season, string> = {
  winter: 'a cosy winter setting with soft snow light, knitted textures and evergreen sprigs',
  spring: 'a fresh spring setting with blossom, pale morning light and light wood',
  summer: 'a bright summer setting with warm sunlight, linen and long soft shadows',
  autumn: 'a warm autumn setting with golden light, fallen leaves and rich wood tones',
};

export interface ConceptInput {
  productName: string;
  features: SalientFeatures;
  notes: string;
  /** The product's own colours, then complementary ones from the library. */
  palette: string[];
  /** A library pattern for the pattern theme, with its label and colour names. */
  pattern: { hash: string; label: string; colourNames: string[]; palette: string[] } | null;
  /** A library photo for the lifestyle theme (the local compositor blurs it behind the product). */
  photo: { hash: string } | null;
  themes: readonly Theme[];
  now: number;
}

export function buildConcepts(input: ConceptInput): Concept[] {
  const { features } = input;
  const product = `${features.productType}${input.productName ? ` (${input.productName})` : ''}`;
  const colours = features.colours
    .map((c) => c.name)
    .slice(0, 3)
    .join(', ');
  const material = features.materials.length ? ` in ${features.materials.slice(0, 2).join(' and ')}` : '';
  const season = SEASON_OF_MONTH[new Date(input.now).getUTCMonth()];
  const prompts: Record<Theme, () => Omit<Concept, 'id' | 'theme' | 'negativePrompt'> | null> = {
    studio: () => ({
      prompt:
        `Professional studio product photograph of a ${product}${material}, on a seamless backdrop in colours that complement ` +
        `${colours || 'the product'}, soft diffused lighting, gentle floor shadow, premium commercial style, ` +
        'empty space around the product',
      palette: input.palette.slice(0, 4),
      patternHash: null,
      photoHash: null,
      season: null,
    }),
    seasonal: () => ({
      prompt:
        `${capitalise(season)} advertising photograph: a ${product} placed in ` +
        `${SEASON_SCENES[season]}, shallow depth of field, the product clearly the hero in the centre`,
      palette: input.palette.slice(0, 4),
      patternHash: null,
      photoHash: null,
      season,
    }),
    lifestyle: () => ({
      prompt:
        `Lifestyle photograph of a ${product}${material} in a calm, tidy, naturally lit ` +
        `interior that suits it, editorial style, uncluttered, the product clearly visible`,
      palette: input.palette.slice(0, 4),
      patternHash: null,
      photoHash: input.photo?.hash ?? null,
      season: null,
    }),
    pattern: () =>
      input.pattern && {
        prompt:
          `Flat, evenly lit background of a ${input.pattern.label} print in ` +
          `${input.pattern.colourNames.slice(0, 3).join(', ')}, seamless, no objects, fills the frame`,
        palette: input.pattern.palette.slice(0, 4),
        patternHash: input.pattern.hash,
        photoHash: null,
        season: null,
      },
  };
  const notes = input.notes.trim() ? ` Respect: ${input.notes.trim().slice(0, 200)}.` : '';
  return input.themes.flatMap((theme) => {
    const concept = prompts[theme]();
    return concept
      ? [
          {
            id: randomUUID(),
            theme,
            negativePrompt: NEGATIVE_PROMPT,
            ...concept,
            prompt: `${concept.prompt}.${notes}`.slice(0, 1024),
          },
        ]
      : [];
  });
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
