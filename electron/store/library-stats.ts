import { JOB_STATES, type JobState } from '../../shared/model';
import type { LibraryStats } from './library-store';
import type { LibraryState } from './library-state';
import { runSearch } from './search';

/** Counts for a status line: assets, files, failures, jobs by state, and the pattern and colour facets. */
export function libraryStats(state: LibraryState, errors: number): LibraryStats {
  const { facets } = runSearch(state.index, { limit: 1 });
  const byValue = (counts: { value: string; count: number }[]) =>
    Object.fromEntries(counts.map((c) => [c.value, c.count]));
  const jobs = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  for (const job of state.jobs.values()) jobs[job.state]++;
  return {
    assets: state.index.size,
    files: state.files.size,
    errors,
    jobs,
    patterns: byValue(facets.pattern),
    colours: byValue(facets.colour),
  };
}
