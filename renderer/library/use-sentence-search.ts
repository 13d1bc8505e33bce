import { useCallback, useEffect, useState } from 'react';
import { queryOfParts, type SearchInterpretation } from '../../shared/model/natural-search';
import { useApi, useModelStream } from '../api';
import { filtersOfParts } from './InterpretationBar';
import type { Filters } from './url-state';

/**
 * A sentence typed into search and Enter: understood by the engine, applied as filters, and kept
 * for the chips that show it until the search is changed another way (typing, a facet, Escape).
 */
export function useSentenceSearch(
  filters: Filters,
  setFilters: (update: (current: Filters) => Filters) => void,
  /** The image open or the one selected: what "like this" and "warmer" start from. */
  reference: string | null,
) {
  const api = useApi();
  const [interpretation, setInterpretation] = useState<SearchInterpretation | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** While the engine reads the sentence: the model's reading so far when it asks one (with Stop). */
  const [asking, setAsking] = useState(false);
  const stream = useModelStream();
  const { begin } = stream;

  const ask = useCallback(
    (sentence: string) => {
      setError(null);
      setAsking(true);
      api
        .interpretSearch({ sentence, streamId: begin(), ...(reference && { like: reference }) })
        .then(
          (understood) => {
            setInterpretation(understood);
            setFilters((f) => filtersOfParts(f, understood.parts));
          },
          (failure: Error) => setError(`Could not understand the search: ${failure.message}`),
        )
        .finally(() => setAsking(false));
    },
    [api, begin, setFilters, reference],
  );

  // The search text changed under the chips (typed, cleared): they no longer describe it, and typed
  // words must all match again.
  const shownText = interpretation && queryOfParts(interpretation.parts).text;
  useEffect(() => {
    if (!interpretation || (filters.text ?? undefined) === shownText) return;
    setInterpretation(null);
    setFilters((f) => ({ ...f, match: undefined }));
  }, [filters.text, interpretation, shownText, setFilters]);

  return { interpretation, setInterpretation, ask, error, asking, stream };
}
