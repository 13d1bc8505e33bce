import { queryOfParts, type QueryPart, type SearchInterpretation } from '../../shared/model/natural-search';
import type { AssetSummary, SearchQuery } from '../../shared/model/search';
import type { LibraryStore } from '../store';
import { interpretSentence } from './interpret-sentence';

/** Matches considered for ranking: a sentence names a few things, so the best are among these. */
const CANDIDATES = 1000;

export interface SentenceHit {
  asset: AssetSummary;
  /**
   * How strongly the image shows what the sentence asked for: 1 when it names no colour, else
   * the share of the image in the colours it named (an image mostly red ranks above a red accent).
   */
  score: number;
}

export interface SentenceSearch {
  interpretation: SearchInterpretation;
  query: SearchQuery;
  total: number;
  hits: SentenceHit[];
}

/** A sentence, interpreted and searched: every part must hold; the hits are ranked by the colours it names. */
export function searchBySentence(store: LibraryStore, sentence: string, limit = 20): SentenceSearch {
  const interpretation = interpretSentence(sentence);
  const query = queryOfParts(interpretation.parts);
  const result = store.search({ ...query, limit: CANDIDATES });
  const colours = interpretation.parts.filter((part) => part.kind === 'colour' && !part.negated);
  const hits = result.items
    .map((asset) => ({ asset, score: colourScore(asset, colours) }))
    // Stable: equal scores keep the library's order (newest first).
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  return { interpretation, query, total: result.total, hits };
}

function colourScore(asset: AssetSummary, colours: readonly QueryPart[]): number {
  if (colours.length === 0) return 1;
  const named = new Set(colours.map((part) => part.value));
  const share = asset.palette.filter((entry) => named.has(entry.name)).reduce((sum, entry) => sum + entry.share, 0);
  return Math.round(share * 1000) / 1000;
}
