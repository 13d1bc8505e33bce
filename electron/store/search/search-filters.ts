import { hexToOklab } from '../../pixels';
import type { ColourNear, FacetName, ParsedSearchQuery } from '../../../shared/model';
import { MULTI_FACETS, type AssetIndex, type MultiFacet, type SingleFacet } from '../asset-index';
import { isUnder } from '../paths';
import { answerFilters, dateFilters, type AnswerHeads } from './answer-filters';
import { CONCEPT_WORDS, hasAnyConcept, parseSearchWords, type SearchWord } from './search-words';

export interface Filter {
  /** The facet this filter selects on (its counts are computed without it), or null for text and colour. */
  facet: FacetName | null;
  /** In a 'ranked' search, a part to count rather than one that must hold. */
  ranked?: boolean;
  test(slot: number): boolean;
}

/**
 * The active filters of a query, tests by slot. `colourScores` (by slot) receives the
 * share-weighted closeness of every asset the colour filter tests, for ranking without a second pass.
 */
export function buildFilters(
  index: AssetIndex,
  query: ParsedSearchQuery,
  colourScores: Float64Array | null,
  collectionMembers: ReadonlySet<string> | null = null,
  answers: AnswerHeads | null = null,
): Filter[] {
  const filters: Filter[] = [];
  const ranked = query.match === 'ranked';
  const lower = (v: string) => v.toLowerCase();
  const facet = (
    name: FacetName,
    values: readonly string[] | undefined,
    normalise = (v: string) => v,
    part = false,
  ) => {
    if (values?.length) filters.push({ ...facetFilter(index, name, values.map(normalise)), ranked: ranked && part });
  };
  facet('pattern', query.patterns);
  facet('colour', query.colours, lower);
  facet('format', query.formats, lower, true);
  facet('orientation', query.orientations, undefined, true);
  facet('status', query.statuses, undefined, true);
  facet('tag', query.tags);
  if (query.folders?.length) filters.push(folderFilter(index, query.folders));
  filters.push(...textFilters(index, parseSearchWords(query.text ?? ''), ranked));
  filters.push(...answerFilters(index, query, answers, ranked), ...dateFilters(index, query, ranked));
  if (query.colourNear && colourScores) filters.push(colourFilter(index, query.colourNear, colourScores));
  if (query.collections?.length) filters.push(slotSetFilter(index, collectionMembers ?? new Set()));
  if (query.similarTo !== undefined && index.slotOf(query.similarTo) === undefined) {
    // Similar to an asset that does not exist: nothing is.
    filters.push({ facet: null, test: () => false });
  }
  return filters;
}

function facetFilter(index: AssetIndex, name: FacetName, values: readonly string[]): Filter {
  const dictionary = index.dictionaries[name];
  const selected = new Uint8Array(dictionary.values.length);
  for (const value of values) {
    const code = dictionary.find(value);
    if (code !== undefined) selected[code] = 1;
  }
  if (!(MULTI_FACETS as readonly string[]).includes(name)) {
    const column = index.single[name as SingleFacet];
    return { facet: name, test: (slot) => selected[column[slot]] === 1 };
  }
  const codesBySlot = index.multi[name as MultiFacet];
  return {
    facet: name,
    test: (slot) => {
      const codes = codesBySlot[slot];
      for (let i = 0; i < codes.length; i++) if (selected[codes[i]] === 1) return true;
      return false;
    },
  };
}

/** One filter for all the words; ranked, one that must hold for the negated words and a part per other word. */
function textFilters(index: AssetIndex, words: readonly SearchWord[], ranked: boolean): Filter[] {
  if (!ranked) return words.length > 0 ? [textFilter(index, words)] : [];
  const negated = words.filter((word) => word.negated);
  return [
    ...(negated.length > 0 ? [textFilter(index, negated)] : []),
    ...words.filter((word) => !word.negated).map((word) => ({ ...textFilter(index, [word]), ranked: true })),
  ];
}

/** Every word must match (a negated one must not): a pattern or colour word through the asset's concepts, any other as a substring. */
function textFilter(index: AssetIndex, words: readonly SearchWord[]): Filter {
  const { texts } = index;
  return {
    facet: null,
    test: (slot) => {
      for (const word of words) {
        const found = word.concepts
          ? hasAnyConcept(index.concepts, slot * CONCEPT_WORDS, word.concepts)
          : texts[slot].includes(word.text);
        if (found === word.negated) return false;
      }
      return true;
    },
  };
}

/**
 * Any folder prefix. Every folder that holds an asset is a facet value already; for any other
 * prefix (a trailing separator, a folder not yet seen), only assets in a root containing it can
 * match, so the cheap root test runs before any path comparison.
 */
function folderFilter(index: AssetIndex, folders: readonly string[]): Filter {
  const dictionary = index.dictionaries.folder;
  if (folders.every((folder) => dictionary.find(folder) !== undefined)) return facetFilter(index, 'folder', folders);
  const roots = index.dictionaries.folder.values.filter((root) => index.isFolder(root));
  const containingRoots = roots.filter((root) => folders.some((folder) => isUnder(folder, root)));
  const inRoot = folders.every((folder) => roots.some((root) => isUnder(folder, root)))
    ? facetFilter(index, 'folder', containingRoots).test
    : () => true;
  const { paths } = index;
  return {
    facet: 'folder',
    test: (slot) => {
      if (!inRoot(slot)) return false;
      return paths.some(slot, (path) => folders.some((folder) => isUnder(path, folder)));
    },
  };
}

/**
 * Matches assets with a palette colour within tolerance. The score sums share × closeness
 * over those colours, so an image that is mostly navy outranks one with a navy accent.
 */
function colourFilter(index: AssetIndex, near: ColourNear, scores: Float64Array): Filter {
  const target = hexToOklab(near.hex);
  const tolerance = near.tolerance;
  // oklabDistance, inlined for the hot loop (Math.hypot is slow): 100 × Euclidean in OKLab.
  // Squared coordinates are compared first, so most colours need no square root.
  const bound = (tolerance / 100) ** 2;
  const { data: palette, width, lengths } = index.palettes;
  return {
    facet: null,
    test: (slot) => {
      const end = slot * width + lengths[slot];
      let matched = false;
      let score = 0;
      for (let i = slot * width; i < end; i += 4) {
        const dL = palette[i] - target[0];
        const da = palette[i + 1] - target[1];
        const db = palette[i + 2] - target[2];
        const squared = dL * dL + da * da + db * db;
        if (squared > bound) continue;
        const distance = 100 * Math.sqrt(squared);
        matched = true;
        score += palette[i + 3] * (1 - distance / tolerance);
      }
      scores[slot] = score;
      return matched;
    },
  };
}

/** Assets whose hash is in `hashes` (collection membership), as a per-slot lookup. */
function slotSetFilter(index: AssetIndex, hashes: ReadonlySet<string>): Filter {
  const inSet = new Uint8Array(index.slotCount);
  for (const hash of hashes) {
    const slot = index.slotOf(hash);
    if (slot !== undefined) inSet[slot] = 1;
  }
  return { facet: null, test: (slot) => inSet[slot] === 1 };
}
