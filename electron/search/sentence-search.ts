import { queryOfParts, type QueryPart, type SearchInterpretation } from '../../shared/model/natural-search';
import type { AssetSummary, SearchQuery } from '../../shared/model/search';
import type { LibraryStore } from '../store';
import { interpretSentence } from './interpret-sentence';

/** Matches considered for ranking: a sentence names a few things, so the best are among these. */
const CANDIDATES = 1000;

export interface SentenceHit {
  asset: AssetSummary;
  /** How many of the sentence's parts the image matched (negated ones excluded it outright), of `SentenceSearch.parts`. */
  matched: number;
  /**
   * Among images matching as many parts, how strongly it shows what the sentence asked for: 1 when
   * it names no colour, else the share of the image in the colours it named (mostly red above a red accent).
   */
  score: number;
}

export interface SentenceSearch {
  interpretation: SearchInterpretation;
  query: SearchQuery;
  total: number;
  /** How many parts there were to match (a status named twice, "reviewed", is one). */
  parts: number;
  hits: SentenceHit[];
}

/** A sentence, interpreted and searched: ranked by how many parts each image matched, then by the colours it names. */
export function searchBySentence(store: LibraryStore, sentence: string, limit = 20, now = Date.now()): SentenceSearch {
  return searchByInterpretation(store, interpretSentence(sentence, now), limit);
}

/** A sentence already read (by the built-in interpreter or a model), searched and ranked the same way. */
export function searchByInterpretation(
  store: LibraryStore,
  interpretation: SearchInterpretation,
  limit = 20,
): SentenceSearch {
  const query = queryOfParts(interpretation.parts);
  const result = store.search({ ...query, limit: CANDIDATES });
  const colours = interpretation.parts.filter((part) => part.kind === 'colour' && !part.negated);
  const hits = result.items
    .map((asset) => ({ asset, matched: asset.matched ?? 0, score: colourScore(asset, colours) }))
    // Stable: equal counts and scores keep the library's order (newest first).
    .sort((a, b) => b.matched - a.matched || b.score - a.score)
    .slice(0, limit);
  return { interpretation, query, total: result.total, parts: result.parts ?? 0, hits };
}

function colourScore(asset: AssetSummary, colours: readonly QueryPart[]): number {
  if (colours.length === 0) return 1;
  const named = new Set(colours.map((part) => part.value));
  const share = asset.palette.filter((entry) => named.has(entry.name)).reduce((sum, entry) => sum + entry.share, 0);
  return Math.round(share * 1000) / 1000;
}
