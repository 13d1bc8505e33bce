import { useCallback, useEffect, useState } from 'react';
import { queryOfParts, type SearchInterpretation } from '../../shared/model/natural-search';
import { useApi } from '../api';
import { filtersOfParts } from './InterpretationBar';
import type { Filters } from './url-state';

/**
 * A sentence typed into search and Enter: understood by the engine, applied as filters, and kept
 * for the chips that show it until the search is changed another way (typing, a facet, Escape).
 */
export function useSentenceSearch(filters: Filters, setFilters: (update: (current: Filters) => Filters) => void) {
  const api = useApi();
  const [interpretation, setInterpretation] = useState<SearchInterpretation | null>(null);
  const [error, setError] = useState<string | null>(null);

  const ask = useCallback(
    (sentence: string) => {
      setError(null);
      api.interpretSearch({ sentence }).then(
        (understood) => {
          setInterpretation(understood);
          setFilters((f) => filtersOfParts(f, understood.parts));
        },
        (failure: Error) => setError(`Could not understand the search: ${failure.message}`),
      );
    },
    [api, setFilters],
  );

  // The search text changed under the chips (typed, cleared): they no longer describe it.
  const shownText = interpretation && queryOfParts(interpretation.parts).text;
  useEffect(() => {
    if (interpretation && (filters.text ?? undefined) !== shownText) setInterpretation(null);
  }, [filters.text, interpretation, shownText]);

  return { interpretation, setInterpretation, ask, error };
}
