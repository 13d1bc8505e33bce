/** Bump when the analyzer's answers change, so stored analyses can be recomputed. */
export const ANALYZER_VERSION = 'local-2.0.0';
