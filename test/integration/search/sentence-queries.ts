import type { ColourName } from '../../../shared/vocabulary/colour-names';
import type { KnownImage } from './sentence-library';

/** A basic colour word means its shades too, as the search vocabulary has it ("blue" finds navy). */
const FAMILY: Partial<Record<ColourName, ColourName[]>> = {
  red: ['burgundy'],
  pink: ['magenta', 'coral'],
  yellow: ['mustard'],
  green: ['olive', 'lime', 'mint', 'sage', 'forest'],
  blue: ['cobalt', 'navy', 'sky blue'],
  white: ['cream'],
};
export const has = (k: KnownImage, colour: ColourName) =>
  k.colours.includes(colour) || (FAMILY[colour] ?? []).some((shade) => k.colours.includes(shade));
export const is = (k: KnownImage, pattern: KnownImage['pattern']) => k.pattern === pattern;

/** Sentences a designer types, and which images of the generated library answer each (by how they were made). */
export const QUERIES: [string, (k: KnownImage) => boolean][] = [
  ['red dots', (k) => is(k, 'dots') && has(k, 'red')],
  ['dots red', (k) => is(k, 'dots') && has(k, 'red')],
  ['red polka dots on cream, no stripes', (k) => is(k, 'dots') && has(k, 'red') && has(k, 'cream')],
  ['navy stripes', (k) => is(k, 'stripes') && has(k, 'navy')],
  ['striped navy', (k) => is(k, 'stripes') && has(k, 'navy')],
  ['navy pinstripes in portrait', (k) => is(k, 'stripes') && has(k, 'navy') && k.orientation === 'portrait'],
  ['gingham in green', (k) => is(k, 'checks') && has(k, 'green')],
  ['plaid, no red', (k) => is(k, 'checks') && !has(k, 'red')],
  ['checked designs without black', (k) => is(k, 'checks') && !has(k, 'black')],
  ['mustard checks on cream', (k) => is(k, 'checks') && has(k, 'mustard') && has(k, 'cream')],
  ['pink dots', (k) => is(k, 'dots') && has(k, 'pink')],
  ['spotty pink on cream', (k) => is(k, 'dots') && has(k, 'pink') && has(k, 'cream')],
  ['teal spots', (k) => is(k, 'dots') && has(k, 'teal')],
  ['black and white stripes', (k) => is(k, 'stripes') && has(k, 'black') && has(k, 'white')],
  ['stripes but no navy', (k) => is(k, 'stripes') && !has(k, 'navy')],
  ['plain mustard', (k) => is(k, 'solid') && has(k, 'mustard')],
  ['solid red', (k) => is(k, 'solid') && has(k, 'red')],
  ['a plain teal', (k) => is(k, 'solid') && has(k, 'teal')],
  ['solids without red', (k) => is(k, 'solid') && !has(k, 'red')],
  ['anything pink', (k) => has(k, 'pink')],
  ['reddish prints', (k) => has(k, 'red')],
  ['something navy', (k) => has(k, 'navy')],
  ['florals', (k) => is(k, 'floral/organic')],
  ['floral prints with sage', (k) => is(k, 'floral/organic') && has(k, 'sage')],
  ['geometric in mustard and teal', (k) => is(k, 'geometric') && has(k, 'mustard') && has(k, 'teal')],
  ['teal gradient', (k) => is(k, 'gradient') && has(k, 'teal')],
  ['ombre navy', (k) => is(k, 'gradient') && has(k, 'navy')],
  ['landscape checks', (k) => is(k, 'checks') && k.orientation === 'landscape'],
  ['square dots', (k) => is(k, 'dots') && k.orientation === 'square'],
  ['portrait stripes', (k) => is(k, 'stripes') && k.orientation === 'portrait'],
  ['cream backgrounds', (k) => has(k, 'cream')],
  ['white', (k) => has(k, 'white')],
  ['green', (k) => has(k, 'green')],
  ['blue stripes', (k) => is(k, 'stripes') && has(k, 'blue')],
  ['no stripes, no checks, no dots', (k) => !is(k, 'stripes') && !is(k, 'checks') && !is(k, 'dots')],
  ['red without dots', (k) => has(k, 'red') && !is(k, 'dots')],
  ['navy florals for a summer dress', (k) => is(k, 'floral/organic') && has(k, 'navy')],
  ['teal and pink', (k) => has(k, 'teal') && has(k, 'pink')],
  ['mustard', (k) => has(k, 'mustard')],
  ['checks', (k) => is(k, 'checks')],
];
