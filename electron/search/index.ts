/** Search in words: a sentence typed into search as the structured query the facets use. */
export { interpretSentence } from './interpret-sentence';
export { searchByInterpretation, searchBySentence, type SentenceHit, type SentenceSearch } from './sentence-search';
export { SentenceInterpreter } from './sentence-interpreter';
