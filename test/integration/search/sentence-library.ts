import fs from 'node:fs/promises';
import path from 'node:path';
import { COLOUR_NAMES, type ColourName } from '../../../shared/vocabulary/colour-names';
import type { PatternLabel } from '../../../shared/vocabulary/pattern-labels';
import {
  makeChecks,
  makeDots,
  makeGeometric,
  makeGradient,
  makeOrganic,
  makeSolid,
  makeStripes,
} from '../../support/images';

/** What an image of the generated library is, known from how it was made (not from analysing it). */
export interface KnownImage {
  name: string;
  pattern: PatternLabel;
  colours: ColourName[];
  orientation: 'landscape' | 'portrait' | 'square';
}

const HEX = Object.fromEntries(COLOUR_NAMES.map((c) => [c.name, c.hex])) as Record<ColourName, string>;
const SIZES = { landscape: [360, 240], portrait: [240, 360], square: [300, 300] } as const;
const ORIENTATION_CYCLE = ['landscape', 'portrait', 'square'] as const;

type Two = [ColourName, ColourName];
const STRIPES: Two[] = [
  ['red', 'white'],
  ['navy', 'white'],
  ['mustard', 'white'],
  ['teal', 'cream'],
  ['green', 'white'],
  ['black', 'white'],
  ['navy', 'cream'],
  ['pink', 'white'],
];
const CHECKS: Two[] = [
  ['red', 'white'],
  ['navy', 'white'],
  ['green', 'cream'],
  ['pink', 'white'],
  ['mustard', 'cream'],
  ['black', 'white'],
];
const DOTS: Two[] = [
  ['red', 'white'],
  ['red', 'cream'],
  ['navy', 'white'],
  ['pink', 'cream'],
  ['teal', 'white'],
  ['black', 'white'],
];
const SOLIDS: ColourName[] = ['red', 'mustard', 'navy', 'teal', 'pink', 'cream'];
const GRADIENTS: Two[] = [
  ['teal', 'white'],
  ['navy', 'sky blue'],
];

/** Writes the library (30 images of known pattern, colours and orientation) into `root`. */
export async function writeSentenceLibrary(root: string): Promise<KnownImage[]> {
  const known: KnownImage[] = [];
  let n = 0;
  const add = async (pattern: PatternLabel, colours: ColourName[], make: (w: number, h: number) => Promise<Buffer>) => {
    const orientation = ORIENTATION_CYCLE[n % 3];
    const [width, height] = SIZES[orientation];
    const name = `${String(++n).padStart(2, '0')}-${pattern.replace('/', '-')}-${colours.join('-').replace(' ', '')}.png`;
    await fs.writeFile(path.join(root, name), await make(width, height));
    known.push({ name, pattern, colours, orientation });
  };
  for (const [fg, bg] of STRIPES)
    await add('stripes', [fg, bg], (width, height) =>
      makeStripes({
        width,
        height,
        period: 24,
        orientation: n % 2 ? 'vertical' : 'horizontal',
        colours: [HEX[fg], HEX[bg]],
      }),
    );
  for (const [fg, bg] of CHECKS)
    await add('checks', [fg, bg], (width, height) =>
      makeChecks({ width, height, period: 30, colours: [HEX[fg], HEX[bg]] }),
    );
  for (const [fg, bg] of DOTS)
    await add('dots', [fg, bg], (width, height) =>
      makeDots({ width, height, spacing: 30, radius: 8, colours: [HEX[fg], HEX[bg]] }),
    );
  for (const colour of SOLIDS)
    await add('solid', [colour], (width, height) => makeSolid({ width, height, colour: HEX[colour] }));
  for (const [from, to] of GRADIENTS)
    await add('gradient', [from, to], (width, height) =>
      makeGradient({ width, height, colours: [HEX[from], HEX[to]] }),
    );
  // The generators' own palettes (see test/support/images.ts).
  await add('floral/organic', ['cream', 'sage', 'red', 'pink', 'mustard', 'forest'], (width, height) =>
    makeOrganic({ width, height, seed: 3 }),
  );
  await add('geometric', ['teal', 'mustard', 'charcoal'], (width, height) =>
    makeGeometric({ width, height, cell: 40 }),
  );
  return known;
}
