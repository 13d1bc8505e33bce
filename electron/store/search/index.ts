/**
 * Search and similarity over the store's in-memory asset index: facets with multi-select counts,
 * text, colour-near, model answers and dates, ranking by parts matched (a sentence's search),
 * more-like-this and near-duplicates. Reads the index, never changes it.
 */
export { runSearch, type CollectionMembers } from './search';
export type { AnswerHeads } from './answer-filters';
export { moreLikeThis, nearDuplicates } from './similarity';
export { namedConcept } from './search-words';
