/**
 * Search and similarity over the store's in-memory asset index: facets with multi-select counts,
 * text, colour-near, more-like-this and near-duplicates. Reads the index, never changes it.
 */
export { runSearch, type CollectionMembers } from './search';
export { moreLikeThis, nearDuplicates } from './similarity';
export { namedConcept } from './search-words';
