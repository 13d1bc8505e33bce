import type { SearchQuery } from '../../shared/model';

/**
 * The bench's search queries, as the UI issues them: facets, text, colour-near, more-like-this,
 * sorts and a deep offset. `someHash` picks an image for more-like-this; `deepOffset` is how far
 * down the date-sorted list one query pages.
 */
export function queryMix(someHash: () => string, deepOffset: number): Array<() => SearchQuery> {
  return [
    () => ({}),
    () => ({ text: 'design-4' }),
    () => ({ text: 'navy' }),
    () => ({ patterns: ['stripes'], colours: ['navy'] }),
    () => ({ colours: ['red', 'coral'], orientations: ['portrait'], sort: 'name' }),
    () => ({ colourNear: { hex: '#1b2a4a', tolerance: 12 } }),
    () => ({ colourNear: { hex: '#e1ad01', tolerance: 20 }, patterns: ['dots', 'checks'] }),
    () => ({ similarTo: someHash(), limit: 50 }),
    () => ({ tags: ['summer'], statuses: ['accepted'], sort: 'colourfulness' }),
    () => ({ folders: ['/library/prints/2023'], offset: 2000 }),
    () => ({ formats: ['tiff'], sort: 'date', order: 'asc', offset: deepOffset }),
  ];
}
